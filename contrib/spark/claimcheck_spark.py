#!/usr/bin/env python3
"""Run claimcheck over a corpus too large for one machine, on Apache Spark.

The corpus is split into partitions; on the executors each partition is
written to a scratch folder laid out like the original sources folder and the
claimcheck binary (shipped with the job) runs on it:

1. ``claimcheck stats`` per partition, reduced with ``claimcheck stats --merge``
   (a tree reduction): the whole corpus's statistics;
2. ``claimcheck check --stats`` per partition: each shard judged exactly as the
   whole corpus would judge it, written as a JSON shard report;
3. on the driver, ``claimcheck merge`` of the shard reports: the report of a
   single run over the whole corpus (byte for byte), in any format, and its
   exit code (0 pass, 1 some claim fails, 2 input error).

Input: a folder of text files (``--input DIR``, read recursively; ``.charmap``
sidecars travel with their source), or a table of ``(id, text)`` rows
(``--table PATH --table-format parquet|json``; each row becomes ``<id>.txt``).
See README.md beside this file for ``spark-submit`` on a cluster.
"""

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import zlib

BINARY_NAME = "claimcheck"


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--input", help="sources folder (local path or any Hadoop URI: hdfs://, s3a://)")
    src.add_argument("--table", help="a table of (id, text) rows")
    p.add_argument("--table-format", choices=["parquet", "json"], default="parquet",
                   help="format of --table (json: JSON lines)")
    p.add_argument("--id-column", default="id")
    p.add_argument("--text-column", default="text")
    p.add_argument("--label", help="the sources folder name shown in reports (default: --input as "
                   "given when it is a relative path, else its last component; `corpus` for --table)")
    p.add_argument("--binary", required=True, help="the claimcheck binary (built for the executors' platform)")
    p.add_argument("--claims", required=True, nargs="+",
                   help="claims files, relative paths as a single run would be given them")
    p.add_argument("--partitions", type=int, default=0, help="number of partitions (default: Spark's default parallelism)")
    p.add_argument("--format", "-f", default="table", help="output format of the merged report")
    p.add_argument("--output", "-o", help="write the merged report there instead of stdout")
    p.add_argument("--fail-on", help="fail policy, as for `claimcheck check`")
    p.add_argument("--evidence", action="store_true")
    p.add_argument("--lexicon", help="a dictd .index file shipped to the executors (default: the "
                   "executors' installed FreeDict eng-ara, if any)")
    p.add_argument("--check-arg", action="append", default=[],
                   help="an extra argument for every `claimcheck check` (repeatable)")
    p.add_argument("--work", help="driver folder for the stats and shard reports (default: a temporary one, removed)")
    p.add_argument("--log-level", default="WARN", help="Spark's log level (ERROR, WARN, INFO...)")
    p.add_argument("--master", help="Spark master when not started by spark-submit (e.g. local[2])")
    return p.parse_args(argv)


def safe_relative(path, what):
    """A relative path without `..`, as written in reports; refuses anything else."""
    norm = os.path.normpath(path)
    if os.path.isabs(norm) or norm == ".." or norm.startswith(".." + os.sep):
        sys.exit(f"error: {what} `{path}` must be a relative path inside the working folder "
                 f"(reports name it as given); run from its parent folder")
    return norm


def group_key(rel):
    """Sources and their .charmap sidecars go to the same partition."""
    return rel[: -len(".charmap")] if rel.endswith(".charmap") else rel


def partition_of(key, n):
    # A stable hash (Python's str hash is salted per process).
    return zlib.crc32(key.encode("utf-8")) % n


def binary_path():
    from pyspark import SparkFiles
    path = SparkFiles.get(BINARY_NAME)
    if not os.access(path, os.X_OK):
        os.chmod(path, 0o755)
    return path


def run(cmd, cwd, allowed=(0,)):
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True)
    if proc.returncode not in allowed:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr.decode('utf-8', 'replace')}")
    return proc


def write_file(path, data):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


@contextlib.contextmanager
def scratch(prefix, files=()):
    """A temporary folder holding `files` ((path, data) pairs), removed afterwards."""
    root = tempfile.mkdtemp(prefix=prefix)
    try:
        for rel, data in files:
            write_file(os.path.join(root, rel), data)
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def stats_task(label):
    def task(docs):
        docs = [(os.path.join(label, rel), data) for rel, data in docs]
        if not docs:
            return
        with scratch("claimcheck-stats-", docs) as root:
            yield run([binary_path(), "stats", label], cwd=root).stdout.decode("utf-8")
    return task


def merge_stats(a, b):
    """Adds up two stats files (runs on executors and, last, on the driver)."""
    with scratch("claimcheck-merge-", [("a.json", a), ("b.json", b)]) as root:
        return run([binary_path(), "stats", "--merge", "a.json", "b.json"], cwd=root).stdout.decode("utf-8")


def check_task(label, claims_bc, stats_bc, lexicon, extra):
    def task(index, docs):
        docs = [(os.path.join(label, rel), data) for rel, data in docs]
        if not docs:
            return
        files = docs + list(claims_bc.value.items()) + [("stats.json", stats_bc.value)]
        with scratch("claimcheck-check-", files) as root:
            cmd = [binary_path(), "check", "--sources", label, "--stats", "stats.json",
                   "--format", "json", "--output", "report.json"]
            if lexicon:
                from pyspark import SparkFiles
                cmd += ["--lexicon", SparkFiles.get(os.path.basename(lexicon))]
            cmd += extra + list(claims_bc.value.keys())
            proc = run(cmd, cwd=root, allowed=(0, 1))
            with open(os.path.join(root, "report.json"), encoding="utf-8") as f:
                yield index, f.read(), proc.stderr.decode("utf-8", "replace")
    return task


def read_docs(spark, args):
    """The corpus as an RDD of (relative path, bytes), and the label."""
    sc = spark.sparkContext
    if args.input:
        label = args.label or (args.input if not os.path.isabs(args.input) and "://" not in args.input
                               else os.path.basename(os.path.normpath(args.input)))
        sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
        uri = args.input if "://" in args.input else "file://" + os.path.abspath(args.input)
        prefix = uri.rstrip("/") + "/"

        def relative(kv):
            path, data = kv
            # Hadoop writes file:/x for file:///x.
            p = path.replace("file:///", "file:/", 1)
            q = prefix.replace("file:///", "file:/", 1)
            if not p.startswith(q):
                raise RuntimeError(f"{path} is not under {prefix}")
            return p[len(q):], bytes(data)

        docs = sc.binaryFiles(uri).map(relative)
    else:
        label = args.label or "corpus"
        reader = spark.read.parquet if args.table_format == "parquet" else spark.read.json
        df = reader(args.table).select(args.id_column, args.text_column)
        docs = df.rdd.map(lambda row: (f"{row[0]}.txt", (row[1] or "").encode("utf-8")))
    return docs, safe_relative(label, "--label")


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from pyspark.sql import SparkSession

    claims = {}
    for path in args.claims:
        rel = safe_relative(path, "claims file")
        with open(path, "rb") as f:
            claims[rel] = f.read()

    builder = SparkSession.builder.appName("claimcheck").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel(args.log_level)
    sc.addFile(os.path.abspath(args.binary))
    if args.lexicon:
        sc.addFile(os.path.abspath(args.lexicon))
        for ext in (".dict.dz", ".dict"):
            beside = os.path.splitext(args.lexicon)[0] + ext
            if os.path.exists(beside):
                sc.addFile(os.path.abspath(beside))
    work = args.work or tempfile.mkdtemp(prefix="claimcheck-spark-")
    os.makedirs(work, exist_ok=True)
    try:
        docs, label = read_docs(spark, args)
        n = args.partitions or sc.defaultParallelism
        shards = (docs.map(lambda kv: (group_key(kv[0]), kv))
                  .partitionBy(n, lambda k: partition_of(k, n))
                  .values()
                  .persist())
        stats = shards.mapPartitions(stats_task(label)).treeReduce(merge_stats)
        write_file(os.path.join(work, "stats.json"), stats)
        claims_bc = sc.broadcast(claims)
        stats_bc = sc.broadcast(stats)
        extra = list(args.check_arg)
        results = sorted(shards.mapPartitionsWithIndex(
            check_task(label, claims_bc, stats_bc, args.lexicon, extra)).collect())
        shards.unpersist()
        seen = set()
        reports = []
        for index, report, stderr in results:
            for line in stderr.splitlines():
                if line not in seen:  # the same warning from every shard once
                    seen.add(line)
                    print(line, file=sys.stderr)
            path = os.path.join(work, f"shard-{index:05}.json")
            write_file(path, report)
            reports.append(path)
        if not reports:
            sys.exit("error: the corpus is empty: no partition holds a source")
        cmd = [os.path.abspath(args.binary), "merge", "--format", args.format]
        if args.output:
            cmd += ["--output", os.path.abspath(args.output)]
        if args.fail_on:
            cmd += ["--fail-on", args.fail_on]
        if args.evidence:
            cmd.append("--evidence")
        code = subprocess.run(cmd + reports).returncode
    finally:
        spark.stop()
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
