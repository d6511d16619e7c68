//! `editions blame --format html`: the page's `data-` contract against
//! the `editions/blame/1` JSON on the newest FOMC statement, escaping of
//! hostile text, `-o FILE`, and a snapshot of a small series' page.

use crate::edition_path;
use editions::render::html;
use std::path::Path;
use std::process::Command;

fn editions_cmd() -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("editions"));
    c.env_remove("EDITIONS_STORE").env("NO_COLOR", "1");
    c
}

fn ok(args: &[&str]) -> String {
    let out = editions_cmd().args(args).output().unwrap();
    assert!(out.status.success(), "editions {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn unescape(s: &str) -> String {
    s.replace("<br>", "\n")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The sentences of a blame page as its contract gives them: (paragraph, since, text).
pub fn page_sentences(page: &str) -> Vec<(String, String, String)> {
    let re = regex::Regex::new(
        r#"<div class="bs a[0-3]" id="[^"]*" data-since="([^"]*)" data-paragraph="([^"]*)">.*?<span class="tx">(.*?)</span>"#,
    )
    .unwrap();
    re.captures_iter(page).map(|c| (unescape(&c[2]), unescape(&c[1]), unescape(&c[3]))).collect()
}

/// The sentences of the JSON contract: (paragraph, since, text).
fn json_sentences(json: &str) -> Vec<(String, String, String)> {
    let doc: serde_json::Value = serde_json::from_str(json).unwrap();
    let s = |v: &serde_json::Value| v.as_str().unwrap().to_string();
    doc["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| {
            p["sentences"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |x| (s(&p["label"]), s(&x["since"]["label"]), s(&x["text"])))
        })
        .collect()
}

#[test]
fn the_page_holds_every_sentence_of_the_json_in_order() {
    let fomc = edition_path("fomc-statements");
    let fomc = fomc.to_str().unwrap();
    let id = regex::Regex::new(r#" id="([^"]*)""#).unwrap();
    let link = regex::Regex::new(r##"href="#([^"]*)""##).unwrap();
    let fetch = regex::Regex::new(r#"<(img|link|iframe|object|embed)\b|\bsrc="|url\("#).unwrap();
    for at in [fomc.to_string(), format!("{fomc}@2012-12-12"), format!("{fomc}@2010-06-23")] {
        let json = ok(&["blame", &at, "--format", "json"]);
        let page = ok(&["blame", &at, "--format", "html"]);
        let want = json_sentences(&json);
        assert!(want.len() > 10, "{at}");
        assert_eq!(page_sentences(&page), want, "{at}");
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        let sentences =
            || doc["paragraphs"].as_array().unwrap().iter().flat_map(|p| p["sentences"].as_array().unwrap());
        // A fold for each sentence that replaced another or came back.
        let changed = sentences().filter(|s| !s["changed"].is_null()).count();
        let restored = sentences().filter(|s| !s["restored"].is_null()).count();
        assert_eq!(page.matches("<details class=\"prov rw\">").count(), changed, "{at}");
        assert_eq!(page.matches("<details class=\"prov bk\">").count(), restored, "{at}");
        assert!(page.contains(&format!("<strong>{}</strong>", doc["edition"]["label"].as_str().unwrap())));
        // Ids unique, links land.
        let ids: Vec<&str> = id.captures_iter(&page).map(|c| c.get(1).unwrap().as_str()).collect();
        let unique: std::collections::HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "{at}: duplicate ids");
        for l in link.captures_iter(&page) {
            assert!(unique.contains(&l[1]), "{at}: #{} lands nowhere", &l[1]);
        }
        assert!(!fetch.is_match(&page), "{at}: nothing fetched");
    }
    // 2012-12-12's threshold guidance: its fold holds the word diff and its origin.
    let page = ok(&["blame", &format!("{fomc}@2012-12-12"), "5", "--format", "html"]);
    assert!(page.contains("descended from 2008-12-16"));
    assert!(page.contains("<del>through mid-2015.</del>"), "the word diff");
}

/// Writes editions into a temporary series folder: (file name, text).
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// A series of two editions whose text is markup.
pub fn hostile_series() -> tempfile::TempDir {
    folder(&[
        (
            "2020-01-01.txt",
            "A first paragraph that stays the same in both editions of the hostile document.\n\n\
             <script>window.pwned = 1</script> The Committee will keep this <b>bold</b> sentence for now.\n\n\
             An image <img src=x onerror=\"window.pwned = 2\"> and a </style> closing tag stay as printed.\n",
        ),
        (
            "2021-01-01.txt",
            "A first paragraph that stays the same in both editions of the hostile document.\n\n\
             <script>window.pwned = 3</script> The Committee will no longer keep this <b>bold</b> sentence for now.\n\n\
             An image <img src=x onerror=\"window.pwned = 2\"> and a </style> closing tag stay as printed.\n\n\
             Quotes ' and \" and & ampersands &amp; and <!-- a comment --> in a new paragraph.\n",
        ),
    ])
}

#[test]
fn edition_text_is_escaped() {
    let dir = hostile_series();
    let page = ok(&["blame", dir.path().to_str().unwrap(), "--format", "html"]);
    let body = page.split("<main").nth(1).unwrap();
    let body = body.split("<script>\n").next().unwrap();
    for bad in ["<script", "<img", "</style", "<b>", "<!--", "onerror=\""] {
        assert!(!body.contains(bad), "{bad} unescaped");
    }
    assert!(body.contains("&lt;script&gt;window.pwned = 3&lt;/script&gt;"));
    assert!(body.contains("&lt;img src=x onerror=&quot;window.pwned = 2&quot;&gt;"));
    assert!(body.contains("&lt;/style&gt;"));
    // The reworded sentence's fold: the text before and the word diff, escaped too.
    assert!(body.contains("<details class=\"prov rw\">"));
    assert!(body.contains("&lt;script&gt;window.pwned = 1&lt;/script&gt;"));
    assert_eq!(page.matches("<script>").count(), 1, "only the page's own script");
    assert_eq!(page.matches("</style>").count(), 1, "only the page's own style");
    // The contract reads the hostile text back as printed.
    let sentences = page_sentences(&page);
    assert!(sentences.iter().any(|(_, _, t)| t.starts_with("<script>window.pwned = 3</script>")), "{sentences:?}");
    assert!(sentences.iter().any(|(_, _, t)| t.contains("<!-- a comment -->")), "{sentences:?}");
}

#[test]
fn o_writes_the_page_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("blame.html");
    let fomc = edition_path("fomc-statements");
    let stdout = ok(&["blame", fomc.to_str().unwrap(), "--format", "html", "-o", out.to_str().unwrap()]);
    assert!(stdout.is_empty(), "nothing on standard output with -o");
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
    assert_eq!(page, ok(&["blame", fomc.to_str().unwrap(), "--format", "html"]));
    // -o for the other formats too.
    let json = dir.path().join("blame.json");
    ok(&["blame", fomc.to_str().unwrap(), "--format", "json", "--output", json.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&json).unwrap().contains("\"schema\": \"editions/blame/1\""));
    // A folder that cannot be written to is a one-line error, exit 2.
    let bad = dir.path().join("no-such-folder").join("blame.html");
    let failed =
        editions_cmd().args(["blame", fomc.to_str().unwrap(), "--format", "html", "-o"]).arg(&bad).output().unwrap();
    assert_eq!(failed.status.code(), Some(2));
}

const A: &str = "The Committee decided today to keep the target range for the federal funds rate unchanged.";
const B: &str = "Inflation has continued to run below the longer-run objective of two percent per year.";
const C: &str = "Household spending has been rising moderately and business investment has been soft lately.";
const D: &str = "Voting for the action were all members of the Committee, with none against it at all.";

/// The page of a three-edition series: a moved sentence, a reworded one,
/// one back after a gap; the style and script (files of their own,
/// reviewed as such) left out.
#[test]
fn small_series_blame_html() {
    let dir = folder(&[
        ("2020-01-01.txt", &format!("{A} {B}\n\n{C}\n\n{D}\n")),
        ("2020-02-01.txt", &format!("{A}\n\n{C} {B}\n")),
        ("2020-03-01.txt", &format!("{}\n\n{C} {B}\n\n{D}\n", A.replace("unchanged", "at 1 percent"))),
    ]);
    let page = blame_page(dir.path());
    let page = page.replace(env!("CARGO_PKG_VERSION"), "VERSION");
    let page = page.replace(html::STYLE, "/* style.css */\n").replace(html::SCRIPT, "/* script.js */\n");
    insta::assert_snapshot!(page);
}

/// The blame page of a folder's newest edition, through the library.
fn blame_page(folder: &Path) -> String {
    let files = editions::read::series_files(folder).unwrap();
    let paths: Vec<_> = files.into_iter().map(|f| f.path).collect();
    let eds = editions::parse_files(&paths).unwrap();
    let lineages = editions::blame::lineages(&eds, &Default::default());
    let b = editions::blame::blame(&eds, &lineages, eds.len() - 1, &|_, _| true);
    let mut out = Vec::new();
    html::write_blame_html(&mut out, &b).unwrap();
    String::from_utf8(out).unwrap()
}
