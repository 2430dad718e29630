#!/usr/bin/env bash
# Regenerates everything in hardware/board/generated from the board description (hardware/board): the KiCad netlists,
# the parts lists, the ngspice decks and the drawing sources (tools/BoardGen), then renders the drawings to SVG
# (Graphviz for the block diagram, netlistsvg for the circuits) and, where Debian's KiCad is installed, loads both
# netlists into Pcbnew as a check. Installs graphviz (apt) and netlistsvg (npm, pinned in tools/BoardGen/drawing)
# when they are missing. Then runs the board checks. Usage: hardware/regenerate.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=hardware/board/generated

dotnet run --project tools/BoardGen -c Release -- generate

if ! command -v dot >/dev/null 2>&1; then
  echo "installing graphviz (Debian package)..."
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq graphviz >/dev/null || { apt-get update -qq && apt-get install -y -qq graphviz >/dev/null; }
  else sudo apt-get install -y -qq graphviz >/dev/null || { sudo apt-get update -qq && sudo apt-get install -y -qq graphviz >/dev/null; }
  fi
fi
if [ ! -x tools/BoardGen/drawing/node_modules/.bin/netlistsvg ]; then
  echo "installing netlistsvg (npm, tools/BoardGen/drawing/package-lock.json)..."
  (cd tools/BoardGen/drawing && npm ci --no-audit --no-fund --loglevel=error)
fi

# Each SVG ends with the SHA-256 of the source it was rendered from; a test compares it with the committed source.
stamp() { printf '\n<!-- rendered from %s sha256:%s -->\n' "$(basename "$1")" "$(sha256sum "$1" | cut -d' ' -f1)" >> "$2"; }
for src in "$out"/drawings/*.dot; do
  dot -Tsvg "$src" -o "${src%.dot}.svg"
  stamp "$src" "${src%.dot}.svg"
  echo "rendered ${src%.dot}.svg"
done
skin=tools/BoardGen/drawing/node_modules/netlistsvg/lib/analog.svg
for src in "$out"/drawings/*.json; do
  tools/BoardGen/drawing/node_modules/.bin/netlistsvg "$src" --skin "$skin" -o "${src%.json}.svg"
  stamp "$src" "${src%.json}.svg"
  echo "rendered ${src%.json}.svg"
done

if /usr/bin/python3 -c 'import pcbnew' >/dev/null 2>&1; then
  for net in "$out"/*.net; do
    HOME="${TMPDIR:-/tmp}" /usr/bin/python3 tools/BoardGen/kicad/import_netlist.py "$net" "${TMPDIR:-/tmp}/$(basename "${net%.net}").kicad_pcb" | tail -1
  done
else
  echo "KiCad (Debian package kicad) not installed: skipped loading the netlists into Pcbnew"
fi

dotnet run --project tools/BoardGen -c Release --no-build -- check
