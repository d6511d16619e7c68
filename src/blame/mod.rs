//! Sentence provenance across a series (`editions blame`): for each
//! sentence of an edition, since when the series has carried its wording,
//! the edition where it took that wording and what it said before, and
//! where its oldest ancestor first appeared.
//!
//! The input is plain data: the editions of a series, oldest first, and
//! each one's paragraph [`Lineage`] (from the store as stored, or from a
//! folder through [`lineages`], which aligns each edition with the one
//! before it as `editions snapshot` does). Sentences are compared in their
//! comparison form ([`exact_hash`]: normalised, without spaces and without
//! a hyphen between letters), so extraction noise and renumbering change
//! nothing.
//!
//! - A sentence's wording is **present** in an edition when a sentence of
//!   that edition has the same comparison form, in any paragraph: a
//!   sentence that moved to another paragraph keeps its run, and so does
//!   one whose paragraph split, merged or was aligned wrongly.
//! - **since**: the first edition of the unbroken run of editions, ending
//!   at the blamed one, in which the wording is present. A sentence that
//!   disappears and comes back starts a new run when it comes back.
//! - **changed**: when the run starts after the series' first edition
//!   and the sentence then replaced one: the edition before the run, the
//!   sentence it replaced there and the word diff. The replaced sentence
//!   is one whose wording is not in the run's first edition, the most like
//!   it (word similarity at least [`BEFORE_THRESHOLD`]): first among the
//!   sentences of the paragraph's parents in its lineage (the paragraph it
//!   continues, split from or merged), else, when the sentence is not back
//!   after a gap (below), among all the sentences of that edition (a
//!   sentence reworded as it moved to another paragraph). The paragraph is
//!   the one holding the sentence at the start of its run: followed back
//!   through the lineage where the wording stayed in it, else to wherever
//!   the wording was. A sentence that replaced none is new with its run.
//! - **restored**: when the run starts with the wording coming back after
//!   it was left out of at most [`RESTORE_WITHIN`] editions (and it
//!   replaced nothing of its paragraph's parents): the last edition
//!   holding it before. Its `since` is still the start of the new run.
//! - **origin**: with a `changed` or `restored`, the same followed back
//!   from the replaced sentence (or the earlier run), and from the one it
//!   replaced, until a run came from nothing: the first edition of that
//!   oldest ancestor's run.

use crate::align::AlignOptions;
use crate::align::words::{bag_similarity, exact_hash, ordered_similarity, words};
use crate::classify::words::word_diff;
use crate::model::{Edit, Edition};
use crate::store::lineage;
use crate::store::record::{EditionName, Lineage};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The word similarity a sentence must keep with the one it replaced (as
/// `commitments` matches a revised commitment's sentence).
pub const BEFORE_THRESHOLD: f64 = crate::commitments::SENTENCE_THRESHOLD;

/// From how many editions in a row a sentence may be absent and, back
/// with the same wording, be restored rather than new (as a commitment
/// of `commitments --timeline` is): an unscheduled FOMC statement between
/// two regular ones leaves out every sentence once.
pub const RESTORE_WITHIN: usize = crate::commitments::timeline::RESTORE_WITHIN;

/// Provenance of the sentences of one edition of a series.
#[derive(Debug, Clone, PartialEq)]
pub struct Blame {
    /// The editions read, oldest first: the blamed one and those before it.
    pub editions: Vec<EditionName>,
    /// The blamed edition, an index into `editions` (the last).
    pub target: usize,
    /// Its paragraphs that hold a sentence asked for, in document order.
    pub paragraphs: Vec<ParagraphBlame>,
}

/// One paragraph of the blamed edition.
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphBlame {
    /// Its index in the edition.
    pub index: usize,
    /// Its label.
    pub label: String,
    /// The first edition of its lineage (where its lineage id was issued).
    pub first: usize,
    /// Its sentences asked for, in order.
    pub sentences: Vec<SentenceBlame>,
}

/// One sentence of the blamed edition and its provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceBlame {
    /// Its index among the paragraph's sentences.
    pub index: usize,
    /// The sentence as printed.
    pub text: String,
    /// The first edition of the unbroken run ending at the blamed one that
    /// carries its wording.
    pub since: usize,
    /// The sentence it replaced when its run began, if it replaced one.
    pub changed: Option<Changed>,
    /// Where its wording stood before a gap of at most [`RESTORE_WITHIN`]
    /// editions, when its run began by coming back.
    pub restored: Option<Restored>,
    /// With `changed` or `restored`: the first edition of its oldest
    /// ancestor's run, followed back through replaced and restored
    /// sentences.
    pub origin: Option<usize>,
}

/// Where a sentence's wording stood before it was left out for a few
/// editions.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// The last edition holding it before the gap.
    pub from: usize,
    /// The label there of a paragraph holding it.
    pub label: String,
}

/// The wording a sentence replaced at the start of its run.
#[derive(Debug, Clone, PartialEq)]
pub struct Changed {
    /// The edition of the replaced sentence: the one before `since`.
    pub from: usize,
    /// The label there of the paragraph holding it.
    pub label: String,
    /// The replaced sentence, as printed.
    pub before: String,
    /// The word diff from it to the sentence.
    pub edits: Vec<Edit>,
}

/// Each edition's paragraph lineage, found as `editions snapshot` finds
/// it: every edition aligned with the one before it (the pairs on two
/// threads, without word diffs), then lineage ids issued in order.
pub fn lineages(editions: &[Edition], options: &AlignOptions) -> Vec<Lineage> {
    let pairs: Vec<usize> = (1..editions.len()).collect();
    let changes =
        crate::parallel::map(&pairs, |&i| crate::classify::alignment(&editions[i - 1], &editions[i], options));
    let mut out: Vec<Lineage> = Vec::with_capacity(editions.len());
    for (i, edition) in editions.iter().enumerate() {
        let next = match out.last() {
            None => lineage::first(edition),
            Some(previous) => lineage::next_of(&editions[i - 1], edition, &changes[i - 1], previous),
        };
        out.push(next);
    }
    out
}

/// The sentences of one edition in comparison form, indexed.
struct Forms<'e> {
    /// Each paragraph's sentences' forms, in order.
    paragraphs: Vec<Vec<u64>>,
    /// Each form's first paragraph.
    first: FxHashMap<u64, u32>,
    /// Each lineage id's paragraph.
    ids: FxHashMap<&'e str, u32>,
}

impl<'e> Forms<'e> {
    fn new(edition: &Edition, lineage: &'e Lineage) -> Self {
        let paragraphs: Vec<Vec<u64>> =
            edition.paragraphs.iter().map(|p| p.sentences().into_iter().map(exact_hash).collect()).collect();
        let mut first = FxHashMap::default();
        first.reserve(paragraphs.iter().map(Vec::len).sum());
        for (p, forms) in paragraphs.iter().enumerate() {
            for &h in forms {
                first.entry(h).or_insert(p as u32);
            }
        }
        let ids = lineage.paragraphs.iter().enumerate().map(|(p, e)| (e.id.as_str(), p as u32)).collect();
        Forms { paragraphs, first, ids }
    }
}

/// A sentence of an edition whose wording is not in the next one: what a
/// sentence of the next one may have replaced.
struct Candidate {
    paragraph: u32,
    span: std::ops::Range<u32>,
    words: Vec<u32>,
    bag: Vec<u32>,
}

/// The candidates of an edition, found by paragraph or by shared words.
///
/// Looking for the most like a sentence among all of them, each compared,
/// took two thirds of blaming a series of 10,000-paragraph editions. Two
/// bags of words of sizes `a` and `b` sharing `s` words are alike at
/// least `t` (Dice) only if `s >= t(a + b)/2`, so `s >= t a/(2 - t)`:
/// with the words of each bag ordered rarest first (a word's `k`th
/// occurrence a token of its own), two such bags share a token among the
/// first `a - ceil(t a/(2 - t)) + 1` of each (prefix filtering, as
/// similarity joins do). Only candidates with a token of their prefix in
/// the sentence's prefix are compared.
#[derive(Default)]
struct Pool {
    candidates: Vec<Candidate>,
    /// Paragraph `q`'s candidates are `offsets[q]..offsets[q + 1]`.
    offsets: Vec<u32>,
    /// How often each word occurs in the candidates: the order of tokens.
    counts: FxHashMap<u32, u32>,
    /// The candidates holding each token (word, occurrence) in their prefix.
    index: FxHashMap<(u32, u32), Vec<u32>>,
}

impl Pool {
    /// The prefix of `words` (see [`Pool`]): its tokens, rarest first.
    fn prefix(&self, words: &[u32]) -> Vec<(u32, u32)> {
        let mut seen: FxHashMap<u32, u32> = FxHashMap::default();
        let mut tokens: Vec<(u32, u32, u32)> = words
            .iter()
            .map(|&w| {
                let n = seen.entry(w).or_insert(0);
                *n += 1;
                (self.counts.get(&w).copied().unwrap_or(0), w, *n)
            })
            .collect();
        tokens.sort_unstable();
        let t = BEFORE_THRESHOLD;
        // At least this many shared tokens; rounded down a little, so the prefix errs long.
        let shared = ((t * tokens.len() as f64 / (2.0 - t)) - 1e-9).ceil().max(1.0) as usize;
        tokens.truncate((tokens.len() + 1).saturating_sub(shared));
        tokens.into_iter().map(|(_, w, n)| (w, n)).collect()
    }
}

/// What blaming walks over: the editions, their lineages and forms.
struct Series<'e> {
    editions: &'e [Edition],
    lineages: &'e [Lineage],
    forms: Vec<Forms<'e>>,
    /// For edition `k`, the candidates of edition `k - 1`, made when first asked for.
    pools: Vec<OnceLock<Pool>>,
    /// The origin of each run start followed so far: (edition, paragraph,
    /// hash of the sentence as printed).
    origins: std::sync::Mutex<FxHashMap<(u32, u32, u64), usize>>,
}

/// What a sentence's run came from.
enum Link {
    /// It replaced this sentence of the edition before: its paragraph and text.
    Replaced { paragraph: usize, text: String },
    /// It came back: its wording stood in this edition and paragraph.
    Restored { edition: usize, paragraph: usize },
}

impl Series<'_> {
    /// The paragraphs of edition `i - 1` that paragraph `p` of edition `i`
    /// comes from.
    fn parents(&self, i: usize, p: usize) -> impl Iterator<Item = usize> + '_ {
        let ids = &self.forms[i - 1].ids;
        self.lineages[i]
            .paragraphs
            .get(p)
            .into_iter()
            .flat_map(|e| &e.parents)
            .filter_map(|id| ids.get(id.as_str()).map(|&q| q as usize))
    }

    /// The run of form `h`, held by paragraph `p` of edition `i`: its first
    /// edition and the paragraph holding it there (a parent of the
    /// paragraph after it when one holds it, else the first that does).
    fn run_start(&self, mut i: usize, mut p: usize, h: u64) -> (usize, usize) {
        while i > 0 {
            let previous = &self.forms[i - 1];
            let Some(&first) = previous.first.get(&h) else {
                break;
            };
            p = self.parents(i, p).find(|&q| previous.paragraphs[q].contains(&h)).unwrap_or(first as usize);
            i -= 1;
        }
        (i, p)
    }

    /// The sentences of edition `k - 1` whose wording is not in edition `k`.
    fn pool(&self, k: usize) -> &Pool {
        self.pools[k].get_or_init(|| {
            let now = &self.forms[k].first;
            let mut pool = Pool::default();
            for (q, paragraph) in self.editions[k - 1].paragraphs.iter().enumerate() {
                pool.offsets.push(pool.candidates.len() as u32);
                let spans = crate::segment::sentences::spans(&paragraph.text);
                for (span, h) in spans.into_iter().zip(&self.forms[k - 1].paragraphs[q]) {
                    if now.contains_key(h) {
                        continue;
                    }
                    let sentence = &paragraph.text[span.start as usize..span.end as usize];
                    let w = words(sentence);
                    let mut bag = w.clone();
                    bag.sort_unstable();
                    pool.candidates.push(Candidate { paragraph: q as u32, span, words: w, bag });
                }
            }
            pool.offsets.push(pool.candidates.len() as u32);
            for c in &pool.candidates {
                for &w in &c.words {
                    *pool.counts.entry(w).or_insert(0) += 1;
                }
            }
            let prefixes: Vec<Vec<(u32, u32)>> = pool.candidates.iter().map(|c| pool.prefix(&c.words)).collect();
            for (i, prefix) in prefixes.into_iter().enumerate() {
                for token in prefix {
                    pool.index.entry(token).or_default().push(i as u32);
                }
            }
            pool
        })
    }

    /// The sentence of edition `k - 1` whose wording is not in edition `k`
    /// (of the paragraphs `among`, else of any) that is most like `text`
    /// (word similarity at least [`BEFORE_THRESHOLD`]; the first of equals).
    fn replaced(&self, k: usize, text: &str, among: Option<&[usize]>) -> Option<Link> {
        let w = words(text);
        let mut bag = w.clone();
        bag.sort_unstable();
        let pool = self.pool(k);
        // The candidates worth comparing, in the pool's order.
        let mut look: Vec<u32> = match among {
            Some(paragraphs) => {
                paragraphs.iter().filter_map(|&q| pool.offsets.get(q..q + 2)).flat_map(|o| o[0]..o[1]).collect()
            }
            None if w.is_empty() => (0..pool.candidates.len() as u32).collect(),
            None => pool.prefix(&w).iter().filter_map(|t| pool.index.get(t)).flatten().copied().collect(),
        };
        look.sort_unstable();
        look.dedup();
        let mut best: Option<(f64, &Candidate)> = None;
        for c in look.into_iter().map(|i| &pool.candidates[i as usize]) {
            let floor = best.map_or(BEFORE_THRESHOLD, |b| b.0);
            if bag_similarity(&bag, &c.bag) < floor {
                continue;
            }
            let similarity = ordered_similarity(&c.words, &w);
            if similarity >= BEFORE_THRESHOLD && best.is_none_or(|b| similarity > b.0) {
                best = Some((similarity, c));
            }
        }
        best.map(|(_, c)| {
            let paragraph = c.paragraph as usize;
            let text = &self.editions[k - 1].paragraphs[paragraph].text[c.span.start as usize..c.span.end as usize];
            Link::Replaced { paragraph, text: text.to_string() }
        })
    }

    /// What the run of `text` (form `h`), starting in paragraph `p` of
    /// edition `k`, came from: a sentence it replaced in the paragraph's
    /// parents, else the same wording a few editions back, else a sentence
    /// it replaced anywhere in the edition before.
    fn link(&self, k: usize, p: usize, text: &str, h: u64) -> Option<Link> {
        if k == 0 {
            return None;
        }
        let parents: Vec<usize> = self.parents(k, p).collect();
        if let Some(link) = self.replaced(k, text, Some(&parents)) {
            return Some(link);
        }
        for e in (k.saturating_sub(1 + RESTORE_WITHIN)..k - 1).rev() {
            if let Some(&q) = self.forms[e].first.get(&h) {
                return Some(Link::Restored { edition: e, paragraph: q as usize });
            }
        }
        self.replaced(k, text, None)
    }

    /// The first edition of paragraph `p` of edition `i`'s lineage.
    fn lineage_first(&self, mut i: usize, mut p: usize) -> usize {
        while i > 0 {
            let Some(q) = self.lineages[i].paragraphs.get(p).and_then(|e| self.forms[i - 1].ids.get(e.id.as_str()))
            else {
                break;
            };
            p = *q as usize;
            i -= 1;
        }
        i
    }

    fn sentence(&self, t: usize, p: usize, index: usize, text: &str, h: u64) -> SentenceBlame {
        let (since, at) = self.run_start(t, p, h);
        let mut blamed =
            SentenceBlame { index, text: text.to_string(), since, changed: None, restored: None, origin: None };
        // Where to go on from, back through the chain of replaced and
        // restored sentences: each step ends an edition earlier than the
        // last, so the walk ends.
        let (mut i, mut q, mut ancestor) = match self.link(since, at, text, h) {
            None => return blamed,
            Some(Link::Replaced { paragraph, text: before }) => {
                let from = since - 1;
                blamed.changed = Some(Changed {
                    from,
                    label: self.editions[from].paragraphs[paragraph].label.clone(),
                    edits: word_diff(&before, text),
                    before: before.clone(),
                });
                (from, paragraph, before)
            }
            Some(Link::Restored { edition, paragraph }) => {
                let label = self.editions[edition].paragraphs[paragraph].label.clone();
                blamed.restored = Some(Restored { from: edition, label });
                (edition, paragraph, text.to_string())
            }
        };
        // Chains from many sentences meet in the same ancestors: each
        // run start's origin is kept, so every one is followed once.
        let mut path = Vec::new();
        let origin = loop {
            let form = exact_hash(&ancestor);
            let (k, at) = self.run_start(i, q, form);
            let key = (k as u32, at as u32, crate::align::words::raw_hash(&ancestor));
            if let Some(&o) = self.origins.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get(&key) {
                break o;
            }
            path.push(key);
            match self.link(k, at, &ancestor, form) {
                Some(Link::Replaced { paragraph, text }) => (i, q, ancestor) = (k - 1, paragraph, text),
                Some(Link::Restored { edition, paragraph }) => (i, q) = (edition, paragraph),
                None => break k,
            }
        };
        let mut origins = self.origins.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        for key in path {
            origins.insert(key, origin);
        }
        blamed.origin = Some(origin);
        blamed
    }
}

/// Blames the sentences of edition `target` of `editions` (oldest first;
/// `lineages` one per edition, as stored or from [`lineages`]) that `keep`
/// (paragraph index, sentence index) asks for. Editions after `target`
/// are not looked at.
///
/// # Panics
/// When `target` is no index of `editions` or `lineages` is shorter.
pub fn blame(
    editions: &[Edition],
    lineages: &[Lineage],
    target: usize,
    keep: &(dyn Fn(usize, usize) -> bool + Sync),
) -> Blame {
    let editions = &editions[..=target];
    let pairs: Vec<(&Edition, &Lineage)> = editions.iter().zip(lineages).collect();
    let forms = crate::parallel::map(&pairs, |(e, l)| Forms::new(e, l));
    let pools = (0..editions.len()).map(|_| OnceLock::new()).collect();
    let series = Series { editions, lineages, forms, pools, origins: Default::default() };
    let edition = &editions[target];
    let asked: Vec<usize> = (0..edition.paragraphs.len()).collect();
    let paragraphs = crate::parallel::map(&asked, |&p| {
        let sentences: Vec<SentenceBlame> = edition.paragraphs[p]
            .sentences()
            .into_iter()
            .zip(&series.forms[target].paragraphs[p])
            .enumerate()
            .filter(|&(s, _)| keep(p, s))
            .map(|(s, (text, &h))| series.sentence(target, p, s, text, h))
            .collect();
        (!sentences.is_empty()).then(|| ParagraphBlame {
            index: p,
            label: edition.paragraphs[p].label.clone(),
            first: series.lineage_first(target, p),
            sentences,
        })
    });
    Blame {
        editions: editions
            .iter()
            .map(|e| EditionName { label: e.meta.label.clone(), date: e.meta.date.clone() })
            .collect(),
        target,
        paragraphs: paragraphs.into_iter().flatten().collect(),
    }
}
