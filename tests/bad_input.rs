//! Bad input: a one-line error naming the file and the cause with exit 2,
//! or a correct result with a warning; never a panic.

use crate::{edition_path, labels};
use assert_cmd::Command;
use editions::{read, segment};
use std::path::Path;

fn editions() -> Command {
    Command::cargo_bin("editions").unwrap()
}

/// Runs `editions parse ARGS` and returns (status, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = editions().arg("parse").args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn one_line_error(args: &[&str], want: &str) {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(stdout, "", "no partial output");
    assert_eq!(stderr, format!("editions: {want}\n"));
}

fn edition_of(bytes: &[u8], name: &str) -> editions::Edition {
    let source = read::decode(Path::new(name), bytes).unwrap();
    segment::segment(&source, &segment::Options::default())
}

#[test]
fn missing_file_directory_binary() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.txt");
    one_line_error(&[missing.to_str().unwrap()], &format!("{}: no such file", missing.display()));
    one_line_error(&[dir.path().to_str().unwrap()], &format!("{}: is a directory, not a file", dir.path().display()));
    let binary = dir.path().join("x.docx");
    std::fs::write(&binary, b"PK\x03\x04\x00\x01\x02binary").unwrap();
    one_line_error(
        &[binary.to_str().unwrap()],
        &format!("{}: is a binary file (it contains NUL bytes), not text", binary.display()),
    );
    let broken = dir.path().join("x.txt");
    std::fs::write(&broken, b"%PDF-1.7\n\x00\x01\x02binary").unwrap();
    one_line_error(
        &[broken.to_str().unwrap()],
        &format!("{}: is not a readable PDF: its structure is damaged or truncated", broken.display()),
    );
    let controls = dir.path().join("c.txt");
    std::fs::write(&controls, [0x01u8, 0x02, 0x03, 0x1B, b'a']).unwrap();
    one_line_error(
        &[controls.to_str().unwrap()],
        &format!("{}: is not text: it has 4 control characters", controls.display()),
    );
}

#[test]
fn bad_flags() {
    let un = edition_path("fomc-statements/2016-09-21.txt");
    let un = un.to_str().unwrap();
    one_line_error(
        &[un, "--date", "2016-13-01"],
        "invalid date '2016-13-01': expected a real date, YYYY-MM-DD, YYYY-MM or YYYY",
    );
    let (code, _, stderr) = run(&[un, "--label", "../x"]);
    assert_eq!(code, 2);
    assert!(stderr.starts_with("editions: invalid edition label '../x'"), "{stderr}");
    let (code, _, _) = run(&[un, "--format", "yaml"]);
    assert_eq!(code, 2);
}

#[test]
fn flags_override_metadata() {
    let f = edition_path("gnu-fdl/GFDL-1.2-only.txt");
    let (code, stdout, _) = run(&[f.to_str().unwrap(), "--format", "json", "--label", "v1.2", "--date", "2002-11-01"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["edition"]["label"], "v1.2");
    assert_eq!(v["edition"]["date"], "2002-11-01");
}

#[test]
fn empty_file_is_an_empty_edition_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("2020-01-01.txt");
    std::fs::write(&empty, b"").unwrap();
    let (code, stdout, _) = run(&[empty.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 0);
    assert_eq!(v["warnings"][0], "the file is empty");
    let (_, text, _) = run(&[empty.to_str().unwrap()]);
    assert!(text.ends_with("warning: the file is empty\n"), "{text}");
}

#[test]
fn encodings_and_line_ends_read_the_same() {
    let bytes = std::fs::read(edition_path("un-trafficking-in-armed-conflict/2018-11-21_S-2018-1042.txt")).unwrap();
    let plain = edition_of(&bytes, "a.txt");
    let text = String::from_utf8(bytes.clone()).unwrap();

    let crlf = edition_of(text.replace('\n', "\r\n").as_bytes(), "a.txt");
    let cr = edition_of(text.replace('\n', "\r").as_bytes(), "a.txt");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(&bytes);
    let bom = edition_of(&bom, "a.txt");
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
    let utf16 = edition_of(&utf16, "a.txt");
    let form_feeds = edition_of(
        text.replace(
            "\nhttps://undocs.org/S/2018/250\n   Overview",
            "\nhttps://undocs.org/S/2018/250\n\x0C   Overview",
        )
        .as_bytes(),
        "a.txt",
    );
    for other in [&crlf, &cr, &bom, &utf16, &form_feeds] {
        assert_eq!(other.paragraphs, plain.paragraphs);
        assert_eq!(other.headings.len(), plain.headings.len());
    }
    assert_eq!(plain.paragraphs.len(), 83);
}

#[test]
fn windows_1252_is_read_with_a_warning() {
    let e = edition_of(b"The Committee\x92s decision \x96 in full.\n\nIt will act.\n", "2016-01-01.txt");
    assert_eq!(e.paragraphs[0].text, "The Committee\u{2019}s decision \u{2013} in full.");
    assert_eq!(e.warnings, ["not valid UTF-8 (first bad byte at offset 13); read as Windows-1252"]);
}

#[test]
fn duplicated_and_out_of_order_numbers_get_unique_labels_and_warnings() {
    let doc =
        "1. The first paragraph.\n\n2. The second.\n\n2. The second again.\n\n4. The fourth.\n\n3. The third, late.\n";
    let e = edition_of(doc.as_bytes(), "x.txt");
    assert_eq!(labels(&e), ["1", "2", "2_2", "4", "3"]);
    assert_eq!(
        e.warnings,
        [
            "line 5: paragraph 2 appears again (expected 3)",
            "line 7: paragraph 4 skips numbers (expected 3)",
            "line 9: paragraph 3 is out of order (expected 5)",
            "line 5: label 2 is taken; this paragraph is labelled 2_2",
        ]
    );
}

#[test]
fn an_annex_has_labels_of_its_own() {
    let doc =
        "1. The first.\n\n2. The second.\n\n3. The third.\n\nAnnex II\n\n1. The annex's first.\n\n2. Its second.\n";
    let e = edition_of(doc.as_bytes(), "x.txt");
    assert_eq!(labels(&e), ["1", "2", "3", "annex-II:1", "annex-II:2"]);
    assert_eq!(e.headings.iter().map(|h| h.text.as_str()).collect::<Vec<_>>(), ["Annex II"]);
    assert_eq!(e.heading_texts(&e.paragraphs[3]), ["Annex II"]);
    assert_eq!(e.paragraphs[3].number.as_deref(), Some("1"));
    assert_eq!(e.warnings, Vec::<String>::new());
}

#[test]
fn numbering_that_starts_again() {
    let doc = "1. The first.\n\n2. The second.\n\n3. The third.\n\nPart two\n\n1. Its first.\n\n2. Its second.\n";
    let e = edition_of(doc.as_bytes(), "x.txt");
    assert_eq!(labels(&e), ["1", "2", "3", "1_2", "2_2"]);
    assert_eq!(e.headings.iter().map(|h| h.text.as_str()).collect::<Vec<_>>(), ["Part two"]);
    assert_eq!(
        e.warnings[0],
        "line 9: paragraph numbering starts again at 1 after 3; repeated numbers get labels such as 1_2"
    );
}

#[test]
fn numbers_that_do_not_start_paragraphs() {
    let doc = "1. As at July 2018, over\n1,300 children were held; the\n2018 report says so.\n\n2. See the\n 1  footnote-like line and\n3. items later.\n";
    let e = edition_of(doc.as_bytes(), "x.txt");
    assert_eq!(labels(&e), ["1", "2"]);
    assert_eq!(e.paragraphs[0].text, "As at July 2018, over 1,300 children were held; the 2018 report says so.");
}

#[test]
fn large_input_is_read_whole() {
    // 2,000 copies of a FOMC statement: about 4 MB and 14,000 paragraphs.
    let one = std::fs::read_to_string(edition_path("fomc-statements/2016-09-21.txt")).unwrap();
    let big = format!("{one}\n\n").repeat(2000);
    let e = edition_of(big.as_bytes(), "big.txt");
    assert_eq!(e.paragraphs.len(), 7 * 2000);
    assert_eq!(e.paragraphs.last().unwrap().label, "14000");
}

#[test]
fn text_read_as_no_paragraph_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("2020-01-01.md");
    std::fs::write(&file, "### 1. Introduction\n\n### 2. Scope\n").unwrap();
    let (code, stdout, stderr) = run(&[file.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        format!(
            "editions: {}: no paragraph found in 2 lines of text (2 headings, title none); its layout is not one editions can read\n",
            file.display()
        )
    );
}

#[test]
fn a_paragraph_that_swallowed_others_is_reported() {
    // Twenty numbered paragraphs; the numbers of 8 to 15 were lost, so
    // paragraph 7 holds nine.
    let body = "The mission continued to support the authorities in the region and reported on progress made. ";
    let mut doc = String::new();
    for n in 1..=20 {
        let number = if (8..=15).contains(&n) { String::new() } else { format!("{n}. ") };
        // As `pdftotext -raw` gives it: no blank line between paragraphs.
        doc.push_str(&format!("{number}{}\n", body.repeat(5).trim_end()));
    }
    let e = edition_of(doc.as_bytes(), "x.txt");
    assert_eq!(labels(&e), ["1", "2", "3", "4", "5", "6", "7", "16", "17", "18", "19", "20"]);
    assert_eq!(
        e.warnings,
        [
            "line 16: paragraph 16 skips numbers (expected 8)",
            "line 7: paragraph 7 runs 4229 characters without a break, 9 times the median paragraph; it may hold several paragraphs whose numbers or headings were not found"
        ]
    );
}

#[test]
fn diff_shows_what_either_reading_had_to_guess() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("2020-01-01.txt");
    let new = dir.path().join("2020-02-01.txt");
    std::fs::write(&old, "1. The first.\n\n2. The second.\n\n3. The third.\n").unwrap();
    std::fs::write(&new, "1. The first.\n\n2. The second.\n\n4. The third.\n").unwrap();
    let out = editions().args(["diff", old.to_str().unwrap(), new.to_str().unwrap(), "--stat"]).output().unwrap();
    // Renumbered only: no difference, but the skipped number is said.
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "2020-01-01 → 2020-02-01: 3 → 3 paragraphs\n\
         3 unchanged, 0 revised, 0 moved, 0 split, 0 merged, 0 new, 0 dropped\n\
         Commitments: 0 new, 0 revised, 0 dropped, 0 unchanged\n\
         warning: 2020-02-01: line 5: paragraph 4 skips numbers (expected 3)\n"
    );
    let out = editions()
        .args(["diff", old.to_str().unwrap(), new.to_str().unwrap(), "--format", "json", "--no-commitments"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["old"]["warnings"], serde_json::json!([]));
    assert_eq!(v["new"]["warnings"], serde_json::json!(["line 5: paragraph 4 skips numbers (expected 3)"]));
}

#[test]
fn the_date_comes_from_the_flag_then_the_file_name_then_the_text() {
    // The text of a style guide names the day it was first written.
    let text = b"Style guide\n\nCreated: 5 July 2001\n\nUse four spaces.\n";
    let dated = |name: &str| {
        let e = edition_of(text, name);
        (e.meta.date.unwrap_or_default(), e.meta.date_from.unwrap_or_default())
    };
    assert_eq!(dated("style.txt"), ("2001-07-05".into(), "text".into()));
    assert_eq!(dated("style_2013-08-01.txt"), ("2013-08-01".into(), "file name".into()));
    assert_eq!(dated("2013-08-01_style.txt"), ("2013-08-01".into(), "file name".into()));
    assert_eq!(dated("style-guide-2019.txt"), ("2019".into(), "file name".into()));
    assert_eq!(dated("rfc2019.txt"), ("2001-07-05".into(), "text".into()));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("style_2013-08-01.txt");
    std::fs::write(&file, text).unwrap();
    let (_, out, _) = run(&[file.to_str().unwrap(), "--date", "2014-01-01"]);
    assert!(out.starts_with("style_2013-08-01  2014-01-01 (from --date)  "), "{out}");
}

#[test]
fn text_saved_one_paragraph_per_line_reads_as_its_paragraphs() {
    // As a word processor saves plain text: no wrapping, no blank lines.
    let para = |n: usize| {
        format!(
            "Paragraph {n} says what the Committee decided and why, with the reasons it gave at length, and what it will watch in the months ahead."
        )
    };
    let doc = format!("{}\n{}\n{}\n", para(1), para(2), para(3));
    let e = edition_of(doc.as_bytes(), "2020-01-01.txt");
    assert_eq!(labels(&e), ["1", "2", "3"]);
    assert!(e.paragraphs[2].text.starts_with("Paragraph 3 says"));
}

/// Runs `editions blame ARGS` (no store unless given): (status, stdout, stderr).
fn blame(args: &[&str]) -> (i32, String, String) {
    let out = editions().arg("blame").args(args).env_remove("EDITIONS_STORE").env("NO_COLOR", "1").output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn blame_error(args: &[&str], want: &str) {
    let (code, stdout, stderr) = blame(args);
    assert_eq!((code, stdout.as_str()), (2, ""), "{args:?}: {stderr}");
    assert_eq!(stderr, format!("editions: {want}\n"), "{args:?}");
}

#[test]
fn blame_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("editions.git");
    let (s, fomc) = (store.to_str().unwrap(), edition_path("fomc-statements"));
    let fomc = fomc.to_str().unwrap();
    // No store yet, no such folder.
    blame_error(
        &["nope", "--store", s],
        &format!("nope: no such folder, and no stored series of that name (store {s})"),
    );
    let first = format!("{fomc}/1994-02-04.txt");
    let out = editions().args(["snapshot", &first, "--series", "fomc", "--store", s]).output().unwrap();
    assert!(out.status.success());
    blame_error(&["nope", "--store", s], &format!("{s}: has no series 'nope'; `editions log` lists them"));
    blame_error(
        &["fomc@1900-01-01", "--store", s],
        &format!("{s}: series fomc has no edition '1900-01-01'; `editions log fomc` lists them"),
    );
    blame_error(
        &["bad name@x", "--store", s],
        "invalid series name 'bad name': use letters, digits, '.', '_' and '-', not starting with '.' or '-', not ending with '.' or '.lock', no '..', up to 100 characters",
    );
    blame_error(
        &[&format!("{fomc}@1900-01-01")],
        &format!("{fomc}: has no edition '1900-01-01' (editions are named after their files)"),
    );
    blame_error(&[fomc, "99"], &format!("{fomc}: edition 2016-09-21 has no paragraph '99'"));
    blame_error(
        &[&first],
        &format!("{first}: is a file; blame follows a series: give its folder or a stored series (SERIES[@EDITION])"),
    );
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let e = empty.to_str().unwrap();
    blame_error(&[e], &format!("{e}: holds no edition files (.txt, .md, .pdf)"));
    // One edition (stored or in a folder): every sentence new in it.
    for args in [vec!["fomc", "--format", "json", "--store", s], vec![&first[..first.len() - 15], "--format", "json"]] {
        let one = tempfile::tempdir().unwrap();
        let args: Vec<String> = if args[0] == "fomc" {
            args.iter().map(|a| a.to_string()).collect()
        } else {
            std::fs::copy(&first, one.path().join("1994-02-04.txt")).unwrap();
            vec![one.path().to_str().unwrap().to_string(), "--format".into(), "json".into()]
        };
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, stdout, stderr) = blame(&args);
        assert_eq!(code, 0, "{stderr}");
        let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(doc["editions"], 1);
        for p in doc["paragraphs"].as_array().unwrap() {
            for s in p["sentences"].as_array().unwrap() {
                assert_eq!(
                    (&s["since"]["label"], &s["changed"], &s["origin"]),
                    (&"1994-02-04".into(), &serde_json::Value::Null, &serde_json::Value::Null)
                );
            }
        }
    }
}

#[test]
fn blame_mixed_layouts() {
    // Sections in Markdown, then numbered paragraphs, then plain blank-line paragraphs.
    let a = "The Committee decided today to keep the target range for the federal funds rate unchanged.";
    let b = "Inflation has continued to run below the longer-run objective of two percent per year.";
    let c = "Household spending has been rising moderately and business investment has been soft lately.";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("2020-01-01.md"), format!("# Policy\n\n{a} {b}\n\n## Outlook\n\n{c}\n")).unwrap();
    std::fs::write(dir.path().join("2020-02-01.txt"), format!("1. {a}\n\n2. {c} {b}\n")).unwrap();
    std::fs::write(dir.path().join("2020-03-01.txt"), format!("{c}\n\n{a}\n\nA new sentence stands here today.\n"))
        .unwrap();
    let (code, stdout, stderr) = blame(&[dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let since: Vec<(String, String)> = doc["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["sentences"].as_array().unwrap().iter())
        .map(|s| (s["text"].as_str().unwrap()[..9].to_string(), s["since"]["label"].as_str().unwrap().to_string()))
        .collect();
    let want = [("Household", "2020-01-01"), ("The Commi", "2020-01-01"), ("A new sen", "2020-03-01")];
    assert_eq!(since, want.map(|(a, b)| (a.to_string(), b.to_string())));
}
