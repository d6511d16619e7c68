//! The UN report S/2018/1042: 83 numbered paragraphs in PDF-extracted text.
//! Expected texts, footnotes and headings in `tests/data/un-expected.json`
//! were written by reading the source, not by running the segmenter.

use crate::{labels, parse, text};
use editions::{Edition, Layout};
use serde_json::Value;

const UN: &str = "un-trafficking-in-armed-conflict/2018-11-21_S-2018-1042.txt";

fn expected() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/un-expected.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn un() -> Edition {
    parse(UN)
}

#[test]
fn eighty_three_paragraphs_labelled_in_order() {
    let e = un();
    assert_eq!(e.layout, Layout::NumberedParagraphs);
    let want: Vec<String> = (1..=83).map(|n| n.to_string()).collect();
    assert_eq!(labels(&e), want);
    assert!(e.paragraphs.iter().all(|p| p.number.as_deref() == Some(p.label.as_str())));
    assert_eq!(e.warnings, Vec::<String>::new());
}

#[test]
fn metadata_from_file_name_and_title_from_text() {
    let e = un();
    assert_eq!(e.meta.label, "S-2018-1042");
    assert_eq!(e.meta.date.as_deref(), Some("2018-11-21"));
    assert_eq!(
        e.meta.title.as_deref(),
        Some(
            "Report of the Secretary General on trafficking in persons in armed conflict pursuant to \
             Security Council resolution 2388 (2017)"
        )
    );
}

#[test]
fn noisiest_paragraphs_have_exactly_the_text_a_reader_sees() {
    let e = un();
    let want = expected();
    let paragraphs = want["paragraphs"].as_object().unwrap();
    assert!(paragraphs.len() >= 10);
    for (label, body) in paragraphs {
        assert_eq!(text(&e, label), body.as_str().unwrap(), "paragraph {label}");
    }
}

#[test]
fn eight_footnotes_attached_where_cited_and_out_of_the_text() {
    let e = un();
    let want = expected();
    let notes = want["footnotes"].as_array().unwrap();
    assert_eq!(notes.len(), 8);
    assert_eq!(e.footnote_count(), 8);
    for note in notes {
        let p = e.paragraph(note["paragraph"].as_str().unwrap()).unwrap();
        let f = p.footnotes.iter().find(|f| f.mark == note["mark"].as_str().unwrap());
        let f = f.unwrap_or_else(|| panic!("footnote {} not on paragraph {}", note["mark"], p.label));
        assert_eq!(f.text, note["text"].as_str().unwrap());
        for other in &e.paragraphs {
            let head: String = f.text.chars().take(40).collect();
            assert!(!other.text.contains(&head), "footnote {} in the text of {}", f.mark, other.label);
        }
    }
    // The markers are gone from the sentences that carried them.
    assert_eq!(
        e.paragraph("7").unwrap().sentences()[0],
        "Boko Haram continues to abduct young girls for exploitative purposes."
    );
    assert!(text(&e, "19").contains("Regular Migration. The non-binding"));
    assert!(text(&e, "19").contains("on 13 July 2018. In that document"));
}

#[test]
fn no_url_line_or_page_break_artefact_in_any_paragraph() {
    for p in &un().paragraphs {
        for bad in ["http", "undocs.org", "____", "  ", "\n", " .", "\u{A0}("] {
            assert!(!p.text.contains(bad), "paragraph {} contains {bad:?}: {}", p.label, p.text);
        }
        assert_eq!(p.text, p.text.trim(), "paragraph {}", p.label);
        assert!(p.text.ends_with(['.', ':', ')']), "paragraph {} ends mid-sentence: {}", p.label, p.text);
    }
}

#[test]
fn headings_and_the_paragraphs_under_them() {
    let e = un();
    let want = expected();
    let headings = want["headings"].as_array().unwrap();
    let texts: Vec<&str> = e.headings.iter().map(|h| h.text.as_str()).collect();
    let want_texts: Vec<&str> = headings.iter().map(|h| h["text"].as_str().unwrap()).collect();
    assert_eq!(texts, want_texts);

    let chapters: Vec<&str> =
        e.headings.iter().filter(|h| h.level == 1).map(|h| h.number.as_deref().unwrap()).collect();
    assert_eq!(chapters, ["I", "II", "III", "IV", "V"]);
    let under = |chapter: &str| -> Vec<String> {
        let start = e.headings.iter().position(|h| h.number.as_deref() == Some(chapter)).unwrap();
        e.headings[start + 1..]
            .iter()
            .take_while(|h| h.level > 1)
            .map(|h| h.number.clone().unwrap_or_else(|| h.text.clone()))
            .collect()
    };
    assert_eq!(under("III"), ["A", "B", "C", "D"]);
    assert_eq!(under("IV"), ["A", "B", "C", "D", "E", "F"]);
    assert_eq!(
        under("II"),
        [
            "Overview and state of play of trafficking acts carried out by armed groups",
            "Linkages between trafficking and grave violations against children affected by armed conflict",
            "Arrest and detention of persons released from the captivity of armed groups",
            "Other developments",
        ]
    );

    // Every paragraph sits under the chapter and section whose range holds it,
    // as the reader's first-paragraph numbers say.
    let first = |h: &Value| h["first_paragraph"].as_str().unwrap().parse::<u32>().unwrap();
    for p in &e.paragraphs {
        let n: u32 = p.label.parse().unwrap();
        let mut path: Vec<&str> = Vec::new();
        for h in headings {
            let is_chapter = h["text"].as_str().unwrap().starts_with(['I', 'V'])
                && h["text"].as_str().unwrap().contains(". ")
                && h["text"].as_str().unwrap().split('.').next().unwrap().chars().all(|c| "IVX".contains(c));
            if is_chapter && first(h) <= n {
                path.clear();
                path.push(h["text"].as_str().unwrap());
            } else if !is_chapter && first(h) <= n {
                path.truncate(1);
                path.push(h["text"].as_str().unwrap());
            }
        }
        assert_eq!(e.heading_texts(p), path, "paragraph {n}");
    }
}

#[test]
fn sentences_split_where_a_reader_would() {
    let e = un();
    let s = &e.paragraph("19").unwrap().sentences();
    assert_eq!(s.len(), 4, "{s:#?}");
    assert_eq!(
        s[1],
        "The non-binding but intergovernmentally negotiated and agreed outcome was published on 13 July 2018."
    );
    // `(see S/2018/250).` ends a sentence; the symbol's dots and slashes do not.
    let s3 = &e.paragraph("3").unwrap().sentences();
    assert_eq!(s3.len(), 3, "{s3:#?}");
    assert!(s3[1].ends_with(
        "(see S/PV.8114) and the debate on children and armed conflict held on 9 July 2018 (see S/PV.8305)."
    ));
    // An unmatched bracket in print does not swallow the rest of the paragraph.
    let s18 = &e.paragraph("18").unwrap().sentences();
    assert_eq!(
        s18[s18.len() - 2],
        "As at July 2018, over 1,300 children were reportedly being held by parties in the north-eastern part of the Syrian Arab Republic."
    );
}

/// Sentences as a reader split them (tests/data/commitments-labelled.jsonl,
/// labelled by reading for the commitments work) against the segmenter's.
#[test]
fn sentences_agree_with_the_reader_labelled_file() {
    let e = un();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/commitments-labelled.jsonl");
    let mut theirs: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let row: Value = serde_json::from_str(line).unwrap();
        if row["file"] == "2018-11-21_S-2018-1042.txt" {
            theirs.entry(row["paragraph"].to_string()).or_default().push(row["sentence"].as_str().unwrap().to_string());
        }
    }
    assert_eq!(theirs.len(), 83);
    for (label, sentences) in theirs {
        assert_eq!(e.paragraph(&label).unwrap().sentences(), sentences, "paragraph {label}");
    }
}
