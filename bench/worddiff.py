#!/usr/bin/env python3
"""Word diffs of very long paragraphs: `editions diff` beside
`git diff --no-index --word-diff` on the same pairs, and the ratio.

Each pair is one paragraph (on one line, after a title line) and the same
with one word changed in the middle:

* ordinary words: the words of the shipped UN report S/2018/1042 in order,
  repeated to the length asked for; the changed word becomes another word
  of the report;
* eight words: words drawn at random (fixed seed) from eight common ones;
  the changed word becomes another of the eight;
* 4.6 MB: the ordinary words, to 4.6 MB;

and, as the worst case rather than a target, two unrelated paragraphs of the
eight words (mostly rewritten: half their words in common, in order).

The commands take turns in each round, so a busy spell of this shared
machine falls on both; medians of the rounds. With --before BIN, another
build of editions takes its turn too (say, the code before a change).

    cargo build --release && python3 bench/worddiff.py [--runs 11] [--before BIN] [--no-write]

Writes the table into BENCHMARKS.md between the WORDDIFF markers.
"""
import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EDITIONS = os.path.join(ROOT, "target", "release", "editions")
REPORT = os.path.join(ROOT, "editions", "un-trafficking-in-armed-conflict", "2018-11-21_S-2018-1042.txt")
EIGHT = ["the", "of", "and", "to", "in", "a", "is", "that"]


def ordinary(n=None, size=None):
    words = open(REPORT, encoding="utf-8").read().split()
    out, total, i = [], 0, 0
    while (n is not None and len(out) < n) or (size is not None and total < size):
        w = words[i % len(words)]
        out.append(w)
        total += len(w.encode()) + 1
        i += 1
    return out, lambda old: next(w for w in words[words.index(old) + 1:] + words if w != old)


def eight(n, seed):
    rng = random.Random(seed)
    return [rng.choice(EIGHT) for _ in range(n)], lambda old: EIGHT[(EIGHT.index(old) + 1) % len(EIGHT)]


def write_pair(folder, name, words, other, new_words=None):
    """Writes NAME_old.txt and NAME_new.txt: the paragraph, and the same
    with the middle word changed (or `new_words`, another paragraph)."""
    if new_words is None:
        new_words = list(words)
        mid = len(words) // 2
        new_words[mid] = other(words[mid])
    paths = []
    for side, ws in (("old", words), ("new", new_words)):
        path = os.path.join(folder, f"{name}_{side}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("A long paragraph\n\n" + " ".join(ws) + "\n")
        paths.append(path)
    return paths


def pairs(folder):
    out = []
    for n in (20_000, 100_000):
        words, other = ordinary(n=n)
        out.append((f"ordinary words, {n:,}, one changed", write_pair(folder, f"ordinary{n}", words, other)))
        words, other = eight(n, seed=n)
        out.append((f"eight words, {n:,}, one changed", write_pair(folder, f"eight{n}", words, other)))
    words, other = ordinary(size=4_600_000)
    out.append((f"ordinary words, 4.6 MB ({len(words):,}), one changed", write_pair(folder, "big", words, other)))
    for n in (20_000, 100_000):
        a, _ = eight(n, seed=2 * n)
        b, _ = eight(n, seed=2 * n + 1)
        out.append((f"eight words, {n:,}, unrelated (worst case)", write_pair(folder, f"unrelated{n}", a, None, b)))
    return out


def run(cmd):
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)}: exit {done.returncode}: {done.stderr.decode()}")
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--before", help="another editions binary to time beside this one")
    ap.add_argument("--no-write", action="store_true", help="print the table, leave BENCHMARKS.md alone")
    args = ap.parse_args()
    if not os.path.exists(EDITIONS):
        sys.exit("build first: cargo build --release")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, (old, new) in pairs(tmp):
            commands = [("editions", [EDITIONS, "diff", old, new])]
            if args.before:
                commands.append(("before", [args.before, "diff", old, new]))
            commands.append(("git", ["git", "diff", "--no-index", "--word-diff", old, new]))
            # The 4.6 MB pair and the worst case take long: fewer rounds.
            runs = args.runs if "4.6" not in name and "unrelated" not in name else max(3, args.runs // 2)
            times = {label: [] for label, _ in commands}
            for _ in range(runs):
                for label, cmd in commands:
                    times[label].append(run(cmd))
            med = {label: statistics.median(t) for label, t in times.items()}
            size = (os.path.getsize(old) + os.path.getsize(new)) / 2 / 1e6
            rows.append((name, size, runs, med))
            print(name, f"{size:.2f} MB", runs, {k: f"{v:.3f}" for k, v in med.items()}, flush=True)
    cpu = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    before = " | before" if args.before else ""
    lines = [
        f"One paragraph a side, {cpu} cores; median wall time of {args.runs} rounds ({max(3, args.runs // 2)} for "
        "the 4.6 MB pair and the worst case), the commands taking turns in each round.",
        "",
        f"| pair | size a side | editions diff{before} | git diff --no-index --word-diff | × git |",
        "|---|---:|---:|" + ("---:|" if args.before else "") + "---:|---:|",
    ]
    for name, size, runs, med in rows:
        b = f" | {med['before']:.3f} s" if args.before else ""
        lines.append(
            f"| {name} | {size:.2f} MB | {med['editions']:.3f} s{b} | {med['git']:.3f} s | {med['editions'] / med['git']:.1f} |"
        )
    table = "\n".join(lines)
    print(table)
    if args.no_write:
        return
    path = os.path.join(ROOT, "BENCHMARKS.md")
    text = open(path, encoding="utf-8").read()
    block = "<!-- WORDDIFF -->\n" + table + "\n<!-- /WORDDIFF -->"
    if "<!-- WORDDIFF -->" not in text:
        sys.exit("BENCHMARKS.md has no WORDDIFF markers")
    text = re.sub(r"<!-- WORDDIFF -->.*<!-- /WORDDIFF -->", lambda _: block, text, flags=re.S)
    open(path, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main()
