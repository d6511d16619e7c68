//! Prints, for each document of `tests/data/layouts/`, the reader's
//! paragraphs that `editions` does not read right (the rule of
//! `tests/layouts.rs`) and what `editions` made of their lines, then the
//! reader's skipped blocks that `editions` does not skip and the blocks
//! `editions` skips that the reader keeps; paragraphs read right whose
//! end line is not the reader's are listed too. A miss whose lines hold a list
//! item is marked `list`: the list rule decides those.
//!
//! `cargo run --example layout_misses [-- NAME.json …]`

use editions::{parse_file, segment::Options};
use regex::Regex;
use serde_json::Value;
use std::path::Path;

fn tokens(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| w.chars().filter(|c| c.is_alphanumeric() || *c == '_').collect::<String>().to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

fn clip(s: &str, n: usize) -> String {
    let s = s.replace('\n', " ⏎ ");
    if s.chars().count() <= n {
        return s;
    }
    let head: String = s.chars().take(n / 2).collect();
    let tail: String = s.chars().rev().take(n / 2).collect::<Vec<_>>().into_iter().rev().collect();
    format!("{head} … {tail}")
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/layouts");
    let list_item =
        Regex::new(r"^\s*(?:[-*+•]|\(?[a-z]{1,3}\)|\(?[ivxlc]{1,6}[.)]|\d{1,3}[.)]|\(\d{1,3}\)|[A-Z][.)])\s+\S")
            .unwrap();
    let wanted: Vec<String> = std::env::args().skip(1).collect();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json") && (wanted.is_empty() || wanted.contains(n)))
        .collect();
    names.sort();
    let (mut all_right, mut all, mut all_list) = (0, 0, 0);
    for name in names {
        let want: Value = serde_json::from_str(&std::fs::read_to_string(dir.join(&name)).unwrap()).unwrap();
        let file = dir.join(want["file"].as_str().unwrap());
        let source = std::fs::read_to_string(&file).unwrap();
        let src: Vec<&str> = source.split('\n').collect();
        let e = match parse_file(&file, &Options::default()) {
            Ok(e) => e,
            Err(err) => {
                println!("== {name}: {err}");
                continue;
            }
        };
        let paragraphs = want["paragraphs"].as_array().unwrap();
        let mut misses = Vec::new();
        let mut lists = 0;
        let mut ends_off = Vec::new();
        for p in paragraphs {
            let line = p["line"].as_u64().unwrap() as usize;
            let end = p["end_line"].as_u64().unwrap() as usize;
            let first: Vec<String> = tokens(p["first_words"].as_str().unwrap()).into_iter().take(5).collect();
            let last = tokens(p["last_words"].as_str().unwrap());
            let last = &last[last.len().saturating_sub(3)..];
            let right = e.paragraphs.iter().any(|g| {
                let t = tokens(&format!("{} {}", g.number.as_deref().unwrap_or(""), g.text));
                g.line == line && t.starts_with(&first) && t.ends_with(last)
            });
            if right {
                // Read right: does it also end on the reader's line?
                if !e.paragraphs.iter().any(|g| g.line == line && g.end_line == end) {
                    let got = e.paragraphs.iter().find(|g| g.line == line).map_or(0, |g| g.end_line);
                    ends_off.push(format!("  ends {got}, the reader's {line}-{end}"));
                }
                continue;
            }
            let list = src[line - 1..end.min(src.len())].iter().any(|l| list_item.is_match(l));
            lists += usize::from(list);
            let mut made = Vec::new();
            for g in &e.paragraphs {
                if g.line <= end && g.end_line >= line {
                    made.push(format!("  ¶ {}-{} [{}] {}", g.line, g.end_line, g.label, clip(&g.text, 110)));
                }
            }
            for h in e.headings.iter().filter(|h| (line..=end).contains(&h.line)) {
                made.push(format!("  # {} {}", h.line, clip(&h.text, 80)));
            }
            for k in e.skipped.iter().filter(|k| k.first_line <= end && k.last_line >= line) {
                made.push(format!("  - {}-{} skipped {}", k.first_line, k.last_line, k.what));
            }
            if made.is_empty() {
                made.push("  (nothing: the lines are lost)".into());
            }
            misses.push(format!(
                "{} {}-{}: {} … {}\n{}",
                if list { "list " } else { "OTHER" },
                line,
                end,
                p["first_words"].as_str().unwrap(),
                p["last_words"].as_str().unwrap(),
                made.join("\n")
            ));
        }
        let right = paragraphs.len() - misses.len();
        println!("== {name}: {right} of {} read right; {} misses ({lists} list)", paragraphs.len(), misses.len());
        for m in &misses {
            println!("{m}");
        }
        if !ends_off.is_empty() {
            println!("read right but ending elsewhere: {}", ends_off.len());
            for m in &ends_off {
                println!("{m}");
            }
        }
        // Paragraphs of editions that start where no paragraph of the reader does.
        let starts: Vec<usize> = paragraphs.iter().map(|p| p["line"].as_u64().unwrap() as usize).collect();
        for g in e.paragraphs.iter().filter(|g| !starts.contains(&g.line)) {
            println!("  extra ¶ {} [{}] {}", g.line, g.label, clip(&g.text, 90));
        }
        // Skipped blocks: the reader's against editions'.
        let skipped_at = |a: usize, b: usize| e.skipped.iter().any(|k| k.first_line <= a && k.last_line >= b);
        for k in want["skipped"].as_array().into_iter().flatten() {
            let (a, b) = (k["line"].as_u64().unwrap() as usize, k["end_line"].as_u64().unwrap() as usize);
            if !skipped_at(a, b) {
                let partly = e.skipped.iter().any(|s| s.first_line <= b && s.last_line >= a);
                println!(
                    "  reader skips {a}-{b} ({}): editions {}",
                    k["what"].as_str().unwrap_or(""),
                    if partly { "skips part" } else { "does not" }
                );
            }
        }
        let reader: Vec<(usize, usize)> = want["skipped"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|k| (k["line"].as_u64().unwrap() as usize, k["end_line"].as_u64().unwrap() as usize))
            .collect();
        for k in &e.skipped {
            if !reader.iter().any(|&(a, b)| a <= k.first_line && b >= k.last_line) {
                println!("  editions skips {}-{} ({}): the reader keeps it", k.first_line, k.last_line, k.what);
            }
        }
        all_right += right;
        all += paragraphs.len();
        all_list += lists;
    }
    println!("== all: {all_right} of {all} read right; {} misses, {all_list} with a list item", all - all_right);
}
