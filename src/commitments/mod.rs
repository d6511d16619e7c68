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

pub use detect::{Context, Found, Genre, detect_sentence};
pub use filter::{CommitmentFilter, CommitmentView};
pub use lexicon::Lexicon;
pub use matching::{Ledger, compare};

use prefilter::{Follows, Keys, Permissions};

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
    /// The words that may open an order (`[imperative]`, `do`, `never`,
    /// `always`) or a permission denied (`No other encodings are permitted`).
    orders: rustc_hash::FxHashSet<String>,
    /// What a sentence whose only keys are those of conditions and limits
    /// must name for one of them to bind.
    permissions: Permissions,
}

impl Detector {
    /// A detector for `lexicon`.
    pub fn new(lexicon: Lexicon) -> Detector {
        // The longest word of each trigger phrase is the rarest: `is required
        // to` is looked for as `required`, followed by `to`; of a word with
        // marks (`secretary-general`), its longest run, followed by anything.
        let plain = |w: &str| w.chars().all(|c| c.is_ascii_alphanumeric());
        let conditions: Vec<&Vec<String>> = lexicon.conditions.iter().collect();
        // How many of the lexicon's lists hold each phrase.
        let mut uses: rustc_hash::FxHashMap<&Vec<String>, usize> = Default::default();
        for p in lexicon.trigger_phrases() {
            *uses.entry(p).or_default() += 1;
        }
        // A phrase that is only a condition or a limit (`at least`, `only
        // if`) binds only with a permission in its sentence: its key is
        // found as such, unless another list has the same phrase.
        let permission_only = only_in(&uses, lexicon.conditions.iter().chain(lexicon.limits.iter()));
        // Likewise a verb that asks its object (`expects CAs to`) binds only with `to` after it.
        let ask_only = only_in(&uses, lexicon.asks.iter().flat_map(|l| l.own.iter()));
        let prefilter = lexicon.trigger_phrases().filter_map(|p| {
            let (at, word) = p.iter().enumerate().rev().max_by_key(|(_, w)| w.chars().count())?;
            let key = word.split(|c: char| !c.is_alphanumeric()).max_by_key(|run| run.chars().count())?;
            let follows = match p.get(at + 1) {
                Some(next) if plain(word) && plain(next) => Follows::word(next),
                // `provided` alone binds only after a comma, a semicolon or
                // a bracket (`, provided you`): `detect::shape` says so.
                None if p.len() == 1 && word == "provided" && conditions.contains(&p) && uses.get(p) == Some(&1) => {
                    Follows::after_mark()
                }
                _ => Follows::anything(),
            };
            let follows = if permission_only.contains(p) {
                follows.with_permission()
            } else if ask_only.contains(p) {
                follows.with_ask()
            } else {
                follows
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
        // The words of the clause shapes that no phrase names: decisions,
        // withheld permissions, and the clitic of `we'll` (`ll` after a
        // straight apostrophe; with a curly one, the whole word).
        // The speaker's own voice (`[self]`, by the longest word of each
        // name) opens its progressive conduct (`we are investing`), and
        // nouns of aim open its goals (`our goal is to`).
        let speakers = lexicon.self_actors.iter().filter_map(|p| p.iter().max_by_key(|w| w.chars().count()).cloned());
        let words = ["decided", "decides", "permission", "permit", "permitted", "ll", "m", "re"]
            .into_iter()
            .chain(detect::TARGET_WORDS.iter().copied());
        let shapes = words
            .map(str::to_string)
            .chain(["i", "we", "you", "they", "he", "she"].map(|p| format!("{p}’ll")))
            .chain(["i’m", "we’re", "they’re", "let’s"].map(str::to_string))
            .map(|w| (w, Follows::anything()))
            // `let's` is `let us` to the tokens: `let` before a straight apostrophe.
            .chain(std::iter::once(("let".to_string(), Follows::apostrophe())))
            .chain(speakers.map(|w| (w, Follows::speaker())))
            // `My Administration is eliminating …`: a body named as the speaker's own.
            .chain(detect::OWN_BODIES.iter().map(|w| (w.to_string(), Follows::possessed())));
        // A noun of aim makes a goal only before `is`, `remains`, `was`
        // (`our goal is to`) or `to` (`it is our goal to`); `priority` also
        // after `is` (`is our priority`).
        let goals = detect::GOAL_WORDS.iter().map(|&g| {
            let follows = if g == "priority" {
                Follows::anything()
            } else {
                ["is", "remains", "was", "to"].into_iter().map(Follows::word).fold(Follows::default(), Follows::with)
            };
            (g.to_string(), follows)
        });
        // `the Secretariat is to report`: bound by another's decision.
        let destined = ["is", "are"].map(|w| (w.to_string(), Follows::word("to")));
        // A commitment named as a noun, `to` a few words after it.
        let promises = detect::PROMISE_WORDS.iter().map(|&w| (w.to_string(), Follows::anything()));
        let prefilter = Keys::new(prefilter.chain(shapes).chain(goals).chain(promises).chain(destined));
        let orders = lexicon
            .imperatives
            .iter()
            .filter(|p| p.len() == 1)
            .map(|p| p[0].clone())
            .chain(["do", "never", "always", "no", "neither", "nothing", "none"].map(str::to_string))
            .collect();
        let permissions = Permissions::new(lexicon.permissions.iter());
        Detector { starts: detect::starts(&lexicon), lexicon, prefilter, orders, permissions }
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
        self.document(&[sentences]).pop().unwrap_or_default()
    }

    /// [`Detector::paragraph`] for each paragraph of one document, which is
    /// read as a whole to tell whether it is a rule text (a standard, a
    /// licence: its orders are obligations, not calls).
    pub fn document(&self, paragraphs: &[&[&str]]) -> Vec<Vec<Option<Found>>> {
        let genre = self.genre(paragraphs.iter().flat_map(|p| p.iter().copied()));
        let mut stem = None;
        let mut scratch = tokens::Scratch::default();
        paragraphs.iter().map(|p| self.read_sentences(p, genre, &mut stem, &mut scratch)).collect()
    }

    fn read_sentences(
        &self,
        sentences: &[&str],
        genre: Genre,
        stem: &mut Option<Found>,
        scratch: &mut tokens::Scratch,
    ) -> Vec<Option<Found>> {
        let joined = sentences.join(" ");
        let mut at = 0;
        let read: Vec<Sentence> = sentences
            .iter()
            .map(|&s| {
                let before = &joined[..at];
                at += s.len() + 1;
                Sentence { text: s, trigger: self.reads(s, self.prefilter.find(s)), before }
            })
            .collect();
        self.read_paragraph(&read, genre, stem, scratch)
    }

    /// [`Detector::paragraph`], with the commitment whose list is still
    /// open from the paragraph before (`stem`); leaves in `stem` the one
    /// still open at the end. A list goes on while paragraphs open with an item.
    fn read_paragraph(
        &self,
        sentences: &[Sentence],
        genre: Genre,
        stem: &mut Option<Found>,
        scratch: &mut tokens::Scratch,
    ) -> Vec<Option<Found>> {
        // Prose inside a paragraph that opens with an item goes on with the item.
        let in_item = sentences.first().is_some_and(|s| list_item(s.text).is_some());
        let mut out = Vec::with_capacity(sentences.len());
        let mut named = detect::NamedBefore::default();
        for &Sentence { text: sentence, trigger, before } in sentences {
            // Read once for the paragraph, not from its start for each sentence.
            let before = if before.len() > LONG_BEFORE { named.before(before, &self.lexicon) } else { before };
            let context = Context { before, rules: genre.rules, news: genre.news, impersonal: genre.impersonal };
            let item = list_item(sentence);
            let found = if item.is_some() && stem.is_some() || trigger {
                detect::detect_in(sentence, &self.lexicon, &self.starts, context, scratch)
            } else {
                None
            };
            let found = match (found, item, &*stem) {
                (None, Some(marker), Some(_))
                    if marker.as_str().contains(|c: char| c.is_ascii_digit())
                        && detect::heading_like(&sentence[marker.end()..]) =>
                {
                    *stem = None;
                    None
                }
                (None, Some(marker), Some(stem)) => Some(inherit(stem, &sentence[marker.end()..])),
                // Items without a marker under a lead-in that ends at its
                // colon: each an order (`Measure and report …`), with short
                // titles between them (`Regular Reporting`).
                (Some(found), None, Some(stem)) if opens_with_order(&found, sentence) => Some(inherit(stem, sentence)),
                (None, None, Some(_)) if !ends_sentence(sentence) && detect::heading_like(sentence) => None,
                (found, None, _) if sentence.trim_end().ends_with(':') => {
                    *stem = found.clone();
                    found
                }
                (found, None, _) if !in_item => {
                    // Prose after the items closes the list.
                    *stem = None;
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
        let genre = self.genre(edition.paragraphs.iter().map(|p| p.text.as_str()));
        let found = crate::parallel::map(&pieces(edition), |r| self.paragraphs(edition, r.clone(), genre, &|_| false));
        found.into_iter().flatten().collect()
    }

    /// The commitments of the paragraphs in `range`, leaving out those `skip` names.
    fn paragraphs(
        &self,
        edition: &Edition,
        range: std::ops::Range<usize>,
        genre: Genre,
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
            if stem.is_none() && triggers.is_empty() && !self.orders_within(text) {
                continue;
            }
            let sentences: Vec<Sentence> = crate::segment::sentences::spans(text)
                .into_iter()
                .map(|span| {
                    let (start, end) = (span.start as usize, span.end as usize);
                    let sentence = &text[start..end];
                    let keys = triggers
                        .iter()
                        .copied()
                        .filter(|&k| (start..end).contains(&(k & !Keys::FLAGS)))
                        // Offsets in the sentence, for `reads`.
                        .map(|k| k - start);
                    Sentence { text: sentence, trigger: self.reads(sentence, keys), before: &text[..start] }
                })
                .collect();
            let found = self.read_paragraph(&sentences, genre, &mut stem, &mut scratch);
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
/// The phrases of which every use (`uses`: how many lists hold each) is in
/// `subset`.
fn only_in<'a>(
    uses: &rustc_hash::FxHashMap<&'a Vec<String>, usize>,
    subset: impl Iterator<Item = &'a Vec<String>>,
) -> rustc_hash::FxHashSet<&'a Vec<String>> {
    let mut left = uses.clone();
    for p in subset {
        left.entry(p).and_modify(|n| *n -= 1);
    }
    left.into_iter().filter(|&(_, n)| n == 0).map(|(p, _)| p).collect()
}

/// Whether `found` is the order a sentence opens with (`Implement …`): its
/// trigger is the sentence's first word, a call or an obligation.
fn opens_with_order(found: &Found, sentence: &str) -> bool {
    let first = sentence.split_whitespace().next().unwrap_or("");
    matches!(found.kind, CommitmentType::Call | CommitmentType::Obligation) && found.trigger.eq_ignore_ascii_case(first)
}

/// Whether a sentence ends as one: a stop, a question or exclamation mark,
/// a colon or semicolon, a closing quotation mark or bracket after one.
fn ends_sentence(sentence: &str) -> bool {
    let end = sentence.trim_end().trim_end_matches(['”', '"', '’', '\'', ')']);
    end.ends_with(['.', '!', '?', ':', ';'])
}

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

impl Detector {
    /// Whether the detector reads `sentence`, whose prefilter `keys` are
    /// given (byte offsets in it, with their flags): a key of any phrase (a
    /// speaker's key only in a sentence that may hold its progressive, a
    /// condition's or a limit's only in one that names a permission, a verb
    /// that asks its object only with `to` after it), or an order or a
    /// permission denied at the opening of a sentence or clause.
    fn reads(&self, sentence: &str, keys: impl IntoIterator<Item = usize>) -> bool {
        let (mut speaker, mut permission) = (false, false);
        for k in keys {
            if k & Keys::FLAGS == 0 || k & Keys::ASK != 0 && prefilter::asks_to(sentence, k & !Keys::FLAGS) {
                return true;
            }
            speaker |= k & Keys::SPEAKER != 0;
            permission |= k & Keys::PERMISSION != 0;
        }
        speaker && prefilter::may_progress(sentence)
            || permission && self.permissions.within(sentence)
            || self.orders_within(sentence)
            || self.orders_after_intro(sentence)
    }

    /// Whether a sentence of `text` may open with an order: [`Detector::may_order`]
    /// at its start and after every end of a sentence or clause.
    fn orders_within(&self, text: &str) -> bool {
        // The marks are ASCII, so a byte equal to one is the mark (never part
        // of another character): searched for as bytes (SIMD), not as chars.
        let after = |i: usize| {
            let rest = &text[i + 1..];
            rest.starts_with(char::is_whitespace) && self.may_order(rest)
        };
        let bytes = text.as_bytes();
        self.may_order(text)
            || memchr::memchr3_iter(b'.', b':', b';', bytes).any(after)
            || memchr::memchr2_iter(b'!', b'?', bytes).any(after)
    }

    /// `If there is none, create one`, `To do this, add …`: an order after
    /// the first comma of a sentence that opens with a clause.
    fn orders_after_intro(&self, sentence: &str) -> bool {
        const INTRO: &[&str] =
            &["If ", "To ", "When ", "Where ", "Unless ", "In ", "For ", "Once ", "After ", "Before ", "Otherwise"];
        INTRO.iter().any(|w| sentence.starts_with(w))
            && sentence.find(',').is_some_and(|c| self.may_order(&sentence[c + 1..]))
    }

    /// Whether `sentence` may open with an order (`Set`, `Do not`, `(a) Include`)
    /// or a permission denied (`No other … are permitted`): its first word,
    /// past a list marker, is one of [`Detector::orders`], or a capitalised
    /// word in `-ing` (an aim).
    fn may_order(&self, sentence: &str) -> bool {
        let rest = list_item(sentence).map_or(sentence, |m| &sentence[m.end()..]).trim_start();
        let end = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
        // Lower case without allocating: every order word is short ASCII.
        let mut buffer = [0u8; 16];
        let Some(lower) = buffer.get_mut(..end).filter(|b| !b.is_empty()) else {
            return false;
        };
        lower.copy_from_slice(&rest.as_bytes()[..end]);
        lower.make_ascii_lowercase();
        // `Conserving 30% of …`: an aim opened by a capitalised verb in `-ing`;
        // not by `During the …` or `According to …` when the word is a token
        // of its own (a space or a mark that parts tokens after it), which
        // `detect::shape` passes over.
        let aim = end >= 6 && lower.ends_with(b"ing") && rest.starts_with(|c: char| c.is_ascii_uppercase());
        let whole =
            rest.as_bytes().get(end).is_none_or(|&b| b.is_ascii_whitespace() || matches!(b, b',' | b';' | b':'));
        let aim = aim && !(whole && std::str::from_utf8(lower).is_ok_and(detect::no_aim));
        aim || std::str::from_utf8(lower).is_ok_and(|w| self.orders.contains(w))
    }
}

/// How much of a document is read to tell a rule text: its opening
/// (a long speech need not be read to its end to count its `we`).
const RULES_READ: usize = 64 * 1024;

/// How much of a document is read to tell a report about others: a news
/// article shows its reporting verbs early.
const NEWS_READ: usize = 64 * 1024;

impl Detector {
    /// What kind of text `texts` (a document's paragraphs or sentences) is:
    /// rules (see [`is_rule_text`]) or, failing that, a report about others
    /// (a news article): in its first 64 KiB, one reporting verb after a
    /// name (`Apple today announced`, `Unilever said`) in every twelve
    /// sentences, or one in every forty where the speaker never says `we`
    /// or `our` outside quotation marks.
    pub(super) fn genre<'a>(&self, texts: impl Iterator<Item = &'a str> + Clone) -> Genre {
        if is_rule_text(texts.clone()) {
            return Genre { rules: true, news: false, impersonal: false };
        }
        let (mut read, mut reports, mut speakers, mut sentences, mut own_voice) = (0, 0, 0, 0, 0);
        let we = |text: &str| [" we ", "We ", " our ", "Our "].iter().map(|m| text.matches(m).count()).sum::<usize>();
        for text in texts {
            if read > NEWS_READ {
                break;
            }
            read += text.len();
            reports += detect::reports_in(text, &self.lexicon);
            if !text.contains(['"', '“', '”']) {
                speakers += we(text);
            }
            if own_voice == 0 {
                own_voice += we(&unquoted(text));
            }
            sentences += text.matches(". ").count() + 1;
        }
        // Without `we`, fewer reports make news, but not one in a long
        // report that cites a statement or two (`according to the Minister`).
        let news =
            reports >= 2 && reports * 12 >= sentences || reports >= 1 && speakers == 0 && reports * 40 >= sentences;
        Genre { rules: false, news, impersonal: own_voice == 0 }
    }
}

/// Whether a text reads as rules (a standard, a licence, a rule book):
/// a text with the RFC 2119 capitals, `you must` or a licence's parties
/// twice, or where one sentence in eight has `must`, `should` or `may not`
/// (or `shall` twice, once in twenty sentences) and the speaker rarely says
/// `we` or `I` (`we shall pay any price` is a speech); read in its first
/// 64 KiB, without what it quotes.
pub(super) fn is_rule_text<'a>(texts: impl Iterator<Item = &'a str>) -> bool {
    let finders = &*RULE_FINDERS;
    let count = |finders: &[memchr::memmem::Finder<'static>], text: &str| -> usize {
        finders.iter().map(|f| f.find_iter(text.as_bytes()).count()).sum()
    };
    let (mut markers, mut shall, mut modals, mut speakers, mut sentences, mut read) = (0, 0, 0, 0, 0, 0);
    for text in texts {
        // The opening tells: a long document is not read to its end.
        if read > RULES_READ {
            break;
        }
        read += text.len();
        // What a text quotes (`decided that the Director-General shall
        // “regularly report …”`) is another's rule, not the text's own.
        let own = unquoted(text);
        let text = own.as_ref();
        markers += count(&finders.markers, text);
        if markers >= 2 {
            return true;
        }
        shall += finders.shall.find_iter(text.as_bytes()).count();
        modals += count(&finders.modals, text);
        speakers += count(&finders.speakers, text);
        sentences += finders.sentence.find_iter(text.as_bytes()).count() + 1;
    }
    let few_speakers = |binding: usize| speakers * 4 < binding.max(1) * 3;
    // Lower-case `shall` makes rules only where it is frequent: a report
    // citing three decisions (`decided that the Director-General shall …`)
    // in 113 sentences (S/2025/490) is none.
    let frequent = markers > 0 || shall * 20 >= sentences;
    markers + shall >= 2 && frequent && few_speakers(markers + shall)
        || modals * 8 >= sentences && few_speakers(modals) && modals >= 2
}

/// `text` without what stands between quotation marks (`“…”`, `"…"`): a
/// quotation left open runs to the end of the text.
fn unquoted(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['"', '“']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut open: Option<char> = None;
    for c in text.chars() {
        match (open, c) {
            (None, '"') => open = Some('"'),
            (None, '“') => open = Some('”'),
            (Some(close), c) if c == close => {
                open = None;
                // The words on either side stay apart.
                out.push(' ');
            }
            (Some(_), _) => {}
            (None, c) => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The words [`is_rule_text`] counts, each searched for with SIMD
/// (`memchr::memmem`, non-overlapping as [`str::matches`] counts them):
/// 22 passes of `str::matches` over an edition were a twentieth of
/// finding its commitments.
struct RuleFinders {
    markers: Vec<memchr::memmem::Finder<'static>>,
    modals: Vec<memchr::memmem::Finder<'static>>,
    speakers: Vec<memchr::memmem::Finder<'static>>,
    shall: memchr::memmem::Finder<'static>,
    sentence: memchr::memmem::Finder<'static>,
}

static RULE_FINDERS: std::sync::LazyLock<RuleFinders> = std::sync::LazyLock::new(|| {
    const MARKERS: &[&str] = &[
        "MUST",
        "SHALL",
        "REQUIRED",
        "You must",
        "you must",
        "You may ",
        "you may not",
        "Licensee",
        "Licensor",
        "this License",
    ];
    const MODALS: &[&str] = &[" must ", " should ", " may not ", " must not ", " should not "];
    const SPEAKERS: &[&str] = &[" we ", "We ", " I ", " our ", "Our "];
    let finders = |words: &[&'static str]| words.iter().map(|w| memchr::memmem::Finder::new(w.as_bytes())).collect();
    RuleFinders {
        markers: finders(MARKERS),
        modals: finders(MODALS),
        speakers: finders(SPEAKERS),
        shall: memchr::memmem::Finder::new(b" shall "),
        sentence: memchr::memmem::Finder::new(b". "),
    }
});

impl Default for Detector {
    fn default() -> Self {
        Detector::new(Lexicon::english())
    }
}
