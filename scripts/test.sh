#!/usr/bin/env bash
# Command 2: install what is missing, build, and run every test (unit, and integration against real PostgreSQL,
# RabbitMQ and Redis started by the AppHost the tests launch). Ends with "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser || { echo "0 passed, 1 failed"; exit 1; }
# The web app is built before the platform starts, so the gateway serves it to the browser tests.
bash scripts/web.sh build || { echo "web build failed"; echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
if ! dotnet build LlmLab.sln -c Release 2>&1 | tee "$log" | grep -E "error|Warn|Build succeeded|Time Elapsed"; then
  :
fi
if ! grep -q "Build succeeded" "$log"; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test LlmLab.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The web app's unit tests (Vitest): "Tests  17 passed (17)" or "Tests  1 failed | 16 passed (17)".
weblog=$(mktemp)
bash scripts/web.sh test 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | tee "$weblog"
webstatus=${PIPESTATUS[0]}
webpassed=$(sed -nE 's/^ *Tests +.*[^0-9]([0-9]+) passed.*/\1/p; s/^ *Tests +([0-9]+) passed.*/\1/p' "$weblog" | tail -1)
webfailed=$(sed -nE 's/^ *Tests +([0-9]+) failed.*/\1/p' "$weblog" | tail -1)
rm -f "$weblog"

passed=${webpassed:-0}; failed=${webfailed:-0}; skipped=0
if [ "$webstatus" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
while read -r f p s; do
  failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
done < <(sed -nE 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/p' "$log")
assemblies=$(grep -cE "Failed: +[0-9]+, Passed: +[0-9]+" "$log" || true)
rm -f "$log"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # the runner failed without reporting a failed test (crash, timeout): never report green
fi
if [ "$assemblies" -lt 2 ] && [ "$failed" -eq 0 ]; then
  echo "expected results from 2 test assemblies, got $assemblies"
  failed=1
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
