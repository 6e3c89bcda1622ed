#!/usr/bin/env python3
"""Find dependency cycles between cpslint's modules from the object files.

A module is one src/NAME.c, compiled to BUILD/obj/NAME.o. Module A depends
on module B when A.o uses a symbol (function or variable) that B.o
defines, as `nm` lists them: this sees calls through headers shared by
several files too (the commands declared in one header, report.h
implemented by several report_*.c). Prints every cycle (strongly connected
component of more than one module) and exits 1 if there is one.
    scripts/module-cycles.py [BUILD_DIR]      (default build; run make first)
"""
import glob
import os
import subprocess
import sys

build = sys.argv[1] if len(sys.argv) > 1 else "build"
objs = sorted(glob.glob(os.path.join(build, "obj", "*.o")))
if not objs:
    sys.exit(f"module-cycles: no object files in {build}/obj (run make)")
defs, uses = {}, {}
for o in objs:
    m = os.path.splitext(os.path.basename(o))[0]
    uses[m] = set()
    out = subprocess.run(["nm", "-P", o], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        sym, kind = parts[0], parts[1]
        if kind == "U":
            uses[m].add(sym)
        elif kind in "TDRBC" and kind.isupper():
            defs[sym] = m
edges = {m: {defs[s] for s in u if s in defs and defs[s] != m} for m, u in uses.items()}

index, low, stack, on, sccs, n = {}, {}, [], set(), [], [0]
def visit(v):
    index[v] = low[v] = n[0]; n[0] += 1; stack.append(v); on.add(v)
    for w in sorted(edges[v]):
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v:
                break
        if len(comp) > 1:
            sccs.append(sorted(comp))
sys.setrecursionlimit(10000)
for v in sorted(edges):
    if v not in index:
        visit(v)
for c in sccs:
    print("cycle: " + " <-> ".join(c))
print(f"{len(edges)} modules, {sum(len(e) for e in edges.values())} dependencies, {len(sccs)} cycles")
sys.exit(1 if sccs else 0)
