#!/usr/bin/env bash
# Precision, recall and class accuracy of `editions diff` against the true
# mapping of generated pairs, for several --threshold values.
# Usage: cargo build --release && bench/threshold.sh [SIZES...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sizes=${*:-1000 10000}
for p in $sizes; do
  cargo run --quiet --release --manifest-path "$root/Cargo.toml" --example gen_editions -- "$tmp" "$p"
done
echo "| paragraphs | threshold | precision | recall | class accuracy |"
echo "|---:|---:|---:|---:|---:|"
for p in $sizes; do
  for t in 0.3 0.4 0.5 0.6 0.7 0.8; do
    "$root/target/release/editions" diff "$tmp/old_$p.txt" "$tmp/new_$p.txt" --format json --threshold "$t" >"$tmp/d.json" || true
    python3 "$root/bench/eval-truth.py" "$tmp/d.json" "$tmp/truth_$p.json" |
      python3 -c "import json,sys; d=json.load(sys.stdin); print(f'| {$p:,} | $t | {d[\"precision\"]:.4f} | {d[\"recall\"]:.4f} | {d[\"class_accuracy\"]:.4f} |')"
  done
done
