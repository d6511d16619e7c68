//! Commitments: the sentences that bind an actor to act or ask one to act,
//! found in each edition, and what became of each between two editions.
//!
//! Detection reads each sentence with a [`Lexicon`] (data, not code: see
//! `lexicon.txt`); [`compare`] then matches the commitments of two editions:
//! first inside each paragraph change, then across the whole edition for a
//! commitment that moved to another paragraph, and calls every commitment
//! unchanged, revised (stronger, weaker or the same), new or dropped.

mod detect;
pub mod filter;
pub mod lexicon;
mod matching;
mod prefilter;
pub mod timeline;
mod tokens;

pub use detect::{Context, Found, detect_sentence};
pub use filter::{CommitmentFilter, CommitmentView};
pub use lexicon::Lexicon;
pub use matching::{Ledger, compare};

use prefilter::{Follows, Keys};

use crate::model::{Commitment, CommitmentType, Edition};
use regex::Regex;

/// How alike two commitment sentences must be (word similarity) to be one
/// commitment revised rather than one dropped and one new.
pub const SENTENCE_THRESHOLD: f64 = 0.5;

/// A lexicon made ready to read editions.
#[derive(Debug, Clone)]
pub struct Detector {
    lexicon: Lexicon,
    starts: detect::Starts,
    /// The longest word of every trigger phrase: a sentence without one of
    /// them holds no trigger.
    prefilter: Keys,
}

impl Detector {
    /// A detector for `lexicon`.
    pub fn new(lexicon: Lexicon) -> Detector {
        // The longest word of each trigger phrase is the rarest: `is required
        // to` is looked for as `required`, followed by `to`; of a word with
        // marks (`secretary-general`), its longest run, followed by anything.
        let plain = |w: &str| w.chars().all(|c| c.is_ascii_alphanumeric());
        let prefilter = lexicon.trigger_phrases().filter_map(|p| {
            let (at, word) = p.iter().enumerate().rev().max_by_key(|(_, w)| w.chars().count())?;
            let key = word.split(|c: char| !c.is_alphanumeric()).max_by_key(|run| run.chars().count())?;
            let follows = match p.get(at + 1) {
                Some(next) if plain(word) && plain(next) => Follows::word(next),
                _ => Follows::anything(),
            };
            Some((key.to_lowercase(), follows))
        });
        // Contractions the tokens read back (`mustn't` is `must not`,
        // `won't` is `will not`) are words of their own to the prefilter:
        // with a straight apostrophe its stem (`mustn`, followed by the
        // apostrophe); with a curly one, which is not ASCII and so part of
        // the word, the whole contraction (`mustn’t`).
        let prefilter = prefilter.flat_map(|(w, follows)| {
            let stem = match w.as_str() {
                "will" => "wo",
                "shall" => "sha",
                _ => w.as_str(),
            };
            let contractions = [format!("{w}n"), format!("{stem}n")]
                .into_iter()
                .map(|c| (c, Follows::apostrophe()))
                .chain([format!("{w}n’t"), format!("{stem}n’t")].into_iter().map(|c| (c, Follows::anything())))
                .collect::<Vec<_>>();
            std::iter::once((w, follows)).chain(contractions)
        });
        let prefilter = Keys::new(prefilter);
        Detector { starts: detect::starts(&lexicon), lexicon, prefilter }
    }

    /// The lexicon it reads with.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The commitment of one sentence read alone, if any.
    pub fn sentence(&self, sentence: &str) -> Option<Found> {
        detect::detect_with(sentence, &self.lexicon, &self.starts, Context::default())
    }

    /// The commitments of a paragraph's sentences, read in order: a pronoun
    /// can stand for an institution named before it (`It will continue`),
    /// and the items of a list opened by a commitment that ends in a colon
    /// (`you must do these things:` `A. Use …` `N. Do not …`) are bound by it.
    pub fn paragraph(&self, sentences: &[&str]) -> Vec<Option<Found>> {
        let joined = sentences.join(" ");
        let mut at = 0;
        let read: Vec<Sentence> = sentences
            .iter()
            .map(|&s| {
                let before = &joined[..at];
                at += s.len() + 1;
                Sentence { text: s, trigger: !self.prefilter.find(s).is_empty(), before }
            })
            .collect();
        self.read_paragraph(&read, &mut None, &mut Default::default())
    }

    /// [`Detector::paragraph`], with the commitment whose list is still
    /// open from the paragraph before (`stem`); leaves in `stem` the one
    /// still open at the end. A list goes on while paragraphs open with an item.
    fn read_paragraph(
        &self,
        sentences: &[Sentence],
        stem: &mut Option<Found>,
        scratch: &mut tokens::Scratch,
    ) -> Vec<Option<Found>> {
        if sentences.first().is_none_or(|s| list_item(s.text).is_none()) {
            *stem = None;
        }
        let mut out = Vec::with_capacity(sentences.len());
        let mut named = detect::NamedBefore::default();
        for &Sentence { text: sentence, trigger, before } in sentences {
            // Read once for the paragraph, not from its start for each sentence.
            let before = if before.len() > LONG_BEFORE { named.before(before, &self.lexicon) } else { before };
            let context = Context { before };
            let item = list_item(sentence);
            let found = if item.is_some() && stem.is_some() || trigger {
                detect::detect_in(sentence, &self.lexicon, &self.starts, context, scratch)
            } else {
                None
            };
            let found = match (found, item, &*stem) {
                (None, Some(marker), Some(stem)) => Some(inherit(stem, &sentence[marker.end()..])),
                (found, None, _) if sentence.trim_end().ends_with(':') => {
                    *stem = found.clone().filter(|f| f.kind != CommitmentType::Reported);
                    found
                }
                (found, _, _) => found,
            };
            out.push(found);
        }
        out
    }

    /// Every commitment of an edition, in document order; read on two
    /// threads, a piece of the edition at a time (see [`pieces`]).
    pub fn edition(&self, edition: &Edition) -> Vec<Commitment> {
        let found = crate::parallel::map(&pieces(edition), |r| self.paragraphs(edition, r.clone(), &|_| false));
        found.into_iter().flatten().collect()
    }

    /// The commitments of the paragraphs in `range`, leaving out those `skip` names.
    fn paragraphs(
        &self,
        edition: &Edition,
        range: std::ops::Range<usize>,
        skip: &dyn Fn(usize) -> bool,
    ) -> Vec<Commitment> {
        let mut out = Vec::new();
        let mut stem = None;
        let mut scratch = tokens::Scratch::default();
        for (p, paragraph) in edition.paragraphs.iter().enumerate().take(range.end).skip(range.start) {
            if skip(p) {
                stem = None;
                continue;
            }
            let text = &paragraph.text;
            // One pass of the prefilter over the paragraph, not one per sentence.
            let triggers = self.prefilter.find(text);
            if stem.is_none() && triggers.is_empty() {
                continue;
            }
            let within = |at: &[usize], span: &std::ops::Range<u32>| {
                at.iter().any(|&k| (span.start as usize..span.end as usize).contains(&k))
            };
            let sentences: Vec<Sentence> = crate::segment::sentences::spans(text)
                .into_iter()
                .map(|span| Sentence {
                    text: &text[span.start as usize..span.end as usize],
                    trigger: within(&triggers, &span),
                    before: &text[..span.start as usize],
                })
                .collect();
            let found = self.read_paragraph(&sentences, &mut stem, &mut scratch);
            for (s, (sentence, found)) in sentences.iter().map(|s| s.text).zip(found).enumerate() {
                if let Some(f) = found {
                    out.push(Commitment {
                        paragraph: p,
                        sentence: s,
                        text: sentence.to_string(),
                        kind: f.kind,
                        actor: f.actor,
                        trigger: f.trigger,
                        level: f.level,
                        strength: f.strength,
                        negated: f.negated,
                    });
                }
            }
        }
        out
    }
}

/// The text before a sentence longer than this (in bytes) is read once for
/// the whole paragraph ([`detect::NamedBefore`]); a shorter one as it is.
const LONG_BEFORE: usize = 4096;

/// About how many paragraphs a thread reads at a time.
pub(super) const PIECE: usize = 256;

/// The paragraphs of `edition` in pieces of about [`PIECE`], each starting
/// where no list goes on: a list item is read with the commitment that
/// opened its list, in the paragraph before.
pub(super) fn pieces(edition: &Edition) -> Vec<std::ops::Range<usize>> {
    let n = edition.paragraphs.len();
    let mut out = Vec::new();
    let mut start = 0;
    while start < n {
        let end = (start + PIECE..n).find(|&p| list_item(&edition.paragraphs[p].text).is_none()).unwrap_or(n);
        out.push(start..end);
        start = end;
    }
    out
}

/// `0..n` in consecutive ranges of `size` (the last may be shorter).
pub(super) fn ranges(n: usize, size: usize) -> Vec<std::ops::Range<usize>> {
    (0..n).step_by(size).map(|s| s..(s + size).min(n)).collect()
}

/// A sentence and what one pass of the prefilter over its paragraph found in it.
#[derive(Clone, Copy)]
struct Sentence<'a> {
    text: &'a str,
    /// It holds a prefilter key: it may hold a trigger.
    trigger: bool,
    /// The paragraph's text before it.
    before: &'a str,
}

/// A list item's marker: `A. `, `(b) `, `3) `, `iv. `, `- `.
static LIST_ITEM: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    Regex::new(r"^(?:(?:[A-Za-z]|\d{1,3}|[ivxlc]{1,5})[.)]|\((?:[A-Za-z]|\d{1,3}|[ivxlc]{1,5})\)|[-*•])\s+").unwrap()
});

/// The marker of a list item opening `text`, if any (a cheap look at the
/// first bytes before the regex).
pub(super) fn list_item(text: &str) -> Option<regex::Match<'_>> {
    let head = text.as_bytes().get(..8.min(text.len()))?;
    let marked = head.iter().any(|&b| matches!(b, b'.' | b')')) || matches!(head.first(), Some(b'-' | b'*' | 0xE2));
    if marked { LIST_ITEM.find(text) } else { None }
}

/// A list item bound by the commitment that opened its list; `Do not …` forbids.
fn inherit(stem: &Found, item: &str) -> Found {
    let lower = item.trim_start().to_lowercase();
    let forbids = ["do not ", "not ", "never ", "don't ", "don’t "].iter().any(|w| lower.starts_with(w));
    let mut found = stem.clone();
    if forbids && stem.kind == CommitmentType::Obligation {
        found.kind = CommitmentType::Prohibition;
        found.negated = true;
        found.trigger = format!("{} not", stem.trigger);
        found.level = format!("{} not", stem.level);
    }
    found
}

impl Default for Detector {
    fn default() -> Self {
        Detector::new(Lexicon::english())
    }
}
