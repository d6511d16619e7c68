#!/usr/bin/env python3
"""The HTML report's size and how long Chromium takes to load it.

On generated pairs (`cargo run --release --example gen_editions`) and the
shipped CA/B pair: the size of `editions diff --format html` beside
`--format json`, the time each takes to write, and how long headless
Chromium (driven through chromedriver's WebDriver HTTP API, no client
library needed) takes to load the page beside an empty page: the wall
time of the navigation command (it returns after the load event) and the
page's own `loadEventEnd`, medians of interleaved runs. The figures go
into BENCHMARKS.md between the `<!-- HTML -->` markers.

    cargo build --release && python3 bench/html.py [--runs 9] [--sizes 10000]

Needs the Debian packages chromium and chromium-driver.
"""

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "editions"
GEN = ["cargo", "run", "--quiet", "--release", "--example", "gen_editions", "--"]
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1280,900",
]


def wd(port, method, path, body=None):
    """One WebDriver command; its JSON value."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.load(r)["value"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    def __init__(self, profile):
        chromium = shutil.which("chromium") or sys.exit("no chromium: apt-get install chromium chromium-driver")
        driver = shutil.which("chromedriver") or sys.exit("no chromedriver: apt-get install chromium-driver")
        self.port = free_port()
        self.proc = subprocess.Popen([driver, f"--port={self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": chromium, "args": FLAGS + [f"--user-data-dir={profile}"]}}}}
        self.session = wd(self.port, "POST", "/session", caps)["sessionId"]

    def load(self, url):
        """Wall seconds of the navigation, and the page's loadEventEnd in seconds."""
        start = time.perf_counter()
        wd(self.port, "POST", f"/session/{self.session}/url", {"url": url})
        wall = time.perf_counter() - start
        end = wd(self.port, "POST", f"/session/{self.session}/execute/sync", {
            "script": "return performance.getEntriesByType('navigation')[0].loadEventEnd", "args": []})
        return wall, end / 1000

    def close(self):
        try:
            wd(self.port, "DELETE", f"/session/{self.session}")
        finally:
            self.proc.terminate()
            self.proc.wait()


def write(fmt, pair, out):
    start = time.perf_counter()
    done = subprocess.run([str(BIN), "diff", "--format", fmt, "-o", str(out), *pair], stderr=subprocess.PIPE)
    if done.returncode not in (0, 1):
        sys.exit(f"editions diff --format {fmt}: exit {done.returncode}: {done.stderr.decode()}")
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--sizes", type=int, nargs="*", default=[10000])
    ap.add_argument("--out", default="/tmp/editions-gen")
    args = ap.parse_args()
    if not BIN.exists():
        sys.exit("build first: cargo build --release")
    pairs = []
    for n in args.sizes:
        out = Path(args.out)
        if not (out / f"new_{n}.txt").exists():
            subprocess.run(GEN + [str(out), str(n)], cwd=ROOT, check=True)
        pairs.append((f"generated, {n:,} paragraphs", [str(out / f"old_{n}.txt"), str(out / f"new_{n}.txt")]))
    cabf = sorted((ROOT / "editions/cabf-baseline-requirements").iterdir())
    pairs.append((f"CA/B {cabf[-2].stem} → {cabf[-1].stem}", [str(cabf[-2]), str(cabf[-1])]))

    tmp = Path(tempfile.mkdtemp(prefix="editions-html-"))
    empty = tmp / "empty.html"
    empty.write_text("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>empty</title></head><body></body></html>\n")
    browser = Browser(tmp / "profile")
    lines = [
        f"Medians of {args.runs} interleaved runs. Size: `editions diff --format html` beside `--format json`"
        " (written with `-o`). Load: headless Chromium through chromedriver, the page opened as a `file://` URL;"
        " `navigate` is the wall time of WebDriver's navigation command (it returns after the load event),"
        " `loadEventEnd` the page's own; `+` is the report's time less the empty page's.",
        "",
        "| pair | JSON | HTML | HTML ÷ JSON | write JSON | write HTML | navigate, empty page | navigate, report | + | loadEventEnd, report | + |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    try:
        for name, pair in pairs:
            json_out, html_out = tmp / "d.json", tmp / "d.html"
            tj, th = [], []
            for _ in range(args.runs):
                tj.append(write("json", pair, json_out))
                th.append(write("html", pair, html_out))
            js, hs = json_out.stat().st_size, html_out.stat().st_size
            browser.load(empty.as_uri())  # warm the browser once
            e_wall, e_end, r_wall, r_end = [], [], [], []
            for _ in range(args.runs):
                w, e = browser.load(empty.as_uri())
                e_wall.append(w)
                e_end.append(e)
                w, e = browser.load(html_out.as_uri())
                r_wall.append(w)
                r_end.append(e)
            med = statistics.median
            lines.append(
                f"| {name} | {js / 1e6:.2f} MB | {hs / 1e6:.2f} MB | {hs / js:.2f} | {med(tj):.3f} s | {med(th):.3f} s"
                f" | {med(e_wall):.3f} s | {med(r_wall):.3f} s | {med(r_wall) - med(e_wall):.3f} s"
                f" | {med(r_end):.3f} s | {med(r_end) - med(e_end):.3f} s |"
            )
            print(lines[-1], flush=True)
    finally:
        browser.close()
        shutil.rmtree(tmp, ignore_errors=True)
    table = "\n".join(lines)
    bench = ROOT / "BENCHMARKS.md"
    text = bench.read_text()
    start, end = "<!-- HTML -->", "<!-- /HTML -->"
    if start in text:
        head, rest = text.split(start, 1)
        _, tail = rest.split(end, 1)
        text = f"{head}{start}\n{table}\n{end}{tail}"
    else:
        text += (f"\n## The HTML report: size and load time\n\n`cargo build --release && python3 bench/html.py`\n\n"
                 f"{start}\n{table}\n{end}\n")
    bench.write_text(text)


if __name__ == "__main__":
    main()
