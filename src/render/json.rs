//! The JSON contracts. Output goes through serialize-only types, so the
//! internal model can change without breaking users; each document names
//! its schema and version.
//!
//! `editions/edition/1`:
//!
//! ```text
//! { "schema": "editions/edition/1",
//!   "path": "editions/…/2018-11-21_S-2018-1042.txt",
//!   "edition": { "label": "S-2018-1042", "date": "2018-11-21" | null, "title": "…" | null },
//!   "layout": "numbered paragraphs" | "numbered sections" | "unnumbered paragraphs",
//!   "headings": [ { "level": 1, "number": "II" | null, "text": "II. Recent developments …", "line": 53 } ],
//!   "paragraphs": [ { "label": "7", "number": "7" | null, "headings": ["II. …", "Overview …"],
//!                     "text": "…", "sentences": ["…"], "footnotes": [ { "mark": "1", "text": "…" } ],
//!                     "line": 142 } ],
//!   "warnings": ["…"] }
//! ```
//!
//! Labels are strings, unique in an edition. Fields may be added in a later
//! version of the same schema; none will be removed or change meaning.

use crate::model::{Edition, EditionMeta, Footnote, Heading};
use serde::Serialize;
use std::io::Write;

/// The schema name and version of [`EditionJson`].
pub const EDITION_SCHEMA: &str = "editions/edition/1";

/// The edition as JSON.
#[derive(Serialize)]
pub struct EditionJson<'a> {
    schema: &'static str,
    path: &'a str,
    edition: MetaJson<'a>,
    layout: &'static str,
    headings: Vec<HeadingJson<'a>>,
    paragraphs: Vec<ParagraphJson<'a>>,
    warnings: &'a [String],
}

#[derive(Serialize)]
struct MetaJson<'a> {
    label: &'a str,
    date: Option<&'a str>,
    title: Option<&'a str>,
}

#[derive(Serialize)]
struct HeadingJson<'a> {
    level: usize,
    number: Option<&'a str>,
    text: &'a str,
    line: usize,
}

#[derive(Serialize)]
struct ParagraphJson<'a> {
    label: &'a str,
    number: Option<&'a str>,
    headings: Vec<&'a str>,
    text: &'a str,
    sentences: Vec<&'a str>,
    footnotes: Vec<FootnoteJson<'a>>,
    line: usize,
}

#[derive(Serialize)]
struct FootnoteJson<'a> {
    mark: &'a str,
    text: &'a str,
}

fn meta(m: &EditionMeta) -> MetaJson<'_> {
    MetaJson { label: &m.label, date: m.date.as_deref(), title: m.title.as_deref() }
}

fn heading(h: &Heading) -> HeadingJson<'_> {
    HeadingJson { level: h.level, number: h.number.as_deref(), text: &h.text, line: h.line }
}

fn footnote(f: &Footnote) -> FootnoteJson<'_> {
    FootnoteJson { mark: &f.mark, text: &f.text }
}

impl<'a> EditionJson<'a> {
    /// The JSON view of `edition`.
    pub fn new(edition: &'a Edition) -> Self {
        EditionJson {
            schema: EDITION_SCHEMA,
            path: &edition.path,
            edition: meta(&edition.meta),
            layout: edition.layout.name(),
            headings: edition.headings.iter().map(heading).collect(),
            paragraphs: edition
                .paragraphs
                .iter()
                .map(|p| ParagraphJson {
                    label: &p.label,
                    number: p.number.as_deref(),
                    headings: edition.heading_texts(p),
                    text: &p.text,
                    sentences: p.sentences(),
                    footnotes: p.footnotes.iter().map(footnote).collect(),
                    line: p.line,
                })
                .collect(),
            warnings: &edition.warnings,
        }
    }
}

/// Writes `edition` as pretty-printed JSON and a final newline.
pub fn write_edition(out: &mut impl Write, edition: &Edition) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &EditionJson::new(edition))?;
    writeln!(out)
}

/// The schema name and version of [`DiffJson`].
///
/// `editions/diff/1`:
///
/// ```text
/// { "schema": "editions/diff/1",
///   "old": { "path": "…", "edition": { "label", "date", "title" }, "paragraphs": 83 },
///   "new": { … },
///   "summary": { "unchanged": 70, "revised": 5, "moved": 1, "split": 0, "merged": 0, "new": 3, "dropped": 2 },
///   "changes": [ { "kind": "revised", "old": ["12"], "new": ["14"], "similarity": 0.93, "renumbered": true,
///                  "headings": ["II. …"],
///                  "edits": [ { "op": "equal" | "delete" | "insert", "text": "…" } ] } ] }
/// ```
///
/// Every paragraph of both editions is in exactly one change; changes come in
/// the new edition's order, a dropped paragraph where it stood. `old` and
/// `new` hold labels (strings), empty where there is none. `edits` rebuild
/// both texts exactly (the paragraphs of a split or merge joined by a blank
/// line) and are empty for unchanged, new and dropped paragraphs.
pub const DIFF_SCHEMA: &str = "editions/diff/1";

/// A comparison as JSON.
#[derive(Serialize)]
pub struct DiffJson<'a> {
    schema: &'static str,
    old: SideJson<'a>,
    new: SideJson<'a>,
    summary: SummaryJson,
    changes: Vec<ChangeJson<'a>>,
}

#[derive(Serialize)]
struct SummaryJson {
    unchanged: usize,
    revised: usize,
    moved: usize,
    split: usize,
    merged: usize,
    new: usize,
    dropped: usize,
}

#[derive(Serialize)]
struct SideJson<'a> {
    path: &'a str,
    edition: MetaJson<'a>,
    paragraphs: usize,
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    kind: &'static str,
    old: Vec<&'a str>,
    new: Vec<&'a str>,
    similarity: f64,
    renumbered: bool,
    headings: Vec<&'a str>,
    edits: Vec<EditJson<'a>>,
}

#[derive(Serialize)]
struct EditJson<'a> {
    op: &'static str,
    text: &'a str,
}

impl<'a> DiffJson<'a> {
    /// The JSON view of `cmp`, with the changes `keep` accepts.
    pub fn new(cmp: &'a crate::model::Comparison, keep: impl Fn(&crate::model::Change) -> bool) -> Self {
        use crate::model::EditOp;
        let side = |e: &'a Edition| SideJson { path: &e.path, edition: meta(&e.meta), paragraphs: e.paragraphs.len() };
        let labels = |e: &'a Edition, ix: &[usize]| ix.iter().map(|&i| e.paragraphs[i].label.as_str()).collect();
        DiffJson {
            schema: DIFF_SCHEMA,
            old: side(&cmp.old),
            new: side(&cmp.new),
            summary: {
                let [unchanged, revised, moved, split, merged, new, dropped] = cmp.summary().map(|(_, n)| n);
                SummaryJson { unchanged, revised, moved, split, merged, new, dropped }
            },
            changes: cmp
                .changes
                .iter()
                .filter(|c| keep(c))
                .map(|c| ChangeJson {
                    kind: c.kind.name(),
                    old: labels(&cmp.old, &c.old),
                    new: labels(&cmp.new, &c.new),
                    similarity: (c.similarity * 1000.0).round() / 1000.0,
                    renumbered: c.renumbered,
                    headings: super::diff::headings(cmp, c),
                    edits: c
                        .edits
                        .iter()
                        .map(|e| EditJson {
                            op: match e.op {
                                EditOp::Equal => "equal",
                                EditOp::Delete => "delete",
                                EditOp::Insert => "insert",
                            },
                            text: &e.text,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// Writes a comparison as JSON (compact: diffs of large editions are large)
/// and a final newline.
pub fn write_diff(
    out: &mut impl Write,
    cmp: &crate::model::Comparison,
    keep: impl Fn(&crate::model::Change) -> bool,
) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, &DiffJson::new(cmp, keep))?;
    writeln!(out)
}
