//! `editions diff` for a person at a terminal: a summary line, then the
//! changes in document order under their headings, each with its labels,
//! class, similarity and the word diff of the sentences that changed.

use super::palette::{Palette, Role};
use super::wrap::fill;
use crate::classify::PARAGRAPH_JOIN;
use crate::model::{Change, ChangeKind, Comparison, Edit, EditOp, Edition};
use crate::segment::sentences;
use std::borrow::Cow;
use std::io::Write;

/// What to show.
#[derive(Debug, Clone)]
pub struct DiffView {
    /// Show unchanged paragraphs too.
    pub all: bool,
    /// Show only changes of these kinds (all when empty).
    pub only: Vec<ChangeKind>,
    /// The summary alone.
    pub stat: bool,
    /// Output width in columns.
    pub width: usize,
}

impl Default for DiffView {
    fn default() -> Self {
        DiffView { all: false, only: Vec::new(), stat: false, width: 100 }
    }
}

impl DiffView {
    /// Whether the view shows changes of `kind`.
    pub fn shows(&self, kind: ChangeKind) -> bool {
        if self.only.is_empty() { kind != ChangeKind::Unchanged || self.all } else { self.only.contains(&kind) }
    }
}

/// `¶12 → ¶14`, `¶9 → ¶12, ¶13`, `¶12` (dropped), `¶14` (new).
pub fn labels(cmp: &Comparison, change: &Change) -> String {
    let side = |e: &Edition, ix: &[usize]| {
        ix.iter().map(|&i| format!("¶{}", e.paragraphs[i].label)).collect::<Vec<_>>().join(", ")
    };
    match (change.old.is_empty(), change.new.is_empty()) {
        (true, _) => side(&cmp.new, &change.new),
        (_, true) => side(&cmp.old, &change.old),
        _ if !change.renumbered => side(&cmp.new, &change.new),
        _ => format!("{} → {}", side(&cmp.old, &change.old), side(&cmp.new, &change.new)),
    }
}

/// The heading texts a change sits under: the new paragraph's, or the old
/// one's for a dropped paragraph.
pub fn headings<'a>(cmp: &'a Comparison, change: &Change) -> Vec<&'a str> {
    match (change.new.first(), change.old.first()) {
        (Some(&n), _) => cmp.new.heading_texts(&cmp.new.paragraphs[n]),
        (None, Some(&o)) => cmp.old.heading_texts(&cmp.old.paragraphs[o]),
        _ => Vec::new(),
    }
}

/// `v2.2.6 (2026-04-01)`, or the label alone when it is the date.
pub fn edition_name(e: &Edition) -> String {
    match &e.meta.date {
        Some(d) if *d != e.meta.label => format!("{} ({d})", e.meta.label),
        _ => e.meta.label.clone(),
    }
}

/// Adds a deleted or inserted text; a paragraph break in it (made or
/// removed by a split or merge) shows as a marked `¶` and a new line.
fn push_changed<'a>(out: &mut Vec<(Role, Cow<'a, str>)>, role: Role, text: &'a str) {
    for (k, part) in text.split(PARAGRAPH_JOIN).enumerate() {
        if k > 0 {
            out.push((role, Cow::Borrowed("¶")));
            out.push((Role::Plain, Cow::Borrowed("\n")));
        }
        if !part.is_empty() {
            out.push((role, Cow::Borrowed(part)));
        }
    }
}

/// The pieces of a word diff that a reader needs: changed sentences whole,
/// unchanged sentences between them elided as `…`, paragraph breaks made
/// or removed by a split or merge shown as `¶`.
pub fn diff_pieces(edits: &[Edit]) -> Vec<(Role, Cow<'_, str>)> {
    let mut out: Vec<(Role, Cow<str>)> = Vec::new();
    let last = edits.len().saturating_sub(1);
    for (i, e) in edits.iter().enumerate() {
        match e.op {
            EditOp::Delete => push_changed(&mut out, Role::Deleted, &e.text),
            EditOp::Insert => push_changed(&mut out, Role::Inserted, &e.text),
            EditOp::Equal => {
                let spans = sentences::spans(&e.text);
                let (keep_head, keep_tail) = (i > 0, i < last);
                // The sentence pieces to keep at each end of this equal run.
                let head_end = if keep_head { spans.first().map_or(e.text.len(), |r| r.end as usize) } else { 0 };
                let tail_start = if keep_tail { spans.last().map_or(0, |r| r.start as usize) } else { e.text.len() };
                if spans.len() <= 2 && keep_head && keep_tail || head_end >= tail_start {
                    out.push((Role::Plain, Cow::Borrowed(&e.text)));
                    continue;
                }
                if head_end > 0 {
                    out.push((Role::Plain, Cow::Borrowed(&e.text[..head_end])));
                }
                out.push((Role::Dim, Cow::Borrowed(" … ")));
                if tail_start < e.text.len() {
                    out.push((Role::Plain, Cow::Borrowed(&e.text[tail_start..])));
                }
            }
        }
    }
    out
}

fn paragraph_text<'a>(e: &'a Edition, ix: &[usize]) -> Vec<&'a str> {
    ix.iter().map(|&i| e.paragraphs[i].text.as_str()).collect()
}

/// Writes the comparison for a person.
pub fn write_diff(out: &mut impl Write, cmp: &Comparison, palette: &Palette, view: &DiffView) -> std::io::Result<()> {
    let meta = edition_name;
    writeln!(
        out,
        "{} → {}: {} → {} paragraphs",
        palette.paint(Role::Label, &meta(&cmp.old)),
        palette.paint(Role::Label, &meta(&cmp.new)),
        cmp.old.paragraphs.len(),
        cmp.new.paragraphs.len()
    )?;
    let summary: Vec<String> =
        cmp.summary().iter().map(|&(k, n)| format!("{n} {}", palette.paint(Role::Kind(k), k.name()))).collect();
    writeln!(out, "{}", summary.join(", "))?;
    if has_commitments(cmp) {
        for line in super::commitments::ledger_lines(cmp) {
            writeln!(out, "{line}")?;
        }
    }
    // What the reader had to guess in either edition: the comparison is
    // only as complete as the readings.
    for e in [&cmp.old, &cmp.new] {
        for w in &e.warnings {
            writeln!(out, "{} {}: {w}", palette.paint(Role::Warning, "warning:"), meta(e))?;
        }
    }
    if view.stat {
        return Ok(());
    }
    let marks = super::commitments::by_change(cmp);
    let mut shown: Vec<&str> = Vec::new();
    for (i, change) in cmp.changes.iter().enumerate().filter(|(_, c)| view.shows(c.kind)) {
        let path = headings(cmp, change);
        let common = shown.iter().zip(&path).take_while(|(a, b)| a == b).count();
        for (level, h) in path.iter().enumerate().skip(common) {
            writeln!(out)?;
            writeln!(out, "{}{}", "  ".repeat(level), palette.paint(Role::Heading, h))?;
        }
        shown = path;
        writeln!(out)?;
        let mut head = format!(
            "{}  {}",
            palette.paint(Role::Label, &labels(cmp, change)),
            palette.paint(Role::Kind(change.kind), change.kind.name())
        );
        if !matches!(change.kind, ChangeKind::New | ChangeKind::Dropped | ChangeKind::Unchanged) {
            head.push_str(&format!("  similarity {:.2}", change.similarity));
        }
        if change.kind == ChangeKind::Unchanged && change.renumbered {
            head.push_str("  renumbered");
        }
        writeln!(out, "{head}")?;
        let body: Vec<(Role, Cow<str>)> = match change.kind {
            ChangeKind::New => {
                paragraph_text(&cmp.new, &change.new).into_iter().map(|t| (Role::Inserted, Cow::Borrowed(t))).collect()
            }
            ChangeKind::Dropped => {
                paragraph_text(&cmp.old, &change.old).into_iter().map(|t| (Role::Deleted, Cow::Borrowed(t))).collect()
            }
            _ if change.edits.is_empty() => {
                paragraph_text(&cmp.new, &change.new).into_iter().map(|t| (Role::Dim, Cow::Borrowed(t))).collect()
            }
            _ => diff_pieces(&change.edits),
        };
        let body: Vec<(Role, &str)> = body.iter().map(|(r, t)| (*r, t.as_ref())).collect();
        writeln!(out, "{}", fill(&body, palette, view.width, "    "))?;
        super::commitments::write_marks(out, cmp, &marks[i], palette, "    ")?;
    }
    Ok(())
}

/// Whether commitments were looked for.
pub fn has_commitments(cmp: &Comparison) -> bool {
    cmp.commitments.searched
}
