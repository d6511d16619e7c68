//! Prints, for each marked document of `tests/data/layouts/`, the reader's
//! paragraphs that `editions` does not read right (the test
//! `tests/layouts.rs` counts them) and what `editions` made of each: the
//! paragraph whose text covers the reader's first line.
//!
//! `cargo run --example layout_misses [-- MARKS.json …]`
//!
//! Each miss is classed `list` when the reader's paragraph or the one
//! `editions` read there holds a list item (a line starting `-`, `*`,
//! `(a)`, `a)`, `1.` …), else `other`: a first sorting, to be read.

use editions::{parse_file, segment::Options};
use serde_json::Value;
use std::path::Path;

fn tokens(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| w.chars().filter(|c| c.is_alphanumeric() || *c == '_').collect::<String>().to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_item(line: &str) -> bool {
    let t = line.trim_start();
    let t = t.strip_prefix('\t').unwrap_or(t);
    if t.starts_with(['-', '*', '+', '•']) && t[1..].starts_with(' ') {
        return true;
    }
    let mark: String = t.chars().take_while(|c| c.is_alphanumeric() || *c == '(').collect();
    let rest = &t[mark.len()..];
    (1..=5).contains(&mark.len()) && (rest.starts_with(") ") || rest.starts_with(". ") && mark.len() <= 3)
}

fn words(t: &str, first: bool, n: usize) -> String {
    let w: Vec<&str> = t.split_whitespace().collect();
    if first { w[..w.len().min(n)].join(" ") } else { w[w.len().saturating_sub(n)..].join(" ") }
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/layouts");
    let mut marks: Vec<String> = std::env::args().skip(1).collect();
    if marks.is_empty() {
        let mut all: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".json"))
            .collect();
        all.sort();
        marks = all;
    }
    let (mut right, mut all, mut list, mut other) = (0, 0, 0, 0);
    for m in &marks {
        let want: Value = serde_json::from_str(&std::fs::read_to_string(dir.join(m)).unwrap()).unwrap();
        let file = dir.join(want["file"].as_str().unwrap());
        let source = std::fs::read_to_string(&file).unwrap();
        let src: Vec<&str> = source.split('\n').collect();
        let e = parse_file(&file, &Options::default()).unwrap();
        let paragraphs = want["paragraphs"].as_array().unwrap();
        let mut out = Vec::new();
        let mut r = 0;
        for p in paragraphs {
            let line = p["line"].as_u64().unwrap() as usize;
            let end = p["end_line"].as_u64().unwrap() as usize;
            let first: Vec<String> = tokens(p["first_words"].as_str().unwrap()).into_iter().take(5).collect();
            let last = tokens(p["last_words"].as_str().unwrap());
            let last = &last[last.len().saturating_sub(3)..];
            let ok = e.paragraphs.iter().any(|g| {
                let t = tokens(&format!("{} {}", g.number.as_deref().unwrap_or(""), g.text));
                g.line == line && t.starts_with(&first) && t.ends_with(last)
            });
            if ok {
                r += 1;
                continue;
            }
            // The paragraph editions read over the reader's first line.
            let g = e.paragraphs.iter().rev().find(|g| g.line <= line);
            let reader_items = (line..=end).any(|l| src.get(l - 1).is_some_and(|t| is_item(t)));
            let ours_items = g.is_some_and(|g| g.text.lines().skip(1).any(is_item) || is_item(&g.text));
            let class = if reader_items || ours_items { "list" } else { "other" };
            if class == "list" {
                list += 1;
            } else {
                other += 1;
            }
            out.push(format!(
                "  [{class}] reader {line}-{end}: «{}» … «{}»{}\n           editions: {}",
                p["first_words"].as_str().unwrap(),
                p["last_words"].as_str().unwrap(),
                p["note"].as_str().map(|n| format!("\n           note: {n}")).unwrap_or_default(),
                match g {
                    Some(g) => format!(
                        "¶{} line {}: «{}» … «{}» ({} lines of text)",
                        g.label,
                        g.line,
                        words(&g.text, true, 7),
                        words(&g.text, false, 5),
                        g.text.lines().count()
                    ),
                    None => "nothing".to_string(),
                }
            ));
        }
        println!("{m}: {r} of {}", paragraphs.len());
        for o in out {
            println!("{o}");
        }
        right += r;
        all += paragraphs.len();
    }
    println!("all: {right} of {all}; misses: {list} list, {other} other");
}
