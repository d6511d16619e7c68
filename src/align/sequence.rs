//! Diffs of long sequences (a paragraph's words, or its words and spaces)
//! in near-linear time, whatever their words.
//!
//! Up to [`EXACT`] items on the two sides together, the `similar` crate's
//! algorithm runs on the whole, as it always did: every paragraph of the
//! shipped editions is far below that. Above it, the work is bounded:
//! 1. the common prefix and suffix are equal, and taken off;
//! 2. what is left is cut at anchors, patience-style: items that occur once
//!    on each side, kept where they stand in the same order (a longest
//!    increasing subsequence); when no item is unique (a vocabulary of a
//!    few words), windows of 16, then 64 items that are;
//! 3. each stretch between anchors is diffed the same way, down to
//!    [`MAX_DEPTH`] levels, and with `similar` once it has at most
//!    [`PIECE`] items;
//! 4. a stretch still too long with no anchor at all, the last resort, is
//!    cut into pieces of about [`PIECE`] items in proportion on both
//!    sides, each diffed with `similar`: a correct edit list, if not the
//!    shortest, and the same on every machine (no clock decides).
//!
//! One changed word in a paragraph of 100,000 words is then a diff of a
//! handful of items; the cost of the rest is a few passes over the items.

use rustc_hash::{FxHashMap, FxHasher};
use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::hash::{Hash, Hasher};
use std::ops::Range;

/// Items on both sides together up to which `similar` diffs the whole
/// sequence as it is: about 4,000 words a side in a word diff (words and
/// spaces are items), 8,000 in a similarity (words are); the longest
/// paragraph shipped, in the CA/B Baseline Requirements, has 1,799 words.
/// `similar` takes a few tens of milliseconds at this size even on sides
/// that have little in common.
pub const EXACT: usize = 16_384;

/// Levels of anchoring before a stretch still too long is cut into pieces:
/// each level is at most three passes over its stretches (one per window
/// length), so the whole costs a bounded number of passes over the sequence.
pub const MAX_DEPTH: usize = 8;

/// Items on both sides together up to which a stretch of a long sequence
/// is diffed with `similar`, and the size of a piece of the last resort.
/// `similar` costs about a stretch's length times the edits in it, so the
/// whole costs at most about the sequence's length times this.
pub const PIECE: usize = 2_048;

/// Window lengths (in items) tried in turn when no single item is unique.
const WINDOWS: [usize; 3] = [1, 16, 64];

/// The diff of `a` and `b`: `similar`'s for short sequences, bounded above
/// [`EXACT`] items. The operations cover both sequences in order.
pub fn diff<T: Hash + Eq>(algorithm: Algorithm, a: &[T], b: &[T]) -> Vec<DiffOp> {
    if a.len() + b.len() <= EXACT {
        return capture_diff_slices(algorithm, a, b);
    }
    let mut out = Ops::default();
    let mut stack = vec![Task::Stretch { a: 0..a.len(), b: 0..b.len(), depth: 0 }];
    while let Some(task) = stack.pop() {
        match task {
            Task::Equal { a: at, b: bt, len } => out.push(DiffOp::Equal { old_index: at, new_index: bt, len }),
            Task::Exact { a: ra, b: rb } => {
                for op in capture_diff_slices(algorithm, &a[ra.clone()], &b[rb.clone()]) {
                    out.push(shifted(op, ra.start, rb.start));
                }
            }
            Task::Stretch { a: ra, b: rb, depth } => stretch(a, b, ra, rb, depth, &mut stack, &mut out),
        }
    }
    out.ops
}

/// Work still to do, taken from a stack in the order of the sequences.
enum Task {
    Stretch { a: Range<usize>, b: Range<usize>, depth: usize },
    Exact { a: Range<usize>, b: Range<usize> },
    Equal { a: usize, b: usize, len: usize },
}

/// Trims a stretch, diffs it if short, else pushes the tasks it falls into.
fn stretch<T: Hash + Eq>(
    a: &[T],
    b: &[T],
    ra: Range<usize>,
    rb: Range<usize>,
    depth: usize,
    stack: &mut Vec<Task>,
    out: &mut Ops,
) {
    let prefix = a[ra.clone()].iter().zip(&b[rb.clone()]).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (ra.start + prefix..ra.end, rb.start + prefix..rb.end);
    let suffix = a[ra.clone()].iter().rev().zip(b[rb.clone()].iter().rev()).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (ra.start..ra.end - suffix, rb.start..rb.end - suffix);
    if prefix > 0 {
        out.push(DiffOp::Equal { old_index: ra.start - prefix, new_index: rb.start - prefix, len: prefix });
    }
    // The stack runs last in, first out: what comes last is pushed first.
    if suffix > 0 {
        stack.push(Task::Equal { a: ra.end, b: rb.end, len: suffix });
    }
    if ra.is_empty() && rb.is_empty() {
        return;
    }
    if ra.is_empty() || rb.is_empty() || ra.len() + rb.len() <= PIECE {
        stack.push(Task::Exact { a: ra, b: rb });
        return;
    }
    let anchors = if depth < MAX_DEPTH {
        WINDOWS.iter().map(|&w| anchors(a, b, ra.clone(), rb.clone(), w)).find(|found| !found.is_empty())
    } else {
        None
    };
    let Some(anchors) = anchors else {
        // The last resort: pieces in proportion on both sides.
        let pieces = (ra.len() + rb.len()).div_ceil(PIECE);
        let cut = |r: &Range<usize>, k: usize| r.start + r.len() * k / pieces;
        for k in (0..pieces).rev() {
            stack.push(Task::Exact { a: cut(&ra, k)..cut(&ra, k + 1), b: cut(&rb, k)..cut(&rb, k + 1) });
        }
        return;
    };
    let mut end = (ra.end, rb.end);
    for &(i, j) in anchors.iter().rev() {
        stack.push(Task::Stretch { a: i + 1..end.0, b: j + 1..end.1, depth: depth + 1 });
        stack.push(Task::Equal { a: i, b: j, len: 1 });
        end = (i, j);
    }
    stack.push(Task::Stretch { a: ra.start..end.0, b: rb.start..end.1, depth: depth + 1 });
}

/// Positions `(i, j)` with `a[i] == b[j]` where the window of `w` items
/// starting there occurs once in `ra` and once in `rb`, the longest run of
/// them in the same order on both sides.
fn anchors<T: Hash + Eq>(a: &[T], b: &[T], ra: Range<usize>, rb: Range<usize>, w: usize) -> Vec<(usize, usize)> {
    if ra.len() < w || rb.len() < w {
        return Vec::new();
    }
    let (ha, hb) = (windows(&a[ra.clone()], w), windows(&b[rb.clone()], w));
    // Per window hash: occurrences and last position on each side.
    let mut seen: FxHashMap<u64, (u32, usize, u32, usize)> = FxHashMap::default();
    seen.reserve(ha.len());
    for (i, &h) in ha.iter().enumerate() {
        let e = seen.entry(h).or_insert((0, 0, 0, 0));
        e.0 = e.0.saturating_add(1);
        e.1 = i;
    }
    for (j, &h) in hb.iter().enumerate() {
        if let Some(e) = seen.get_mut(&h) {
            e.2 = e.2.saturating_add(1);
            e.3 = j;
        }
    }
    // In the order of `a`; a hash collision can only cost an anchor.
    let pairs: Vec<(usize, usize)> = ha
        .iter()
        .enumerate()
        .filter_map(|(i, h)| match seen[h] {
            (1, _, 1, j) => Some((ra.start + i, rb.start + j)),
            _ => None,
        })
        .filter(|&(i, j)| a[i..i + w] == b[j..j + w])
        .collect();
    let js: Vec<usize> = pairs.iter().map(|&(_, j)| j).collect();
    pairs.into_iter().zip(super::longest_increasing(&js)).filter_map(|(p, keep)| keep.then_some(p)).collect()
}

/// A hash of each window of `w` items, rolling.
fn windows<T: Hash>(items: &[T], w: usize) -> Vec<u64> {
    const MUL: u64 = 0x9E37_79B9_7F4A_7C15;
    let hashes: Vec<u64> = items
        .iter()
        .map(|item| {
            let mut h = FxHasher::default();
            item.hash(&mut h);
            h.finish() | 1
        })
        .collect();
    if w == 1 {
        return hashes;
    }
    // h(i) = Σ hashes[i + t] · MUL^(w − 1 − t), updated in one step per item.
    let top = (1..w).fold(1u64, |p, _| p.wrapping_mul(MUL));
    let mut h = hashes[..w].iter().fold(0u64, |h, &x| h.wrapping_mul(MUL).wrapping_add(x));
    let mut out = Vec::with_capacity(items.len() + 1 - w);
    out.push(h);
    for i in w..hashes.len() {
        h = h.wrapping_sub(hashes[i - w].wrapping_mul(top)).wrapping_mul(MUL).wrapping_add(hashes[i]);
        out.push(h);
    }
    out
}

fn shifted(op: DiffOp, da: usize, db: usize) -> DiffOp {
    match op {
        DiffOp::Equal { old_index, new_index, len } => {
            DiffOp::Equal { old_index: old_index + da, new_index: new_index + db, len }
        }
        DiffOp::Delete { old_index, old_len, new_index } => {
            DiffOp::Delete { old_index: old_index + da, old_len, new_index: new_index + db }
        }
        DiffOp::Insert { old_index, new_index, new_len } => {
            DiffOp::Insert { old_index: old_index + da, new_index: new_index + db, new_len }
        }
        DiffOp::Replace { old_index, old_len, new_index, new_len } => {
            DiffOp::Replace { old_index: old_index + da, old_len, new_index: new_index + db, new_len }
        }
    }
}

/// Operations in order, equal runs that meet joined into one.
#[derive(Default)]
struct Ops {
    ops: Vec<DiffOp>,
}

impl Ops {
    fn push(&mut self, op: DiffOp) {
        if let (Some(DiffOp::Equal { len, .. }), DiffOp::Equal { len: more, .. }) = (self.ops.last_mut(), &op) {
            *len += more;
            return;
        }
        if !matches!(op, DiffOp::Equal { len: 0, .. }) {
            self.ops.push(op);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both sequences rebuilt from the operations, and the equal items counted.
    fn rebuild(ops: &[DiffOp], a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>, usize) {
        let (mut x, mut y, mut equal) = (Vec::new(), Vec::new(), 0);
        for op in ops {
            for (tag, old, new) in op.iter_changes(a, b).map(|c| (c.tag(), c.old_index(), c.new_index())) {
                match tag {
                    similar::ChangeTag::Equal => {
                        let (o, n) = (old.unwrap(), new.unwrap());
                        assert_eq!(a[o], b[n]);
                        x.push(a[o]);
                        y.push(b[n]);
                        equal += 1;
                    }
                    similar::ChangeTag::Delete => x.push(a[old.unwrap()]),
                    similar::ChangeTag::Insert => y.push(b[new.unwrap()]),
                }
            }
        }
        (x, y, equal)
    }

    /// A tiny deterministic generator (SplitMix64).
    fn random(seed: &mut u64, below: u64) -> u32 {
        *seed = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *seed;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % below) as u32
    }

    #[test]
    fn short_sequences_are_similars_own() {
        let a = [1, 2, 3, 4, 2, 5];
        let b = [1, 3, 2, 4, 5, 6];
        assert_eq!(diff(Algorithm::Patience, &a, &b), capture_diff_slices(Algorithm::Patience, &a, &b));
    }

    #[test]
    fn one_change_in_a_long_sequence_of_eight_words() {
        let mut seed = 1;
        let a: Vec<u32> = (0..200_000).map(|_| random(&mut seed, 8)).collect();
        let mut b = a.clone();
        b[100_000] = (b[100_000] + 1) % 8;
        let ops = diff(Algorithm::Patience, &a, &b);
        let (x, y, equal) = rebuild(&ops, &a, &b);
        assert_eq!((x, y), (a.clone(), b.clone()));
        assert_eq!(equal, a.len() - 1);
        assert_eq!(ops.len(), 3, "{ops:?}");
    }

    #[test]
    fn unrelated_long_sequences_rebuild_exactly() {
        let mut seed = 2;
        for vocabulary in [2, 8, 1000] {
            let a: Vec<u32> = (0..40_000).map(|_| random(&mut seed, vocabulary)).collect();
            let b: Vec<u32> = (0..30_000).map(|_| random(&mut seed, vocabulary)).collect();
            for (x, y) in [(&a, &b), (&b, &a)] {
                let (x2, y2, _) = rebuild(&diff(Algorithm::Patience, x, y), x, y);
                assert_eq!((&x2, &y2), (x, y));
            }
        }
    }

    #[test]
    fn periodic_sequences_with_a_few_edits_rebuild_exactly() {
        let a: Vec<u32> = (0..60_000).map(|i| i % 7).collect();
        let mut b = a.clone();
        b.remove(50_000);
        b.insert(30_000, 3);
        b[10_000] = 9;
        b.truncate(59_000);
        let ops = diff(Algorithm::Myers, &a, &b);
        let (x, y, equal) = rebuild(&ops, &a, &b);
        assert_eq!((x, y), (a.clone(), b.clone()));
        assert!(equal > 58_000, "{equal}");
    }

    #[test]
    fn rolling_window_hashes_are_the_hashes_of_the_windows() {
        let items: Vec<u32> = (0..50).map(|i| i * 7 % 5).collect();
        let rolled = windows(&items, 16);
        for (i, &h) in rolled.iter().enumerate() {
            assert_eq!(h, windows(&items[i..i + 16], 16)[0]);
        }
    }
}
