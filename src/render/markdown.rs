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
            _ => {
                let mut body = String::new();
                let mut after_deletion = false;
                for (role, text) in diff_pieces(&change.edits) {
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
        };
        writeln!(out, "- **{}:** {}", escape(&head), body.replace('\n', "<br>"))?;
        for c in marks[i].iter().filter(|c| c.kind != crate::model::CommitmentChangeKind::Unchanged) {
            writeln!(out, "  - {}", escape(&super::commitments::mark(cmp, c)))?;
        }
    }
    Ok(())
}
