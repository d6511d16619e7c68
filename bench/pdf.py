#!/usr/bin/env python3
"""Reading PDFs: `editions parse --format json` beside poppler's `pdftotext`.

Over all the shared PDFs (`editions/*/*.pdf`), in each round: every file
read into paragraphs by `editions`, then every file's text extracted by
`pdftotext` (default mode, to a pipe), the order of the two taking turns
from round to round so the machine's noise falls on both. Prints the
median wall time of a round for each and their ratio, and the peak memory
of `editions diff` on each pair of consecutive editions against the two
files' sizes.

    cargo build --release && python3 bench/pdf.py [--runs 15]

Needs `pdftotext` (Debian `poppler-utils`) and GNU `time` (`/usr/bin/time`).
"""

import argparse
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "editions"


def timed(commands):
    start = time.perf_counter()
    for c in commands:
        subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def peak_kib(command):
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True)
    return int(done.stderr.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    pdfs = sorted(ROOT.glob("editions/*/*.pdf"))
    ours = [[str(BIN), "parse", "--format", "json", str(p)] for p in pdfs]
    theirs = [["pdftotext", str(p), "-"] for p in pdfs]
    e, t = [], []
    for r in range(args.runs):
        if r % 2:
            t.append(timed(theirs))
            e.append(timed(ours))
        else:
            e.append(timed(ours))
            t.append(timed(theirs))
    me, mt = statistics.median(e), statistics.median(t)
    size = sum(p.stat().st_size for p in pdfs)
    print(f"{len(pdfs)} PDFs, {size / 1e6:.2f} MB, {args.runs} rounds")
    print(f"editions parse (paragraphs, JSON): median {me:.3f} s  (min {min(e):.3f}, max {max(e):.3f})")
    print(f"pdftotext (text):                  median {mt:.3f} s  (min {min(t):.3f}, max {max(t):.3f})")
    print(f"ratio editions / pdftotext: {me / mt:.2f}")
    worst = 0.0
    series = {}
    for p in pdfs:
        series.setdefault(p.parent, []).append(p)
    for files in series.values():
        for a, b in zip(files, files[1:]):
            kib = peak_kib([str(BIN), "diff", str(a), str(b), "--format", "json"])
            ratio = kib * 1024 / (a.stat().st_size + b.stat().st_size)
            worst = max(worst, ratio)
            print(f"diff {a.name} {b.name}: peak {kib / 1024:.1f} MiB, {ratio:.1f} x the two files")
    print(f"largest peak memory / the two files: {worst:.1f}")


if __name__ == "__main__":
    main()
