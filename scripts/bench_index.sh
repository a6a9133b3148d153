#!/usr/bin/env bash
# The persistent index benchmark (never part of `cargo test` or CI): on the
# archives of scripts/bench.sh, times `claimcheck index` from scratch and again
# with nothing changed, `check` without and with `--index`, checks that both
# reports are byte-identical, and prints the index size. JSON lines on stdout.
#
#   RUNS=3 CLAIMS=100 scripts/bench_index.sh 1000 10000
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then sizes=(1000); fi
claims=${CLAIMS:-100}
runs=${RUNS:-3}
work=${BENCH_DIR:-target/bench}
bin=./target/release/claimcheck

cargo build --release --quiet --example scale --bin claimcheck
mkdir -p "$work"
timed() { # label, command...: one JSON field set from /usr/bin/time
  local label=$1; shift
  /usr/bin/time -f "\"${label}_wall_s\":%e,\"${label}_cpu_s\":%U,\"${label}_sys_s\":%S,\"${label}_peak_kb\":%M" "$@" 2>&1 >/dev/null | tail -1
}
for n in "${sizes[@]}"; do
  dir="$work/a${n}-c${claims}"
  if [ ! -f "$dir/claims.yaml" ]; then
    ./target/release/examples/scale gen "$dir" "$n" "$claims"
  fi
  bytes=$(find "$dir/sources" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
  for run in $(seq "$runs"); do
    rm -rf "$dir/ix"
    full=$(timed index_full $bin index "$dir/sources" -o "$dir/ix")
    again=$(timed index_again $bin index "$dir/sources" -o "$dir/ix")
    plain=$(timed check $bin check "$dir/claims.yaml" --sources "$dir/sources" -f json -o "$dir/plain.json" || true)
    with=$(timed check_index $bin check "$dir/claims.yaml" --sources "$dir/sources" --index "$dir/ix" -f json -o "$dir/indexed.json" || true)
    same=$(cmp -s "$dir/plain.json" "$dir/indexed.json" && echo true || echo false)
    ix_bytes=$(du -sb "$dir/ix" | cut -f1)
    echo "{\"articles\":$n,\"claims\":$claims,\"run\":$run,\"source_bytes\":$bytes,\"index_bytes\":$ix_bytes,\"identical\":$same,$full,$again,$plain,$with}"
  done
done
