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
