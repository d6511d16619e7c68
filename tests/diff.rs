//! `editions diff`: alignment and change classes on the real editions, on
//! generated pairs with a known truth, and the command line.

use crate::generator::{self, Seed};
use crate::{edition_path, parse, series};
use assert_cmd::Command;
use editions::align::AlignOptions;
use editions::classify::compare;
use editions::model::{ChangeKind, Comparison, EditOp};
use editions::{Edition, parse_file, read, segment};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

fn cmp(old: Edition, new: Edition) -> Comparison {
    compare(old, new, &AlignOptions::default())
}

/// Every paragraph of both editions is in exactly one change.
fn assert_partition(c: &Comparison) {
    let mut old = vec![0; c.old.paragraphs.len()];
    let mut new = vec![0; c.new.paragraphs.len()];
    for ch in &c.changes {
        ch.old.iter().for_each(|&i| old[i] += 1);
        ch.new.iter().for_each(|&i| new[i] += 1);
    }
    assert!(old.iter().chain(&new).all(|&n| n == 1), "a paragraph is in no change or in two");
}

/// The edits rebuild both texts exactly.
fn assert_edits_rebuild(c: &Comparison) {
    for ch in c.changes.iter().filter(|ch| !ch.edits.is_empty()) {
        let (old, new) = editions::classify::words::sides(&ch.edits);
        let join = |e: &Edition, ix: &[usize]| {
            ix.iter()
                .map(|&i| e.paragraphs[i].text.as_str())
                .collect::<Vec<_>>()
                .join(editions::classify::PARAGRAPH_JOIN)
        };
        assert_eq!(old, join(&c.old, &ch.old));
        assert_eq!(new, join(&c.new, &ch.new));
    }
}

fn kinds(c: &Comparison) -> BTreeMap<&'static str, usize> {
    c.summary().iter().filter(|(_, n)| *n > 0).map(|(k, n)| (k.name(), *n)).collect()
}

/// (kind, old labels, new labels) of every change but the unchanged.
fn changes(c: &Comparison) -> Vec<(&'static str, Vec<&str>, Vec<&str>)> {
    c.changes
        .iter()
        .filter(|ch| ch.kind != ChangeKind::Unchanged)
        .map(|ch| {
            (
                ch.kind.name(),
                ch.old.iter().map(|&i| c.old.paragraphs[i].label.as_str()).collect(),
                ch.new.iter().map(|&i| c.new.paragraphs[i].label.as_str()).collect(),
            )
        })
        .collect()
}

#[test]
fn every_shipped_edition_against_itself_is_unchanged() {
    let mut files = Vec::new();
    for s in ["un-trafficking-in-armed-conflict", "fomc-statements", "cabf-baseline-requirements", "gnu-fdl"] {
        files.extend(series(s));
    }
    assert_eq!(files.len(), 176);
    for f in files {
        let e = parse_file(&f, &segment::Options::default()).unwrap();
        let c = cmp(e.clone(), e);
        assert_partition(&c);
        assert!(!c.has_differences(), "{}: {:?}", f.display(), kinds(&c));
        assert!(c.changes.iter().all(|ch| !ch.renumbered));
    }
}

/// The UN report as another extraction would give it: wrapped at another
/// width, page breaks as form feeds with page headers and footers, the
/// footnote markers and blocks at other places.
fn reextract_numbered(e: &Edition, width: usize) -> String {
    let mut out = String::new();
    let mut lines_on_page = 0;
    let mut page = 1;
    let mut pending_notes: Vec<String> = Vec::new();
    let mut emit = |out: &mut String, line: &str, notes: &mut Vec<String>| {
        out.push_str(line);
        out.push_str(" \n\n");
        lines_on_page += 1;
        if lines_on_page == 19 {
            if !notes.is_empty() {
                out.push_str("__________________ \n\n");
                for n in notes.drain(..) {
                    out.push_str(&format!(" {n} \n\n"));
                }
            }
            page += 1;
            out.push_str(&format!(
                "https://undocs.org/S/2018/{page}\n\x0C18-19668 (E)    231118\n\n{page}/16\n\nS/2018/1042\n\n"
            ));
            lines_on_page = 0;
        }
    };
    let wrap = |text: &str| -> Vec<String> {
        let mut lines = vec![String::new()];
        for word in text.split(' ') {
            let cur = lines.last_mut().unwrap();
            if !cur.is_empty() && cur.len() + 1 + word.len() > width {
                lines.push(word.to_string());
            } else {
                if !cur.is_empty() {
                    cur.push(' ');
                }
                cur.push_str(word);
            }
        }
        lines
    };
    for l in wrap(e.meta.title.as_deref().unwrap()) {
        emit(&mut out, &format!("  {l}"), &mut pending_notes);
    }
    let mut shown = 0;
    for p in &e.paragraphs {
        for &h in &p.headings {
            if h >= shown {
                for hh in &e.headings[shown..=h] {
                    let indent = if hh.number.is_some() { " " } else { "   " };
                    for (k, l) in wrap(&hh.text).into_iter().enumerate() {
                        emit(&mut out, &format!("{}{l}", if k == 0 { indent } else { "" }), &mut pending_notes);
                    }
                }
                shown = h + 1;
            }
        }
        // Markers go after the first sentence: the segmenter must take them out again.
        let mut text = String::new();
        let sentences = p.sentences();
        for (k, s) in sentences.iter().enumerate() {
            if k > 0 {
                text.push(' ');
            }
            text.push_str(s);
            if k == 0 {
                for f in &p.footnotes {
                    text.push_str(&format!(" {}  ", f.mark));
                    pending_notes.push(format!("{}  {}", f.mark, f.text));
                }
            }
        }
        let text = format!("{}. {}", p.label, text.split_whitespace().collect::<Vec<_>>().join(" "));
        for l in wrap(&text) {
            emit(&mut out, &l, &mut pending_notes);
        }
    }
    out
}

fn reparse(text: &str, name: &str) -> Edition {
    let source = read::decode(Path::new(name), text.as_bytes()).unwrap();
    segment::segment(&source, &segment::Options::default())
}

#[test]
fn extraction_noise_alone_is_no_change_numbered() {
    let e = parse("un-trafficking-in-armed-conflict/2018-11-21_S-2018-1042.txt");
    for width in [60, 95] {
        let text = reextract_numbered(&e, width);
        let again = reparse(&text, "2018-11-21_S-2018-1042.txt");
        if again.paragraphs.len() != 83 {
            std::fs::write(format!("/tmp/reextract_{width}.txt"), &text).unwrap();
        }
        assert_eq!(again.paragraphs.len(), 83, "width {width}: {:?}", again.warnings);
        let c = cmp(e.clone(), again);
        assert_partition(&c);
        let changed: Vec<_> = changes(&c);
        assert!(changed.is_empty(), "width {width}: {changed:?}");
        assert_eq!(c.old.footnote_count(), c.new.footnote_count());
    }
}

/// A statement re-wrapped at another width with CRLF line ends, and page
/// breaks (form feed, page number) between and inside paragraphs.
fn reextract_blocks(e: &Edition, width: usize) -> String {
    let mut out = format!("{}\r\n\r\n", e.meta.title.as_deref().unwrap_or(""));
    let mut shown = 0;
    for (i, p) in e.paragraphs.iter().enumerate() {
        for &h in &p.headings {
            if h >= shown {
                for hh in &e.headings[shown..=h] {
                    out.push_str(&format!("{}\r\n\r\n", hh.text));
                }
                shown = h + 1;
            }
        }
        let mut line = String::new();
        let mut lines = Vec::new();
        for word in p.text.split(' ') {
            if !line.is_empty() && line.len() + 1 + word.len() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
        for (k, l) in lines.iter().enumerate() {
            out.push_str(l);
            out.push_str("\r\n");
            if k == 1 && lines.len() > 3 && i % 2 == 0 {
                out.push_str(&format!("\r\n\x0C{}/9\r\n\r\n", i + 2));
            }
        }
        out.push_str("\r\n");
    }
    out
}

#[test]
fn extraction_noise_alone_is_no_change_blocks() {
    for rel in ["fomc-statements/2008-12-16.txt", "fomc-statements/2016-09-21.txt", "gnu-fdl/GFDL-1.3-only.txt"] {
        let e = parse(rel);
        let text = reextract_blocks(&e, 52);
        let again = reparse(&text, "x.txt");
        let c = cmp(e, again);
        assert_partition(&c);
        assert_eq!(changes(&c), vec![], "{rel}");
    }
}

fn truth_scores(old: &Path, new: &Path, truth: &Path) -> (f64, f64, f64) {
    let c = compare(
        parse_file(old, &segment::Options::default()).unwrap(),
        parse_file(new, &segment::Options::default()).unwrap(),
        &AlignOptions::default(),
    );
    assert_partition(&c);
    assert_edits_rebuild(&c);
    let truth: Value = serde_json::from_str(&std::fs::read_to_string(truth).unwrap()).unwrap();
    fn kind(t: &str) -> &str {
        match t {
            "moved+revised" => "moved",
            "merged_into_prev" => "merged",
            k => k,
        }
    }
    let mut true_pairs = HashSet::new();
    let mut true_kind = BTreeMap::new();
    for (old, t) in truth["old_to_new"].as_object().unwrap() {
        true_kind.insert(old.clone(), kind(t["kind"].as_str().unwrap()).to_string());
        for n in t["new"].as_array().unwrap() {
            true_pairs.insert((old.clone(), n.to_string()));
        }
    }
    let mut found_pairs = HashSet::new();
    let mut found_kind = BTreeMap::new();
    for ch in &c.changes {
        for &o in &ch.old {
            let label = c.old.paragraphs[o].label.clone();
            found_kind.insert(label.clone(), ch.kind.name().to_string());
            for &n in &ch.new {
                found_pairs.insert((label.clone(), c.new.paragraphs[n].label.clone()));
            }
        }
    }
    let hit = true_pairs.intersection(&found_pairs).count() as f64;
    let right = true_kind.iter().filter(|(o, k)| found_kind.get(*o) == Some(k)).count() as f64;
    (hit / found_pairs.len() as f64, hit / true_pairs.len() as f64, right / true_kind.len() as f64)
}

#[test]
fn generated_pairs_with_known_truth() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/generated");
    for p in [100, 1000] {
        let (precision, recall, classes) = truth_scores(
            &dir.join(format!("old_{p}.txt")),
            &dir.join(format!("new_{p}.txt")),
            &dir.join(format!("truth_{p}.json")),
        );
        assert!(precision >= 0.98 && recall >= 0.98 && classes >= 0.95, "{p}: {precision} {recall} {classes}");
    }
}

/// The 10,000-paragraph pair, made by `tests/generator.rs` (deterministic).
#[test]
fn generated_10000_paragraph_pair() {
    let dir = tempfile::tempdir().unwrap();
    let seed = Seed::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join(generator::SEED_REPORT)).unwrap();
    generator::generate(&seed, 10_000, generator::DEFAULT_SEED, true).write(dir.path()).unwrap();
    let (precision, recall, classes) = truth_scores(
        &dir.path().join("old_10000.txt"),
        &dir.path().join("new_10000.txt"),
        &dir.path().join("truth_10000.json"),
    );
    assert!(precision >= 0.98 && recall >= 0.98 && classes >= 0.95, "{precision} {recall} {classes}");
}

/// The same arguments give the same pair (the generator's sets are hashed
/// in another order each time), with the edits at the promised rates.
#[test]
fn generator_is_deterministic_and_keeps_its_rates() {
    let seed = Seed::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join(generator::SEED_REPORT)).unwrap();
    // What the Python script this generator was ported from read in the report.
    assert_eq!(seed.summary(), "seed: 83 paragraphs, 20 headings, 1135 vocab words, 259 sentences");
    let json = |p: &generator::Pair| serde_json::to_string(&p.truth).unwrap();
    let a = generator::generate(&seed, 1000, generator::DEFAULT_SEED, true);
    let b = generator::generate(&seed, 1000, generator::DEFAULT_SEED, true);
    assert!(a.old == b.old && a.new == b.new && json(&a) == json(&b));
    let c = generator::generate(&seed, 1000, generator::DEFAULT_SEED + 1, true);
    assert!(a.old != c.old && a.new != c.new);

    let counts: BTreeMap<&str, usize> = a.truth.kind_counts_old.iter().map(|(k, n)| (k.name(), *n)).collect();
    let expected = [
        ("dropped", 50),
        ("merged", 20),
        ("merged_into_prev", 20),
        ("moved", 20),
        ("moved+revised", 10),
        ("revised", 100),
        ("split", 20),
        ("unchanged", 760),
    ];
    assert_eq!(counts, BTreeMap::from(expected));
    assert_eq!((a.truth.p_old, a.truth.p_new, a.truth.inserted_count), (1000, 1000, 50));
    // Both editions read back as 1,000 numbered paragraphs, labelled 1 to 1,000.
    for text in [&a.old, &a.new] {
        let e = reparse(text, "generated.txt");
        let want: Vec<String> = (1..=1000).map(|n| n.to_string()).collect();
        assert_eq!(crate::labels(&e), want, "{:?}", e.warnings);
    }
}

#[test]
fn gnu_fdl_1_2_to_1_3_as_a_reader_sees_it() {
    let c = cmp(parse("gnu-fdl/GFDL-1.2-only.txt"), parse("gnu-fdl/GFDL-1.3-only.txt"));
    assert_partition(&c);
    assert_edits_rebuild(&c);
    assert_eq!(
        changes(&c),
        vec![
            // The copyright line: new years and the FSF's address replaced by its web site.
            ("dropped", vec!["front:1"], vec![]),
            ("new", vec![], vec!["front:1"]),
            ("new", vec![], vec!["1:9"]),
            ("revised", vec!["9:1"], vec!["9:1"]),
            ("new", vec![], vec!["9:2"]),
            ("new", vec![], vec!["9:3"]),
            ("new", vec![], vec!["9:4"]),
            ("revised", vec!["10:2"], vec!["10:2"]),
            ("new", vec![], vec!["11:1"]),
            ("new", vec![], vec!["11:2"]),
            ("new", vec![], vec!["11:3"]),
            ("new", vec![], vec!["11:4"]),
            ("new", vec![], vec!["11:5"]),
            ("revised", vec!["addendum:2"], vec!["addendum:2"]),
        ]
    );
    // Section 11 is new, under its own heading.
    let relicensing =
        c.changes.iter().find(|ch| ch.new.first().is_some_and(|&n| c.new.paragraphs[n].label == "11:1")).unwrap();
    assert_eq!(editions::render::diff::headings(&c, relicensing), ["11. RELICENSING"]);
    // The addendum now names version 1.3.
    let addendum = c.changes.iter().rev().find(|ch| ch.kind == ChangeKind::Revised).unwrap();
    let edited: Vec<(EditOp, &str)> =
        addendum.edits.iter().filter(|e| e.op != EditOp::Equal).map(|e| (e.op, e.text.as_str())).collect();
    assert_eq!(edited, [(EditOp::Delete, "1.2"), (EditOp::Insert, "1.3")]);
}

#[test]
fn consecutive_fomc_statements_as_a_reader_sees_them() {
    let c = cmp(parse("fomc-statements/2016-07-27.txt"), parse("fomc-statements/2016-09-21.txt"));
    assert_partition(&c);
    assert_edits_rebuild(&c);
    // Every paragraph is the same paragraph, edited or not: the outlook (1),
    // the mandate (2), the decision (3), the votes (6), the link (7) edited;
    // the guidance (4) and the reinvestment policy (5) kept.
    assert_eq!(
        changes(&c),
        vec![
            ("revised", vec!["1"], vec!["1"]),
            ("revised", vec!["2"], vec!["2"]),
            ("revised", vec!["3"], vec!["3"]),
            ("revised", vec!["6"], vec!["6"]),
            ("revised", vec!["7"], vec!["7"]),
        ]
    );
    let decision = &c.changes[2];
    let inserted: String = decision.edits.iter().filter(|e| e.op == EditOp::Insert).map(|e| e.text.as_str()).collect();
    assert!(inserted.contains("the case for an increase in the federal funds rate has strengthened"), "{inserted}");

    // December 2008: the first zero-bound statement; the new target range is a revision of the cut.
    let c = cmp(parse("fomc-statements/2008-10-29.txt"), parse("fomc-statements/2008-12-16.txt"));
    assert_partition(&c);
    assert!(c.has_differences());
}

#[test]
fn cabf_editions_as_a_reader_sees_them() {
    let c = cmp(
        parse("cabf-baseline-requirements/2025-12-16_v2.2.1.txt"),
        parse("cabf-baseline-requirements/2026-04-01_v2.2.6.txt"),
    );
    assert_partition(&c);
    assert_edits_rebuild(&c);
    let find =
        |old: &str| c.changes.iter().find(|ch| ch.old.iter().any(|&o| c.old.paragraphs[o].label == old)).unwrap();
    // Section 2's requirement to keep a CP/CPS moved into 2.2, word for word.
    let moved = find("2:1");
    assert_eq!(moved.kind, ChangeKind::Moved);
    assert_eq!(c.new.paragraphs[moved.new[0]].label, "2.2:2");
    assert_eq!(moved.similarity, 1.0);
    // 1.3.2: the Enterprise RA paragraph became two.
    let split = find("1.3.2:3");
    assert_eq!(split.kind, ChangeKind::Split);
    assert_eq!(
        split.new.iter().map(|&n| c.new.paragraphs[n].label.as_str()).collect::<Vec<_>>(),
        ["1.3.2:3", "1.3.2:4"]
    );
    // A reference gained a full stop: revised, words the same.
    let reference = find("1.6.3:1");
    assert_eq!(reference.kind, ChangeKind::Revised);
    let edited: Vec<&str> = reference.edits.iter().filter(|e| e.op != EditOp::Equal).map(|e| e.text.as_str()).collect();
    assert_eq!(edited, ["Providers", "Providers."]);
}

#[test]
fn unrelated_and_empty_editions() {
    // An empty edition against a full one: all new; the reverse: all dropped.
    let empty = reparse("", "empty.txt");
    let fdl = parse("gnu-fdl/GFDL-1.1-only.txt");
    let c = cmp(empty.clone(), fdl.clone());
    assert_eq!(kinds(&c), BTreeMap::from([("new", fdl.paragraphs.len())]));
    let c = cmp(fdl.clone(), empty);
    assert_eq!(kinds(&c), BTreeMap::from([("dropped", fdl.paragraphs.len())]));
    // Numbered paragraphs against numbered sections: a correct, complete result.
    let c = cmp(parse("un-trafficking-in-armed-conflict/2018-11-21_S-2018-1042.txt"), fdl);
    assert_partition(&c);
    assert_eq!(c.summary()[0].1, 0, "nothing unchanged");
}

fn editions() -> Command {
    Command::cargo_bin("editions").unwrap()
}

fn run(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = editions();
    cmd.arg("diff").args(args).env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn path(rel: &str) -> String {
    edition_path(rel).to_str().unwrap().to_string()
}

#[test]
fn cli_exit_status_and_formats() {
    let (a, b) = (path("fomc-statements/2016-07-27.txt"), path("fomc-statements/2016-09-21.txt"));
    let (code, out, err) = run(&[&a, &b], &[]);
    assert_eq!((code, err.as_str()), (1, ""));
    assert!(out.starts_with("2016-07-27 → 2016-09-21: 7 → 7 paragraphs\n2 unchanged, 5 revised, 0 moved, 0 split, 0 merged, 0 new, 0 dropped\n"), "{out}");
    assert!(out.contains("[-June-]{+July+}"), "piped output has no colour and keeps the markers: {out}");
    assert!(!out.contains('\u{1b}'));

    let (code, out, _) = run(&[&a, &a], &[]);
    assert_eq!(code, 0);
    assert!(out.contains("7 unchanged, 0 revised"));

    let (code, out, _) = run(&[&a, &b, "--stat"], &[]);
    assert_eq!((code, out.lines().count()), (1, 3), "{out}");
    assert_eq!(out.lines().nth(2), Some("Commitments: 0 new, 0 revised, 0 dropped, 6 unchanged"));

    let (_, out, _) = run(&[&a, &b, "--color", "always"], &[]);
    assert!(out.contains("\u{1b}[31;9mJune\u{1b}[0m"), "{out}");
    let (_, out, _) = run(&[&a, &b], &[("CLICOLOR_FORCE", "1")]);
    assert!(out.contains('\u{1b}'));
    let (_, out, _) = run(&[&a, &b, "--color", "auto"], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
    assert!(out.contains('\u{1b}'), "CLICOLOR_FORCE wins over NO_COLOR in auto");

    let (code, out, _) = run(&[&a, &b, "--format", "json"], &[]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema"], "editions/diff/1");
    assert_eq!(v["summary"]["revised"], 5);
    assert_eq!(v["changes"].as_array().unwrap().len(), 7, "every paragraph, unchanged ones too");
    assert_eq!(v["changes"][0]["old"], serde_json::json!(["1"]));
    assert_eq!(v["changes"][0]["edits"][0]["op"], "equal");

    let (_, out, _) = run(&[&a, &b, "--format", "json", "--only", "unchanged"], &[]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["changes"].as_array().unwrap().len(), 2);

    let (_, out, _) = run(&[&a, &b, "--format", "markdown"], &[]);
    assert!(out.starts_with("# Changes from 2016-07-27 to 2016-09-21\n"), "{out}");
    assert!(out.contains("~~June~~ **July**"), "{out}");
}

#[test]
fn cli_series_folder_and_filters() {
    let (code, out, _) = run(&[&path("gnu-fdl"), "--only", "new", "--width", "200"], &[]);
    assert_eq!(code, 1);
    assert!(out.starts_with("GFDL-1.2-only (2002-11) → GFDL-1.3-only (2008-11-03)"), "{out}");
    assert!(out.contains("¶11:5  new") && !out.contains("revised  similarity"), "{out}");
    let (code, out, _) = run(&[&path("fomc-statements"), "--stat"], &[]);
    assert_eq!(code, 1);
    assert!(out.starts_with("2016-07-27 → 2016-09-21"));
}

#[test]
fn cli_trouble_is_one_line_and_exit_2() {
    let a = path("fomc-statements/2016-07-27.txt");
    let (code, out, err) = run(&[&a, "/nonexistent/x.txt"], &[]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(err, "editions: /nonexistent/x.txt: no such file\n");
    let (code, _, err) = run(&[&path("un-trafficking-in-armed-conflict")], &[]);
    assert_eq!(code, 2);
    assert!(err.ends_with("holds 1 edition file(s); a comparison needs two\n") && err.lines().count() == 1, "{err}");
    let (code, _, err) = run(&[&a, &a, "--only", "bogus"], &[]);
    assert_eq!(code, 2);
    assert!(err.starts_with("editions: invalid --only kind 'bogus'"), "{err}");
    let (code, _, _) = run(&[&a, &a, "--threshold", "1.5"], &[]);
    assert_eq!(code, 2);
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("b.txt");
    std::fs::write(&binary, b"\x00\x01binary").unwrap();
    let (code, out, err) = run(&[&a, binary.to_str().unwrap()], &[]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn cli_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("editions"))
        .args([
            "diff",
            &path("cabf-baseline-requirements/2025-12-16_v2.2.1.txt"),
            &path("cabf-baseline-requirements/2026-04-01_v2.2.6.txt"),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // then the pipe closes
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(err, "", "no panic, no error message");
    assert_eq!(status.code(), Some(0));
}
