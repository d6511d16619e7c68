//! `editions diff --format html` and the timeline page: the `data-`
//! contract against the JSON contract on the shipped editions, escaping of
//! hostile text, nothing fetched, and a snapshot of a small pair's page.

use crate::edition_path;
use editions::commitments::Detector;
use editions::model::Comparison;
use editions::render::{html, json};
use std::path::Path;

pub fn compare(old: &Path, new: &Path) -> Comparison {
    editions::compare_files(old, new, &Default::default(), Some(&Detector::default())).unwrap()
}

pub fn page(cmp: &Comparison) -> String {
    let mut out = Vec::new();
    html::write_diff(&mut out, cmp, &Default::default()).unwrap();
    String::from_utf8(out).unwrap()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// The changes of a page as its `data-` contract gives them: (kind, old labels, new labels).
pub fn page_changes(page: &str) -> Vec<(String, Vec<String>, Vec<String>)> {
    let re = regex::Regex::new(r#"<[a-z]+ [^>]*\bdata-kind="([^"]*)" data-old="([^"]*)" data-new="([^"]*)""#).unwrap();
    let words = |s: &str| unescape(s).split_whitespace().map(String::from).collect::<Vec<_>>();
    re.captures_iter(page).map(|c| (c[1].to_string(), words(&c[2]), words(&c[3]))).collect()
}

/// The changes of the JSON contract: (kind, old labels, new labels).
pub fn json_changes(cmp: &Comparison) -> Vec<(String, Vec<String>, Vec<String>)> {
    let mut out = Vec::new();
    json::write_diff(&mut out, cmp, |_| true).unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let labels =
        |v: &serde_json::Value| v.as_array().unwrap().iter().map(|l| l.as_str().unwrap().to_string()).collect();
    doc["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["kind"].as_str().unwrap().to_string(), labels(&c["old"]), labels(&c["new"])))
        .collect()
}

/// The page's structure: one element per change of the JSON contract, in
/// order; ids unique; every `#` link lands on an id; nothing fetched.
fn check_structure(cmp: &Comparison, page: &str) {
    assert_eq!(page_changes(page), json_changes(cmp), "{} → {}", cmp.old.path, cmp.new.path);
    let ids: Vec<&str> = regex::Regex::new(r#" id="([^"]*)""#)
        .unwrap()
        .captures_iter(page)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    let unique: std::collections::HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids");
    for link in regex::Regex::new(r##"href="#([^"]*)""##).unwrap().captures_iter(page) {
        assert!(unique.contains(&link[1]), "a link to #{} lands nowhere", &link[1]);
    }
    // Nothing is fetched: no external resource, no URL other than fragments.
    for attr in ["src=", "<link", "@import", "url(", "http://", "https://"] {
        // Edition text is escaped, so these can only come from the page itself.
        let outside_text = page.split("<main>").next().unwrap();
        assert!(!outside_text.contains(attr) || attr.starts_with("http"), "{attr} in the page head");
    }
    assert!(!regex::Regex::new(r#"<(img|link|iframe|object|embed)\b|\bsrc="|url\("#).unwrap().is_match(page));
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
}

#[test]
fn the_pages_hold_every_change_of_the_json_contract_in_order() {
    let pairs = [
        ("un-south-sudan", None),
        ("un-isil-threat", None),
        ("fomc-statements", Some(("2008-12-16.txt", "2009-01-28.txt"))),
        ("cabf-baseline-requirements", Some(("2025-12-16_v2.2.1.txt", "2026-04-01_v2.2.6.txt"))),
        ("gnu-fdl", Some(("GFDL-1.2-only.txt", "GFDL-1.3-only.txt"))),
    ];
    for (series, files) in pairs {
        let (old, new) = match files {
            Some((a, b)) => (edition_path(&format!("{series}/{a}")), edition_path(&format!("{series}/{b}"))),
            None => {
                let mut all: Vec<_> = std::fs::read_dir(edition_path(series))
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
                    .collect();
                all.sort();
                (all[all.len() - 2].clone(), all[all.len() - 1].clone())
            }
        };
        let cmp = compare(&old, &new);
        let page = page(&cmp);
        check_structure(&cmp, &page);
        // Each commitment change of the ledger links to its paragraph.
        let shown =
            cmp.commitments.changes.iter().filter(|c| c.kind != editions::model::CommitmentChangeKind::Unchanged);
        assert_eq!(page.matches("<li class=\"cm-").count(), shown.count() * 2, "{series}: ledger and marks");
        // Footnote changes are shown with their paragraph.
        let notes = |e: &editions::Edition, ix: &[usize]| -> Vec<String> {
            ix.iter().flat_map(|&i| e.paragraphs[i].footnotes.iter().map(|f| f.text.clone())).collect()
        };
        let changed = cmp.changes.iter().filter(|c| notes(&cmp.old, &c.old) != notes(&cmp.new, &c.new)).count();
        assert_eq!(page.matches("<div class=\"fns changed\">").count(), changed, "{series}: footnote changes");
        if series == "un-isil-threat" {
            assert!(changed > 0, "the ISIL reports' footnotes changed");
        }
    }
}

/// `--only` sets the filters the page opens with; every change is still on it.
#[test]
fn only_sets_the_filters_the_page_opens_with() {
    let cmp = compare(&edition_path("fomc-statements/2008-12-16.txt"), &edition_path("fomc-statements/2009-01-28.txt"));
    let mut out = Vec::new();
    let view = html::HtmlView { only: vec![editions::model::ChangeKind::Dropped] };
    html::write_diff(&mut out, &cmp, &view).unwrap();
    let page = String::from_utf8(out).unwrap();
    assert!(page.contains("<input type=\"checkbox\" id=\"f-dropped\" class=\"ctl\" checked>"));
    assert!(page.contains("<input type=\"checkbox\" id=\"f-revised\" class=\"ctl\">"));
    assert_eq!(page_changes(&page), json_changes(&cmp));
}

#[test]
fn moved_paragraphs_link_both_ways_and_split_parts_have_anchors() {
    let cmp = compare(
        &edition_path("cabf-baseline-requirements/2025-12-16_v2.2.1.txt"),
        &edition_path("cabf-baseline-requirements/2026-04-01_v2.2.6.txt"),
    );
    let page = page(&cmp);
    let moved: Vec<_> = cmp.changes.iter().filter(|c| c.kind == editions::model::ChangeKind::Moved).collect();
    assert!(moved.len() > 5);
    for c in moved {
        let old = &cmp.old.paragraphs[c.old[0]].label;
        let new = &cmp.new.paragraphs[c.new[0]].label;
        assert!(page.contains(&format!("<p class=\"was\" id=\"was-{old}\">")), "{old}");
        assert!(page.contains(&format!("<a class=\"to\" href=\"#p-{new}\">")), "{new}");
        assert!(page.contains(&format!("<a class=\"from\" href=\"#was-{old}\">")), "{old}");
    }
    for c in cmp.changes.iter().filter(|c| c.kind == editions::model::ChangeKind::Split) {
        for &n in &c.new {
            assert!(page.contains(&format!("id=\"p-{}\"", cmp.new.paragraphs[n].label)));
        }
    }
}

/// A document whose text is markup: everything shows as text.
#[test]
fn edition_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = [
        "A first paragraph that stays the same in both editions of the hostile document.",
        "<script>window.pwned = 1</script> The Committee will keep this <b>bold</b> sentence.",
        "An image <img src=x onerror=\"window.pwned = 2\"> and a </style> closing tag, then a [link](javascript:window.pwned=3) and <a href=\"javascript:window.pwned=4\">another</a>.",
        "Quotes ' and \" and & ampersands &amp; and <!-- a comment --> stay as printed.",
    ];
    let old = dir.path().join("2020-01-01.txt");
    let new = dir.path().join("2021-01-01.txt");
    std::fs::write(&old, hostile[..3].join("\n\n") + "\n").unwrap();
    let mut edited = hostile.to_vec();
    edited[1] = "<script>window.pwned = 5</script> The Committee will no longer keep this <i>bold</i> sentence.";
    std::fs::write(&new, edited.join("\n\n") + "\n").unwrap();
    let cmp = compare(&old, &new);
    let page = page(&cmp);
    check_structure(&cmp, &page);
    let body = page.split("<main>").nth(1).unwrap();
    let body = body.split("<script>\n").next().unwrap();
    for bad in ["<script", "<img", "</style", "<b>", "<i>", "<a href=\"javascript", "<!--", "onerror=\""] {
        assert!(!body.contains(bad), "{bad} unescaped");
    }
    assert!(body.contains("&lt;script&gt;window.pwned = "));
    assert!(body.contains("&lt;/script&gt;"));
    assert!(body.contains("&lt;/style&gt;"));
    assert!(body.contains("javascript:window.pwned=3"), "shown as text");
    assert!(!page.contains("href=\"javascript"));
    assert_eq!(page.matches("<script>").count(), 1, "only the page's own script");
    assert_eq!(page.matches("</style>").count(), 1, "only the page's own style");
}

/// `editions diff --format html -o FILE` and the timeline page.
#[test]
fn the_command_writes_pages_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let status = assert_cmd::Command::cargo_bin("editions")
        .unwrap()
        .args(["diff", "--format", "html", "-o"])
        .arg(&out)
        .arg(edition_path("fomc-statements/2016-07-27.txt"))
        .arg(edition_path("fomc-statements/2016-09-21.txt"))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert!(status.is_empty(), "nothing on standard output with -o");
    let page = std::fs::read_to_string(&out).unwrap();
    assert_eq!(page_changes(&page).len(), 7);
    // -o for the other formats too.
    let json_out = dir.path().join("d.json");
    assert_cmd::Command::cargo_bin("editions")
        .unwrap()
        .args(["diff", "--format", "json", "-o"])
        .arg(&json_out)
        .arg(edition_path("fomc-statements/2016-07-27.txt"))
        .arg(edition_path("fomc-statements/2016-09-21.txt"))
        .assert()
        .code(1);
    assert!(std::fs::read_to_string(&json_out).unwrap().starts_with("{\"schema\":\"editions/diff/1\""));

    // A timeline of ten FOMC statements of 2009–2010.
    let series = dir.path().join("fomc");
    std::fs::create_dir(&series).unwrap();
    for f in crate::series("fomc-statements").iter().filter(|p| {
        let name = p.file_name().unwrap().to_string_lossy();
        name.starts_with("2009") || name.starts_with("2010-01")
    }) {
        std::fs::copy(f, series.join(f.file_name().unwrap())).unwrap();
    }
    let timeline = dir.path().join("timeline.html");
    assert_cmd::Command::cargo_bin("editions")
        .unwrap()
        .args(["commitments", "--timeline", "--format", "html", "-o"])
        .arg(&timeline)
        .arg(&series)
        .assert()
        .success();
    let page = std::fs::read_to_string(&timeline).unwrap();
    assert!(page.contains("<tr class=\"thread\" id=\"t-0\""));
    for link in regex::Regex::new(r##"href="#([^"]*)""##).unwrap().captures_iter(&page) {
        assert!(page.contains(&format!(" id=\"{}\"", &link[1])), "#{} lands nowhere", &link[1]);
    }
    // One edition has no timeline page.
    assert_cmd::Command::cargo_bin("editions")
        .unwrap()
        .args(["commitments", "--format", "html"])
        .arg(edition_path("fomc-statements/2016-09-21.txt"))
        .assert()
        .code(2);
}

/// The page of a small pair, whole: a reviewer sees every change to it.
#[test]
fn fomc_diff_html() {
    let cmp = compare(&edition_path("fomc-statements/2008-12-16.txt"), &edition_path("fomc-statements/2009-01-28.txt"));
    let page = page(&cmp).replace(env!("CARGO_PKG_VERSION"), "VERSION");
    // The style and script are files of their own (src/render/html/), reviewed as such.
    let page = page.replace(html::STYLE, "/* style.css */\n").replace(html::SCRIPT, "/* script.js */\n");
    insta::assert_snapshot!(page);
}

/// A page with headings, a split and a dropped section, whole.
#[test]
fn fdl_diff_html() {
    let cmp = compare(&edition_path("gnu-fdl/GFDL-1.1-only.txt"), &edition_path("gnu-fdl/GFDL-1.2-only.txt"));
    let page = page(&cmp).replace(env!("CARGO_PKG_VERSION"), "VERSION");
    let page = page.replace(html::STYLE, "/* style.css */\n").replace(html::SCRIPT, "/* script.js */\n");
    insta::assert_snapshot!(page);
}

/// The page of a generated pair of 1,000 paragraphs (mostly unchanged, as
/// a new edition is) stays within 1.5 times the JSON (`bench/html.py`
/// measures 10,000).
#[test]
fn the_page_is_at_most_one_and_a_half_times_the_json() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/generated");
    let cmp = compare(&root.join("old_1000.txt"), &root.join("new_1000.txt"));
    let mut json = Vec::new();
    json::write_diff(&mut json, &cmp, |_| true).unwrap();
    let html = page(&cmp);
    let ratio = html.len() as f64 / json.len() as f64;
    assert!(ratio <= 1.5, "{} bytes of HTML for {} of JSON: {ratio:.2}", html.len(), json.len());
}
