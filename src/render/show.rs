//! `editions show SERIES@EDITION --para LABEL`: one stored paragraph with
//! its lineage, for a person (text) or a program (`editions/paragraph/1`).
//!
//! ```text
//! { "schema": "editions/paragraph/1", "series": "fomc-statements",
//!   "edition": { "label": "2016-09-21", "date": "2016-09-21" }, "commit": "…",
//!   "label": "4", "lineage": "p0031", "parents": ["p0031"], "headings": ["…"],
//!   "text": "…", "sentences": ["…"], "footnotes": [ { "mark": "1", "text": "…" } ] }
//! ```

use super::palette::{Palette, Role};
use super::wrap::fill;
use crate::store::record::Record;
use serde::Serialize;
use std::io::Write;

/// The schema name and version of the paragraph JSON.
pub const PARAGRAPH_SCHEMA: &str = "editions/paragraph/1";

/// Writes paragraph `index` of a stored edition for a person: where it is,
/// its lineage, its headings, its text and footnotes.
pub fn write_paragraph(out: &mut impl Write, record: &Record, index: usize, width: usize) -> std::io::Result<()> {
    let e = &record.edition;
    let p = &e.paragraphs[index];
    let l = &record.lineage.paragraphs[index];
    writeln!(out, "{}@{} ¶{}  lineage {}", record.series, e.meta.label, p.label, l.id)?;
    for (level, h) in e.heading_texts(p).iter().enumerate() {
        writeln!(out, "{}{h}", "  ".repeat(level))?;
    }
    writeln!(out)?;
    let palette = Palette::new(false);
    for line in p.text.split('\n') {
        writeln!(out, "{}", fill(&[(Role::Plain, line)], &palette, width, ""))?;
    }
    for f in &p.footnotes {
        writeln!(out, "{}", fill(&[(Role::Dim, &format!("[{}] {}", f.mark, f.text))], &palette, width, "    "))?;
    }
    Ok(())
}

#[derive(Serialize)]
struct ParagraphJson<'a> {
    schema: &'static str,
    series: &'a str,
    edition: crate::store::record::EditionName,
    commit: &'a str,
    label: &'a str,
    lineage: &'a str,
    parents: &'a [String],
    headings: Vec<&'a str>,
    text: &'a str,
    sentences: Vec<&'a str>,
    footnotes: Vec<FootnoteJson<'a>>,
}

#[derive(Serialize)]
struct FootnoteJson<'a> {
    mark: &'a str,
    text: &'a str,
}

/// Writes paragraph `index` of a stored edition as `editions/paragraph/1`.
pub fn write_paragraph_json(out: &mut impl Write, record: &Record, index: usize, commit: &str) -> std::io::Result<()> {
    let e = &record.edition;
    let p = &e.paragraphs[index];
    let l = &record.lineage.paragraphs[index];
    let doc = ParagraphJson {
        schema: PARAGRAPH_SCHEMA,
        series: &record.series,
        edition: crate::store::record::EditionName { label: e.meta.label.clone(), date: e.meta.date.clone() },
        commit,
        label: &p.label,
        lineage: &l.id,
        parents: &l.parents,
        headings: e.heading_texts(p),
        text: &p.text,
        sentences: p.sentences(),
        footnotes: p.footnotes.iter().map(|f| FootnoteJson { mark: &f.mark, text: &f.text }).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
