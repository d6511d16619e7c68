//! GNU FDL 1.1–1.3: numbered sections `0.` … `11.`, paragraphs labelled
//! within their section (`4:1`).

use crate::{labels, parse, text};
use editions::Layout;

fn sections(e: &editions::Edition) -> Vec<&str> {
    e.headings.iter().map(|h| h.number.as_deref().unwrap_or(h.text.as_str())).collect()
}

#[test]
fn version_1_3_sections_labels_and_date() {
    let e = parse("gnu-fdl/GFDL-1.3-only.txt");
    assert_eq!(e.layout, Layout::NumberedSections);
    assert_eq!(e.meta.label, "GFDL-1.3-only");
    assert_eq!(e.meta.date.as_deref(), Some("2008-11-03"));
    assert_eq!(e.meta.title.as_deref(), Some("GNU Free Documentation License Version 1.3, 3 November 2008"));
    assert_eq!(
        sections(&e),
        [
            "0",
            "1",
            "2",
            "3",
            "4",
            "5",
            "6",
            "7",
            "8",
            "9",
            "10",
            "11",
            "ADDENDUM: How to use this License for your documents"
        ]
    );
    assert_eq!(e.headings[11].text, "11. RELICENSING");
    let relicensing: Vec<&str> = labels(&e).into_iter().filter(|l| l.starts_with("11:")).collect();
    assert_eq!(relicensing, ["11:1", "11:2", "11:3", "11:4", "11:5"]);
    assert!(text(&e, "11:1").starts_with("\"Massive Multiauthor Collaboration Site\" (or \"MMC Site\") means"));
    assert_eq!(&labels(&e)[..3], ["front:1", "front:2", "0:1"]);
    assert_eq!(e.paragraphs.len(), 53);
    assert!(e.warnings.is_empty(), "{:?}", e.warnings);
}

#[test]
fn the_modifications_list_belongs_to_its_paragraph() {
    let e = parse("gnu-fdl/GFDL-1.3-only.txt");
    let p = text(&e, "4:1");
    let items: Vec<&str> = p.lines().skip(1).collect();
    // A to O; in this copy of 1.3 (SPDX's) item H shares item G's line.
    assert_eq!(items.len(), 14, "{p}");
    assert!(items[6].starts_with("G. Preserve") && items[6].ends_with("H. Include an unaltered copy of this License."));
    assert!(items[0].starts_with("A. Use in the Title Page"));
    assert!(items[13].starts_with("O. Preserve any Warranty Disclaimers."));
    assert!(text(&e, "4:2").starts_with("If the Modified Version includes new front-matter sections"));
}

#[test]
fn earlier_versions() {
    let v11 = parse("gnu-fdl/GFDL-1.1-only.txt");
    assert_eq!(v11.meta.date.as_deref(), Some("2000-03"));
    assert_eq!(sections(&v11).len(), 12, "{:?}", sections(&v11));
    assert!(!labels(&v11).iter().any(|l| l.starts_with("11:")));
    let v12 = parse("gnu-fdl/GFDL-1.2-only.txt");
    assert_eq!(v12.meta.date.as_deref(), Some("2002-11"));
    assert_eq!(sections(&v12).len(), 12);
}
