//! Commitments for a person: the list of one edition's commitments, the
//! ledger line of a comparison, the marks under a paragraph change, and the
//! `editions diff --commitments` view.

use super::diff::{diff_pieces, edition_name};
use super::palette::{Palette, Role};
use super::wrap::fill;
use crate::commitments::timeline::{StepKind, Thread};
use crate::commitments::{CommitmentView, Ledger};
use crate::model::{
    ChangeKind, Commitment, CommitmentChange, CommitmentChangeKind, CommitmentType, Comparison, Edition,
};
use std::io::Write;

/// `call (strongly encourage) · Member States`, `pledge (will not) · the Committee`.
pub fn describe(c: &Commitment) -> String {
    let mut out = format!("{} ({})", c.kind.name(), c.trigger);
    if let Some(actor) = &c.actor {
        out.push_str(&format!(" · {actor}"));
    }
    out
}

/// The ledger line: `Commitments: 3 new, 2 revised (1 weaker), 1 dropped, 12 unchanged`,
/// and the same for reported ones when any changed.
pub fn ledger_lines(cmp: &Comparison) -> Vec<String> {
    let own = Ledger::of(&cmp.commitments, false);
    let reported = Ledger::of(&cmp.commitments, true);
    let mut lines = vec![format!("Commitments: {}", own.sentence())];
    if reported.new + reported.revised + reported.dropped > 0 {
        lines.push(format!("Reported commitments: {}", reported.sentence()));
    }
    lines
}

fn role_of(kind: CommitmentChangeKind) -> Role {
    match kind {
        CommitmentChangeKind::New => Role::Kind(ChangeKind::New),
        CommitmentChangeKind::Dropped => Role::Kind(ChangeKind::Dropped),
        CommitmentChangeKind::Revised => Role::Kind(ChangeKind::Revised),
        CommitmentChangeKind::Unchanged => Role::Dim,
    }
}

/// One line about a commitment change: `◆ new call (urge) · Member States`,
/// `◆ revised call: encourage → urge, stronger`.
pub fn mark(cmp: &Comparison, c: &CommitmentChange) -> String {
    let old = c.old.map(|o| &cmp.commitments.old[o]);
    let new = c.new.map(|n| &cmp.commitments.new[n]);
    let mut line = format!("◆ {} ", c.kind.name());
    match (old, new) {
        (Some(a), Some(b)) if c.kind == CommitmentChangeKind::Revised => {
            if a.kind == b.kind {
                line.push_str(b.kind.name());
            } else {
                line.push_str(&format!("{} → {}", a.kind.name(), b.kind.name()));
            }
            if a.trigger != b.trigger {
                line.push_str(&format!(": {} → {}", a.trigger, b.trigger));
            } else {
                line.push_str(&format!(" ({})", b.trigger));
            }
            let mut notes = Vec::new();
            if let Some(s) = c.strength {
                notes.push(s.name().to_string());
            }
            if c.polarity_flipped {
                notes.push(if b.negated { "now negated".into() } else { "no longer negated".into() });
            }
            if c.actor_changed {
                notes.push(format!(
                    "actor {} → {}",
                    a.actor.as_deref().unwrap_or("none"),
                    b.actor.as_deref().unwrap_or("none")
                ));
            }
            if !notes.is_empty() {
                line.push_str(&format!(", {}", notes.join(", ")));
            }
        }
        (_, Some(b)) => line.push_str(&describe(b)),
        (Some(a), None) => line.push_str(&describe(a)),
        (None, None) => {}
    }
    line
}

/// The commitment changes of each paragraph change, by change index.
pub fn by_change(cmp: &Comparison) -> Vec<Vec<&CommitmentChange>> {
    let mut out = vec![Vec::new(); cmp.changes.len()];
    for c in &cmp.commitments.changes {
        out[c.change].push(c);
    }
    out
}

/// Writes the marks of one paragraph change's commitments (all but the unchanged).
pub fn write_marks(
    out: &mut impl Write,
    cmp: &Comparison,
    changes: &[&CommitmentChange],
    palette: &Palette,
    indent: &str,
) -> std::io::Result<()> {
    for c in changes.iter().filter(|c| c.kind != CommitmentChangeKind::Unchanged) {
        writeln!(out, "{indent}{}", palette.paint(role_of(c.kind), &mark(cmp, c)))?;
    }
    Ok(())
}

fn paragraph_label(e: &Edition, c: &Commitment) -> String {
    format!("¶{}", e.paragraphs[c.paragraph].label)
}

/// Where a commitment change stands: `¶4`, or `¶5 → ¶4` when it moved or
/// its paragraph was renumbered.
pub fn place(cmp: &Comparison, c: &CommitmentChange) -> String {
    let old = c.old.map(|o| paragraph_label(&cmp.old, &cmp.commitments.old[o]));
    let new = c.new.map(|n| paragraph_label(&cmp.new, &cmp.commitments.new[n]));
    match (old, new) {
        (Some(a), Some(b)) if a != b => format!("{a} → {b}"),
        (_, Some(b)) => b,
        (Some(a), None) => a,
        (None, None) => String::new(),
    }
}

/// Writes `editions diff --commitments`: the ledger, then each commitment
/// the view shows (by default the new, revised and dropped; with `all`
/// the unchanged too; with `only` those kinds), the sentence or its word
/// diff under it.
pub fn write_changes(
    out: &mut impl Write,
    cmp: &Comparison,
    palette: &Palette,
    view: &CommitmentView,
    width: usize,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{} → {}: {} → {} commitments",
        palette.paint(Role::Label, &edition_name(&cmp.old)),
        palette.paint(Role::Label, &edition_name(&cmp.new)),
        cmp.commitments.old.len(),
        cmp.commitments.new.len()
    )?;
    for line in ledger_lines(cmp) {
        writeln!(out, "{line}")?;
    }
    for c in cmp.commitments.changes.iter().filter(|c| view.shows(c)) {
        let old = c.old.map(|o| &cmp.commitments.old[o]);
        let new = c.new.map(|n| &cmp.commitments.new[n]);
        writeln!(out)?;
        writeln!(
            out,
            "{}  {}",
            palette.paint(Role::Label, &place(cmp, c)),
            palette.paint(role_of(c.kind), &mark(cmp, c))
        )?;
        let body: Vec<(Role, std::borrow::Cow<str>)> = match (old, new) {
            _ if !c.edits.is_empty() => diff_pieces(&c.edits),
            (_, Some(b)) if c.kind == CommitmentChangeKind::New => vec![(Role::Inserted, b.text.as_str().into())],
            (Some(a), None) => vec![(Role::Deleted, a.text.as_str().into())],
            (_, Some(b)) => vec![(Role::Dim, b.text.as_str().into())],
            (None, None) => Vec::new(),
        };
        let body: Vec<(Role, &str)> = body.iter().map(|(r, t)| (*r, t.as_ref())).collect();
        writeln!(out, "{}", fill(&body, palette, width, "    "))?;
    }
    Ok(())
}

/// `43 commitments (5 pledge, 25 call, 2 obligation, 0 prohibition, 11 reported)`.
pub fn count_by_type(commitments: &[Commitment]) -> String {
    let count = |t: CommitmentType| commitments.iter().filter(|c| c.kind == t).count();
    let types = [
        CommitmentType::Pledge,
        CommitmentType::Call,
        CommitmentType::Obligation,
        CommitmentType::Prohibition,
        CommitmentType::Reported,
    ];
    let counts: Vec<String> = types.iter().map(|&t| format!("{} {}", count(t), t.name())).collect();
    format!("{} commitments ({})", commitments.len(), counts.join(", "))
}

/// Writes the commitments of one edition: a count by type, then each with
/// its paragraph label, type, trigger, level and actor, and the sentence.
pub fn write_list(
    out: &mut impl Write,
    edition: &Edition,
    commitments: &[Commitment],
    palette: &Palette,
    width: usize,
) -> std::io::Result<()> {
    writeln!(out, "{}: {}", palette.paint(Role::Label, &edition_name(edition)), count_by_type(commitments))?;
    for c in commitments {
        writeln!(out)?;
        let mut head = format!("{}  {}", palette.paint(Role::Label, &paragraph_label(edition, c)), describe(c));
        if !c.level.is_empty() && c.level != c.trigger {
            head.push_str(&format!("  [{}]", c.level));
        }
        writeln!(out, "{head}")?;
        writeln!(out, "{}", fill(&[(Role::Plain, c.text.as_str())], palette, width, "    "))?;
    }
    Ok(())
}

/// Writes a series' commitment timeline: a count, then each commitment with
/// the edition it first appeared in, each revision (strength change and the
/// word diff of its sentence) and the edition that dropped it; only the
/// commitments `show` keeps (the count says how many, when not all).
pub fn write_timeline(
    out: &mut impl Write,
    editions: &[Edition],
    threads: &[Thread],
    palette: &Palette,
    width: usize,
    show: impl Fn(&Thread) -> bool,
) -> std::io::Result<()> {
    let (Some(first), Some(last)) = (editions.first(), editions.last()) else {
        return writeln!(out, "no editions");
    };
    let standing = threads.iter().filter(|t| t.dropped().is_none()).count();
    let shown = threads.iter().filter(|t| show(t)).count();
    writeln!(
        out,
        "{} editions, {} → {}: {} commitments, {} still standing in {}{}",
        editions.len(),
        palette.paint(Role::Label, &edition_name(first)),
        palette.paint(Role::Label, &edition_name(last)),
        threads.len(),
        standing,
        edition_name(last),
        if shown < threads.len() { format!("; {shown} shown") } else { String::new() }
    )?;
    for t in threads.iter().filter(|t| show(t)) {
        let latest = t.latest();
        let span = match t.dropped() {
            Some(d) => format!("{} → dropped {}", edition_name(&editions[t.first()]), edition_name(&editions[d])),
            None => format!("{} → standing", edition_name(&editions[t.first()])),
        };
        writeln!(out)?;
        writeln!(out, "◆ {}  {}", palette.paint(Role::Label, &describe(latest)), span)?;
        for s in &t.steps {
            let label = paragraph_label(&editions[s.read_in()], &s.commitment);
            let mut head = format!("{} {} {label}", s.kind.name(), edition_name(&editions[s.edition]));
            if s.kind == StepKind::Revised {
                head.push_str(&format!(" ({})", s.commitment.trigger));
                if let Some(strength) = s.strength {
                    head.push_str(&format!(", {}", strength.name()));
                }
                if s.type_changed {
                    head.push_str(&format!(", now a {}", s.commitment.kind.name()));
                }
                if s.polarity_flipped {
                    head.push_str(if s.commitment.negated { ", now negated" } else { ", no longer negated" });
                }
            }
            let role = match s.kind {
                StepKind::New | StepKind::Restored => role_of(CommitmentChangeKind::New),
                StepKind::Revised => role_of(CommitmentChangeKind::Revised),
                StepKind::Dropped => role_of(CommitmentChangeKind::Dropped),
            };
            writeln!(out, "  {}", palette.paint(role, &head))?;
            let body: Vec<(Role, std::borrow::Cow<str>)> = match s.kind {
                StepKind::Revised if !s.edits.is_empty() => diff_pieces(&s.edits),
                StepKind::Dropped => continue,
                _ => vec![(Role::Plain, s.commitment.text.as_str().into())],
            };
            let body: Vec<(Role, &str)> = body.iter().map(|(r, t)| (*r, t.as_ref())).collect();
            writeln!(out, "{}", fill(&body, palette, width, "      "))?;
        }
    }
    Ok(())
}
