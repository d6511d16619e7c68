#!/usr/bin/env python3
"""`editions parse --format json FILE > /dev/null`, two binaries taking turns.

    python3 bench/parse.py --before OLD_BINARY [--after NEW_BINARY] [--rounds 11] FILE

Prints each binary's median wall time and the ratio after/before.
"""
import argparse
import statistics
import subprocess
import time


def run(binary, path):
    start = time.perf_counter()
    subprocess.run([binary, "parse", "--format", "json", path], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--before", required=True)
    ap.add_argument("--after", default="target/release/editions")
    ap.add_argument("--rounds", type=int, default=11)
    ap.add_argument("file")
    a = ap.parse_args()
    run(a.before, a.file)
    run(a.after, a.file)
    before, after = [], []
    for i in range(a.rounds):
        pair = [(a.before, before), (a.after, after)]
        if i % 2:
            pair.reverse()
        for binary, times in pair:
            times.append(run(binary, a.file))
    b, n = statistics.median(before), statistics.median(after)
    print(f"before {b:.3f} s  after {n:.3f} s  ratio {n / b:.2f}x  ({a.rounds} rounds, medians)")


if __name__ == "__main__":
    main()
