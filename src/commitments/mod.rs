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
pub mod timeline;
mod tokens;

pub use detect::{Context, Found, detect_sentence};
pub use filter::{CommitmentFilter, CommitmentView};
pub use lexicon::Lexicon;

use crate::align::words::{exact_hash, text_similarity};
use crate::align::{self, AlignOptions};
use crate::classify::words::word_diff;
use crate::model::{
    ChangeKind, Commitment, CommitmentChange, CommitmentChangeKind, CommitmentType, Commitments, Comparison, Edition,
    StrengthChange,
};
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

/// A set of words looked for in running text: their lower-case hashes,
/// each with what must follow it, and the shapes of the ASCII ones (first
/// and last letters, second and second-to-last letters, length), so that
/// most words are passed over without hashing.
#[derive(Debug, Clone)]
struct Keys {
    hashes: rustc_hash::FxHashMap<u64, Follows>,
    /// For each pair of first and last letters, a bit per word length (31
    /// and longer share the last).
    outer: Box<[u32; 1024]>,
    /// The same for the second and second-to-last letters.
    inner: Box<[u32; 1024]>,
    /// The length of the shortest ASCII key, up to 3 (0 for none).
    shortest: usize,
}

/// A pair of ASCII bytes as an index into a 32 × 32 table: a letter's
/// upper and lower case share their five low bits.
fn pair_index(a: u8, b: u8) -> usize {
    usize::from(a & 31) << 5 | usize::from(b & 31)
}

/// What may follow a key for one of its phrases to stand there.
#[derive(Debug, Clone, Default, PartialEq)]
struct Follows {
    /// Anything: the key ends a phrase, or its next word is not plain.
    anything: bool,
    /// An apostrophe: the key is a contraction's stem (`shan` of `shan't`,
    /// `won` of `won't`).
    apostrophe: bool,
    /// A space and one of these words (their lower-case hashes):
    /// `committed` stands in `committed to` and `committed themselves to`.
    words: rustc_hash::FxHashSet<u64>,
}

impl Follows {
    fn anything() -> Follows {
        Follows { anything: true, ..Follows::default() }
    }

    fn apostrophe() -> Follows {
        Follows { apostrophe: true, ..Follows::default() }
    }

    fn word(word: &str) -> Follows {
        Follows { words: [crate::read::lowercase_hash(word)].into_iter().collect(), ..Follows::default() }
    }

    /// What may follow a key in any of its phrases.
    fn add(&mut self, other: Follows) {
        self.anything |= other.anything;
        self.apostrophe |= other.apostrophe;
        self.words.extend(other.words);
    }

    /// Whether `rest`, the text just after a key, may go on one of its
    /// phrases. A phrase's words are consecutive tokens: only spaces come
    /// between them, and punctuation or a mark after the key (`committed,`
    /// `committed-to`) ends the phrase or makes the key part of a longer
    /// token. A non-ASCII character is let through.
    fn allows(&self, rest: &str) -> bool {
        if self.anything || self.apostrophe && rest.starts_with(['\'', '’']) {
            return true;
        }
        if self.words.is_empty() {
            return false;
        }
        let after = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
        if after.len() == rest.len() {
            return rest.starts_with(|c: char| !c.is_ascii());
        }
        let next = after.split(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric()).next().unwrap_or("");
        !next.is_ascii() || self.words.contains(&crate::read::lowercase_hash(next))
    }
}

impl Keys {
    fn new(words: impl Iterator<Item = (String, Follows)>) -> Keys {
        let mut keys =
            Keys { hashes: Default::default(), outer: Box::new([0; 1024]), inner: Box::new([0; 1024]), shortest: 3 };
        for (w, follows) in words.filter(|(w, _)| !w.is_empty()) {
            keys.hashes.entry(crate::read::lowercase_hash(&w)).or_default().add(follows);
            // A word with a non-ASCII byte is always looked up.
            if w.is_ascii() {
                let (b, n) = (w.as_bytes(), w.len());
                let (second, second_last) = if n > 1 { (b[1], b[n - 2]) } else { (b[0], b[n - 1]) };
                keys.outer[pair_index(b[0], b[n - 1])] |= 1u32 << n.min(31);
                keys.inner[pair_index(second, second_last)] |= 1u32 << n.min(31);
                keys.shortest = keys.shortest.min(n);
            }
        }
        keys
    }

    /// The byte offsets of the words of `text` that are keys. Words are runs
    /// of letters and digits (a non-ASCII character counts as a letter), so
    /// `won't` is `won` and `t`.
    ///
    /// The text is read 64 bytes at a time as a mask of word bytes, and
    /// words are found where the mask ends a run: one unpredictable branch
    /// per block rather than one per word. An ASCII word shorter than every
    /// key is passed over in the mask, without being visited.
    fn find(&self, text: &str) -> Vec<usize> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        // The start of the word still open at the end of the block before.
        let mut open = 0;
        let mut last = 0u64;
        let mut last_high = 0u64;
        for (k, chunk) in bytes.chunks(64).enumerate() {
            let (mask, high) = if chunk.len() == 64 {
                word_mask(chunk)
            } else {
                let mut block = [0u8; 64];
                block[..chunk.len()].copy_from_slice(chunk);
                word_mask(&block)
            };
            if last >> 63 == 0 {
                open = k * 64;
            }
            // The mask shifted by one and two bytes, the block before's end shifted in.
            let (by1, by2) = (mask << 1 | last >> 63, mask << 2 | last >> 62);
            // Bit `i` set where a word ends just before byte `i`…
            let mut ends = !mask & by1;
            // … kept when the word is long enough, or its last byte is not ASCII.
            ends &= match self.shortest {
                0 | 1 => !0,
                2 => by1 << 1 | last >> 63,
                _ => (by1 & by2) << 1 | (last & last << 1) >> 63,
            } | (high << 1 | last_high >> 63);
            while ends != 0 {
                let at = ends.trailing_zeros() as usize;
                ends &= ends - 1;
                // The word starts after the last non-word byte before it in the block, if any.
                let before = !mask & ((1u64 << at) - 1);
                let (start, ascii) = if before != 0 {
                    let from = 64 - before.leading_zeros() as usize;
                    (k * 64 + from, high & ((1u64 << at) - (1u64 << from)) == 0)
                } else {
                    (open, bytes[open..k * 64 + at].is_ascii())
                };
                self.visit(text, start..k * 64 + at, ascii, &mut out);
            }
            if mask >> 63 == 1 && !mask != 0 {
                open = k * 64 + 64 - (!mask).leading_zeros() as usize;
            }
            (last, last_high) = (mask, high);
        }
        if last >> 63 == 1 {
            self.visit(text, open..bytes.len(), bytes[open..].is_ascii(), &mut out);
        }
        out
    }

    /// Looks up the word `text[word]` when it may be a key: a non-ASCII
    /// word (it may lower-case to another length) always, an ASCII one
    /// when it has a key's shape.
    #[inline(always)]
    fn visit(&self, text: &str, word: std::ops::Range<usize>, ascii: bool, out: &mut Vec<usize>) {
        if !ascii || self.shaped(&text.as_bytes()[word.clone()]) {
            self.look_up(text, word, out);
        }
    }

    /// Whether an ASCII word has the shape of a key.
    #[inline(always)]
    fn shaped(&self, word: &[u8]) -> bool {
        let n = word.len();
        let bit = 1u32 << n.min(31);
        let (first, last) = (word[0], word[n - 1]);
        let (second, second_last) = if n > 1 { (word[1], word[n - 2]) } else { (first, last) };
        self.outer[pair_index(first, last)] & bit != 0 && self.inner[pair_index(second, second_last)] & bit != 0
    }

    /// Adds the start of `text[word]` to `out` when it is a key.
    #[inline(never)]
    fn look_up(&self, text: &str, word: std::ops::Range<usize>, out: &mut Vec<usize>) {
        if let Some(follows) = self.hashes.get(&crate::read::lowercase_hash(&text[word.clone()]))
            && follows.allows(&text[word.end..])
        {
            out.push(word.start);
        }
    }
}

/// Bit `i` of the first mask is set when byte `i` of `chunk` (at most 64
/// bytes) belongs to a word: an ASCII letter or digit, or any byte of a
/// non-ASCII character; of the second, when it is not ASCII. Eight bytes
/// at a time, as the bytes of a `u64` (SWAR).
#[inline(always)]
fn word_mask(chunk: &[u8]) -> (u64, u64) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn each(byte: u8) -> u64 {
        u64::from_ne_bytes([byte; 8])
    }
    // The eight high bits gathered into the low byte, byte `i` to bit `i`.
    let gather = |v: u64| (v >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
    let eights = || chunk.chunks_exact(8).map(|e| u64::from_le_bytes(e.try_into().unwrap_or_default()));
    let (mut mask, mut any_high) = (0u64, 0u64);
    for (k, v) in eights().enumerate() {
        // Each byte below 0x80, so no sum below carries into the next byte.
        let ascii = v & !HIGH;
        let lower = ascii | each(0x20);
        // A byte's high bit is set when it is at least `lo` and not past `hi`.
        let letter = lower.wrapping_add(each(0x80 - b'a')) & !lower.wrapping_add(each(0x7f - b'z'));
        let digit = ascii.wrapping_add(each(0x80 - b'0')) & !ascii.wrapping_add(each(0x7f - b'9'));
        mask |= gather((letter | digit | v) & HIGH) << (8 * k);
        any_high |= v;
    }
    // Most text is ASCII: the second mask is gathered only when it is not.
    let high = if any_high & HIGH == 0 {
        0
    } else {
        eights().enumerate().fold(0, |high, (k, v)| high | gather(v & HIGH) << (8 * k))
    };
    (mask, high)
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
const PIECE: usize = 256;

/// The paragraphs of `edition` in pieces of about [`PIECE`], each starting
/// where no list goes on: a list item is read with the commitment that
/// opened its list, in the paragraph before.
fn pieces(edition: &Edition) -> Vec<std::ops::Range<usize>> {
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
fn ranges(n: usize, size: usize) -> Vec<std::ops::Range<usize>> {
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
fn list_item(text: &str) -> Option<regex::Match<'_>> {
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
    let done = crate::parallel::map(&pieces, |(in_new, range)| {
        if !in_new {
            return (detector.paragraphs(&cmp.old, range.clone(), &|_| false), Vec::new());
        }
        let same: Vec<Option<usize>> = range.clone().map(|n| same_as(cmp, &counterpart, n)).collect();
        (detector.paragraphs(&cmp.new, range.clone(), &|p| same[p - range.start].is_some()), same)
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

#[cfg(test)]
mod tests {
    use super::Keys;

    /// The keys of `text` found the slow way: every run of letters and
    /// digits (any non-ASCII character counts as a letter), lower-cased.
    fn slow(keys: &[&str], text: &str) -> Vec<usize> {
        let word = |c: char| c.is_ascii_alphanumeric() || !c.is_ascii();
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (word(c), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    if keys.contains(&text[s..i].to_lowercase().as_str()) {
                        out.push(s);
                    }
                    start = None;
                }
                _ => {}
            }
        }
        out
    }

    #[test]
    fn a_key_is_found_only_where_one_of_its_phrases_can_stand() {
        let detector = super::Detector::default();
        let found = |text: &str| !detector.prefilter.find(text).is_empty();
        for text in [
            "States committed to act.",
            "States committed themselves to act.",
            "States are committed\n to act.",
            "You shan't copy it.",
            "You may not copy it.",
            "You MAY NOT copy it.",
            "You mayn’t copy it.",
            "The Committee won’t raise rates.",
            "They undertake to report.",
            "I urge States.",
            "It will.",
        ] {
            assert!(found(text), "{text}");
        }
        for text in [
            "Crimes committed by armed groups.",
            "Crimes were committed, to be sure.",
            "Crimes committed-to-memory.",
            "Fighting in Shan State.",
            "It may be late.",
            "Work undertaken in 2017.",
            "Action plans were adopted.",
            "The report was committed",
        ] {
            assert!(!found(text), "{text}");
        }
        // A curly apostrophe is part of the prefilter's word: the contraction
        // is a key of its own, and the sentence is read.
        let read = detector.paragraph(&["You mustn’t copy it.", "The Committee won’t raise rates."]);
        let kinds: Vec<_> = read.iter().map(|f| f.as_ref().map(|f| (f.kind, f.negated))).collect();
        use crate::model::CommitmentType::*;
        assert_eq!(kinds, [Some((Prohibition, true)), Some((Pledge, true))]);
    }

    #[test]
    fn keys_are_found_wherever_the_blocks_fall() {
        // The shortest ASCII key has one, two and three letters: shorter
        // words are passed over in the mask, but never a non-ASCII one.
        let sets: [&[&str]; 3] = [
            &["will", "urge", "shall", "won", "requested", "é", "élire", "x"],
            &["will", "urge", "shall", "won", "requested", "é", "élire", "to"],
            &["will", "urge", "shall", "won", "requested", "é", "élire", "ÉÉ"],
        ];
        let tails = [
            " will urge WILL, Urge-will.",
            "won't SHALL requested;requested",
            " ÉLIRE élire willing swill é x É to ab",
            " xx wil1 will to",
            "will",
            "é",
            "x",
            "to",
        ];
        for words in sets {
            let keys = Keys::new(words.iter().map(|w| (w.to_string(), super::Follows::anything())));
            for pad in 0..140 {
                for tail in tails {
                    for filler in ["a", " ", "ab "] {
                        let text = format!("{}{tail}", filler.repeat(pad));
                        assert_eq!(keys.find(&text), slow(words, &text), "{words:?} {text:?}");
                    }
                }
            }
        }
    }
}
