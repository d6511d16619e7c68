//! Lineage: the identity of a paragraph across a series' editions.
//!
//! An id (`p0001`, a per-series counter, never reused) is given when a
//! paragraph first appears and carried while it survives: unchanged,
//! revised, moved, renumbered. A split keeps the id on the new part most
//! like the old paragraph; the other parts get new ids, with the old id as
//! their parent. A merge keeps the id of the old part most like the merged
//! paragraph; the other old parts end, recorded as merged into it.

use super::record::{Ended, Lineage, LineageEntry};
use crate::align::words::text_similarity;
use crate::model::{Change, ChangeKind, Comparison, Edition};

/// The id of the `n`th lineage of a series (1-based): `p0001`.
pub fn id(n: u64) -> String {
    format!("p{n:04}")
}

/// Lineage for the first edition of a series: every paragraph new.
pub fn first(edition: &Edition) -> Lineage {
    let paragraphs: Vec<LineageEntry> = edition
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| LineageEntry { label: p.label.clone(), id: id(i as u64 + 1), parents: Vec::new() })
        .collect();
    Lineage { issued: paragraphs.len() as u64, paragraphs, ended: Vec::new() }
}

/// The index in `candidates` of the text most like `text`: highest
/// similarity, then the longest, then the first.
fn most_like(text: &str, candidates: &[&str]) -> usize {
    let mut best = 0;
    let mut best_key = (f64::MIN, 0usize);
    for (k, c) in candidates.iter().enumerate() {
        let key = (text_similarity(text, c), c.len());
        if key.0 > best_key.0 || (key.0 == best_key.0 && key.1 > best_key.1) {
            best = k;
            best_key = key;
        }
    }
    best
}

/// Lineage for the new edition of `cmp`, given the old edition's.
pub fn next(cmp: &Comparison, previous: &Lineage) -> Lineage {
    next_of(&cmp.old, &cmp.new, &cmp.changes, previous)
}

/// Lineage for `new`, given `old`'s and the changes between them (in the
/// order of [`Comparison::changes`]; their word diffs are not needed:
/// [`crate::classify::alignment`] will do).
pub fn next_of(old: &Edition, new: &Edition, changes: &[Change], previous: &Lineage) -> Lineage {
    let old_id = |i: usize| previous.paragraphs[i].id.clone();
    let mut issued = previous.issued;
    let mut fresh = || {
        issued += 1;
        id(issued)
    };
    let mut entries: Vec<Option<LineageEntry>> = vec![None; new.paragraphs.len()];
    let mut ended = Vec::new();
    let new_label = |j: usize| new.paragraphs[j].label.clone();
    // Changes come in the new edition's order, so new ids are issued in document order.
    for c in changes {
        match c.kind {
            ChangeKind::New => {
                for &j in &c.new {
                    entries[j] = Some(LineageEntry { label: new_label(j), id: fresh(), parents: Vec::new() });
                }
            }
            ChangeKind::Dropped => {
                for &i in &c.old {
                    ended.push(Ended {
                        id: old_id(i),
                        label: old.paragraphs[i].label.clone(),
                        how: "dropped".into(),
                        into: None,
                    });
                }
            }
            ChangeKind::Split => {
                let i = c.old[0];
                let parts: Vec<&str> = c.new.iter().map(|&j| new.paragraphs[j].text.as_str()).collect();
                let keep = most_like(&old.paragraphs[i].text, &parts);
                for (k, &j) in c.new.iter().enumerate() {
                    let id = if k == keep { old_id(i) } else { fresh() };
                    entries[j] = Some(LineageEntry { label: new_label(j), id, parents: vec![old_id(i)] });
                }
            }
            _ if c.old.len() > 1 => {
                let j = c.new[0];
                let parts: Vec<&str> = c.old.iter().map(|&i| old.paragraphs[i].text.as_str()).collect();
                let keep = old_id(c.old[most_like(&new.paragraphs[j].text, &parts)]);
                for &i in &c.old {
                    if old_id(i) != keep {
                        ended.push(Ended {
                            id: old_id(i),
                            label: old.paragraphs[i].label.clone(),
                            how: "merged".into(),
                            into: Some(keep.clone()),
                        });
                    }
                }
                let parents = c.old.iter().map(|&i| old_id(i)).collect();
                entries[j] = Some(LineageEntry { label: new_label(j), id: keep, parents });
            }
            _ => {
                // Unchanged, revised, moved: one old paragraph, one new.
                for (&i, &j) in c.old.iter().zip(&c.new) {
                    entries[j] = Some(LineageEntry { label: new_label(j), id: old_id(i), parents: vec![old_id(i)] });
                }
            }
        }
    }
    let paragraphs = entries
        .into_iter()
        .enumerate()
        .map(|(j, e)| e.unwrap_or_else(|| LineageEntry { label: new_label(j), id: fresh(), parents: Vec::new() }))
        .collect();
    Lineage { issued, paragraphs, ended }
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

    fn ids(l: &Lineage) -> Vec<(&str, &str, Vec<&str>)> {
        l.paragraphs
            .iter()
            .map(|e| (e.label.as_str(), e.id.as_str(), e.parents.iter().map(|p| p.as_str()).collect()))
            .collect()
    }

    const A: &str = "The Committee decided today to keep the target range for the federal funds rate unchanged.";
    const B: &str = "Inflation has continued to run below the longer-run objective of two percent per year.";
    const C: &str = "Voting for the action were the members of the Committee, with none against it at all.";
    const D: &str = "Household spending has been rising moderately and business investment has been soft lately.";

    #[test]
    fn carried_new_dropped() {
        let old = edition("2020-01-01.txt", &format!("{A}\n\n{B}\n\n{C}\n"));
        let new = edition("2020-02-01.txt", &format!("{D}\n\n{A}\n\n{C} Today.\n"));
        let l0 = first(&old);
        assert_eq!(ids(&l0), [("1", "p0001", vec![]), ("2", "p0002", vec![]), ("3", "p0003", vec![])]);
        let cmp = classify::compare(old, new, &AlignOptions::default());
        let l1 = next(&cmp, &l0);
        assert_eq!(ids(&l1), [("1", "p0004", vec![]), ("2", "p0001", vec!["p0001"]), ("3", "p0003", vec!["p0003"])]);
        assert_eq!(l1.issued, 4);
        assert_eq!(l1.ended, [Ended { id: "p0002".into(), label: "2".into(), how: "dropped".into(), into: None }]);
    }

    #[test]
    fn split_and_merge() {
        let old = edition("2020-01-01.txt", &format!("{A} {B} {D}\n\n{C}\n"));
        let new = edition("2020-02-01.txt", &format!("{A}\n\n{B} {D}\n\n{C}\n"));
        let l0 = first(&old);
        let cmp = classify::compare(old, new, &AlignOptions::default());
        assert_eq!(cmp.changes[0].kind, ChangeKind::Split, "{:?}", cmp.changes);
        let l1 = next(&cmp, &l0);
        // The part with two of the three sentences is most like the old paragraph.
        assert_eq!(
            ids(&l1),
            [("1", "p0003", vec!["p0001"]), ("2", "p0001", vec!["p0001"]), ("3", "p0002", vec!["p0002"])]
        );
        // And back: the merged paragraph keeps p0001, p0003 ends merged into it.
        let new2 = edition("2020-03-01.txt", &format!("{A} {B} {D}\n\n{C}\n"));
        let cmp = classify::compare(cmp.new, new2, &AlignOptions::default());
        assert_eq!(cmp.changes[0].kind, ChangeKind::Merged, "{:?}", cmp.changes);
        let l2 = next(&cmp, &l1);
        assert_eq!(ids(&l2), [("1", "p0001", vec!["p0003", "p0001"]), ("2", "p0002", vec!["p0002"])]);
        assert_eq!(
            l2.ended,
            [Ended { id: "p0003".into(), label: "1".into(), how: "merged".into(), into: Some("p0001".into()) }]
        );
        assert_eq!(l2.issued, 3);
    }
}
