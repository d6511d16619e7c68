//! `edition.json` in each commit: the parsed edition (the
//! `editions/edition/1` contract), its paragraphs' lineage, and the
//! alignment to the previous edition. Written through serialize-only views
//! of the model; read back into owned types, so that what a later command
//! works on is what was stored, whatever the segmenter does today.
//!
//! `editions/stored/1`:
//!
//! ```text
//! { "schema": "editions/stored/1",
//!   "series": "fomc-statements",
//!   "edition": { "schema": "editions/edition/1", … },
//!   "lineage": { "issued": 42,
//!                "paragraphs": [ { "label": "4", "id": "p0031", "parents": ["p0031"] } ],
//!                "ended": [ { "id": "p0029", "label": "5", "how": "dropped" | "merged", "into": "p0031" | null } ] },
//!   "previous": { "label": "2008-12-16", "date": "2008-12-16" } | null,
//!   "summary": { "unchanged": 2, "revised": 1, … } | null,
//!   "changes": [ { "kind": "revised", "old": ["4", "5"], "new": ["4"], "similarity": 0.61, "renumbered": false } ],
//!   "commitments": [ COMMITMENT ],
//!   "commitment_summary": { "new": 2, "revised": 2, "stronger": 0, "weaker": 1, "dropped": 2, "unchanged": 1 } | null }
//! ```
//!
//! COMMITMENT as in `editions/diff/1` (found with the default lexicon);
//! `commitment_summary` counts the document's own commitments against the
//! previous edition.
//!
//! `edition.path` is the file's name, without its folder.
//! `lineage.paragraphs` follows `edition.paragraphs` one to one. A
//! paragraph's `parents` are the lineage ids of the previous edition's
//! paragraphs it comes from: its own id when it continues, the old
//! paragraph's id for the other parts of a split, every old part for a
//! merge, none for a new paragraph. `ended` lists the previous edition's
//! lineages that stop here. `issued` counts the ids the series has given
//! out so far (ids are never reused). Later versions may add fields; none
//! will be removed.

use crate::error::{Error, ErrorKind, Result};
use crate::model::{ChangeKind, Commitment, Comparison, Edition, EditionMeta, Footnote, Heading, Layout, Paragraph};
use crate::render::json::{CommitmentJson, CountsJson, EditionJson, counts};
use serde::{Deserialize, Serialize};

/// The schema name and version of `edition.json`.
pub const STORED_SCHEMA: &str = "editions/stored/1";

/// A paragraph's place in the series' lineages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineageEntry {
    /// The paragraph's label in this edition.
    pub label: String,
    /// Its lineage id (`p0031`).
    pub id: String,
    /// The lineage ids of the previous edition's paragraphs it comes from.
    pub parents: Vec<String>,
}

/// A lineage of the previous edition that stops at this one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ended {
    /// The lineage id.
    pub id: String,
    /// Its label in the previous edition.
    pub label: String,
    /// `dropped` or `merged`.
    pub how: String,
    /// For a merge, the lineage the paragraph went into.
    pub into: Option<String>,
}

/// The lineage section of `edition.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lineage {
    /// How many ids the series has issued, this edition included.
    pub issued: u64,
    /// One entry per paragraph, in the edition's order.
    pub paragraphs: Vec<LineageEntry>,
    /// The previous edition's lineages that stop here.
    pub ended: Vec<Ended>,
}

/// One change of the alignment to the previous edition, by labels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredChange {
    /// The kind of change (`revised`, …).
    pub kind: String,
    /// Labels in the previous edition.
    pub old: Vec<String>,
    /// Labels in this edition.
    pub new: Vec<String>,
    /// Word similarity, rounded to three places.
    pub similarity: f64,
    /// The labels differ.
    pub renumbered: bool,
}

/// The label and date of an edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionName {
    /// Its label.
    pub label: String,
    /// Its date.
    pub date: Option<String>,
}

/// How many changes of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Unchanged paragraphs.
    pub unchanged: usize,
    /// Revised paragraphs.
    pub revised: usize,
    /// Moved paragraphs.
    pub moved: usize,
    /// Splits.
    pub split: usize,
    /// Merges.
    pub merged: usize,
    /// New paragraphs.
    pub new: usize,
    /// Dropped paragraphs.
    pub dropped: usize,
}

impl Summary {
    /// The counts of `cmp`.
    pub fn of(cmp: &Comparison) -> Summary {
        let [unchanged, revised, moved, split, merged, new, dropped] = cmp.summary().map(|(_, n)| n);
        Summary { unchanged, revised, moved, split, merged, new, dropped }
    }

    /// The counts in [`ChangeKind::ALL`] order.
    pub fn counts(&self) -> [(ChangeKind, usize); 7] {
        let s = self;
        let n = [s.unchanged, s.revised, s.moved, s.split, s.merged, s.new, s.dropped];
        std::array::from_fn(|i| (ChangeKind::ALL[i], n[i]))
    }

    /// `2 unchanged, 5 revised`: the kinds that occur; `no paragraphs` when none do.
    pub fn brief(&self) -> String {
        let parts: Vec<String> =
            self.counts().iter().filter(|c| c.1 > 0).map(|&(k, n)| format!("{n} {}", k.name())).collect();
        if parts.is_empty() { "no paragraphs".to_string() } else { parts.join(", ") }
    }
}

#[derive(Serialize)]
struct RecordOut<'a> {
    schema: &'static str,
    series: &'a str,
    edition: EditionJson<'a>,
    lineage: &'a Lineage,
    previous: Option<EditionName>,
    summary: Option<Summary>,
    changes: Vec<StoredChange>,
    commitments: Vec<CommitmentJson<'a>>,
    commitment_summary: Option<CountsJson>,
}

/// The changes of `cmp` by labels, and their counts in [`crate::model::ChangeKind::ALL`] order.
pub fn stored_changes(cmp: &Comparison) -> (Summary, Vec<StoredChange>) {
    let labels = |e: &Edition, ix: &[usize]| ix.iter().map(|&i| e.paragraphs[i].label.clone()).collect();
    let changes = cmp
        .changes
        .iter()
        .map(|c| StoredChange {
            kind: c.kind.name().to_string(),
            old: labels(&cmp.old, &c.old),
            new: labels(&cmp.new, &c.new),
            similarity: (c.similarity * 1000.0).round() / 1000.0,
            renumbered: c.renumbered,
        })
        .collect();
    (Summary::of(cmp), changes)
}

/// `edition.json` for `edition` (the new side of `cmp` when there is a
/// previous edition), pretty-printed with a final newline.
///
/// `commitments` are the edition's (in the `editions/diff/1` form), and with
/// a previous edition `commitment_summary` counts the document's own
/// commitments new, revised, dropped and unchanged against it.
pub fn write(
    series: &str,
    edition: &Edition,
    cmp: Option<&Comparison>,
    lineage: &Lineage,
    commitments: &[Commitment],
) -> Vec<u8> {
    let (summary, changes) = match cmp {
        Some(cmp) => {
            let (s, c) = stored_changes(cmp);
            (Some(s), c)
        }
        None => (None, Vec::new()),
    };
    let record = RecordOut {
        schema: STORED_SCHEMA,
        series,
        edition: EditionJson::new(edition),
        lineage,
        previous: cmp.map(|c| EditionName { label: c.old.meta.label.clone(), date: c.old.meta.date.clone() }),
        summary,
        changes,
        commitments: commitments.iter().map(|c| CommitmentJson::new(edition, c)).collect(),
        commitment_summary: cmp
            .filter(|c| c.commitments.searched)
            .map(|c| counts(crate::commitments::Ledger::of(&c.commitments, false))),
    };
    let mut out = serde_json::to_vec_pretty(&record).expect("serialising to memory cannot fail");
    out.push(b'\n');
    out
}

#[derive(Deserialize)]
struct MetaIn {
    label: String,
    date: Option<String>,
    /// Added within `editions/edition/1`.
    #[serde(default)]
    date_from: Option<String>,
    title: Option<String>,
}

#[derive(Deserialize)]
struct HeadingIn {
    level: usize,
    number: Option<String>,
    text: String,
    line: usize,
}

#[derive(Deserialize)]
struct FootnoteIn {
    mark: String,
    text: String,
}

#[derive(Deserialize)]
struct ParagraphIn {
    label: String,
    number: Option<String>,
    headings: Vec<String>,
    text: String,
    footnotes: Vec<FootnoteIn>,
    line: usize,
    /// Records written before paragraphs had an end line have none.
    #[serde(default)]
    end_line: usize,
}

#[derive(Deserialize)]
struct EditionIn {
    schema: String,
    path: String,
    edition: MetaIn,
    layout: String,
    headings: Vec<HeadingIn>,
    paragraphs: Vec<ParagraphIn>,
    warnings: Vec<String>,
    /// Added within `editions/edition/1`: stores written before hold none.
    #[serde(default)]
    skipped: Vec<SkippedIn>,
}

#[derive(Deserialize)]
struct SkippedIn {
    what: String,
    lines: [usize; 2],
}

#[derive(Deserialize)]
struct RecordIn {
    schema: String,
    series: String,
    edition: EditionIn,
    lineage: Lineage,
    previous: Option<EditionName>,
    summary: Option<Summary>,
    changes: Vec<StoredChange>,
}

/// A stored edition, read back from `edition.json`.
#[derive(Debug, Clone)]
pub struct Record {
    /// The series it belongs to.
    pub series: String,
    /// The edition as it was parsed when stored.
    pub edition: Edition,
    /// Its paragraphs' lineage.
    pub lineage: Lineage,
    /// The edition before it, if any.
    pub previous: Option<EditionName>,
    /// Counts of each kind of change against the previous edition.
    pub summary: Option<Summary>,
    /// The alignment to the previous edition.
    pub changes: Vec<StoredChange>,
}

/// Just the counts, for `editions log`.
#[derive(Deserialize)]
pub struct Brief {
    /// Label and date, and the paragraphs (counted).
    pub edition: BriefEdition,
    /// Counts of each kind of change against the previous edition.
    pub summary: Option<Summary>,
}

/// The part of the edition [`Brief`] reads.
#[derive(Deserialize)]
pub struct BriefEdition {
    /// Label and date.
    pub edition: EditionName,
    /// Paragraphs, counted without keeping them.
    #[serde(deserialize_with = "count_items")]
    pub paragraphs: usize,
}

fn count_items<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<usize, D::Error> {
    struct Count;
    impl<'de> serde::de::Visitor<'de> for Count {
        type Value = usize;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<usize, A::Error> {
            let mut n = 0;
            while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                n += 1;
            }
            Ok(n)
        }
    }
    d.deserialize_seq(Count)
}

fn bad(what: &str, cause: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Store, format!("{what}: edition.json is not an {STORED_SCHEMA} document: {cause}"))
}

/// Reads the counts of `edition.json`; `what` names it in errors.
pub fn read_brief(bytes: &[u8], what: &str) -> Result<Brief> {
    serde_json::from_slice(bytes).map_err(|e| bad(what, e))
}

/// Reads `edition.json`; `what` names it in errors.
pub fn read(bytes: &[u8], what: &str) -> Result<Record> {
    let r: RecordIn = serde_json::from_slice(bytes).map_err(|e| bad(what, e))?;
    if r.schema != STORED_SCHEMA || r.edition.schema != crate::render::json::EDITION_SCHEMA {
        return Err(bad(what, format!("schema {} / {}", r.schema, r.edition.schema)));
    }
    if r.lineage.paragraphs.len() != r.edition.paragraphs.len() {
        return Err(bad(what, "the lineage does not list every paragraph"));
    }
    let e = r.edition;
    let layout = [Layout::NumberedParagraphs, Layout::NumberedSections, Layout::Unnumbered, Layout::Sections]
        .into_iter()
        .find(|l| l.name() == e.layout)
        .ok_or_else(|| bad(what, format!("unknown layout '{}'", e.layout)))?;
    let headings: Vec<Heading> = e
        .headings
        .into_iter()
        .map(|h| Heading { level: h.level, number: h.number, text: h.text, line: h.line })
        .collect();
    let paragraphs = e
        .paragraphs
        .into_iter()
        .map(|p| {
            // The headings a paragraph sits under: the last heading with
            // each text that starts before it.
            let ix = p
                .headings
                .iter()
                .filter_map(|t| headings.iter().rposition(|h| &h.text == t && h.line <= p.line))
                .collect();
            Paragraph {
                label: p.label,
                number: p.number,
                headings: ix,
                text: p.text,
                footnotes: p.footnotes.into_iter().map(|f| Footnote { mark: f.mark, text: f.text }).collect(),
                line: p.line,
                end_line: p.end_line.max(p.line),
            }
        })
        .collect();
    Ok(Record {
        series: r.series,
        edition: Edition {
            path: e.path,
            meta: EditionMeta {
                label: e.edition.label,
                date: e.edition.date,
                date_from: e.edition.date_from,
                title: e.edition.title,
            },
            layout,
            headings,
            paragraphs,
            warnings: e.warnings,
            skipped: e
                .skipped
                .into_iter()
                .map(|k| crate::model::Skipped { what: k.what, first_line: k.lines[0], last_line: k.lines[1] })
                .collect(),
        },
        lineage: r.lineage,
        previous: r.previous,
        summary: r.summary,
        changes: r.changes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{read, segment};

    #[test]
    fn round_trip() {
        let text = "# 1 Intro\n\nFirst paragraph. Two sentences.\n\n# 2 Rules\n\nSecond.\n\n# 3 Intro\n\nThird.\n";
        let source = read::decode(std::path::Path::new("2020-01-02_v1.txt"), text.as_bytes()).unwrap();
        let edition = segment::segment(&source, &segment::Options::default());
        let lineage = Lineage {
            issued: 3,
            paragraphs: edition
                .paragraphs
                .iter()
                .enumerate()
                .map(|(i, p)| LineageEntry { label: p.label.clone(), id: format!("p{:04}", i + 1), parents: vec![] })
                .collect(),
            ended: vec![],
        };
        let bytes = write("s", &edition, None, &lineage, &[]);
        let back = read(&bytes, "s@v1").unwrap();
        assert_eq!(back.edition, edition);
        assert_eq!(back.lineage, lineage);
        assert_eq!(back.series, "s");
        let brief = read_brief(&bytes, "s@v1").unwrap();
        assert_eq!(brief.edition.paragraphs, edition.paragraphs.len());
        assert_eq!(brief.edition.edition.label, "v1");
        assert!(read(b"{}", "s@v1").unwrap_err().to_string().starts_with("s@v1: edition.json is not"));
    }
}
