#!/usr/bin/env python3
"""Load a KiCad netlist (hardware/board/generated/*.net) into a new Pcbnew board with KiCad's own Python module
(Debian package kicad: /usr/lib/python3/dist-packages/pcbnew.py) and check the result, the way "Update PCB from
netlist" does: every component's footprint is loaded from KiCad's footprint libraries, every netlist node finds its
pad, every pad gets its net. The board is saved, read back with pcbnew.LoadBoard and checked again.

usage: /usr/bin/python3 import_netlist.py NETLIST OUT.kicad_pcb [FOOTPRINT_DIR]
Prints one line per problem and a summary line; exit 0 only without problems.
"""
import os
import re
import sys

import pcbnew


def parse(text):
    tokens = re.findall(r'\(|\)|"(?:[^"\\]|\\.)*"|[^\s()]+', text)
    stack = [[]]
    for t in tokens:
        if t == '(':
            stack.append([])
        elif t == ')':
            done = stack.pop()
            stack[-1].append(done)
        else:
            stack[-1].append(t[1:-1].replace('\\"', '"').replace('\\\\', '\\') if t.startswith('"') else t)
    return stack[0][0]


def children(node, name):
    return [c for c in node if isinstance(c, list) and c and c[0] == name]


def field(node, name):
    found = children(node, name)
    return found[0][1] if found else None


def main():
    netlist, out = sys.argv[1], sys.argv[2]
    fp_dir = sys.argv[3] if len(sys.argv) > 3 else '/usr/share/kicad/footprints'
    root = parse(open(netlist, encoding='utf-8').read())
    assert root[0] == 'export' and field(root, 'version') == 'E', 'not a KiCad version E netlist'
    comps = children(children(root, 'components')[0], 'comp')
    nets = children(children(root, 'nets')[0], 'net')
    problems = []
    board = pcbnew.BOARD()
    footprints = {}
    library = {}
    for i, comp in enumerate(comps):
        ref, value, fpid = field(comp, 'ref'), field(comp, 'value'), field(comp, 'footprint')
        lib, name = fpid.split(':')
        if fpid not in library:
            library[fpid] = pcbnew.FootprintLoad(os.path.join(fp_dir, lib + '.pretty'), name)
        if library[fpid] is None:
            problems.append(f'{ref}: footprint {fpid} not found')
            continue
        fp = pcbnew.FOOTPRINT(library[fpid])
        fp.SetReference(ref)
        fp.SetValue(value)
        fp.SetPosition(pcbnew.wxPointMM(20 * (i % 20), 20 * (i // 20)))
        board.Add(fp)
        footprints[ref] = fp
    nodes = 0
    for code, net in enumerate(nets, start=1):
        name = field(net, 'name')
        info = pcbnew.NETINFO_ITEM(board, name, code)
        board.Add(info)
        for node in children(net, 'node'):
            ref, pin = field(node, 'ref'), field(node, 'pin')
            fp = footprints.get(ref)
            pads = [p for p in fp.Pads() if p.GetNumber() == pin] if fp else []
            if not pads:
                problems.append(f'{ref} pin {pin} (net {name}): no such pad')
                continue
            for p in pads:
                p.SetNet(info)
            nodes += 1
    pcbnew.SaveBoard(out, board)
    loaded = pcbnew.LoadBoard(out)
    by_ref = {f.GetReference(): f for f in loaded.GetFootprints()}
    if len(by_ref) != len(comps):
        problems.append(f'read back {len(by_ref)} footprints, the netlist has {len(comps)} components')
    checked = 0
    for net in nets:
        name = field(net, 'name')
        for node in children(net, 'node'):
            fp = by_ref.get(field(node, 'ref'))
            pads = [p for p in fp.Pads() if p.GetNumber() == field(node, 'pin')] if fp else []
            if any(p.GetNetname() != name for p in pads) or not pads:
                problems.append(f'read back: {field(node, "ref")} pin {field(node, "pin")} is not on {name}')
            else:
                checked += 1
    for p in problems:
        print('PROBLEM ' + p)
    print(f'IMPORTED pcbnew {pcbnew.Version()}: {len(by_ref)} footprints, {loaded.GetNetCount() - 1} nets, '
          f'{checked} of {nodes} netlist nodes on their pads after reading the board back, {len(problems)} problems')
    return 0 if not problems else 1


if __name__ == '__main__':
    sys.exit(main())
