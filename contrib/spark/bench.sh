#!/usr/bin/env bash
# Wall times for BENCHMARKS.md: one `claimcheck check` (and `stats`) vs the
# Spark driver in local mode with 1, 2 and 4 partitions, on the generated
# corpus; RUNS runs each, every time printed (take the median).
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
now() { date +%s.%N; }
for r in $(seq "$RUNS"); do
  t=$(now); "$BIN" stats corpus -o /dev/null 2>/dev/null; s=$(now)
  "$BIN" check --sources corpus claims/claims.yaml -f json -o single.json 2>/dev/null || true; e=$(now)
  echo "run $r single: stats $(echo "$s - $t" | bc) s, check $(echo "$e - $s" | bc) s"
  for p in 1 2 4; do
    t=$(now)
    "$PY" "$ROOT/contrib/spark/claimcheck_spark.py" --master 'local[2]' --log-level ERROR --binary "$BIN" \
      --input corpus --partitions "$p" --claims claims/claims.yaml -f json -o "spark.json" 2>/dev/null || true
    e=$(now)
    cmp -s single.json spark.json && same=identical || same=DIFFERENT
    echo "run $r spark $p partitions: $(echo "$e - $t" | bc) s ($same)"
  done
done
