#!/usr/bin/env bash
# The scale benchmark (never part of `cargo test` or CI): generates archives of
# generated Arabic articles, then measures claimcheck (in process, by phase, and
# the `check` binary end to end) and the brute-force RapidFuzz peer on the same
# inputs. Figures go to stdout as JSON lines; BENCHMARKS.md records them.
#
#   scripts/bench.sh [ARTICLES...]        # default: 1000 10000
#   CLAIMS=1000 RUNS=3 scripts/bench.sh 10000
#
# Needs python3 with rapidfuzz and numpy for the peer (pip install rapidfuzz numpy);
# the peer is skipped when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then sizes=(1000 10000); fi
claims=${CLAIMS:-100}
runs=${RUNS:-3}
work=${BENCH_DIR:-target/bench}

cargo build --release --quiet --example scale --bin claimcheck
mkdir -p "$work"
for n in "${sizes[@]}"; do
  dir="$work/a${n}-c${claims}"
  if [ ! -f "$dir/claims.yaml" ]; then
    ./target/release/examples/scale gen "$dir" "$n" "$claims"
  fi
  for run in $(seq "$runs"); do
    echo "# claimcheck in process, $n articles, $claims claims, run $run" >&2
    ./target/release/examples/scale run "$dir"
    echo "# claimcheck check (binary), run $run" >&2
    /usr/bin/time -f "{\"binary_wall_s\":%e,\"binary_cpu_s\":%U,\"binary_peak_kb\":%M}" \
      ./target/release/claimcheck check "$dir/claims.yaml" --sources "$dir/sources" -f json -o /dev/null \
      2>&1 >/dev/null | tail -1 || true
  done
  if python3 -c "import rapidfuzz, numpy" 2>/dev/null; then
    echo "# RapidFuzz peer, $n articles, $claims claims" >&2
    /usr/bin/time -f "{\"peer_wall_s\":%e,\"peer_cpu_s\":%U,\"peer_peak_kb\":%M}" \
      python3 bench/peer_rapidfuzz.py "$dir" 2>&1
  else
    echo "# RapidFuzz peer skipped: pip install rapidfuzz numpy" >&2
  fi
done
