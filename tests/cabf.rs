//! CA/B Forum Baseline Requirements: Markdown with numbered sections
//! (`### 4.9.1.1 Title`), paragraphs labelled within their section.

use crate::{labels, parse, series, text};
use editions::{Layout, parse_file, segment::Options};
use std::collections::HashSet;

#[test]
fn every_edition_reads_as_numbered_sections() {
    let files = series("cabf-baseline-requirements");
    assert_eq!(files.len(), 12);
    for f in files {
        let e = parse_file(&f, &Options::default()).unwrap();
        let name = f.file_name().unwrap().to_str().unwrap();
        assert_eq!(e.layout, Layout::NumberedSections, "{name}");
        assert_eq!(Some(&name[..10]), e.meta.date.as_deref());
        assert_eq!(e.meta.label, name[11..].trim_end_matches(".txt"));
        assert!(e.paragraphs.len() > 300, "{name}: {}", e.paragraphs.len());
        let unique: HashSet<&str> = labels(&e).into_iter().collect();
        assert_eq!(unique.len(), e.paragraphs.len(), "{name}");
        assert!(e.warnings.is_empty(), "{name}: {:?}", e.warnings);
        // Section 1.1 opens every edition.
        assert!(e.paragraph("1.1:1").is_some(), "{name}");
    }
}

#[test]
fn edition_2026_sections_and_paragraphs() {
    let e = parse("cabf-baseline-requirements/2026-04-01_v2.2.6.txt");
    assert_eq!(
        e.meta.title.as_deref(),
        Some("Baseline Requirements for the Issuance and Management of Publicly-Trusted TLS Server Certificates")
    );
    let h = e.headings.iter().find(|h| h.number.as_deref() == Some("4.9.1.1")).unwrap();
    assert_eq!((h.level, h.text.as_str()), (4, "4.9.1.1 Reasons for Revoking a Subscriber Certificate"));
    assert_eq!(text(&e, "4.9.1.1:1"), "The CA MAY support revocation of Short-lived Subscriber Certificates.");
    // The numbered list of reasons belongs to the paragraph that introduces it.
    let reasons = text(&e, "4.9.1.1:2");
    assert!(reasons.starts_with("With the exception of Short-lived Subscriber Certificates, the CA SHALL"));
    assert!(reasons.lines().nth(1).unwrap().starts_with("1. "), "{reasons}");
    let path = e.heading_texts(e.paragraph("4.9.1.1:2").unwrap());
    assert_eq!(
        path,
        [
            "4. CERTIFICATE LIFE-CYCLE OPERATIONAL REQUIREMENTS",
            "4.9 Certificate revocation and suspension",
            "4.9.1 Circumstances for revocation",
            "4.9.1.1 Reasons for Revoking a Subscriber Certificate"
        ]
    );
    // Appendices: an unnumbered heading, then lettered-numbered sections.
    let appendix = e.headings.iter().find(|h| h.text == "Appendix A – CAA Contact Tag").unwrap();
    assert_eq!((appendix.level, appendix.number.as_deref()), (1, None));
    assert!(e.headings.iter().any(|h| h.number.as_deref() == Some("A.1") && h.text == "A.1. CAA Methods"));
}

#[test]
fn edition_2015_title_block_and_bold_sub_headings() {
    let e = parse("cabf-baseline-requirements/2015-12-10_v1.3.2.txt");
    // `### 1.2.1.Revisions`: no space after the number.
    assert!(e.headings.iter().any(|h| h.number.as_deref() == Some("1.2.1") && h.level == 3));
    let notice = e.paragraph("1.1:2").unwrap();
    assert_eq!(e.heading_texts(notice), ["1. INTRODUCTION", "1.1 Overview", "Notice to Readers"]);
    assert!(notice.text.starts_with("The CP for the Issuance and Management of Publicly-Trusted Certificates"));
    // A table is one paragraph, a row a line.
    let table = text(&e, "1.2.1:1");
    assert!(table.starts_with("| **Ver.** | **Ballot** |"));
    assert!(table.lines().count() > 20);
}
