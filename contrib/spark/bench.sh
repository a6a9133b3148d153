#!/usr/bin/env bash
# Times for BENCHMARKS.md: one `claimcheck check` (and `stats`) vs the Spark
# driver in local mode with 1, 2 and 4 partitions, on the generated corpus;
# RUNS runs each, wall time and CPU time (user+sys of the command and all
# its descendants: JVM, Python workers, claimcheck) printed for every run.
#   contrib/spark/bench.sh [ARTICLES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
ARTICLES=${1:-2000}
RUNS=${2:-3}
BIN=$ROOT/target/release/claimcheck
VENV=${CLAIMCHECK_SPARK_VENV:-target/spark-venv}
PY=$(cd "$VENV/bin" && pwd)/python
export PYSPARK_PYTHON=$PY PYSPARK_DRIVER_PYTHON=$PY SPARK_LOCAL_IP=127.0.0.1
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 contrib/spark/gen_corpus.py seeds "$WORK/corpus" --count "$ARTICLES"
mkdir "$WORK/claims" && cp tests/data/shard/claims.yaml "$WORK/claims/"
cd "$WORK"
# timed LABEL CMD...: runs CMD, prints wall and CPU seconds.
timed() {
  local label=$1; shift
  /usr/bin/time -f "%e %U %S" -o time.txt "$@" >/dev/null 2>&1 || true
  read -r wall user sys < <(tail -n 1 time.txt)
  echo "$label: wall $wall s, cpu $(echo "$user + $sys" | bc) s"
}
for r in $(seq "$RUNS"); do
  timed "run $r single stats" "$BIN" stats corpus -o /dev/null
  timed "run $r single check" "$BIN" check --sources corpus claims/claims.yaml -f json -o single.json
  for p in 1 2 4; do
    timed "run $r spark $p partitions" "$PY" "$ROOT/contrib/spark/claimcheck_spark.py" --master 'local[2]' \
      --log-level ERROR --binary "$BIN" --input corpus --partitions "$p" --claims claims/claims.yaml -f json -o spark.json
    cmp -s single.json spark.json || echo "run $r spark $p partitions: DIFFERENT from the single run"
  done
done
