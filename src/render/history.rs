//! `editions history SERIES@EDITION LABEL`: one paragraph's lineage across
//! the stored editions, label by label, with the word diff between each
//! step; for a person (text) or a program (`editions/history/1`).
//!
//! ```text
//! { "schema": "editions/history/1", "series": "fomc-statements", "lineage": "p0031", "parents": [],
//!   "steps": [ { "edition": { "label": "2009-01-28", "date": "2009-01-28" }, "commit": "…",
//!                "label": "4", "kind": "merged", "from": ["4", "5"], "similarity": 0.61,
//!                "text": "…", "edits": [ { "op": "equal" | "delete" | "insert", "text": "…" } ] } ],
//!   "end": { "edition": { "label", "date" }, "how": "dropped" | "merged", "into": "p0040" | null } | null }
//! ```
//!
//! A step's `kind` is the change that brought the paragraph into that
//! edition (`new` at its first appearance, unless it split off another);
//! `from` holds the previous edition's labels on the other side of it;
//! `edits` rebuild the previous step's text and this one's.

use super::diff::diff_pieces;
use super::palette::{Palette, Role};
use super::wrap::fill;
use crate::model::{ChangeKind, EditOp};
use crate::store::history::{History, Step};
use crate::store::record::EditionName;
use serde::Serialize;
use std::borrow::Cow;
use std::io::Write;

/// The schema name and version of the history JSON.
pub const HISTORY_SCHEMA: &str = "editions/history/1";

fn name(e: &EditionName) -> String {
    match &e.date {
        Some(d) if *d != e.label => format!("{} ({d})", e.label),
        _ => e.label.clone(),
    }
}

fn labels(ls: &[String]) -> String {
    ls.iter().map(|l| format!("¶{l}")).collect::<Vec<_>>().join(", ")
}

/// What brought a step: `new`, `revised ¶4 → ¶3`, `merged from ¶4, ¶5`, `split from ¶2`.
fn how(step: &Step, first: bool) -> String {
    let kind = step.kind.name();
    match step.kind {
        ChangeKind::New => kind.to_string(),
        ChangeKind::Merged => format!("merged from {}", labels(&step.from)),
        ChangeKind::Split => format!("split from {}", labels(&step.from)),
        _ if first => format!("{kind} from {}", labels(&step.from)),
        _ if step.from.len() == 1 && step.from[0] != step.label => {
            format!("{kind} ¶{} → ¶{}", step.from[0], step.label)
        }
        _ => kind.to_string(),
    }
}

/// Writes the history for a person: a summary line, then each edition in
/// which the paragraph appears with its label, what happened, and the
/// word diff from the step before (the full text at the first step).
pub fn write_history(out: &mut impl Write, h: &History, palette: &Palette, width: usize) -> std::io::Result<()> {
    let span = match (h.steps.first(), h.steps.last()) {
        (Some(a), Some(b)) => format!(
            ", {} to {}",
            a.edition.date.as_deref().unwrap_or(&a.edition.label),
            b.edition.date.as_deref().unwrap_or(&b.edition.label)
        ),
        _ => String::new(),
    };
    let n = h.steps.len();
    writeln!(out, "{} lineage {}: {n} edition{}{span}", h.series, h.id, if n == 1 { "" } else { "s" })?;
    if !h.parents.is_empty() && h.parents != [h.id.clone()] {
        writeln!(out, "from lineage {}", h.parents.join(", "))?;
    }
    for (k, step) in h.steps.iter().enumerate() {
        writeln!(out)?;
        let mut head = format!(
            "{}  {}  {}",
            palette.paint(Role::Label, &name(&step.edition)),
            palette.paint(Role::Label, &format!("¶{}", step.label)),
            palette.paint(Role::Kind(step.kind), &how(step, k == 0))
        );
        if k > 0 && !step.edits.is_empty() {
            head.push_str(&format!("  similarity {:.2}", step.similarity));
        }
        writeln!(out, "{head}")?;
        let body: Vec<(Role, Cow<str>)> = if k == 0 {
            vec![(Role::Plain, Cow::Borrowed(step.text.as_str()))]
        } else if step.edits.is_empty() {
            continue;
        } else {
            diff_pieces(&step.edits)
        };
        let body: Vec<(Role, &str)> = body.iter().map(|(r, t)| (*r, t.as_ref())).collect();
        writeln!(out, "{}", fill(&body, palette, width, "    "))?;
    }
    if let Some(end) = &h.end {
        writeln!(out)?;
        let what = match &end.into {
            Some(into) => format!("{} into lineage {into}", end.how),
            None => end.how.clone(),
        };
        writeln!(out, "{}  {}", palette.paint(Role::Label, &name(&end.edition)), what)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct HistoryJson<'a> {
    schema: &'static str,
    series: &'a str,
    lineage: &'a str,
    parents: &'a [String],
    steps: Vec<StepJson<'a>>,
    end: Option<EndJson<'a>>,
}

#[derive(Serialize)]
struct StepJson<'a> {
    edition: &'a EditionName,
    commit: &'a str,
    label: &'a str,
    kind: &'static str,
    from: &'a [String],
    similarity: f64,
    text: &'a str,
    edits: Vec<EditJson<'a>>,
}

#[derive(Serialize)]
struct EditJson<'a> {
    op: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct EndJson<'a> {
    edition: &'a EditionName,
    how: &'a str,
    into: Option<&'a str>,
}

/// Writes the history as `editions/history/1` JSON and a final newline.
pub fn write_history_json(out: &mut impl Write, h: &History) -> std::io::Result<()> {
    let doc = HistoryJson {
        schema: HISTORY_SCHEMA,
        series: &h.series,
        lineage: &h.id,
        parents: &h.parents,
        steps: h
            .steps
            .iter()
            .map(|s| StepJson {
                edition: &s.edition,
                commit: &s.commit,
                label: &s.label,
                kind: s.kind.name(),
                from: &s.from,
                similarity: (s.similarity * 1000.0).round() / 1000.0,
                text: &s.text,
                edits: s
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
        end: h.end.as_ref().map(|e| EndJson { edition: &e.edition, how: &e.how, into: e.into.as_deref() }),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
