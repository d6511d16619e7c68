#!/usr/bin/env bash
# The edition store: snapshotting the 160 FOMC statements (and the 12 CA/B
# editions) into a fresh store, and answering `editions history`, `log` and
# `show` on the stored series. Medians of several runs, with hyperfine.
# Usage: cargo build --release && bench/store.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/target/release/editions"
runs=${1:-7}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
fomc=editions/fomc-statements
cabf=editions/cabf-baseline-requirements

hyperfine --style none --runs "$runs" --export-json "$tmp/snap-fomc.json" \
  --prepare "rm -rf $tmp/fomc.git" \
  "$bin snapshot $fomc --series fomc-statements --store $tmp/fomc.git" >/dev/null
hyperfine --style none --runs "$runs" --export-json "$tmp/snap-cabf.json" \
  --prepare "rm -rf $tmp/cabf.git" \
  "$bin snapshot $cabf --series cabf --store $tmp/cabf.git" >/dev/null
# A store with both series for the reading commands.
rm -rf "$tmp/s.git"
"$bin" snapshot "$fomc" --series fomc-statements --store "$tmp/s.git" >/dev/null
"$bin" snapshot "$cabf" --series cabf --store "$tmp/s.git" >/dev/null
hyperfine --style none --runs "$runs" --warmup 1 --export-json "$tmp/again.json" \
  "$bin snapshot $fomc --series fomc-statements --store $tmp/s.git" >/dev/null
hyperfine --style none --runs "$runs" --warmup 1 --export-json "$tmp/read.json" \
  "$bin history fomc-statements@2009-03-18 3 --store $tmp/s.git --color never" \
  "$bin history fomc-statements@2016-09-21 6 --store $tmp/s.git --color never" \
  "$bin history cabf@v2.2.6 4.9.1.1:1 --store $tmp/s.git --color never" \
  "$bin log --store $tmp/s.git" \
  "$bin show cabf@v2.2.6 --para 4.9.1.1:1 --store $tmp/s.git" >/dev/null

echo "| command | median | min | max |"
echo "|---|---:|---:|---:|"
for f in snap-fomc snap-cabf again read; do
  python3 - "$tmp/$f.json" "$root" "$tmp" <<'PY'
import json, sys
doc, root, tmp = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
for r in doc["results"]:
    cmd = r["command"].replace(root + "/target/release/", "").replace(tmp + "/", "")
    print(f"| `{cmd}` | {r['median']:.3f} s | {r['min']:.3f} s | {r['max']:.3f} s |")
PY
done
