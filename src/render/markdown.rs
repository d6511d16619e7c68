//! `editions diff --format markdown`, for pasting into a review: a summary
//! table, then the changes under their headings, deletions struck through
//! (`~~…~~`) and insertions in bold.

use super::diff::{DiffView, diff_pieces, edition_name, headings, labels};
use super::palette::Role;
use crate::model::{ChangeKind, Comparison};
use std::io::Write;

/// Escapes Markdown's special characters.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '~' | '`' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Wraps `text` in `mark` without putting spaces inside the marks.
fn marked(text: &str, mark: &str) -> String {
    let core = text.trim();
    if core.is_empty() {
        return text.to_string();
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    format!("{lead}{mark}{}{mark}{trail}", escape(core).replace('\n', "<br>"))
}

/// A word diff in Markdown: deletions struck through, insertions in bold.
fn diff_markdown(edits: &[crate::model::Edit]) -> String {
    let mut body = String::new();
    let mut after_deletion = false;
    for (role, text) in diff_pieces(edits) {
        match role {
            Role::Deleted => body.push_str(&marked(&text, "~~")),
            Role::Inserted => {
                // `~~June~~ **July**`, not `~~June~~**July**`.
                if after_deletion && !body.ends_with(' ') && !text.starts_with(' ') {
                    body.push(' ');
                }
                body.push_str(&marked(&text, "**"));
            }
            _ => body.push_str(&escape(&text)),
        }
        after_deletion = role == Role::Deleted;
    }
    body
}

/// Writes the comparison as Markdown.
pub fn write_markdown(out: &mut impl Write, cmp: &Comparison, view: &DiffView) -> std::io::Result<()> {
    let meta = edition_name;
    writeln!(out, "# Changes from {} to {}", escape(&meta(&cmp.old)), escape(&meta(&cmp.new)))?;
    writeln!(out)?;
    let summary = cmp.summary();
    writeln!(out, "| {} |", summary.iter().map(|(k, _)| k.name()).collect::<Vec<_>>().join(" | "))?;
    writeln!(out, "|{}", "---:|".repeat(summary.len()))?;
    writeln!(out, "| {} |", summary.iter().map(|(_, n)| n.to_string()).collect::<Vec<_>>().join(" | "))?;
    if super::diff::has_commitments(cmp) {
        writeln!(out)?;
        for line in super::commitments::ledger_lines(cmp) {
            writeln!(out, "{}  ", escape(&line))?;
        }
    }
    if view.stat {
        return Ok(());
    }
    let marks = super::commitments::by_change(cmp);
    let mut shown: Vec<&str> = Vec::new();
    let mut first = true;
    for (i, change) in cmp.changes.iter().enumerate().filter(|(_, c)| view.shows(c.kind)) {
        let path = headings(cmp, change);
        let common = shown.iter().zip(&path).take_while(|(a, b)| a == b).count();
        for (level, h) in path.iter().enumerate().skip(common) {
            writeln!(out)?;
            writeln!(out, "{} {}", "#".repeat((level + 2).min(6)), escape(h))?;
        }
        if common < path.len() || first {
            writeln!(out)?;
            first = false;
        }
        shown = path;
        let mut head = format!("{}, {}", labels(cmp, change), change.kind.name());
        if !matches!(change.kind, ChangeKind::New | ChangeKind::Dropped | ChangeKind::Unchanged) {
            head.push_str(&format!(" ({:.2})", change.similarity));
        }
        let body: String = match change.kind {
            ChangeKind::New => {
                change.new.iter().map(|&i| marked(&cmp.new.paragraphs[i].text, "**")).collect::<Vec<_>>().join(" ")
            }
            ChangeKind::Dropped => {
                change.old.iter().map(|&i| marked(&cmp.old.paragraphs[i].text, "~~")).collect::<Vec<_>>().join(" ")
            }
            _ if change.edits.is_empty() => {
                change.new.iter().map(|&i| escape(&cmp.new.paragraphs[i].text)).collect::<Vec<_>>().join(" ")
            }
            _ => diff_markdown(&change.edits),
        };
        writeln!(out, "- **{}:** {}", escape(&head), body.replace('\n', "<br>"))?;
        for c in marks[i].iter().filter(|c| c.kind != crate::model::CommitmentChangeKind::Unchanged) {
            writeln!(out, "  - {}", escape(&super::commitments::mark(cmp, c)))?;
        }
    }
    Ok(())
}

/// Writes `editions diff --commitments --format markdown`: the ledger, then
/// each commitment that is new, revised or dropped (with `all`, the
/// unchanged too), its sentence struck through, in bold, or as a word diff.
pub fn write_commitments(
    out: &mut impl Write,
    cmp: &Comparison,
    view: &crate::commitments::CommitmentView,
) -> std::io::Result<()> {
    let meta = edition_name;
    writeln!(out, "# Commitments from {} to {}", escape(&meta(&cmp.old)), escape(&meta(&cmp.new)))?;
    writeln!(out)?;
    for line in super::commitments::ledger_lines(cmp) {
        writeln!(out, "{}  ", escape(&line))?;
    }
    let changes = cmp.commitments.changes.iter().filter(|c| view.shows(c));
    for (i, c) in changes.enumerate() {
        if i == 0 {
            writeln!(out)?;
        }
        let place = super::commitments::place(cmp, c);
        let body = match (c.old.map(|o| &cmp.commitments.old[o]), c.new.map(|n| &cmp.commitments.new[n])) {
            _ if !c.edits.is_empty() => diff_markdown(&c.edits),
            (None, Some(b)) => marked(&b.text, "**"),
            (Some(a), None) => marked(&a.text, "~~"),
            (_, Some(b)) => escape(&b.text),
            (None, None) => String::new(),
        };
        let mark = super::commitments::mark(cmp, c);
        writeln!(out, "- **{}** {}: {}", escape(&place), escape(mark.trim_start_matches("◆ ")), body)?;
    }
    Ok(())
}
