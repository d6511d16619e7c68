//! FOMC statements: unnumbered paragraphs, labelled by ordinal.

use crate::{labels, parse, series, text};
use editions::{Layout, parse_file, segment::Options};

#[test]
fn every_statement_reads_as_ordinal_paragraphs_dated_by_file_name() {
    let files = series("fomc-statements");
    assert_eq!(files.len(), 160);
    for f in files {
        let e = parse_file(&f, &Options::default()).unwrap();
        let stem = f.file_stem().unwrap().to_str().unwrap();
        assert_eq!(e.layout, Layout::Unnumbered, "{stem}");
        assert_eq!(e.meta.label, stem);
        assert_eq!(e.meta.date.as_deref(), Some(stem));
        assert!(!e.paragraphs.is_empty(), "{stem}");
        let want: Vec<String> = (1..=e.paragraphs.len()).map(|n| n.to_string()).collect();
        assert_eq!(labels(&e), want, "{stem}");
        assert!(e.warnings.is_empty(), "{stem}: {:?}", e.warnings);
        assert!(e.paragraphs.iter().all(|p| !p.text.contains("  ") && !p.sentences().is_empty()), "{stem}");
    }
}

#[test]
fn first_statement_1994() {
    let e = parse("fomc-statements/1994-02-04.txt");
    assert_eq!(labels(&e), ["1", "2", "3"]);
    assert_eq!(
        text(&e, "1"),
        "Chairman Alan Greenspan announced today that the Federal Open Market Committee decided to increase \
         slightly the degree of pressure on reserve positions. The action is expected to be associated with a \
         small increase in short-term money market interest rates."
    );
    assert_eq!(e.paragraph("1").unwrap().sentences().len(), 2);
    assert_eq!(e.meta.title, None);
}

#[test]
fn december_2008_statement() {
    let e = parse("fomc-statements/2008-12-16.txt");
    assert_eq!(e.paragraphs.len(), 7);
    assert!(text(&e, "4").starts_with("The Federal Reserve will employ all available tools to promote the resumption"));
    // `Ben S. Bernanke`: an initial does not end a sentence.
    let votes = &e.paragraph("6").unwrap().sentences();
    assert_eq!(votes.len(), 1, "{votes:#?}");
    assert!(votes[0].starts_with("Voting for the FOMC monetary policy action were: Ben S. Bernanke, Chairman;"));
}

#[test]
fn list_items_belong_to_the_paragraph_they_follow() {
    let e = parse("fomc-statements/1994-08-16.txt");
    assert_eq!(e.paragraphs.len(), 4);
    let first = e.paragraph("1").unwrap();
    assert_eq!(first.text.lines().count(), 3);
    assert_eq!(
        first.text.lines().next(),
        Some("The Federal Reserve announced today the following monetary policy actions:")
    );
    assert!(first.text.lines().skip(1).all(|l| l.starts_with("* ")));
    assert_eq!(e.meta.title, None, "an introductory sentence is not a title");
}

#[test]
fn unnumbered_sub_headings() {
    let e = parse("fomc-statements/2008-03-11.txt");
    let headings: Vec<&str> = e.headings.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(
        headings,
        [
            "Federal Reserve Actions",
            "Information on Related Actions Being Taken by Other Central Banks",
            "Statements by Other Central Banks"
        ]
    );
    assert_eq!(e.paragraphs.len(), 7);
    assert_eq!(e.heading_texts(e.paragraph("3").unwrap()), ["Federal Reserve Actions"]);
    assert_eq!(e.heading_texts(e.paragraph("2").unwrap()), Vec::<&str>::new());
    // The links list under the last heading is a paragraph of its own.
    assert!(text(&e, "7").starts_with("* [Bank of Japan]"));
}

#[test]
fn last_statement_2016_ends_with_the_implementation_note_link() {
    let e = parse("fomc-statements/2016-09-21.txt");
    assert_eq!(e.paragraphs.len(), 7);
    assert!(text(&e, "7").starts_with("[Implementation Note issued September 21, 2016](https://"));
    assert!(text(&e, "6").starts_with("Voting for the FOMC monetary policy action were: Janet L. Yellen, Chair;"));
}

#[test]
fn a_name_wrapped_at_an_initial_starts_no_list_item() {
    // `… and Kevin` / `M. Warsh.  Voting against …`: `M.` at a line start
    // is an initial, not an item that the list rule could cut off.
    let e = parse("fomc-statements/2007-10-31.txt");
    assert_eq!(e.paragraphs.len(), 6);
    let votes = text(&e, "5");
    assert!(votes.starts_with("Voting for the FOMC monetary policy action were: Ben S. Bernanke"), "{votes}");
    assert!(votes.ends_with("who preferred no change in the federal funds rate at this meeting."), "{votes}");
}

#[test]
fn an_announced_list_whose_item_says_more_stands_apart() {
    // 1994-08-16: `announced today the following monetary policy actions:`
    // and two one-sentence items stay one paragraph (above); 1996-01-31's
    // second item has two sentences, so each item is a paragraph.
    let e = parse("fomc-statements/1996-01-31.txt");
    assert_eq!(text(&e, "1"), "The Federal Reserve today announced the following policy actions:");
    assert!(text(&e, "2").starts_with("* The Board of Governors approved a reduction in the discount rate"));
    assert!(text(&e, "3").starts_with("* In a related move, the Federal Open Market Committee agreed"));
    assert!(text(&e, "4").starts_with("Moderating economic expansion in recent months"));
}
