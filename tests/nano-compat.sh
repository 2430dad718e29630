#!/usr/bin/env bash
# nanoFramework compatibility gate: compiles every device source (firmware/AmpController.Core, firmware/AmpController.Esp32,
# tests/Shared) against the real nanoFramework mscorlib.dll plus reference stubs generated from
# third_party/nanoframework/api.txt, and scans for what the 1.x runtime lacks. See tools/NanoCompat.
# Usage: tests/nano-compat.sh [FILE|DIR ...]   (no arguments: the whole repository)
# Exit 0 with "nano-compat: N files OK"; 1 with one "file:line:col: code: message" line per problem; 2 on tool failure.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if ! log=$(dotnet build "$root/tools/NanoCompat/NanoCompat.csproj" -c Release -nologo -v q -clp:ErrorsOnly 2>&1); then
  echo "$log" >&2; echo "nano-compat: the gate tool did not build" >&2; exit 2
fi
exec dotnet "$root/tools/NanoCompat/bin/Release/net10.0/NanoCompat.dll" --root "$root" "$@"
