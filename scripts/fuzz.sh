#!/usr/bin/env bash
# Runs each libFuzzer target for a fixed time budget (not part of CI).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# One target at a time, one job, one worker (the machine is shared).
# The corpus grows in fuzz/corpus/<target>/ (only the `seed-*` files are
# committed); a crash is saved in fuzz/artifacts/<target>/ and must become a
# regression test in tests/hostile.rs before it is fixed.
# The summary line of each run (executions, time) is appended to
# fuzz/runs.log.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

secs="${1:-300}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(claims normalize segment quote check)
fi

cargo +nightly fuzz build -O
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  log="$(mktemp)"
  status=0
  cargo +nightly fuzz run -O "$t" "corpus/$t" -- \
    -max_total_time="$secs" -jobs=1 -workers=1 -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
    -print_final_stats=1 >"$log" 2>&1 || status=$?
  execs="$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')"
  crashes="$(find "artifacts/$t" -type f | wc -l)"
  line="$(date -u +%FT%TZ) target=$t seconds=$secs executions=${execs:-?} exit=$status artifacts=$crashes"
  echo "$line" | tee -a runs.log
  if [ "$status" -ne 0 ]; then
    tail -40 "$log"
  fi
  rm -f "$log"
done
