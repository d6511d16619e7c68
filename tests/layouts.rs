//! Documents in other plain-text layouts (reStructuredText, Markdown,
//! licences, RFCs, one paragraph per line, a policy manual), with the
//! paragraphs a reader marked by reading them before `editions` read them
//! (`tests/data/layouts/`, conventions in `CONVENTIONS.md`, provenance in
//! `PROVENANCE.md`).
//!
//! A paragraph is read right when `editions` starts a paragraph on the
//! line where the reader's starts and ends it on the line where the
//! reader's ends, with the reader's first and last words.
//! Issue 12 asks for 95 % of each document; the counts below are where the
//! reader stands now, and a change may only raise them. `cargo run
//! --example layout_misses` prints the paragraphs not read right.

use editions::{parse_file, segment::Options};
use serde_json::Value;
use std::path::Path;

fn tokens(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| w.chars().filter(|c| c.is_alphanumeric() || *c == '_').collect::<String>().to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// How many of the reader's paragraphs `editions` reads right, of how many.
fn read_right(marks: &str) -> (usize, usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/layouts");
    let want: Value = serde_json::from_str(&std::fs::read_to_string(dir.join(marks)).unwrap()).unwrap();
    let e = parse_file(&dir.join(want["file"].as_str().unwrap()), &Options::default()).unwrap();
    let paragraphs = want["paragraphs"].as_array().unwrap();
    let right = paragraphs
        .iter()
        .filter(|p| {
            let line = p["line"].as_u64().unwrap() as usize;
            let end = p["end_line"].as_u64().unwrap() as usize;
            let first: Vec<String> = tokens(p["first_words"].as_str().unwrap()).into_iter().take(5).collect();
            let last = tokens(p["last_words"].as_str().unwrap());
            let last = &last[last.len().saturating_sub(3)..];
            e.paragraphs.iter().any(|g| {
                // A numbered paragraph's number is printed before its text.
                let t = tokens(&format!("{} {}", g.number.as_deref().unwrap_or(""), g.text));
                g.line == line && g.end_line == end && t.starts_with(&first) && t.ends_with(last)
            })
        })
        .count();
    (right, paragraphs.len())
}

#[test]
fn paragraphs_read_right_in_every_layout() {
    let floor: &[(&str, usize, usize)] = &[
        ("apache-2.0-LICENSE.json", 24, 24),
        ("cncf-charter-sections-1-5.json", 32, 32),
        ("debian-policy-ch-scope.json", 27, 27),
        ("google-docguide-best-practices.json", 29, 29),
        ("mit-pdfjs-LICENSE.json", 4, 4),
        ("mpl-2.0-LICENSE.json", 43, 44),
        ("pep-0257-2001.json", 40, 40),
        ("pep-0257-current.json", 39, 39),
        ("rfc1950-zlib.json", 44, 45),
        ("rfc4627-formfeed.json", 50, 50),
        ("rfc4627.json", 50, 50),
        ("udhr-deu-1996.json", 59, 59),
    ];
    let mut report = Vec::new();
    let (mut right, mut all) = (0, 0);
    for &(marks, at_least, of) in floor {
        let (r, n) = read_right(marks);
        assert_eq!(n, of, "{marks}");
        report.push(format!("{marks}: {r} of {n}"));
        assert!(r >= at_least, "{marks}: {r} of {n}, fewer than {at_least}");
        right += r;
        all += n;
    }
    eprintln!("{}\nall: {right} of {all}", report.join("\n"));
    assert!(right >= 441, "{right} of {all}");
}

/// A bulleted list's last item near the end of a text without pages is a
/// paragraph, not a page-foot `*` note that takes the lines after it
/// (the Markdown guide's `* Who maintains this directory …` and the
/// closing `See the …` were read as one footnote).
#[test]
fn the_last_bullet_of_a_text_is_no_footnote() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/layouts/docs");
    let e = parse_file(&dir.join("google-docguide-best-practices.md"), &Options::default()).unwrap();
    assert!(e.paragraphs.iter().all(|p| p.footnotes.is_empty()));
    let tail: Vec<(usize, &str)> = e.paragraphs.iter().rev().take(3).map(|p| (p.line, p.text.as_str())).collect();
    assert_eq!(
        tail,
        [
            (115, "See the [README.md guidelines](READMEs.md)."),
            (113, "* Who maintains this directory and where I can learn more?"),
            (112, "* Which files should the developer look at first? Are some files an API?"),
        ]
    );
}

/// RFC 4627 saved with its form feeds and without them (the page footers
/// and running headers still there, only the `\f` lost): both read alike,
/// the footers and headers left out as page furniture, so the two compare
/// as unchanged paragraph for paragraph.
#[test]
fn an_rfc_without_form_feeds_reads_as_with_them() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/layouts/docs");
    let (plain, paged) = (dir.join("rfc4627.txt"), dir.join("rfc4627-formfeed.txt"));
    let e = parse_file(&plain, &Options::default()).unwrap();
    assert!(e.headings.iter().all(|h| !h.text.contains("[Page") && !h.text.starts_with("RFC 4627")));
    assert!(e.paragraphs.iter().all(|p| !p.text.contains("[Page") && !p.text.contains("JSON July 2006")));
    let furniture: Vec<(usize, usize)> =
        e.skipped.iter().filter(|s| s.what == "page furniture").map(|s| (s.first_line, s.last_line)).collect();
    assert_eq!(furniture.len(), 10, "{furniture:?}");
    assert_eq!(furniture[9], (562, 562), "the last page's footer");
    let cmp = editions::compare_files(&plain, &paged, &Default::default(), None).unwrap();
    assert_eq!(cmp.changes.len(), e.paragraphs.len());
    assert!(cmp.changes.iter().all(|c| c.kind == editions::model::ChangeKind::Unchanged));
}

/// Two editions of a reStructuredText series, PEP 257 as of 2001 and
/// today, compare as a reader of both says (each change below checked by
/// reading the two texts): the references turned into `:pep:` roles
/// (three paragraphs revised), the `XXX` note and the References
/// section's three citations dropped, one sentence and `before and`
/// dropped from the class-docstring advice, the BDFL's advice rewritten
/// (`Unless the entire docstring fits on a line`), and `sys.maxint` now
/// `sys.maxsize` in the `trim` example; every other paragraph unchanged.
/// The code under `::` is one paragraph a side, so its blank lines split
/// nothing.
#[test]
fn pep_257_from_2001_to_now_compares_as_a_reader_says() {
    use editions::model::ChangeKind;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/layouts/docs");
    let cmp = editions::compare_files(
        &dir.join("pep-0257-2001.txt"),
        &dir.join("pep-0257-current.rst"),
        &Default::default(),
        None,
    )
    .unwrap();
    let labels = |e: &editions::Edition, at: &[usize]| {
        at.iter().map(|&i| e.paragraphs[i].label.as_str()).collect::<Vec<_>>().join(" ")
    };
    let changed: Vec<(&str, String, String)> = cmp
        .changes
        .iter()
        .filter(|c| c.kind != ChangeKind::Unchanged)
        .map(|c| (c.kind.name(), labels(&cmp.old, &c.old), labels(&cmp.new, &c.new)))
        .collect();
    let want = [
        ("revised", "rationale:4", "rationale:4"),
        ("revised", "what-is-a-docstring:6", "what-is-a-docstring:6"),
        ("dropped", "what-is-a-docstring:7", ""),
        ("revised", "multi-line-docstrings:2", "multi-line-docstrings:2"),
        ("revised", "multi-line-docstrings:10", "multi-line-docstrings:10"),
        ("revised", "handling-docstring-indentation:3", "handling-docstring-indentation:3"),
        ("dropped", "references-and-footnotes:1", ""),
        ("dropped", "references-and-footnotes:2", ""),
        ("dropped", "references-and-footnotes:3", ""),
        ("revised", "acknowledgements:1", "acknowledgements:1"),
    ];
    let want: Vec<(&str, String, String)> = want.iter().map(|(k, o, n)| (*k, o.to_string(), n.to_string())).collect();
    assert_eq!(changed, want);
    assert_eq!(cmp.changes.iter().filter(|c| c.kind == ChangeKind::Unchanged).count(), 42);
}
