#!/usr/bin/env python3
"""Runs `editions diff --format json` beside its peers on the same generated
edition pairs and writes the table of medians, ratios and peak memory into
BENCHMARKS.md (between the PEERS markers).

Peers: git diff --no-index --word-diff=porcelain, GNU diff, wdiff, and
MediaWiki's wikidiff2 (php + php-wikidiff2) where installed. Pairs come from
`cargo run --release --example gen_editions` (tests/generator.rs,
deterministic). The commands take turns: each round runs every peer once,
so a busy spell of the shared machine falls on all of them rather than on
whichever ran then. Needs a release
build:
    cargo build --release && python3 bench/peers.py [SIZES...] [--runs N]

Install the peers on Debian with:
    apt-get install -y git diffutils wdiff php-cli php-wikidiff2
"""
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEN = ["cargo", "run", "--quiet", "--release", "--example", "gen_editions", "--"]
EDITIONS = os.path.join(ROOT, "target", "release", "editions")
WIKIDIFF = "echo strlen(wikidiff2_do_diff(file_get_contents($argv[1]), file_get_contents($argv[2]), 2));"


def peers(old, new, p):
    out = [("editions diff --format json", [EDITIONS, "diff", "--format", "json", old, new])]
    out.append(("git diff --no-index --word-diff=porcelain", ["git", "diff", "--no-index", "--word-diff=porcelain", old, new]))
    out.append(("GNU diff", ["diff", old, new]))
    if shutil.which("wdiff"):
        out.append(("wdiff", ["wdiff", old, new]))
    # wikidiff2 took 73 s at 10,000 paragraphs and grows faster than linearly: not run above that.
    if p <= 10000 and shutil.which("php") and "wikidiff2" in subprocess.run(["php", "-m"], capture_output=True, text=True).stdout:
        out.append(("wikidiff2 (php)", ["php", "-r", WIKIDIFF, old, new]))
    return out


def run_once(cmd):
    """Wall seconds, peak RSS (MiB) and exit code of one run."""
    r = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    secs, kb = r.stderr.strip().splitlines()[-1].split()
    return float(secs), int(kb) / 1024, r.returncode


def measure(commands, runs):
    """Median wall seconds, peak RSS and exit code of each command over
    `runs` rounds, the commands taking turns within each round."""
    samples = [[] for _ in commands]
    for _ in range(runs):
        for (_, cmd), out in zip(commands, samples):
            out.append(run_once(cmd))
    return [(statistics.median(t for t, _, _ in out), max(m for _, m, _ in out), out[-1][2]) for out in samples]


def main():
    args = sys.argv[1:]
    runs = 5
    if "--runs" in args:
        i = args.index("--runs")
        runs = int(args[i + 1])
        del args[i:i + 2]
    sizes = [int(a) for a in args] or [10000, 100000]
    if not os.path.exists(EDITIONS):
        sys.exit("build first: cargo build --release")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for p in sizes:
            subprocess.run(GEN + [tmp, str(p)], cwd=ROOT, check=True)
            old, new = os.path.join(tmp, f"old_{p}.txt"), os.path.join(tmp, f"new_{p}.txt")
            size_mb = (os.path.getsize(old) + os.path.getsize(new)) / 2**20
            results = []
            commands = peers(old, new, p)
            for (name, _), (t, m, code) in zip(commands, measure(commands, runs if p <= 10000 else max(1, runs // 2 + 1))):
                results.append((name, t, m, code))
                print(f"{p:>7} {name:45} {t:8.2f} s {m:8.0f} MiB (exit {code})", flush=True)
            base = results[0][1]
            for name, t, m, code in results:
                rows.append((p, size_mb, name, t, t / base if base else 0, m, m / size_mb))
    cpu = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    table = [
        f"Generated pairs (examples/gen_editions.rs, seed edition S/2018/1042), {cpu} cores; median wall time of "
        f"{runs} rounds at 10,000 paragraphs and fewer, {max(1, runs // 2 + 1)} above, the commands taking turns "
        f"in each round; peak RSS from /usr/bin/time.",
        "",
        "| paragraphs | both inputs | command | median | × editions | peak memory | memory / inputs |",
        "|---:|---:|---|---:|---:|---:|---:|",
    ]
    for p, size, name, t, ratio, m, mr in rows:
        table.append(f"| {p:,} | {size:.1f} MiB | {name} | {t:.2f} s | {ratio:.2f} | {m:.0f} MiB | {mr:.2f} |")
    path = os.path.join(ROOT, "BENCHMARKS.md")
    text = open(path).read()
    block = "<!-- PEERS -->\n" + "\n".join(table) + "\n<!-- /PEERS -->"
    text = re.sub(r"<!-- PEERS -->.*<!-- /PEERS -->", lambda _: block, text, flags=re.S)
    open(path, "w").write(text)


if __name__ == "__main__":
    main()
