//! From aligned groups to classified changes with word diffs.

pub mod words;

use crate::align::{self, AlignOptions, Group};
use crate::model::{Change, ChangeKind, Comparison, Edition};
use std::borrow::Cow;

/// Text placed between paragraphs when a split or merge joins them.
pub const PARAGRAPH_JOIN: &str = "\n\n";

/// Compares two editions: aligns their paragraphs by content and classifies
/// every change.
pub fn compare(old: Edition, new: Edition, options: &AlignOptions) -> Comparison {
    let changes = changes(&old, &new, options);
    Comparison { old, new, changes, commitments: Default::default() }
}

/// The changes between two editions, in the order of [`Comparison::changes`].
pub fn changes(old: &Edition, new: &Edition, options: &AlignOptions) -> Vec<Change> {
    let groups = align::align(&old.paragraphs, &new.paragraphs, options);
    let new_of_old = groups_index(&groups, old.paragraphs.len());
    // Word diffs are the work here: two threads share it.
    let classify_all = |part: &[Group]| -> Vec<(OrderKey, Change)> {
        part.iter().map(|g| (order_key(g, &new_of_old), classify(g, old, new))).collect()
    };
    let (first, second) = groups.split_at(groups.len() / 2);
    let (mut changes, mut rest) = crate::parallel::join(|| classify_all(first), || classify_all(second));
    changes.append(&mut rest);
    changes.sort_by_key(|c| c.0);
    changes.into_iter().map(|c| c.1).collect()
}

/// The changes between two editions without their word diffs: what the
/// alignment decided, in the order of [`Comparison::changes`] (each
/// change's `edits` empty, its `similarity` as alignment measured it, else
/// 1 for identical texts and 0). What following paragraphs across a
/// series needs (`store::lineage`, `blame`), at the cost of the alignment
/// alone.
pub fn alignment(old: &Edition, new: &Edition, options: &AlignOptions) -> Vec<Change> {
    let groups = align::align(&old.paragraphs, &new.paragraphs, options);
    let new_of_old = groups_index(&groups, old.paragraphs.len());
    let mut changes: Vec<(OrderKey, Change)> = groups
        .iter()
        .map(|g| {
            let mut c = kind_of(g, old, new);
            c.similarity = if g.identical { 1.0 } else { g.similarity.unwrap_or(0.0) };
            (order_key(g, &new_of_old), c)
        })
        .collect();
    changes.sort_by_key(|c| c.0);
    changes.into_iter().map(|c| c.1).collect()
}

/// Position in the output: new-edition order; a dropped paragraph right
/// after the counterpart of the old paragraph before it.
type OrderKey = (i64, u8, usize);

/// For each old paragraph, the last new index of its group, if any.
fn groups_index(groups: &[Group], old_len: usize) -> Vec<Option<usize>> {
    let mut at = vec![None; old_len];
    for g in groups {
        if let Some(&last) = g.new.last() {
            for &o in &g.old {
                at[o] = Some(last);
            }
        }
    }
    at
}

fn order_key(g: &Group, new_of_old: &[Option<usize>]) -> OrderKey {
    match (g.old.first(), g.new.first()) {
        (_, Some(&n)) => (n as i64, 1, g.old.first().copied().unwrap_or(0)),
        (Some(&o), None) => {
            let before = new_of_old[..o].iter().rev().flatten().next();
            (before.map_or(-1, |&n| n as i64), 2, o)
        }
        (None, None) => (i64::MAX, 3, 0),
    }
}

/// The texts of the paragraphs at `indices`, joined; one paragraph's text is borrowed.
fn joined<'e>(edition: &'e Edition, indices: &[usize]) -> Cow<'e, str> {
    match indices {
        [one] => Cow::Borrowed(&edition.paragraphs[*one].text),
        _ => Cow::Owned(
            indices.iter().map(|&i| edition.paragraphs[i].text.as_str()).collect::<Vec<_>>().join(PARAGRAPH_JOIN),
        ),
    }
}

fn classify(g: &Group, old: &Edition, new: &Edition) -> Change {
    let mut change = kind_of(g, old, new);
    let (similarity, edits) = match change.kind {
        ChangeKind::New | ChangeKind::Dropped => (0.0, Vec::new()),
        ChangeKind::Unchanged => (1.0, Vec::new()),
        _ if g.identical => (1.0, Vec::new()),
        _ => {
            let (a, b) = (joined(old, &g.old), joined(new, &g.new));
            let sim = g.similarity.unwrap_or_else(|| align::words::text_similarity(&a, &b));
            (sim, words::word_diff(&a, &b))
        }
    };
    change.similarity = similarity;
    change.edits = edits;
    change
}

/// The change a group is, without its similarity and word diff.
fn kind_of<'a>(g: &'a Group, old: &'a Edition, new: &'a Edition) -> Change {
    let labels = |e: &'a Edition, ix: &'a [usize]| ix.iter().map(|&i| e.paragraphs[i].label.as_str());
    let renumbered = !g.old.is_empty() && !g.new.is_empty() && !labels(old, &g.old).eq(labels(new, &g.new));
    let kind = match (g.old.len(), g.new.len()) {
        (0, _) => ChangeKind::New,
        (_, 0) => ChangeKind::Dropped,
        (1, 1) if !g.in_order => ChangeKind::Moved,
        (1, 1) if g.identical => ChangeKind::Unchanged,
        (1, 1) => ChangeKind::Revised,
        (1, _) => ChangeKind::Split,
        _ => ChangeKind::Merged,
    };
    Change { kind, old: g.old.clone(), new: g.new.clone(), similarity: 0.0, renumbered, edits: Vec::new() }
}
