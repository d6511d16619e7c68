//! The commit message of a stored edition: the change summary against the
//! previous edition, then the commitments new, revised and dropped.
//!
//! ```text
//! fomc-statements 2009-01-28: 4 revised, 1 split
//!
//! Against 2008-12-16: 7 → 8 paragraphs.
//! Changes: 2 unchanged, 4 revised, 0 moved, 1 split, 0 merged, 0 new, 0 dropped
//! Revised: ¶1; ¶2; ¶3; ¶6
//! Split: ¶4 → ¶4, ¶5
//!
//! Commitments: 2 new, 2 revised (1 weaker), 2 dropped, 1 unchanged
//! New ¶4: pledge (is prepared to) · The Committee: "The Committee also is prepared to purchase …"
//! Revised ¶5 → ¶4: pledge, will → stands ready to, weaker: "The Federal Reserve continues to …"
//! Dropped ¶5: pledge (will) · The Federal Reserve: "The Federal Reserve will continue to consider …"
//! ```
//!
//! The subject always starts `<series> <label>:`; the store reads the
//! label back from it.

use crate::model::{ChangeKind, Commitment, CommitmentChangeKind, CommitmentType, Comparison, Edition};
use crate::render::diff::{edition_name, labels};

/// At most this many labels are listed for one kind of change.
const LISTED: usize = 40;

/// The subject line: `<series> <label>: <the kinds that occur, with counts>`.
pub fn subject(series: &str, edition: &Edition, cmp: Option<&Comparison>) -> String {
    let what = match cmp {
        None => format!("first edition, {} paragraphs", edition.paragraphs.len()),
        Some(cmp) if !cmp.has_differences() => "no changes".to_string(),
        Some(cmp) => cmp
            .summary()
            .iter()
            .filter(|&&(k, n)| n > 0 && k != ChangeKind::Unchanged)
            .map(|&(k, n)| format!("{n} {}", k.name()))
            .collect::<Vec<_>>()
            .join(", "),
    };
    format!("{series} {}: {what}", edition.meta.label)
}

/// The body's sections, each a block of lines. `commitments` are the
/// edition's own, counted for a first edition; after it, the comparison's
/// commitments (when it looked for them) are listed.
pub fn sections(edition: &Edition, cmp: Option<&Comparison>, commitments: &[Commitment]) -> Vec<String> {
    let mut out = Vec::new();
    let Some(cmp) = cmp else {
        out.push(format!(
            "First edition of the series: {} ({} paragraphs).",
            edition_name(edition),
            edition.paragraphs.len()
        ));
        if !commitments.is_empty() {
            out.push(format!("Commitments: {}", crate::render::commitments::count_by_type(commitments)));
        }
        return out;
    };
    let mut block = vec![
        format!(
            "Against {}: {} → {} paragraphs.",
            edition_name(&cmp.old),
            cmp.old.paragraphs.len(),
            cmp.new.paragraphs.len()
        ),
        format!(
            "Changes: {}",
            cmp.summary().iter().map(|&(k, n)| format!("{n} {}", k.name())).collect::<Vec<_>>().join(", ")
        ),
    ];
    for kind in ChangeKind::ALL.into_iter().filter(|&k| k != ChangeKind::Unchanged) {
        let listed: Vec<String> = cmp.changes.iter().filter(|c| c.kind == kind).map(|c| labels(cmp, c)).collect();
        if listed.is_empty() {
            continue;
        }
        let name = kind.name();
        let mut line = format!("{}{}: ", name[..1].to_uppercase(), &name[1..]);
        line.push_str(&listed.iter().take(LISTED).cloned().collect::<Vec<_>>().join("; "));
        if listed.len() > LISTED {
            line.push_str(&format!("; and {} more", listed.len() - LISTED));
        }
        block.push(line);
    }
    out.push(block.join("\n"));
    if cmp.commitments.searched {
        out.push(commitments_block(cmp));
    }
    out
}

/// The ledger, then a line for each of the document's own commitments that
/// is new, revised or dropped (reported ones are counted in the ledger).
fn commitments_block(cmp: &Comparison) -> String {
    let c = &cmp.commitments;
    let mut block = crate::render::commitments::ledger_lines(cmp);
    let mut listed = 0;
    for change in c.changes.iter().filter(|ch| ch.kind != CommitmentChangeKind::Unchanged) {
        let (old, new) = (change.old.map(|o| &c.old[o]), change.new.map(|n| &c.new[n]));
        if new.or(old).is_some_and(|x| x.kind == CommitmentType::Reported) {
            continue;
        }
        listed += 1;
        if listed > LISTED {
            continue;
        }
        let at = crate::render::commitments::place(cmp, change);
        let mark = crate::render::commitments::mark(cmp, change);
        let mark = mark.trim_start_matches("◆ ");
        let (kind, rest) = mark.split_once(' ').unwrap_or((mark, ""));
        let text = new.or(old).map_or("", |x| x.text.as_str());
        block.push(format!("{}{} {at}: {rest}: \"{text}\"", kind[..1].to_uppercase(), &kind[1..]));
    }
    if listed > LISTED {
        block.push(format!("and {} more", listed - LISTED));
    }
    block.join("\n")
}

/// The whole message: the subject, a blank line, the sections separated by
/// blank lines, a final newline.
pub fn message(series: &str, edition: &Edition, cmp: Option<&Comparison>, commitments: &[Commitment]) -> String {
    let mut text = subject(series, edition, cmp);
    for s in sections(edition, cmp, commitments) {
        text.push_str("\n\n");
        text.push_str(&s);
    }
    text.push('\n');
    text
}

/// The label in a subject written by [`subject`] for `series`.
pub fn label_in_subject<'a>(series: &str, message: &'a str) -> Option<&'a str> {
    let rest = message.strip_prefix(series)?.strip_prefix(' ')?;
    let (label, _) = rest.split_once(": ")?;
    Some(label).filter(|l| !l.contains(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::AlignOptions;
    use crate::{classify, read, segment};

    fn edition(name: &str, text: &str) -> Edition {
        let source = read::decode(std::path::Path::new(name), text.as_bytes()).unwrap();
        segment::segment(&source, &segment::Options::default())
    }

    #[test]
    fn first_and_next() {
        let a = edition("2020-01-01.txt", "One paragraph here today.\n\nAnother paragraph there.\n");
        assert_eq!(
            message("s", &a, None, &[]),
            "s 2020-01-01: first edition, 2 paragraphs\n\nFirst edition of the series: 2020-01-01 (2 paragraphs).\n"
        );
        let b = edition("2020-02-01.txt", "One paragraph here today, revised.\n\nAnother paragraph there.\n\nNew.\n");
        let cmp = classify::compare(a.clone(), b, &AlignOptions::default());
        let m = message("s", &cmp.new, Some(&cmp), &[]);
        assert_eq!(
            m,
            "s 2020-02-01: 1 revised, 1 new\n\n\
             Against 2020-01-01: 2 → 3 paragraphs.\n\
             Changes: 1 unchanged, 1 revised, 0 moved, 0 split, 0 merged, 1 new, 0 dropped\n\
             Revised: ¶1\n\
             New: ¶3\n"
        );
        assert_eq!(label_in_subject("s", &m), Some("2020-02-01"));
        assert_eq!(label_in_subject("t", &m), None);
    }
}
