#!/usr/bin/env bash
# Coverage-guided fuzzing (issue 18 item 1; docs/safety.md "Reliability figures"). Builds ampfuzz
# (tests/fuzz/AmpController.Fuzz), adds SharpFuzz's coverage to the Core and ampsim assemblies, then runs every
# target under afl-fuzz (AFL++, Debian package afl++) from its committed seed corpus tests/fuzz/corpus/TARGET.
# A crash, a hang or an oracle failure (decoded settings out of range, a refused console line that changed
# something, a scenario error that is not exit-2 style) is a finding: it is replayed and the target fails.
#
#   tests/fuzz.sh [--seconds N] [--execs N] [--out DIR] [TARGET...]
#     --seconds N   fuzz each target for N seconds (default 10; tests/run.sh uses a short pass)
#     --execs N     or until N executions (the long run: --execs 1000000)
#     --out DIR     AFL's output folders and the instrumented build (default /tmp/ampfuzz)
# Ends with "N passed, N failed" (one per target).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=10; execs=""; out=/tmp/ampfuzz; targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --execs) execs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(console settings calibration bootcounter dose scenario)

# AFL++ from Debian when missing (like ngspice in tests/run.sh).
if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "installing afl++ (Debian package)..."
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_=sudo
  $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null 2>&1 \
    || { $sudo_ apt-get update -qq >/dev/null 2>&1; $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null 2>&1; }
fi
if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "FAILED: afl-fuzz could not be installed"; echo "0 passed, ${#targets[@]} failed"; exit 1
fi

bin="$out/bin"
rm -rf "$bin"; mkdir -p "$out"
if ! dotnet build tests/fuzz/AmpController.Fuzz -c Release -nologo -v q -o "$bin" >"$out/build.log" 2>&1; then
  grep -E ': error ' "$out/build.log" | sort -u; echo "0 passed, ${#targets[@]} failed"; exit 1
fi
dotnet "$bin/ampfuzz.dll" instrument "$bin" || { echo "0 passed, ${#targets[@]} failed"; exit 1; }

export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_NO_UI=1 AFL_FORKSRV_INIT_TMOUT=300000
limit=(-V "$seconds"); [ -n "$execs" ] && limit=(-E "$execs")
passed=0; failed=0
for t in "${targets[@]}"; do
  corpus="$root/tests/fuzz/corpus/$t"
  if [ ! -d "$corpus" ]; then echo "FAILED: no corpus for target '$t'"; failed=$((failed+1)); continue; fi
  rm -rf "$out/$t"
  start=$(date +%s)
  afl-fuzz -i "$corpus" -o "$out/$t" -t 10000 -m none "${limit[@]}" -- dotnet "$bin/ampfuzz.dll" run "$t" >"$out/$t.log" 2>&1
  rc=$?
  stats="$out/$t/default/fuzzer_stats"
  stat() { sed -n "s/^$1 *: *//p" "$stats" 2>/dev/null | head -1; }
  execs_done=$(stat execs_done); crashes=$(stat saved_crashes); hangs=$(stat saved_hangs)
  [ -n "$crashes" ] || crashes=$(stat unique_crashes); [ -n "$hangs" ] || hangs=$(stat unique_hangs)
  elapsed=$(( $(date +%s) - start ))
  line="fuzz $t: ${execs_done:-0} executions in ${elapsed} s, ${crashes:-?} crashes, ${hangs:-?} hangs"
  if [ "$rc" -eq 0 ] && [ "${execs_done:-0}" -gt 0 ] && [ "${crashes:-1}" = 0 ] && [ "${hangs:-1}" = 0 ]; then
    echo "$line"; passed=$((passed+1))
  else
    echo "FAILED: $line (afl-fuzz exit $rc; log $out/$t.log)"
    tail -5 "$out/$t.log"
    ls "$out/$t/default/crashes/"id* >/dev/null 2>&1 && dotnet "$bin/ampfuzz.dll" replay "$t" "$out/$t/default/crashes/" | tail -3
    failed=$((failed+1))
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
