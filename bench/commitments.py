#!/usr/bin/env python3
"""What looking for commitments adds to `editions diff`.

Runs `editions diff --format json OLD NEW` with and without
`--no-commitments`, interleaved (so the machine's noise falls on both),
on generated pairs (`cargo run --release --example gen_editions`) and on
the shipped FOMC and CA/B series, and writes the medians and ratios into BENCHMARKS.md between the
`<!-- COMMITMENTS -->` markers.

    cargo build --release && python3 bench/commitments.py [--runs 15] [--sizes 10000]
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "editions"
GEN = ["cargo", "run", "--quiet", "--release", "--example", "gen_editions", "--"]


def run(args):
    """Wall and CPU seconds of one run (the child's user + system time)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([str(BIN), *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(f"editions {' '.join(args)}: exit {done.returncode}: {done.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def measure(pair, runs):
    base = ["diff", "--format", "json", *pair]
    results = {"with": [], "without": []}
    for _ in range(runs):
        results["without"].append(run([*base, "--no-commitments"]))
        results["with"].append(run(base))
    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in results.items()}
    return med


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--sizes", type=int, nargs="*", default=[10000])
    ap.add_argument("--out", default="/tmp/editions-gen")
    args = ap.parse_args()
    if not BIN.exists():
        sys.exit("build first: cargo build --release")
    pairs = []
    for n in args.sizes:
        out = Path(args.out)
        subprocess.run(GEN + [str(out), str(n)], cwd=ROOT, check=True)
        pairs.append((f"generated, {n:,} paragraphs", [str(out / f"old_{n}.txt"), str(out / f"new_{n}.txt")]))
    pairs.append(("FOMC 2008-12-16 → 2009-01-28", [str(ROOT / "editions/fomc-statements/2008-12-16.txt"), str(ROOT / "editions/fomc-statements/2009-01-28.txt")]))
    cabf = sorted((ROOT / "editions/cabf-baseline-requirements").iterdir())
    pairs.append((f"CA/B {cabf[-2].stem} → {cabf[-1].stem}", [str(cabf[-2]), str(cabf[-1])]))

    lines = [
        f"Median of {args.runs} interleaved runs each, `editions diff --format json` with and without `--no-commitments`; CPU is user + system time.",
        "",
        "| pair | without | with | wall × | CPU without | CPU with | CPU × |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, pair in pairs:
        m = measure(pair, args.runs)
        (w0, c0), (w1, c1) = m["without"], m["with"]
        lines.append(f"| {name} | {w0:.3f} s | {w1:.3f} s | {w1 / w0:.2f} | {c0:.3f} s | {c1:.3f} s | {c1 / c0:.2f} |")
        print(lines[-1], flush=True)
    table = "\n".join(lines)
    bench = ROOT / "BENCHMARKS.md"
    text = bench.read_text()
    start, end = "<!-- COMMITMENTS -->", "<!-- /COMMITMENTS -->"
    if start in text:
        head, rest = text.split(start, 1)
        _, tail = rest.split(end, 1)
        text = f"{head}{start}\n{table}\n{end}{tail}"
    else:
        text += f"\n## What looking for commitments costs\n\n`cargo build --release && python3 bench/commitments.py`\n\n{start}\n{table}\n{end}\n"
    bench.write_text(text)


if __name__ == "__main__":
    main()
