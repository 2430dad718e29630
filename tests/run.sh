#!/usr/bin/env bash
# The one test command (README and .ci/run): installs what is missing, builds, runs every suite,
# and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# ngspice runs the sense-circuit netlists (hardware/); install it from Debian when missing.
if ! command -v ngspice >/dev/null 2>&1; then
  echo "installing ngspice (Debian package)..."
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq ngspice >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1; apt-get install -y -qq ngspice >/dev/null 2>&1; }
  else sudo apt-get install -y -qq ngspice >/dev/null 2>&1 || { sudo apt-get update -qq >/dev/null 2>&1; sudo apt-get install -y -qq ngspice >/dev/null 2>&1; }
  fi
  command -v ngspice >/dev/null 2>&1 || echo "warning: ngspice could not be installed; the netlist tests will fail"
fi

passed=0; failed=0
results="$root/TestResults"; rm -rf "$results"; mkdir -p "$results"

# 1. nanoFramework compatibility gate over the real firmware sources.
if [ -x tests/nano-compat.sh ]; then
  if tests/nano-compat.sh; then passed=$((passed+1)); else failed=$((failed+1)); echo "FAILED: nano-compat gate"; fi
fi

# 2. Host tests (MSTest): Core, devices, sensing, controller properties, simulator contracts.
# A full (not incremental) build, so that every warning shows: the build is meant to have none.
build_log="$results/build.log"
dotnet build AmpController.Host.slnf -c Release -nologo -v q --no-incremental >"$build_log" 2>&1; build_rc=$?
warnings=$(grep -E ': warning [A-Za-z]*[0-9]+' "$build_log" | sed -e 's/ \[[^]]*\]$//' -e "s|$root/||" | sort -u)
if [ -n "$warnings" ]; then
  echo "BUILD WARNINGS ($(wc -l <<< "$warnings")): the build is meant to have none"
  echo "$warnings"
else
  echo "build: 0 warnings"
fi
if [ "$build_rc" -ne 0 ]; then
  grep -E ': error ' "$build_log" | sed -e 's/ \[[^]]*\]$//' | sort -u
  echo "0 passed, 1 failed"; exit 1
fi
dotnet test AmpController.Host.slnf -c Release --no-build -nologo -v q \
  --logger "trx;LogFileName=host.trx" --results-directory "$results" || true

for trx in "$results"/*.trx; do
  [ -f "$trx" ] || { failed=$((failed+1)); echo "FAILED: no test results"; continue; }
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<< "$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<< "$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<< "$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
done

# 3. Fuzzing, short pass (issue 18): every parser that takes outside input runs a few seconds under AFL++ with its
# oracles (tests/fuzz.sh installs afl++ from Debian when missing; the long run is in docs/safety.md).
fuzz_log="$results/fuzz.log"
tests/fuzz.sh --seconds "${AMP_FUZZ_SECONDS:-5}" --out "$results/fuzz" >"$fuzz_log" 2>&1
grep -E '^(fuzz |FAILED)' "$fuzz_log"
fuzz_counts=$(tail -1 "$fuzz_log")
fp=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p' <<< "$fuzz_counts")
ff=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p' <<< "$fuzz_counts")
if [ -z "$fp" ]; then failed=$((failed+1)); echo "FAILED: fuzz pass did not finish (see $fuzz_log)"; tail -5 "$fuzz_log"
else passed=$((passed+fp)); failed=$((failed+ff)); fi

# The failed tests' names and the start of their messages last, next to the totals, where a shortened CI log still
# shows them (a property's message carries the seed that replays it).
for trx in "$results"/*.trx; do
  [ -f "$trx" ] && awk '
    function text(s) { gsub(/&quot;/, "\"", s); gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&apos;/, "\047", s); gsub(/&amp;/, "\\&", s); return s }
    /<UnitTestResult / { name = ""; failed = 0; msg = 0
      if (match($0, /testName="[^"]*"/)) name = substr($0, RSTART + 10, RLENGTH - 11)
      if ($0 ~ /outcome="Failed"/) { failed = 1; print "FAILED: " text(name) } }
    failed && /<Message>/ { msg = 1; sub(/.*<Message>/, "") }
    failed && msg && shown < 6 { line = $0; sub(/<\/Message>.*/, "", line); print "  " substr(text(line), 1, 300); shown++ }
    /<\/Message>/ { msg = 0; shown = 0 }
    /<\/UnitTestResult>/ { failed = 0 }' "$trx"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
