//! Scores the commitment detector on the sentences labelled by reading in
//! `tests/data/commitments/<register>.jsonl`: precision and recall per
//! register and split (a hit must have the labelled type), and, with
//! `--misses`, every disagreement of the `dev` split.
//!
//! `cargo run --release --example commitments_eval [-- --misses [REGISTER]] [--heldout]`;
//! with `-`, each line of standard input is read as a sentence of one passage.

use editions::commitments::Detector;
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Default, Clone, Copy)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    wrong_type: usize,
}

impl Score {
    fn add(&mut self, truth: &str, found: &str) {
        match (truth, found) {
            ("none", "none") => {}
            (t, f) if t == f => self.tp += 1,
            ("none", _) => self.fp += 1,
            (_, "none") => self.fn_ += 1,
            _ => {
                self.fp += 1;
                self.fn_ += 1;
                self.wrong_type += 1;
            }
        }
    }
    fn p(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn r(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let misses = args.iter().position(|a| a == "--misses");
    let only = misses.and_then(|i| args.get(i + 1)).filter(|a| !a.starts_with("--")).cloned();
    let heldout = args.iter().any(|a| a == "--heldout");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/commitments");
    let detector = Detector::default();
    if args.iter().any(|a| a == "-") {
        // Each line of standard input read as a sentence of one passage.
        let text = std::io::read_to_string(std::io::stdin()).unwrap();
        let sentences: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        for (s, found) in sentences.iter().zip(detector.paragraph(&sentences)) {
            let f = found.map_or("none".to_string(), |f| {
                format!("{} ({}{})", f.kind.name(), f.trigger, if f.negated { ", negated" } else { "" })
            });
            println!("{f:<32} {s}");
        }
        return;
    }
    let mut scores: BTreeMap<(String, String), Score> = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "jsonl")) {
        let rows: Vec<Value> = std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: {e}: {l}", path.display())))
            .collect();
        for doc in rows.chunk_by(|a, b| a["doc"] == b["doc"]) {
            let sentences: Vec<&str> = doc.iter().map(|r| r["sentence"].as_str().unwrap_or("")).collect();
            for (row, found) in doc.iter().zip(detector.paragraph(&sentences)) {
                let truth = row["type"].as_str().unwrap_or("?");
                let trigger = found.as_ref().map_or(String::new(), |f| format!("({})", f.trigger));
                let found = found.as_ref().map_or("none", |f| f.kind.name());
                let register = row["register"].as_str().unwrap_or("?").to_string();
                let split = row["split"].as_str().unwrap_or("?").to_string();
                scores.entry((register.clone(), split.clone())).or_default().add(truth, found);
                let show = misses.is_some()
                    && truth != found
                    && (split == "dev" || heldout)
                    && only.as_ref().is_none_or(|o| *o == register);
                if show {
                    println!(
                        "{:<12} {:<11} → {:<11} {:<24} {}",
                        row["id"].as_str().unwrap_or(""),
                        truth,
                        found,
                        trigger,
                        row["sentence"]
                    );
                }
            }
        }
    }
    println!(
        "{:<14} {:<8} {:>5} {:>5} {:>5} {:>5}  {:>6} {:>6}",
        "register", "split", "tp", "fp", "fn", "type", "P", "R"
    );
    for ((register, split), s) in &scores {
        if split == "heldout" && !heldout {
            continue;
        }
        println!(
            "{register:<14} {split:<8} {:>5} {:>5} {:>5} {:>5}  {:>6.3} {:>6.3}",
            s.tp,
            s.fp,
            s.fn_,
            s.wrong_type,
            s.p(),
            s.r()
        );
    }
}
