#!/usr/bin/env python3
"""What `editions blame` costs.

1. Blaming the newest FOMC statement from the folder of 160 beside
   `git log -p` over the same 160 texts committed as one file's history
   (the work `git blame` starts from), and from the store (`editions
   snapshot`, then `editions blame SERIES`), interleaved, in one run.
2. A generated series of 20 editions of 10,000 paragraphs (each edition
   made by `gen_editions` from the one before), blamed from folders of its
   first 5, 10 and 20 editions: the time should grow linearly.

Medians of several rounds; the table goes into BENCHMARKS.md between the
`<!-- BLAME -->` markers.

    cargo build --release && python3 bench/blame.py [--runs 9] [--paragraphs 10000] [--editions 5 10 20]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "editions"
GEN = ["cargo", "run", "--quiet", "--release", "--example", "gen_editions", "--"]
FOMC = ROOT / "editions" / "fomc-statements"


def timed(cmd, cwd=None):
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))}: exit {done.returncode}: {done.stderr.decode()}")
    return wall


def medians(commands, runs):
    """Each command's median wall time over `runs` interleaved rounds (after one warm-up)."""
    times = {name: [] for name in commands}
    for name, (cmd, cwd) in commands.items():
        timed(cmd, cwd)
    for _ in range(runs):
        for name, (cmd, cwd) in commands.items():
            times[name].append(timed(cmd, cwd))
    return {name: statistics.median(t) for name, t in times.items()}


def git_history(tmp):
    """The 160 statements committed as one file's history, in date order."""
    repo = tmp / "fomc-git"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    env = dict(os.environ, GIT_AUTHOR_NAME="b", GIT_AUTHOR_EMAIL="b@b", GIT_COMMITTER_NAME="b", GIT_COMMITTER_EMAIL="b@b")
    for f in sorted(FOMC.glob("*.txt")):
        shutil.copyfile(f, repo / "statement.txt")
        subprocess.run(["git", "-C", str(repo), "add", "statement.txt"], check=True)
        date = f"{f.stem}T00:00:00Z"
        subprocess.run(
            ["git", "-C", str(repo), "commit", "-q", "-m", f.stem, "--date", date],
            check=True,
            env=dict(env, GIT_COMMITTER_DATE=date),
        )
    return repo


def generated_series(tmp, paragraphs, count):
    """`count` editions of `paragraphs` paragraphs: each the new side of a
    pair generated from the one before (the first from the UN report)."""
    out = tmp / "gen"
    series = tmp / "series"
    series.mkdir()
    source = None
    for k in range(count):
        args = [str(out), str(paragraphs), f"--seed={k + 1}"]
        if source is not None:
            args.append(f"--source={source}")
        subprocess.run(GEN + args, cwd=ROOT, check=True, stderr=subprocess.DEVNULL)
        side = "old" if k == 0 else "new"
        edition = series / f"{2000 + k}-01-01.txt"
        shutil.copyfile(out / f"{side}_{paragraphs}.txt", edition)
        source = edition
    return series


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--paragraphs", type=int, default=10000)
    ap.add_argument("--editions", type=int, nargs="*", default=[5, 10, 20])
    args = ap.parse_args()
    if not BIN.exists():
        sys.exit("build first: cargo build --release")
    tmp = Path(tempfile.mkdtemp(prefix="editions-blame-"))
    try:
        repo = git_history(tmp)
        store = tmp / "store.git"
        subprocess.run([str(BIN), "snapshot", str(FOMC), "--series", "fomc", "--store", str(store)], check=True, stdout=subprocess.DEVNULL)
        m = medians(
            {
                "git": (["git", "log", "-p", "--", "statement.txt"], repo),
                "folder": ([str(BIN), "blame", str(FOMC), "--format", "json", "--no-pager"], None),
                "store": ([str(BIN), "blame", "fomc", "--format", "json", "--no-pager", "--store", str(store)], None),
            },
            args.runs,
        )
        lines = [
            f"Median of {args.runs} interleaved rounds (after a warm-up) on this machine (2 cores, shared).",
            "",
            "| what | median | × `git log -p` |",
            "|---|---:|---:|",
            f"| `git log -p -- statement.txt` (160 FOMC statements as one file's history) | {m['git']:.3f} s | 1.00 |",
            f"| `editions blame editions/fomc-statements --format json` (the newest of 160, from the folder) | {m['folder']:.3f} s | {m['folder'] / m['git']:.2f} |",
            f"| `editions blame fomc --format json` (the same, from the store) | {m['store']:.3f} s | {m['store'] / m['git']:.2f} |",
        ]
        print("\n".join(lines), flush=True)
        series = generated_series(tmp, args.paragraphs, max(args.editions))
        files = sorted(series.iterdir())
        commands = {}
        for n in args.editions:
            folder = tmp / f"first-{n}"
            folder.mkdir()
            for f in files[:n]:
                os.link(f, folder / f.name)
            commands[n] = ([str(BIN), "blame", str(folder), "--format", "json", "--no-pager"], None)
        g = medians(commands, max(3, args.runs // 3))
        base = min(args.editions)
        lines += [
            "",
            f"A generated series of {args.paragraphs:,}-paragraph editions, blamed from a folder of its first N editions"
            f" (median of {max(3, args.runs // 3)}):",
            "",
            "| editions | MB read | median | per edition | × per edition at " + str(base) + " | per MB | × per MB at " + str(base) + " |",
            "|---:|---:|---:|---:|---:|---:|---:|",
        ]
        mb = {n: sum(f.stat().st_size for f in files[:n]) / 1e6 for n in args.editions}
        for n in args.editions:
            per, per0 = g[n] / n, g[base] / base
            pmb, pmb0 = g[n] / mb[n], g[base] / mb[base]
            lines.append(
                f"| {n} | {mb[n]:.0f} | {g[n]:.3f} s | {per:.3f} s | {per / per0:.2f} | {pmb * 1000:.1f} ms | {pmb / pmb0:.2f} |"
            )
        print("\n".join(lines[-len(args.editions):]), flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    table = "\n".join(lines)
    bench = ROOT / "BENCHMARKS.md"
    text = bench.read_text()
    start, end = "<!-- BLAME -->", "<!-- /BLAME -->"
    if start in text:
        head, rest = text.split(start, 1)
        _, tail = rest.split(end, 1)
        text = f"{head}{start}\n{table}\n{end}{tail}"
    else:
        text += f"\n## Blame\n\n`cargo build --release && python3 bench/blame.py`\n\n{start}\n{table}\n{end}\n"
    bench.write_text(text)


if __name__ == "__main__":
    main()
