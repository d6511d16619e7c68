//! Matching between editions: the commitments of two editions paired
//! inside each paragraph change, then across the editions, and each pair
//! called unchanged or revised (stronger, weaker), the rest new or dropped.

use super::{Detector, PIECE, SENTENCE_THRESHOLD, list_item, pieces, ranges};
use crate::align::words::{exact_hash, text_similarity};
use crate::align::{self, AlignOptions};
use crate::classify::words::word_diff;
use crate::model::{
    ChangeKind, Commitment, CommitmentChange, CommitmentChangeKind, CommitmentType, Commitments, Comparison,
    StrengthChange,
};

/// Finds the commitments of both editions of `cmp` and what became of each;
/// fills [`Comparison::commitments`].
///
/// A paragraph of the new edition printed exactly as its old counterpart
/// (unchanged or moved), with no list running into or out of it, has the
/// same commitments: they are copied, not read again.
pub fn compare(cmp: &mut Comparison, detector: &Detector) {
    // Both editions in pieces, read on two threads: the old edition whole,
    // the new one without the paragraphs that are copies.
    let counterpart = counterparts(cmp);
    let pieces: Vec<(bool, std::ops::Range<usize>)> = (pieces(&cmp.old).into_iter().map(|r| (false, r)))
        .chain(pieces(&cmp.new).into_iter().map(|r| (true, r)))
        .collect();
    // Each edition is read as it is read alone (`Detector::edition`), so a
    // series' comparisons agree edition to edition; commitments are copied
    // only when both editions are read the same way.
    let genre_of = |e: &crate::model::Edition| detector.genre(e.paragraphs.iter().map(|p| p.text.as_str()));
    let (genre_old, genre_new) = crate::parallel::join(|| genre_of(&cmp.old), || genre_of(&cmp.new));
    let done = crate::parallel::map(&pieces, |(in_new, range)| {
        if !in_new {
            return (detector.paragraphs(&cmp.old, range.clone(), genre_old, &|_| false), Vec::new());
        }
        let same: Vec<Option<usize>> = if genre_old == genre_new {
            range.clone().map(|n| same_as(cmp, &counterpart, n)).collect()
        } else {
            vec![None; range.len()]
        };
        (detector.paragraphs(&cmp.new, range.clone(), genre_new, &|p| same[p - range.start].is_some()), same)
    });
    let (mut old, mut read, mut same) = (Vec::new(), Vec::new(), Vec::with_capacity(cmp.new.paragraphs.len()));
    for ((in_new, _), (found, copies)) in pieces.iter().zip(done) {
        if *in_new {
            read.extend(found);
            same.extend(copies);
        } else {
            old.extend(found);
        }
    }
    // The new edition's commitments in document order, each with the old
    // one it was copied from, if it was: the copies (made on two threads, a
    // piece of the new edition at a time) and those read, merged (a
    // paragraph is either read or copied).
    let mut first_of = vec![usize::MAX; cmp.old.paragraphs.len() + 1];
    for (i, c) in old.iter().enumerate().rev() {
        first_of[c.paragraph] = i;
    }
    let copies = crate::parallel::map(&ranges(same.len(), PIECE * 4), |range| {
        let mut out = Vec::new();
        for p in range.clone() {
            let Some(o) = same[p] else { continue };
            let start = first_of[o];
            for (i, c) in old.iter().enumerate().skip(start).take_while(|(_, c)| c.paragraph == o) {
                out.push((Commitment { paragraph: p, ..c.clone() }, i));
            }
        }
        out
    });
    let mut new = Vec::with_capacity(read.len() + old.len());
    let mut copied = Vec::with_capacity(read.len() + old.len());
    let mut read = read.into_iter().peekable();
    for (c, i) in copies.into_iter().flatten() {
        while let Some(r) = read.next_if(|r| r.paragraph < c.paragraph) {
            new.push(r);
            copied.push(None);
        }
        new.push(c);
        copied.push(Some(i));
    }
    for r in read {
        new.push(r);
        copied.push(None);
    }
    let changes = match_commitments(cmp, &old, &new, &copied);
    cmp.commitments = Commitments { searched: true, old, new, changes };
}

/// For each new paragraph, its old counterpart when the change between
/// them is `unchanged` or `moved`: one paragraph each, alike.
fn counterparts(cmp: &Comparison) -> Vec<Option<usize>> {
    let mut counterpart = vec![None; cmp.new.paragraphs.len()];
    for c in &cmp.changes {
        if let (ChangeKind::Unchanged | ChangeKind::Moved, [o], [n]) = (c.kind, c.old.as_slice(), c.new.as_slice()) {
            counterpart[*n] = Some(*o);
        }
    }
    counterpart
}

/// The old paragraph that the new paragraph `n` is a copy of, if any: its
/// counterpart (from [`counterparts`]) printed exactly as it, with no list
/// running into or out of it.
fn same_as(cmp: &Comparison, counterpart: &[Option<usize>], n: usize) -> Option<usize> {
    let o = counterpart[n]?;
    let paragraphs = &cmp.new.paragraphs;
    let opens_list = |p: usize| paragraphs.get(p).is_some_and(|x| list_item(&x.text).is_some());
    let text = &paragraphs[n].text;
    (*text == cmp.old.paragraphs[o].text && !text.trim_end().ends_with(':') && !opens_list(n) && !opens_list(n + 1))
        .then_some(o)
}

/// `copied[n]`: the old commitment the new one `n` is a copy of, if any.
fn match_commitments(
    cmp: &Comparison,
    old: &[Commitment],
    new: &[Commitment],
    copied: &[Option<usize>],
) -> Vec<CommitmentChange> {
    let mut change_of_old = vec![0; cmp.old.paragraphs.len()];
    let mut change_of_new = vec![0; cmp.new.paragraphs.len()];
    for (c, change) in cmp.changes.iter().enumerate() {
        change.old.iter().for_each(|&p| change_of_old[p] = c);
        change.new.iter().for_each(|&p| change_of_new[p] = c);
    }
    let by_change_old = Groups::new(old.iter().map(|c| change_of_old[c.paragraph]), cmp.changes.len());
    let by_change_new = Groups::new(new.iter().map(|c| change_of_new[c.paragraph]), cmp.changes.len());

    let mut pair_of_old: Vec<Option<usize>> = vec![None; old.len()];
    let mut paired_new = vec![false; new.len()];
    // 0. Copies are their originals, unchanged.
    for (n, o) in copied.iter().enumerate() {
        if let Some(o) = *o {
            pair(o, n, &mut pair_of_old, &mut paired_new);
        }
    }
    let hashes = |side: &[Commitment], paired: &dyn Fn(usize) -> bool| {
        side.iter().enumerate().map(|(i, c)| if paired(i) { 0 } else { exact_hash(&c.text) }).collect::<Vec<_>>()
    };
    let (old_hash, new_hash) =
        crate::parallel::join(|| hashes(old, &|o| pair_of_old[o].is_some()), || hashes(new, &|n| paired_new[n]));
    // 1. Inside each paragraph change: the same sentence, then the most alike.
    for change in 0..cmp.changes.len() {
        let (olds, news) = (by_change_old.get(change), by_change_new.get(change));
        if olds.iter().all(|&o| pair_of_old[o].is_some()) || news.is_empty() {
            continue;
        }
        for &o in olds {
            if pair_of_old[o].is_some() {
                continue;
            }
            let h = old_hash[o];
            if let Some(&n) = news.iter().find(|&&n| !paired_new[n] && new_hash[n] == h) {
                pair(o, n, &mut pair_of_old, &mut paired_new);
            }
        }
        let mut scored: Vec<(f64, usize, usize)> = olds
            .iter()
            .filter(|&&o| pair_of_old[o].is_none())
            .flat_map(|&o| news.iter().filter(|&&n| !paired_new[n]).map(move |&n| (o, n)))
            .map(|(o, n)| (text_similarity(&old[o].text, &new[n].text), o, n))
            .filter(|s| s.0 >= SENTENCE_THRESHOLD)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (_, o, n) in scored {
            if pair_of_old[o].is_none() && !paired_new[n] {
                pair(o, n, &mut pair_of_old, &mut paired_new);
            }
        }
    }
    // 2. Across the editions: a commitment that moved to another paragraph.
    let rest_old: Vec<usize> = (0..old.len()).filter(|&o| pair_of_old[o].is_none()).collect();
    let rest_new: Vec<usize> = (0..new.len()).filter(|&n| !paired_new[n]).collect();
    if !rest_old.is_empty() && !rest_new.is_empty() {
        let a: Vec<&str> = rest_old.iter().map(|&o| old[o].text.as_str()).collect();
        let b: Vec<&str> = rest_new.iter().map(|&n| new[n].text.as_str()).collect();
        for g in align::align_texts(&a, &b, &AlignOptions { threshold: SENTENCE_THRESHOLD }) {
            if let ([o], [n]) = (g.old.as_slice(), g.new.as_slice()) {
                pair(rest_old[*o], rest_new[*n], &mut pair_of_old, &mut paired_new);
            }
        }
    }
    // 3. Every commitment in one change, in the order of the paragraph changes.
    // The word diffs of revised sentences are the work here: two threads
    // take pieces of the old commitments in turn.
    let pairs = |range: std::ops::Range<usize>| -> Vec<(usize, usize, CommitmentChange)> {
        range
            .map(|o| {
                let c = &old[o];
                let change = match pair_of_old[o] {
                    Some(n) => pair_change(
                        c,
                        &new[n],
                        o,
                        n,
                        copied[n].is_some() || old_hash[o] == new_hash[n],
                        change_of_new[new[n].paragraph],
                    ),
                    None => single(CommitmentChangeKind::Dropped, change_of_old[c.paragraph], Some(o), None),
                };
                let order = change.new.map_or(c.sentence, |n| new[n].sentence);
                (change.change, order, change)
            })
            .collect()
    };
    let mut out: Vec<_> =
        crate::parallel::map(&ranges(old.len(), PIECE), |r| pairs(r.clone())).into_iter().flatten().collect();
    for (n, c) in new.iter().enumerate() {
        if !paired_new[n] {
            out.push((
                change_of_new[c.paragraph],
                c.sentence,
                single(CommitmentChangeKind::New, change_of_new[c.paragraph], None, Some(n)),
            ));
        }
    }
    out.sort_by_key(|(c, s, change)| (*c, change.new.map(|n| new[n].paragraph), *s, change.old.is_none()));
    out.into_iter().map(|(_, _, c)| c).collect()
}

/// Items `0..n` grouped by a key below `groups`, each group in order (the
/// keys counted, then the items placed: two allocations in all).
struct Groups {
    /// Group `g` is `items[starts[g]..starts[g + 1]]`.
    starts: Vec<usize>,
    items: Vec<usize>,
}

impl Groups {
    fn new(keys: impl Iterator<Item = usize> + Clone, groups: usize) -> Groups {
        let mut starts = vec![0; groups + 1];
        keys.clone().for_each(|k| starts[k + 1] += 1);
        for g in 0..groups {
            starts[g + 1] += starts[g];
        }
        let mut next = starts.clone();
        let mut items = vec![0; starts[groups]];
        for (i, k) in keys.enumerate() {
            items[next[k]] = i;
            next[k] += 1;
        }
        Groups { starts, items }
    }

    fn get(&self, g: usize) -> &[usize] {
        &self.items[self.starts[g]..self.starts[g + 1]]
    }
}

fn pair(o: usize, n: usize, pair_of_old: &mut [Option<usize>], paired_new: &mut [bool]) {
    pair_of_old[o] = Some(n);
    paired_new[n] = true;
}

fn single(kind: CommitmentChangeKind, change: usize, old: Option<usize>, new: Option<usize>) -> CommitmentChange {
    CommitmentChange {
        kind,
        change,
        old,
        new,
        strength: None,
        type_changed: false,
        polarity_flipped: false,
        actor_changed: false,
        edits: Vec::new(),
    }
}

fn pair_change(a: &Commitment, b: &Commitment, o: usize, n: usize, same_text: bool, change: usize) -> CommitmentChange {
    let kind = if same_text { CommitmentChangeKind::Unchanged } else { CommitmentChangeKind::Revised };
    let type_changed = a.kind != b.kind;
    let strength = if type_changed {
        None
    } else {
        Some(match b.strength.cmp(&a.strength) {
            std::cmp::Ordering::Greater => StrengthChange::Stronger,
            std::cmp::Ordering::Less => StrengthChange::Weaker,
            std::cmp::Ordering::Equal => StrengthChange::Same,
        })
    };
    // Actors printed alike are the same without normalising them.
    let norm = |s: &Option<String>| s.as_deref().map(|a| crate::read::normalize(a).to_lowercase());
    CommitmentChange {
        kind,
        change,
        old: Some(o),
        new: Some(n),
        strength,
        type_changed,
        polarity_flipped: a.negated != b.negated,
        actor_changed: a.actor != b.actor && norm(&a.actor) != norm(&b.actor),
        edits: if same_text { Vec::new() } else { word_diff(&a.text, &b.text) },
    }
}

/// Counts of commitment changes, for the ledger and the JSON summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ledger {
    /// New commitments.
    pub new: usize,
    /// Revised commitments.
    pub revised: usize,
    /// Of the revised, stronger.
    pub stronger: usize,
    /// Of the revised, weaker.
    pub weaker: usize,
    /// Of the revised, with a flipped polarity.
    pub flipped: usize,
    /// Dropped commitments.
    pub dropped: usize,
    /// Unchanged commitments.
    pub unchanged: usize,
}

impl Ledger {
    /// The counts of `commitments`: the document's own (`reported` false)
    /// or those it reports (`reported` true).
    pub fn of(commitments: &Commitments, reported: bool) -> Ledger {
        let mut l = Ledger::default();
        for c in &commitments.changes {
            let side = c.new.map(|n| &commitments.new[n]).or(c.old.map(|o| &commitments.old[o]));
            if side.is_some_and(|s| (s.kind == CommitmentType::Reported) != reported) {
                continue;
            }
            match c.kind {
                CommitmentChangeKind::New => l.new += 1,
                CommitmentChangeKind::Dropped => l.dropped += 1,
                CommitmentChangeKind::Unchanged => l.unchanged += 1,
                CommitmentChangeKind::Revised => {
                    l.revised += 1;
                    l.stronger += usize::from(c.strength == Some(StrengthChange::Stronger));
                    l.weaker += usize::from(c.strength == Some(StrengthChange::Weaker));
                    l.flipped += usize::from(c.polarity_flipped);
                }
            }
        }
        l
    }

    /// `3 new, 2 revised (1 weaker), 1 dropped, 12 unchanged`.
    pub fn sentence(&self) -> String {
        let mut revised = Vec::new();
        if self.stronger > 0 {
            revised.push(format!("{} stronger", self.stronger));
        }
        if self.weaker > 0 {
            revised.push(format!("{} weaker", self.weaker));
        }
        if self.flipped > 0 {
            revised.push(format!("{} negation changed", self.flipped));
        }
        let revised = if revised.is_empty() { String::new() } else { format!(" ({})", revised.join(", ")) };
        format!(
            "{} new, {} revised{revised}, {} dropped, {} unchanged",
            self.new, self.revised, self.dropped, self.unchanged
        )
    }
}
