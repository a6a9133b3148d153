#!/usr/bin/env bash
# Proves that sharded runs on Spark give the single run's bytes: the seeds and
# a generated corpus (contrib/spark/gen_corpus.py, 2000 articles recombined
# from the seeds' sentences) are checked once by one `claimcheck check`, then
# by the Spark driver in local mode with 2 and 4 partitions; the JSON reports
# and the exit codes must be identical; the seeds are also read as a JSON-lines
# and as a Parquet table of (id, text). Run by .ci/run after `cargo test`.
#
# Needs Java 17 (`java` on PATH) and python3; installs PySpark from PyPI into
# a virtualenv (CLAIMCHECK_SPARK_VENV, default target/spark-venv). Uses the
# binary CLAIMCHECK_BIN (default target/debug/claimcheck, built if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${CLAIMCHECK_BIN:-target/debug/claimcheck}
VENV=${CLAIMCHECK_SPARK_VENV:-target/spark-venv}
ARTICLES=${CLAIMCHECK_SPARK_ARTICLES:-2000}
PYSPARK_VERSION=3.5.7

command -v java >/dev/null || { echo "contrib/spark/test.sh: java (17) is required" >&2; exit 2; }
[ -x "$BIN" ] || cargo build --locked
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
if ! "$VENV/bin/python" -c "import pyspark" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "pyspark==$PYSPARK_VERSION"
fi
PY=$(cd "$VENV/bin" && pwd)/python
export PYSPARK_PYTHON=$PY PYSPARK_DRIVER_PYTHON=$PY SPARK_LOCAL_IP=127.0.0.1

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
status=0

# prove NAME FOLDER INPUT PARTITIONS CLAIMS...: a single run over FOLDER vs
# Spark reading INPUT (`--input DIR` or `--table FILE ...`) with each partition count.
prove() {
  local name=$1 folder=$2 input=$3 counts=$4; shift 4
  local dir=$WORK/$name single=0 code=0
  (cd "$dir" && "$BIN" check --sources "$folder" "$@" -f json -o single.json 2>/dev/null) || single=$?
  for p in $counts; do
    code=0
    # shellcheck disable=SC2086 # INPUT is several words
    (cd "$dir" && "$PY" "$ROOT/contrib/spark/claimcheck_spark.py" --master 'local[2]' --log-level ERROR \
       --binary "$BIN" $input --label "$folder" --partitions "$p" --claims "$@" -f json -o "spark-$p.json" 2>"spark-$p.log") || code=$?
    if [ "$code" -ne "$single" ]; then
      echo "FAIL $name, $p partitions: exit $code, single run $single" >&2; cat "$dir/spark-$p.log" >&2; status=1
    elif ! cmp -s "$dir/single.json" "$dir/spark-$p.json"; then
      echo "FAIL $name, $p partitions: the report differs from the single run's" >&2; status=1
    else
      echo "ok   $name, $p partitions: byte-identical ($(wc -c <"$dir/single.json") bytes, exit $code)"
    fi
  done
}

mkdir -p "$WORK/seeds/claims" "$WORK/generated/claims"
cp -r seeds "$WORK/seeds/seeds"
cp claims/example.yaml tests/data/shard/claims.yaml "$WORK/seeds/claims/"
prove seeds seeds "--input seeds" "2 4" claims/example.yaml claims/claims.yaml

# The seeds as a JSON-lines table of (id, text) rows (no .charmap sidecars there).
mkdir -p "$WORK/table/claims" "$WORK/table/corpus"
cp seeds/*.txt "$WORK/table/corpus/"
cp tests/data/shard/claims.yaml "$WORK/table/claims/"
python3 - "$WORK/table" <<'PY'
import json, os, sys
root = sys.argv[1]
with open(os.path.join(root, "corpus.jsonl"), "w", encoding="utf-8") as out:
    for name in sorted(os.listdir(os.path.join(root, "corpus"))):
        with open(os.path.join(root, "corpus", name), encoding="utf-8") as f:
            out.write(json.dumps({"id": name[:-4], "text": f.read()}, ensure_ascii=False) + "\n")
PY
prove table corpus "--table corpus.jsonl --table-format json" "2" claims/claims.yaml

# The same table as Parquet, written by Spark itself.
cp -r "$WORK/table" "$WORK/parquet"
"$PY" - "$WORK/parquet" <<'PY' 2>/dev/null
import sys
from pyspark.sql import SparkSession
root = sys.argv[1]
spark = SparkSession.builder.master("local[1]").appName("claimcheck-parquet-fixture").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
spark.read.json(root + "/corpus.jsonl").select("id", "text").write.parquet(root + "/corpus.parquet")
spark.stop()
PY
prove parquet corpus "--table corpus.parquet --table-format parquet" "2" claims/claims.yaml

python3 contrib/spark/gen_corpus.py seeds "$WORK/generated/corpus" --count "$ARTICLES"
cp tests/data/shard/claims.yaml "$WORK/generated/claims/"
prove generated corpus "--input corpus" "2 4" claims/claims.yaml
exit $status
