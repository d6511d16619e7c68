//! A series' commitments over time: each commitment followed from the
//! edition it first appeared in, through every revision, to the edition
//! that dropped it (or the last one, where it still stands).

use super::{Detector, compare};
use crate::align::AlignOptions;
use crate::align::words::text_similarity;
use crate::model::{Commitment, Edit, Edition, StrengthChange};

/// From how many editions in a row a dropped commitment may be absent and
/// still be restored, rather than counted new, when it comes back (an
/// unscheduled statement between two regular ones drops everything once).
pub const RESTORE_WITHIN: usize = 2;

/// What a step in a commitment's life is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// Its first appearance.
    New,
    /// Its sentence changed.
    Revised,
    /// It is gone from this edition.
    Dropped,
    /// It came back after being dropped (within [`RESTORE_WITHIN`] editions).
    Restored,
}

impl StepKind {
    /// The name used in output.
    pub fn name(self) -> &'static str {
        match self {
            StepKind::New => "new",
            StepKind::Revised => "revised",
            StepKind::Dropped => "dropped",
            StepKind::Restored => "restored",
        }
    }
}

/// One step in a commitment's life.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Index of the edition, in the series' order.
    pub edition: usize,
    /// What happened.
    pub kind: StepKind,
    /// The commitment as it reads in that edition; for a dropped one, as it
    /// last read, in the edition before (`edition - 1`).
    pub commitment: Commitment,
    /// For a revision of the same type: stronger, weaker or the same.
    pub strength: Option<StrengthChange>,
    /// For a revision: the type changed.
    pub type_changed: bool,
    /// For a revision: negated in one edition and not the other.
    pub polarity_flipped: bool,
    /// For a revision: the word diff of its sentence.
    pub edits: Vec<Edit>,
}

/// A commitment followed across a series.
#[derive(Debug, Clone, PartialEq)]
pub struct Thread {
    /// Its steps: first appearance, revisions, and its dropping if it was dropped.
    pub steps: Vec<Step>,
    /// The last edition it stands in.
    pub last: usize,
}

impl Step {
    /// The edition its commitment was read in: this step's, or for a
    /// dropped one the edition before.
    pub fn read_in(&self) -> usize {
        if self.kind == StepKind::Dropped { self.edition - 1 } else { self.edition }
    }
}

impl Thread {
    /// The edition it first appeared in.
    pub fn first(&self) -> usize {
        self.steps[0].edition
    }

    /// The edition that dropped it, if one did.
    pub fn dropped(&self) -> Option<usize> {
        self.steps.last().filter(|s| s.kind == StepKind::Dropped).map(|s| s.edition)
    }

    /// The commitment as it last read.
    pub fn latest(&self) -> &Commitment {
        &self.steps.last().expect("a thread has a first step").commitment
    }
}

/// Follows every commitment of `editions` (in series order) from edition
/// to edition, with the same matching as `editions diff`.
pub fn timeline(editions: Vec<Edition>, detector: &Detector, options: &AlignOptions) -> (Vec<Edition>, Vec<Thread>) {
    timeline_with(editions, detector, options, &mut |_| {})
}

/// [`timeline`], calling `done(k)` when the `k`th edition (from 0) has
/// been followed, for a progress bar.
pub fn timeline_with(
    editions: Vec<Edition>,
    detector: &Detector,
    options: &AlignOptions,
    done: &mut dyn FnMut(usize),
) -> (Vec<Edition>, Vec<Thread>) {
    let mut threads: Vec<Thread> = Vec::new();
    let mut kept: Vec<Edition> = Vec::with_capacity(editions.len());
    // The thread of each commitment of the latest edition, by its index there.
    let mut current: Vec<usize> = Vec::new();
    let mut editions = editions.into_iter();
    let Some(first) = editions.next() else {
        return (kept, threads);
    };
    for c in detector.edition(&first) {
        current.push(threads.len());
        threads.push(Thread { steps: vec![step(0, StepKind::New, c)], last: 0 });
    }
    kept.push(first);
    done(0);
    for (i, next) in editions.enumerate() {
        let at = i + 1;
        // The previous edition goes into the comparison and comes back after it.
        let previous = kept.pop().expect("the first edition is kept");
        let mut cmp = crate::classify::compare(previous, next, options);
        compare(&mut cmp, detector);
        let mut following = vec![usize::MAX; cmp.commitments.new.len()];
        let recent: Vec<usize> =
            (0..threads.len()).filter(|&t| threads[t].dropped().is_some_and(|d| at - d <= RESTORE_WITHIN)).collect();
        for change in &cmp.commitments.changes {
            match (change.old, change.new) {
                (Some(o), Some(n)) => {
                    let t = current[o];
                    following[n] = t;
                    threads[t].last = at;
                    if change.kind == crate::model::CommitmentChangeKind::Revised {
                        threads[t].steps.push(Step {
                            strength: change.strength,
                            type_changed: change.type_changed,
                            polarity_flipped: change.polarity_flipped,
                            edits: change.edits.clone(),
                            ..step(at, StepKind::Revised, cmp.commitments.new[n].clone())
                        });
                    }
                }
                (None, Some(n)) => {
                    let c = cmp.commitments.new[n].clone();
                    match restorable(&threads, &recent, &following, &c) {
                        Some(t) => {
                            following[n] = t;
                            threads[t].last = at;
                            threads[t].steps.push(step(at, StepKind::Restored, c));
                        }
                        None => {
                            following[n] = threads.len();
                            threads.push(Thread { steps: vec![step(at, StepKind::New, c)], last: at });
                        }
                    }
                }
                (Some(o), None) => {
                    let t = current[o];
                    let c = cmp.commitments.old[o].clone();
                    threads[t].steps.push(step(at, StepKind::Dropped, c));
                }
                (None, None) => {}
            }
        }
        current = following;
        kept.push(cmp.old);
        kept.push(cmp.new);
        done(at);
    }
    (kept, threads)
}

/// Of the `recent` threads (dropped shortly before), the one whose last
/// sentence `c` repeats (the same type, words alike as in `editions diff`),
/// if any, and not one already continued in this edition.
fn restorable(threads: &[Thread], recent: &[usize], taken: &[usize], c: &Commitment) -> Option<usize> {
    recent
        .iter()
        .filter(|&&t| threads[t].latest().kind == c.kind && !taken.contains(&t))
        .map(|&t| (t, text_similarity(&threads[t].latest().text, &c.text)))
        .filter(|&(_, sim)| sim >= super::SENTENCE_THRESHOLD)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(t, _)| t)
}

fn step(edition: usize, kind: StepKind, commitment: Commitment) -> Step {
    Step { edition, kind, commitment, strength: None, type_changed: false, polarity_flipped: false, edits: Vec::new() }
}
