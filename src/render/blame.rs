//! `editions blame`: an edition's sentences with the edition each took its
//! wording in, as `git blame` shows lines; for a person (a gutter coloured
//! by age, the sentence wrapped beside it, the word diff from what it
//! replaced under it) or a program (`editions/blame/1`).
//!
//! ```text
//! { "schema": "editions/blame/1",
//!   "edition": { "label": "2016-09-21", "date": "2016-09-21" },
//!   "editions": 160,
//!   "paragraphs": [ { "label": "3", "first": { "label", "date" },
//!     "sentences": [ { "text": "…", "since": { "label", "date" },
//!                      "changed": { "from": { "label", "date" }, "label": "3", "before": "…",
//!                                   "edits": [ { "op": "equal" | "delete" | "insert", "text": "…" } ] } | null,
//!                      "restored": { "from": { "label", "date" }, "label": "3" } | null,
//!                      "origin": { "label", "date" } | null } ] } ] }
//! ```
//!
//! `editions` counts the editions read: the blamed one and those before it.
//! A paragraph's `first` is the first edition of its lineage. A sentence's
//! `since` is the first edition of the unbroken run, ending at the blamed
//! edition, that carries its wording (compared in comparison form,
//! anywhere in the edition); `changed` the edition before that run, the
//! label of the paragraph there holding the sentence it replaced, that
//! sentence and the word diff to this one (`edits` rebuild both);
//! `restored`, for wording that came back after being left out of at most
//! two editions, the last edition holding it before and the label of its
//! paragraph there; `origin`, with either, the first edition of its oldest
//! ancestor's run, followed back through replacements and returns. See [`crate::blame`]. Later versions may add fields;
//! none will be removed.

use super::diff::diff_pieces;
use super::palette::{Palette, Role};
use super::wrap::fill;
use crate::blame::{Blame, SentenceBlame};
use crate::model::EditOp;
use crate::store::record::EditionName;
use serde::Serialize;
use std::io::Write;

/// The schema name and version of the blame JSON.
pub const BLAME_SCHEMA: &str = "editions/blame/1";

/// How old wording from edition `since` is, seen from `target`: 0 new in
/// it, 1 in the most recent quarter of the editions before it, 2 in the
/// quarter before, 3 older.
pub fn age(since: usize, target: usize) -> u8 {
    if since >= target {
        return 0;
    }
    let (back, span) = (target - since, target.max(1));
    if back * 4 <= span {
        1
    } else if back * 2 <= span {
        2
    } else {
        3
    }
}

/// Writes the blame for a person: a summary line, then each paragraph's
/// label and its sentences, each with the label of the edition it took
/// its wording in beside it; under a sentence that replaced another, the
/// edition and paragraph of the one replaced, where its oldest ancestor
/// first appeared, and the word diff.
pub fn write_blame(out: &mut impl Write, b: &Blame, palette: &Palette, width: usize) -> std::io::Result<()> {
    let target = &b.editions[b.target];
    let sentences: Vec<&SentenceBlame> = b.paragraphs.iter().flat_map(|p| &p.sentences).collect();
    let new = sentences.iter().filter(|s| s.since == b.target).count();
    let changed = sentences.iter().filter(|s| s.changed.is_some()).count();
    let span = match b.editions.first() {
        Some(first) if b.editions.len() > 1 => format!(", {} → {}", when(first), when(target)),
        _ => String::new(),
    };
    writeln!(
        out,
        "{}: {} edition{}{span}; {} sentence{}, {new} new in it, {changed} reworded from an earlier one",
        palette.paint(Role::Label, &target.label),
        b.editions.len(),
        plural(b.editions.len()),
        sentences.len(),
        plural(sentences.len()),
    )?;
    let gutter = b.editions.iter().map(|e| e.label.chars().count()).max().unwrap_or(0);
    let blank = " ".repeat(gutter + 2);
    for p in &b.paragraphs {
        writeln!(out)?;
        writeln!(out, "{}", palette.paint(Role::Label, &format!("¶{}", p.label)))?;
        for s in &p.sentences {
            let since = &b.editions[s.since].label;
            let body = fill(&[(Role::Plain, s.text.as_str())], palette, width.saturating_sub(gutter + 2), "");
            for (k, line) in body.lines().enumerate() {
                if k == 0 {
                    let pad = " ".repeat(gutter - since.chars().count() + 2);
                    writeln!(out, "{}{pad}{line}", palette.paint(Role::Age(age(s.since, b.target)), since))?;
                } else {
                    writeln!(out, "{blank}{line}")?;
                }
            }
            if let Some(r) = &s.restored {
                let mut note = format!("  ↳ back: was ¶{} in {}", r.label, b.editions[r.from].label);
                if let Some(o) = s.origin.filter(|&o| o < r.from) {
                    note.push_str(&format!(", descended from {}", b.editions[o].label));
                }
                writeln!(out, "{blank}{}", palette.paint(Role::Dim, &note))?;
            }
            if let Some(c) = &s.changed {
                let mut note = format!("  ↳ was ¶{} in {}", c.label, b.editions[c.from].label);
                if let Some(o) = s.origin.filter(|&o| o < c.from) {
                    note.push_str(&format!(", descended from {}", b.editions[o].label));
                }
                writeln!(out, "{blank}{}", palette.paint(Role::Dim, &note))?;
                let pieces = diff_pieces(&c.edits);
                let pieces: Vec<(Role, &str)> = pieces.iter().map(|(r, t)| (*r, t.as_ref())).collect();
                let indent = format!("{blank}    ");
                writeln!(out, "{}", fill(&pieces, palette, width, &indent))?;
            }
        }
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// An edition's date, else its label.
fn when(e: &EditionName) -> &str {
    e.date.as_deref().unwrap_or(&e.label)
}

#[derive(Serialize)]
struct BlameJson<'a> {
    schema: &'static str,
    edition: &'a EditionName,
    editions: usize,
    paragraphs: Vec<ParagraphJson<'a>>,
}

#[derive(Serialize)]
struct ParagraphJson<'a> {
    label: &'a str,
    first: &'a EditionName,
    sentences: Vec<SentenceJson<'a>>,
}

#[derive(Serialize)]
struct SentenceJson<'a> {
    text: &'a str,
    since: &'a EditionName,
    changed: Option<ChangedJson<'a>>,
    restored: Option<RestoredJson<'a>>,
    origin: Option<&'a EditionName>,
}

#[derive(Serialize)]
struct ChangedJson<'a> {
    from: &'a EditionName,
    label: &'a str,
    before: &'a str,
    edits: Vec<EditJson<'a>>,
}

#[derive(Serialize)]
struct RestoredJson<'a> {
    from: &'a EditionName,
    label: &'a str,
}

#[derive(Serialize)]
struct EditJson<'a> {
    op: &'static str,
    text: &'a str,
}

/// Writes the blame as `editions/blame/1` JSON and a final newline.
pub fn write_blame_json(out: &mut impl Write, b: &Blame) -> std::io::Result<()> {
    let name = |i: usize| &b.editions[i];
    let doc = BlameJson {
        schema: BLAME_SCHEMA,
        edition: name(b.target),
        editions: b.editions.len(),
        paragraphs: b
            .paragraphs
            .iter()
            .map(|p| ParagraphJson {
                label: &p.label,
                first: name(p.first),
                sentences: p
                    .sentences
                    .iter()
                    .map(|s| SentenceJson {
                        text: &s.text,
                        since: name(s.since),
                        changed: s.changed.as_ref().map(|c| ChangedJson {
                            from: name(c.from),
                            label: &c.label,
                            before: &c.before,
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
                        }),
                        restored: s.restored.as_ref().map(|r| RestoredJson { from: name(r.from), label: &r.label }),
                        origin: s.origin.map(name),
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::age;

    #[test]
    fn ages() {
        assert_eq!(age(159, 159), 0);
        assert_eq!(age(120, 159), 1);
        assert_eq!(age(100, 159), 2);
        assert_eq!(age(0, 159), 3);
        assert_eq!(age(0, 1), 3);
        assert_eq!(age(0, 0), 0);
    }
}
