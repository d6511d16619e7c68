//! Pairing the paragraphs of two editions by content. Labels are never
//! the key: a paragraph inserted early renumbers all after it.
//!
//! The work grows close to linearly with the documents:
//! 1. paragraphs whose normalised text is identical pair first, by hash;
//! 2. the rest find candidates through an index of word pairs (shingles)
//!    shared with the other side, ranked by shared words; the best pairs
//!    whose word similarity clears the threshold are taken, greedily;
//! 3. a paragraph left over beside a paired one is tested as the other
//!    half of a split or a merge;
//! 4. a longest increasing subsequence of the pairs tells the pairs in
//!    order from the ones that moved.

pub mod sequence;
pub mod words;

use crate::model::Paragraph;
use crate::parallel::join;
use words::{bag_similarity, exact_hash, ordered_similarity, raw_hash, shingles};

/// How alignment decides.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// The word similarity (0 to 1) a pair of different paragraphs must reach
    /// to count as one paragraph revised; below it, the truth is dropped + new.
    pub threshold: f64,
}

/// The default threshold, chosen by measurement (see `BENCHMARKS.md`).
pub const DEFAULT_THRESHOLD: f64 = 0.5;

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions { threshold: DEFAULT_THRESHOLD }
    }
}

/// Paragraphs of the two editions that correspond.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Indices of old paragraphs, ascending (empty: the new ones are new).
    pub old: Vec<usize>,
    /// Indices of new paragraphs, ascending (empty: the old ones were dropped).
    pub new: Vec<usize>,
    /// False when the group sits out of order relative to the rest.
    pub in_order: bool,
    /// The normalised texts are identical.
    pub identical: bool,
    /// The word similarity of the two sides, when alignment measured it.
    pub similarity: Option<f64>,
}

/// Shingles shared by more paragraphs than this say nothing about a pair.
const COMMON_SHINGLE: usize = 32;
/// Candidates looked at for each paragraph, by shared word pairs.
const CANDIDATES: usize = 8;
/// Free paragraphs between two identical neighbours are all candidates
/// when there are at most this many.
const IN_PLACE_MAX: usize = 24;
/// What being in place adds to a candidate's similarity.
const IN_PLACE_BONUS: f64 = 0.25;
/// The parts of a split or merge lie at most this far apart (other
/// paragraphs may be inserted between them).
const JOIN_REACH: usize = 3;
/// A split or merge must beat the single pair by this much similarity.
const JOIN_GAIN: f64 = 0.05;

/// Aligns two editions' paragraphs; every paragraph is in exactly one group.
pub fn align(old: &[Paragraph], new: &[Paragraph], options: &AlignOptions) -> Vec<Group> {
    let old: Vec<&str> = old.iter().map(|p| p.text.as_str()).collect();
    let new: Vec<&str> = new.iter().map(|p| p.text.as_str()).collect();
    align_texts(&old, &new, options)
}

/// [`align`] on paragraph texts.
pub fn align_texts(old_text: &[&str], new_text: &[&str], options: &AlignOptions) -> Vec<Group> {
    let mut old_to: Vec<Option<usize>> = vec![None; old_text.len()];
    let mut new_to: Vec<Option<usize>> = vec![None; new_text.len()];
    let mut groups: Vec<Group> = Vec::new();
    let pair = |groups: &mut Vec<Group>,
                old_to: &mut [Option<usize>],
                new_to: &mut [Option<usize>],
                o: usize,
                n: usize,
                identical: bool,
                similarity: f64| {
        old_to[o] = Some(groups.len());
        new_to[n] = Some(groups.len());
        groups.push(Group { old: vec![o], new: vec![n], in_order: true, identical, similarity: Some(similarity) });
    };

    // 1. Identical texts, in order of appearance: as printed first (cheap),
    // then the rest once normalised.
    for hash in [raw_hash as fn(&str) -> u64, exact_hash] {
        let free_old: Vec<usize> = (0..old_text.len()).filter(|&o| old_to[o].is_none()).collect();
        let free_new: Vec<usize> = (0..new_text.len()).filter(|&n| new_to[n].is_none()).collect();
        let pick = |texts: &[&str], free: &[usize]| free.iter().map(|&i| hash(texts[i])).collect::<Vec<u64>>();
        let (old_hashes, new_hashes) = join(|| pick(old_text, &free_old), || pick(new_text, &free_new));
        // The new paragraphs with each hash, in order: the first by hash,
        // each linked to the next (a queue per hash without allocating one).
        let mut first: rustc_hash::FxHashMap<u64, Option<usize>> = Default::default();
        first.reserve(free_new.len());
        let mut next: Vec<Option<usize>> = vec![None; free_new.len()];
        for (k, &h) in new_hashes.iter().enumerate().rev() {
            next[k] = first.insert(h, Some(k)).flatten();
        }
        for (&o, h) in free_old.iter().zip(old_hashes) {
            if let Some(slot) = first.get_mut(&h)
                && let Some(k) = slot.take()
            {
                *slot = next[k];
                pair(&mut groups, &mut old_to, &mut new_to, o, free_new[k], true, 1.0);
            }
        }
    }
    // 2. Candidates: the free paragraphs between the identical neighbours
    // (where an edited paragraph usually stays), and the paragraphs that share
    // the most word pairs (where a moved one went). A candidate in place gets
    // a bonus: near-duplicates are common in reports, and order breaks ties.
    let window = windows(&old_to, &groups, old_text.len(), new_text.len());
    let free_old: Vec<usize> = (0..old_text.len()).filter(|&o| old_to[o].is_none()).collect();
    let free_new: Vec<usize> = (0..new_text.len()).filter(|&n| new_to[n].is_none()).collect();
    // Word sequences, bags and word pairs (shingles) of the free paragraphs
    // (none for the paired ones: nothing below looks at them, see `Bags`).
    let side = |texts: &[&str], free: &[usize]| {
        let words = sequences(texts, free);
        let bags = Bags::new(&words, free);
        let mut shingled = vec![Vec::new(); texts.len()];
        for &i in free {
            shingled[i] = shingles(&words[i]);
        }
        (words, bags, shingled)
    };
    let ((old_words, old, old_shingles), (new_words, new, new_shingles)) =
        join(|| side(old_text, &free_old), || side(new_text, &free_new));
    let (old, new) = (&old, &new);
    // The index: each shingle of a free new paragraph with the paragraph,
    // as `shingle << 32 | paragraph`, sorted; each half sorted on a thread.
    let entries = |part: &[usize]| {
        let mut out: Vec<u64> = part
            .iter()
            .flat_map(|&n| new_shingles[n].iter().map(move |&s| u64::from(s) << 32 | u64::from(n as u32)))
            .collect();
        out.sort_unstable();
        out
    };
    let (first, second) = free_new.split_at(free_new.len() / 2);
    let index = merge(&join(|| entries(first), || entries(second)));
    drop(new_shingles);
    let shingle = |e: u64| (e >> 32) as u32;
    // Shingle → its run in `index`: one hash probe instead of a binary search.
    let mut runs: rustc_hash::FxHashMap<u32, (u32, u32)> = Default::default();
    runs.reserve(index.len() / 2);
    let mut start = 0;
    while start < index.len() {
        let s = shingle(index[start]);
        let end = start + index[start..].partition_point(|&e| shingle(e) == s);
        runs.insert(s, (start as u32, end as u32));
        start = end;
    }
    // Each free old paragraph's candidates, on two threads.
    let search = |chunk: &[usize]| {
        let mut hits = vec![0u32; new.len()];
        let mut touched: Vec<usize> = Vec::new();
        let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
        let mut leftovers: Vec<(usize, Vec<usize>)> = Vec::new();
        for &o in chunk {
            for s in &old_shingles[o] {
                let Some(&(lo, hi)) = runs.get(s) else { continue };
                let (lo, hi) = (lo as usize, hi as usize);
                if hi - lo > COMMON_SHINGLE {
                    continue;
                }
                for &e in &index[lo..hi] {
                    let n = e as u32 as usize;
                    if hits[n] == 0 {
                        touched.push(n);
                    }
                    hits[n] += 1;
                }
            }
            // The best few by shared word pairs, without sorting them all.
            let key = |n: &usize| (std::cmp::Reverse(hits[*n]), *n);
            if touched.len() > CANDIDATES {
                touched.select_nth_unstable_by_key(CANDIDATES, key);
                touched[..CANDIDATES].sort_unstable_by_key(key);
            } else {
                touched.sort_unstable_by_key(key);
            }
            let (lo, hi) = window[o];
            let in_place = lo..hi;
            let first_free = free_new.partition_point(|&n| n < lo);
            let nearby = free_new[first_free..].iter().take_while(|&&n| n < hi && hi - lo <= IN_PLACE_MAX);
            let mut seen: Vec<usize> = Vec::new();
            for &n in touched.iter().take(CANDIDATES).chain(nearby) {
                if seen.contains(&n) {
                    continue;
                }
                seen.push(n);
                let score = bag_similarity(old.bag(o), new.bag(n));
                if score >= options.threshold {
                    let bonus = if in_place.contains(&n) { IN_PLACE_BONUS } else { 0.0 };
                    candidates.push((score + bonus, o, n));
                }
            }
            leftovers.push((o, seen));
            for n in touched.drain(..) {
                hits[n] = 0;
            }
        }
        (candidates, leftovers)
    };
    let (first, second) = free_old.split_at(free_old.len() / 2);
    let ((mut candidates, mut leftovers), (more, later)) = join(|| search(first), || search(second));
    drop((index, runs, old_shingles));
    candidates.extend(more);
    leftovers.extend(later);
    // Best first; ties go to document order.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, o, n) in candidates {
        if old_to[o].is_some() || new_to[n].is_some() {
            continue;
        }
        let similarity = ordered_similarity(&old_words[o], &new_words[n]);
        if similarity >= options.threshold {
            pair(&mut groups, &mut old_to, &mut new_to, o, n, false, similarity);
        }
    }

    // 3. Splits and merges: a leftover paragraph near a paired one, or two
    // leftovers near each other that together match one paragraph.
    split_or_merge(&mut groups, &mut old_to, &mut new_to, old, new, options, Side::New);
    split_or_merge(&mut groups, &mut old_to, &mut new_to, old, new, options, Side::Old);
    for (o, found) in leftovers {
        if old_to[o].is_some() {
            continue;
        }
        let mut free: Vec<usize> = found.into_iter().filter(|&n| new_to[n].is_none()).collect();
        free.sort_unstable();
        let best = free
            .iter()
            .enumerate()
            .flat_map(|(k, &a)| free[k + 1..].iter().take_while(move |&&b| b - a <= JOIN_REACH).map(move |&b| (a, b)))
            .map(|(a, b)| (bag_similarity(old.bag(o), &joined(&[new.bag(a), new.bag(b)])), a, b))
            .max_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((_, a, b)) = best.filter(|b| b.0 >= options.threshold) {
            old_to[o] = Some(groups.len());
            new_to[a] = Some(groups.len());
            new_to[b] = Some(groups.len());
            groups.push(Group { old: vec![o], new: vec![a, b], in_order: true, identical: false, similarity: None });
        }
    }

    // 4. Order: the longest run of groups in order in both editions stays;
    // the others moved.
    groups.sort_by_key(|g| g.old[0]);
    let firsts: Vec<usize> = groups.iter().map(|g| g.new[0]).collect();
    let keep = longest_increasing(&firsts);
    for (g, k) in groups.iter_mut().zip(keep) {
        g.in_order = k;
    }

    for o in (0..old.len()).filter(|&o| old_to[o].is_none()) {
        groups.push(Group { old: vec![o], new: vec![], in_order: true, identical: false, similarity: None });
    }
    for n in (0..new.len()).filter(|&n| new_to[n].is_none()) {
        groups.push(Group { old: vec![], new: vec![n], in_order: true, identical: false, similarity: None });
    }
    groups
}

/// One of the two editions.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Old,
    New,
}

/// Joins each leftover paragraph of `side` to a one-to-one group within
/// reach when the joined text matches the other side clearly better.
fn split_or_merge(
    groups: &mut [Group],
    old_to: &mut [Option<usize>],
    new_to: &mut [Option<usize>],
    old: &Bags,
    new: &Bags,
    options: &AlignOptions,
    side: Side,
) {
    let (mine, theirs, my_to) = match side {
        Side::New => (new, old, &mut *new_to),
        Side::Old => (old, new, &mut *old_to),
    };
    for x in 0..mine.len() {
        if my_to[x].is_some() {
            continue;
        }
        let near = (1..=JOIN_REACH).flat_map(|d| [x.checked_sub(d), Some(x + d)]).flatten();
        let mut best: Option<(f64, usize)> = None;
        for y in near {
            let Some(g) = my_to.get(y).copied().flatten() else { continue };
            // An identical pair has similarity 1: joining cannot gain.
            if groups[g].identical {
                continue;
            }
            let (own, other) = match side {
                Side::New => (&groups[g].new, &groups[g].old),
                Side::Old => (&groups[g].old, &groups[g].new),
            };
            if other.len() != 1 || own.len() + 1 > 4 {
                continue;
            }
            let mut parts = own.clone();
            parts.push(x);
            parts.sort_unstable();
            if parts.windows(2).any(|w| w[1] - w[0] > JOIN_REACH) {
                continue;
            }
            let target = theirs.bag(other[0]);
            let before = bag_similarity(target, &joined(&own.iter().map(|&i| mine.bag(i)).collect::<Vec<_>>()));
            let after = bag_similarity(target, &joined(&parts.iter().map(|&i| mine.bag(i)).collect::<Vec<_>>()));
            if after >= options.threshold && after > before + JOIN_GAIN && best.is_none_or(|b| after - before > b.0) {
                best = Some((after - before, g));
            }
        }
        if let Some((_, g)) = best {
            let own = match side {
                Side::New => &mut groups[g].new,
                Side::Old => &mut groups[g].old,
            };
            own.push(x);
            own.sort_unstable();
            groups[g].identical = false;
            groups[g].similarity = None;
            my_to[x] = Some(g);
        }
    }
}

/// The word hashes, in order, of the paragraphs at `free` (empty for the others).
fn sequences(texts: &[&str], free: &[usize]) -> Vec<Vec<u32>> {
    let mut out = vec![Vec::new(); texts.len()];
    for &i in free {
        out[i] = words::words(texts[i]);
    }
    out
}

/// Two sorted runs merged into one.
fn merge((a, b): &(Vec<u64>, Vec<u64>)) -> Vec<u64> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] <= b[j] {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// The bags of words of one edition's paragraphs that were free after
/// identical texts paired (empty for the others). Nothing asks for the bag
/// of a paragraph paired as identical: candidates are free paragraphs, and
/// joining a paragraph to an identical pair cannot beat its similarity of 1.
struct Bags {
    bags: Vec<Vec<u32>>,
}

impl Bags {
    /// Sorts the word sequences of the free paragraphs.
    fn new(sequences: &[Vec<u32>], free: &[usize]) -> Self {
        let mut bags = vec![Vec::new(); sequences.len()];
        for &i in free {
            let mut bag = sequences[i].clone();
            bag.sort_unstable();
            bags[i] = bag;
        }
        Bags { bags }
    }

    fn bag(&self, i: usize) -> &[u32] {
        &self.bags[i]
    }

    fn len(&self) -> usize {
        self.bags.len()
    }
}

/// The bag of words of several paragraphs together.
fn joined(parts: &[&[u32]]) -> Vec<u32> {
    let mut bag: Vec<u32> = parts.iter().flat_map(|p| p.iter().copied()).collect();
    bag.sort_unstable();
    bag
}

/// For each old paragraph, the range of new positions between the
/// counterparts of its nearest paired neighbours (before and after).
fn windows(old_to: &[Option<usize>], groups: &[Group], old_len: usize, new_len: usize) -> Vec<(usize, usize)> {
    let partner = |o: usize| old_to[o].map(|g| groups[g].new[0]);
    let mut out = vec![(0, new_len); old_len];
    let mut last = 0;
    for (o, w) in out.iter_mut().enumerate() {
        w.0 = last;
        if let Some(n) = partner(o) {
            last = n + 1;
        }
    }
    let mut next = new_len;
    for o in (0..old_len).rev() {
        out[o].1 = next.max(out[o].0);
        if let Some(n) = partner(o) {
            next = n;
        }
    }
    out
}

/// Marks the members of one longest strictly increasing subsequence.
fn longest_increasing(xs: &[usize]) -> Vec<bool> {
    // tails[k]: index of the smallest tail of an increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; xs.len()];
    for (i, &x) in xs.iter().enumerate() {
        let k = tails.partition_point(|&t| xs[t] < x);
        prev[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut keep = vec![false; xs.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        keep[i] = true;
        at = prev[i];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(old: &[&str], new: &[&str]) -> Vec<(Vec<usize>, Vec<usize>, bool)> {
        let mut g: Vec<_> =
            align_texts(old, new, &AlignOptions::default()).into_iter().map(|g| (g.old, g.new, g.in_order)).collect();
        g.sort();
        g
    }

    #[test]
    fn lis() {
        assert_eq!(longest_increasing(&[0, 1, 5, 2, 3, 4]), [true, true, false, true, true, true]);
        assert_eq!(longest_increasing(&[]), Vec::<bool>::new());
    }

    const A: &str = "The Committee will maintain the target range for the federal funds rate at 0 to 1/4 percent.";
    const B: &str =
        "Labor market conditions improved somewhat further, with solid job gains and declining unemployment.";
    const C: &str = "Inflation has continued to run below the longer-run objective, partly reflecting energy prices.";
    const D: &str = "Voting for the action were the Chair, the Vice Chair and four other members of the panel.";

    #[test]
    fn identical_revised_new_dropped_moved() {
        let revised = "The Committee will keep the target range for the federal funds rate at 0 to 1/4 percent.";
        let fresh = "An entirely different paragraph about supply chains and procurement practices in ports.";
        assert_eq!(
            groups(&[A, B, C, D], &[revised, C, fresh, B]),
            [
                (vec![], vec![2], true),
                (vec![0], vec![0], true),
                (vec![1], vec![3], false),
                (vec![2], vec![1], true),
                (vec![3], vec![], true),
            ]
        );
    }

    #[test]
    fn split_and_merge() {
        let (c1, c2) = C.split_at(C.find(", partly").unwrap());
        assert_eq!(groups(&[A, C, D], &[A, c1, c2, D])[1], (vec![1], vec![1, 2], true));
        let ab = format!("{A} {B}");
        assert_eq!(groups(&[A, B, D], &[&ab, D])[0], (vec![0, 1], vec![0], true));
    }
}
