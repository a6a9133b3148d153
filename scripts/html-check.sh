#!/usr/bin/env bash
# Renders the example HTML report in headless Chromium and checks it as a reader would see it.
#
#   scripts/html-check.sh [CLAIMS_FILE] [PNG]
#
# 1. installs Debian's `chromium` (and the Noto fonts, for Arabic) when missing;
# 2. writes the HTML report of CLAIMS_FILE (default claims/example.yaml);
# 3. checks that Chromium can see console errors at all (scripts/html/canary.html must log some);
# 4. loads the report, and fails on any console message or uncaught error, on a script that did not
#    run to its end (the "N of M claims shown" counter stays empty), and on a claim id missing from the
#    page;
# 5. saves a 1280x2000 screenshot to PNG (default docs/report.png).
# Exit 0 when every check passes, 1 otherwise.
set -euo pipefail

cd "$(dirname "$0")/.."
claims=${1:-claims/example.yaml}
png=${2:-docs/report.png}
case "$png" in /*) ;; *) png="$PWD/$png" ;; esac

if ! command -v chromium >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends chromium fonts-noto-core
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
report="$work/report.html"

# Exit 1 only means some claim fails; 2 is an error.
status=0
cargo run -q -- check "$claims" -f html -o "$report" || status=$?
if [ "$status" -gt 1 ] || [ ! -s "$report" ]; then
    echo "html-check: claimcheck could not write the report (exit $status)" >&2
    exit 1
fi

chrome() {
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --no-first-run --disable-sync \
        --user-data-dir="$(mktemp -d -p "$work")" "$@"
}

# 3. The console must be observable.
chrome --enable-logging=stderr --v=0 --dump-dom "file://$PWD/scripts/html/canary.html" \
    >"$work/canary.dom" 2>"$work/canary.log" || true
if ! grep -q 'claimcheck-canary' "$work/canary.log" || ! grep -q 'Uncaught' "$work/canary.log"; then
    echo "html-check: Chromium's log shows no console messages; cannot check the report" >&2
    exit 1
fi

# 4. The report.
chrome --enable-logging=stderr --v=0 --dump-dom "file://$report" >"$work/dom.html" 2>"$work/chrome.log" || true
fail=0
if grep -E 'CONSOLE|Uncaught' "$work/chrome.log"; then
    echo "html-check: console messages or errors on the report page (above)" >&2
    fail=1
fi
if ! grep -qE '<span id="shown">[0-9]+ of [0-9]+ claims shown</span>' "$work/dom.html"; then
    echo "html-check: the page's script did not run to its end" >&2
    fail=1
fi
ids=$(sed -nE 's/^[[:space:]]*-[[:space:]]+id:[[:space:]]*["'\'']?([A-Za-z0-9._-]+)["'\'']?[[:space:]]*$/\1/p' "$claims")
count=0
for id in $ids; do
    count=$((count + 1))
    if ! grep -qF ">$id</a>" "$work/dom.html"; then
        echo "html-check: claim $id is not on the page" >&2
        fail=1
    fi
done
if [ "$count" -eq 0 ]; then
    echo "html-check: found no claim ids in $claims" >&2
    fail=1
fi

# 5. The screenshot.
mkdir -p "$(dirname "$png")"
rm -f "$png"
chrome --hide-scrollbars --screenshot="$png" --window-size=1280,2000 "file://$report" \
    >/dev/null 2>"$work/shot.log" || true
if [ ! -s "$png" ]; then
    echo "html-check: no screenshot written" >&2
    cat "$work/shot.log" >&2
    fail=1
fi

if [ "$fail" -ne 0 ]; then
    exit 1
fi
echo "html-check: ok: $count claims shown, no console errors; screenshot in $png"
