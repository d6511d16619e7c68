#!/usr/bin/env python3
"""Scores `editions diff --format json` against the true mapping written by
the generator (`examples/gen_editions.rs`): precision and recall of the
(old, new) paragraph pairs, and the share of old paragraphs whose class is
right.

Usage: eval-truth.py DIFF.json TRUTH.json  (prints one JSON line)
"""
import json
import sys

KIND = {"unchanged": "unchanged", "revised": "revised", "moved": "moved", "moved+revised": "moved",
        "split": "split", "merged": "merged", "merged_into_prev": "merged", "dropped": "dropped"}


def main(diff_path, truth_path):
    diff = json.load(open(diff_path))
    truth = json.load(open(truth_path))
    true_pairs, true_kind = set(), {}
    for old, t in truth["old_to_new"].items():
        true_kind[old] = KIND[t["kind"]]
        for n in t["new"]:
            true_pairs.add((old, str(n)))
    found_pairs, found_kind = set(), {}
    for c in diff["changes"]:
        for o in c["old"]:
            found_kind[o] = c["kind"]
            for n in c["new"]:
                found_pairs.add((o, n))
    hit = len(true_pairs & found_pairs)
    right = sum(1 for o, k in true_kind.items() if found_kind.get(o) == k)
    confusion = {}
    for o, k in true_kind.items():
        f = found_kind.get(o)
        if f != k:
            confusion[f"{k}->{f}"] = confusion.get(f"{k}->{f}", 0) + 1
    print(json.dumps({
        "paragraphs": len(true_kind),
        "precision": round(hit / max(1, len(found_pairs)), 4),
        "recall": round(hit / max(1, len(true_pairs)), 4),
        "class_accuracy": round(right / max(1, len(true_kind)), 4),
        "errors": dict(sorted(confusion.items(), key=lambda x: -x[1])),
    }))


if __name__ == "__main__":
    main(*sys.argv[1:3])
