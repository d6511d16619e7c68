//! Joining wrapped lines and repairing what extraction broke: words split
//! by a space (`recrui tment`), hyphens detached (`post -conflict`), hyphens
//! at line ends (`money-` / `laundering`). A repair is made only where the
//! document itself proves it; no word is invented.

use regex::Regex;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::LazyLock;

/// Stands where a line ended with a hyphen, until [`Repairer`] decides
/// whether the hyphen is part of the word (`money-laundering`) or a break
/// (`manage-ment`). A private-use character: no document uses it.
pub const LINE_END_HYPHEN: char = '\u{E000}';

/// Appends `line` (trimmed) to `buf` as the continuation of wrapped text.
pub fn join_line(buf: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    if buf.is_empty() {
        buf.push_str(line);
        return;
    }
    let mut rev = buf.chars().rev();
    let last = rev.next();
    let before = rev.next();
    // Looked for only where a line ends with `/` or `_`: searched at every
    // line joined, it was 2 % of reading a long edition.
    let last_token = || buf.rsplit(' ').next().unwrap_or("");
    let cut_path = |t: &str| t.len() > 1 && t.contains(['.', '/']) && !t.starts_with('/');
    let cut_link = |t: &str| t.contains("www.") || t.contains("://");
    match last {
        Some('-') if before.is_some_and(char::is_alphanumeric) => {
            buf.pop();
            buf.push(LINE_END_HYPHEN);
        }
        // `multi -` at a line end: a detached hyphen, then the line break.
        Some('-') if before == Some(' ') && buf[..buf.len() - 2].ends_with(char::is_alphabetic) => {
            buf.truncate(buf.len() - 2);
            buf.push(LINE_END_HYPHEN);
        }
        // A dash glued to the word before it continues on the next line
        // (`A/72/865–` `S/2018/465`); so does a path cut at a slash.
        Some('–') if before.is_some_and(|c| !c.is_whitespace()) => {}
        Some('/') if cut_path(last_token()) => {}
        // A link cut after an underscore (`…/files/uncct_cft_` `va_report.pdf`).
        Some('_') if cut_link(last_token()) => {}
        _ => buf.push(' '),
    }
    buf.push_str(line);
}

/// Collapses runs of spaces and tabs into one space on each line, and trims
/// each line. NBSP and other spaces are kept as printed. A text with nothing
/// to collapse comes back as it is.
pub fn collapse_spaces(text: String) -> String {
    // Most paragraphs have nothing to collapse.
    let clean = !text.contains("  ")
        && !text.contains('\t')
        && !text.contains(" \n")
        && !text.contains("\n ")
        && !text.starts_with(' ')
        && !text.ends_with(' ');
    if clean {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut space = false;
        for c in line.trim_matches([' ', '\t']).chars() {
            if c == ' ' || c == '\t' {
                space = true;
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// `post -conflict`: a hyphen detached from the word before it.
static DETACHED_HYPHEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\p{L}+) -(\p{L}+)").unwrap());
/// `groups . In`: a space before a sentence's full stop.
static SPACE_BEFORE_STOP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\p{L}|\)) \.( |$)").unwrap());

/// The commonest English words, sorted: evidence for a split-word repair
/// besides the document's own vocabulary.
const COMMON_WORDS: &[&str] = &[
    "about", "above", "after", "again", "against", "also", "although", "always", "among", "and", "another", "any",
    "are", "around", "because", "been", "before", "being", "below", "between", "both", "but", "can", "could", "does",
    "down", "during", "each", "either", "enough", "even", "every", "few", "first", "for", "from", "further", "had",
    "has", "have", "here", "how", "however", "into", "its", "itself", "just", "last", "least", "less", "many", "more",
    "most", "much", "must", "near", "neither", "never", "new", "next", "none", "nor", "not", "now", "off", "often",
    "once", "only", "other", "others", "our", "out", "over", "own", "same", "several", "shall", "should", "since",
    "some", "still", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "though", "through", "thus", "together", "too", "toward", "towards", "under", "until", "upon", "very", "was",
    "well", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will",
    "with", "within", "without", "would", "year", "years", "yet",
];

/// Words of one and two letters that stand alone in English prose.
const SHORT_WORDS: &[&str] = &[
    "a", "i", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no", "of",
    "on", "or", "so", "to", "up", "us", "we",
];

/// Repairs split words using the vocabulary of the whole document.
pub struct Repairer {
    /// How often each word occurs in the document as printed, by the hash
    /// of its lower case ([`key`]).
    counts: HashMap<u64, u32>,
    /// Words that are no word in their own right, by [`key`]: candidates
    /// for the fragments of a split word.
    fragments: HashSet<u64>,
    /// For each paragraph the vocabulary was learnt from: a fragment stands
    /// in it where a split word could be joined (see [`Repairer::new`]).
    may_join: Vec<bool>,
}

/// What the vocabulary knows of a word while it is learnt.
struct Seen {
    /// How often it occurs.
    count: u32,
    /// A common English word, a word whatever its count.
    common: bool,
    /// Three letters or more: a word if seen twice.
    long: bool,
    /// The paragraph where it stood as one of a pair that
    /// [`Repairer::split_words`] could join. Read only when it occurs once,
    /// so one paragraph is enough.
    paired_in: Option<usize>,
}

/// A word of letters as the first of a pair a split-word join could make.
#[derive(Clone, Copy)]
struct JoinStart {
    key: u64,
    /// [`Seen::always_fragment`].
    always_fragment: bool,
    /// Seen for the first time: it may be seen only once.
    new_word: bool,
}

/// The vocabulary of some of a document's paragraphs, as it is learnt.
#[derive(Default)]
struct Vocabulary {
    /// Each word's [`Seen`], by [`key`].
    seen: HashMap<u64, Seen>,
    /// For each paragraph learnt: a pair of words in it may be joined.
    may_join: Vec<bool>,
}

impl Vocabulary {
    /// Learns `texts`, the paragraphs numbered from `first` on.
    fn learn<S: AsRef<str>>(texts: &[S], first: usize) -> Self {
        let mut seen: HashMap<u64, Seen> = HashMap::default();
        let mut may_join: Vec<bool> = Vec::with_capacity(texts.len());
        for (paragraph, text) in (first..).zip(texts) {
            let text = text.as_ref();
            let bytes = text.as_bytes();
            let mut join = false;
            // The word before: where it ends, and what a join needs of it.
            let mut prev: Option<(usize, Option<JoinStart>)> = None;
            for (start, end, letters_only, k) in keyed_words(text) {
                let word = &text[start..end];
                let entry = seen.entry(k).and_modify(|e| e.count += 1).or_insert_with(|| {
                    let lower = lower(word);
                    let common =
                        SHORT_WORDS.contains(&lower.as_ref()) || COMMON_WORDS.binary_search(&lower.as_ref()).is_ok();
                    Seen { count: 1, common, long: word.chars().count() >= 3, paired_in: None }
                });
                let (always, new_word) = (entry.always_fragment(), entry.count == 1);
                // One space between (bytes compared: slicing the text checked its char boundaries).
                let pair = prev.and_then(|(e, a)| a.filter(|_| letters_only && start == e + 1 && bytes[e] == b' '));
                if let Some(a) = pair
                    && word.starts_with(char::is_lowercase)
                {
                    join |= a.always_fragment || always;
                    entry.paired_in = Some(paragraph);
                    if a.new_word
                        && let Some(first) = seen.get_mut(&a.key)
                    {
                        first.paired_in = Some(paragraph);
                    }
                }
                prev = Some((end, letters_only.then_some(JoinStart { key: k, always_fragment: always, new_word })));
            }
            may_join.push(join);
        }
        Vocabulary { seen, may_join }
    }
}

/// Where to cut `texts` in two halves of about the same size; 0 when the
/// text is too short for a second thread to pay.
fn halfway<S: AsRef<str>>(texts: &[S]) -> usize {
    const WORTH_TWO_THREADS: usize = 1 << 20;
    let total: usize = texts.iter().map(|t| t.as_ref().len()).sum();
    if total < WORTH_TWO_THREADS {
        return 0;
    }
    let mut sum = 0;
    texts
        .iter()
        .position(|t| {
            sum += t.as_ref().len();
            sum >= total / 2
        })
        .map_or(0, |i| i + 1)
}

impl Seen {
    /// Not a word in its own right whatever its count (short and not common).
    fn always_fragment(&self) -> bool {
        !self.common && !self.long
    }

    fn is_fragment(&self) -> bool {
        !(self.common || self.long && self.count > 1)
    }
}

impl Repairer {
    /// Learns the vocabulary of a document from its paragraph texts.
    ///
    /// It also notes which paragraphs hold a pair of words that
    /// [`Repairer::split_words`] could join: two words of letters one
    /// space apart, the second in lower case, one of them a fragment. The
    /// others (in a long document, most) need no search for split words,
    /// which hashes every word again.
    ///
    /// A long document is learnt in two halves on two threads (learning
    /// was a quarter of reading a long edition); their counts add up.
    pub fn new<S: AsRef<str> + Sync>(texts: &[S]) -> Self {
        Self::learnt_in_halves(texts, halfway(texts))
    }

    /// [`Repairer::new`], learning `texts[..half]` and `texts[half..]` at
    /// once (`half` 0: all on this thread).
    fn learnt_in_halves<S: AsRef<str> + Sync>(texts: &[S], half: usize) -> Self {
        let (Vocabulary { mut seen, mut may_join }, second) = if half == 0 {
            (Vocabulary::learn(texts, 0), Vocabulary::default())
        } else {
            let (second, first) = crate::parallel::join(
                || Vocabulary::learn(&texts[half..], half),
                || Vocabulary::learn(&texts[..half], 0),
            );
            (first, second)
        };
        // Which paragraph a word was paired in is read only for a word seen
        // once, so from the one half that saw it.
        for (k, e) in second.seen {
            seen.entry(k).and_modify(|first| first.count += e.count).or_insert(e);
        }
        may_join.extend(second.may_join);
        // A word seen once is a fragment where it stands: its paragraph may join.
        for e in seen.values().filter(|e| e.count == 1 && e.is_fragment()) {
            if let Some(j) = e.paired_in.and_then(|p| may_join.get_mut(p)) {
                *j = true;
            }
        }
        let fragments = seen.iter().filter(|(_, e)| e.is_fragment()).map(|(&k, _)| k).collect();
        let counts = seen.into_iter().map(|(k, e)| (k, e.count)).collect();
        Repairer { counts, fragments, may_join }
    }

    fn count(&self, word: &str) -> u32 {
        self.counts.get(&key(word)).copied().unwrap_or(0)
    }

    /// The word is proven: the document prints it, or it is one of the
    /// commonest English words (which extraction splits as readily as any).
    fn known(&self, word: &str) -> bool {
        self.count(word) > 0 || COMMON_WORDS.binary_search(&word.to_lowercase().as_str()).is_ok()
    }

    /// The word is no word in its own right (`recrui`, `tment`): not
    /// printed elsewhere in the document, nor a common English word.
    fn is_fragment(&self, key: u64) -> bool {
        !self.fragments.is_empty() && self.fragments.contains(&key)
    }

    /// Repairs a text; returns it unchanged (the same allocation) when there
    /// is nothing to repair.
    pub fn repair(&self, text: String) -> String {
        self.repair_with(text, true)
    }

    /// [`Repairer::repair`] for paragraph `index` of the texts the
    /// vocabulary was learnt from.
    pub fn repair_paragraph(&self, index: usize, text: String) -> String {
        self.repair_with(text, self.may_join.get(index).copied().unwrap_or(true))
    }

    /// `may_join`: the text as the vocabulary saw it may hold a split word.
    fn repair_with(&self, text: String, may_join: bool) -> String {
        let mut repaired = self.line_end_hyphens(&text);
        if repaired.as_deref().unwrap_or(&text).contains(" -") {
            // A hyphen glued to the next word with a space before it is a
            // compound's hyphen (`post -conflict`, `UN -Women`): a dash
            // between words has spaces on both sides.
            repaired = replaced(&DETACHED_HYPHEN, repaired.as_deref().unwrap_or(&text), "$1-$2").or(repaired);
        }
        if repaired.as_deref().unwrap_or(&text).contains(" .") {
            repaired = replaced(&SPACE_BEFORE_STOP, repaired.as_deref().unwrap_or(&text), "$1.$2").or(repaired);
        }
        // Text changed above is no longer the text the vocabulary saw.
        if may_join || repaired.is_some() {
            let current = repaired.as_deref().unwrap_or(&text);
            repaired = self.split_words(current).or(repaired);
        }
        repaired.unwrap_or(text)
    }

    /// `money-` + `laundering`: keep the hyphen unless the document only
    /// ever prints the word without it. `None`: no line ended with a hyphen.
    fn line_end_hyphens(&self, text: &str) -> Option<String> {
        if !text.contains(LINE_END_HYPHEN) {
            return None;
        }
        let mut out = String::with_capacity(text.len());
        let mut parts = text.split(LINE_END_HYPHEN).peekable();
        while let Some(part) = parts.next() {
            out.push_str(part);
            let Some(next) = parts.peek() else { break };
            let head: String =
                part.chars().rev().take_while(|c| c.is_alphabetic()).collect::<Vec<_>>().into_iter().rev().collect();
            let tail: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
            let hyphenated = self.count(&format!("{head}-{tail}"));
            let closed = self.count(&format!("{head}{tail}"));
            if !(closed > 0 && hyphenated == 0 && tail.starts_with(char::is_lowercase)) {
                out.push('-');
            }
        }
        Some(out)
    }

    /// `recrui tment` → `recruitment` when the joined word occurs elsewhere
    /// in the document and a fragment occurs nowhere else on its own.
    /// `None`: nothing to join.
    fn split_words(&self, text: &str) -> Option<String> {
        let mut out = String::new();
        let mut copied = 0;
        // The previous word: where it is, and whether it is a fragment.
        let mut prev: Option<(usize, usize, bool)> = None;
        for (start, end, letters_only, k) in keyed_words(text) {
            let b = &text[start..end];
            let b_fragment = letters_only && self.is_fragment(k);
            let pair = prev.filter(|&(_, e, _)| letters_only && &text[e..start] == " ");
            prev = letters_only.then_some((start, end, b_fragment));
            let Some((a_start, a_end, a_fragment)) = pair else { continue };
            let a = &text[a_start..a_end];
            // A letter run glued to digits is a name (`s1`, `x86`), not a
            // broken word: `sum s1` stays as printed.
            let glued_to_digits = text[end..].starts_with(|c: char| c.is_ascii_digit())
                || text[..a_start].ends_with(|c: char| c.is_ascii_digit());
            if !b.starts_with(char::is_lowercase) || !(a_fragment || b_fragment) || glued_to_digits {
                continue;
            }
            let joined = format!("{a}{b}");
            if self.known(&joined) && a_start >= copied {
                out.reserve(text.len());
                out.push_str(&text[copied..a_start]);
                out.push_str(&joined);
                copied = end;
                prev = None;
            }
        }
        if copied == 0 {
            return None;
        }
        out.push_str(&text[copied..]);
        Some(out)
    }
}

/// The text with `re` replaced by `with`, or `None` if it does not match.
fn replaced(re: &Regex, text: &str, with: &str) -> Option<String> {
    match re.replace_all(text, with) {
        Cow::Owned(t) => Some(t),
        Cow::Borrowed(_) => None,
    }
}

/// A word's identity in the vocabulary: a hash of its lower case.
fn key(word: &str) -> u64 {
    crate::read::lowercase_hash(word)
}

/// The word in lower case, borrowed when it already is.
fn lower(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) { Cow::Owned(word.to_lowercase()) } else { Cow::Borrowed(word) }
}

/// The words of `text` as (start, end, letters only): runs of letters,
/// joined by inner hyphens and apostrophes (`money-laundering`, `Children’s`).
/// The line-end hyphen mark separates words.
fn words(text: &str) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
    let bytes = text.as_bytes();
    // The character at byte `i` and its length; ASCII without decoding.
    let at = move |i: usize| -> (char, usize) {
        if bytes[i] < 0x80 {
            (bytes[i] as char, 1)
        } else {
            let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
            (c, c.len_utf8())
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = loop {
            if i >= bytes.len() {
                return None;
            }
            let (c, len) = at(i);
            if c.is_alphabetic() {
                break i;
            }
            i += len;
        };
        let mut end = start;
        let mut letters_only = true;
        while i < bytes.len() {
            let (c, len) = at(i);
            if c.is_alphabetic() || is_mark(c) {
                i += len;
                end = i;
            } else if matches!(c, '-' | '\'' | '’') {
                i += len;
                if i < bytes.len() && at(i).0.is_alphabetic() {
                    letters_only = false;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        Some((start, end, letters_only))
    })
}

/// [`words`] with each word's [`key`]. ASCII text is scanned on its bytes
/// (the same words: ASCII letters are the alphabetic ASCII characters, and
/// `’` and combining marks are not ASCII), without decoding characters.
fn keyed_words(text: &str) -> impl Iterator<Item = (usize, usize, bool, u64)> + '_ {
    let bytes = text.as_bytes();
    let mut general = (!text.is_ascii()).then(|| words(text));
    let mut i = 0;
    std::iter::from_fn(move || {
        if let Some(words) = general.as_mut() {
            return words.next().map(|(start, end, letters_only)| (start, end, letters_only, key(&text[start..end])));
        }
        while i < bytes.len() && !bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        if i == bytes.len() {
            return None;
        }
        let (start, mut end, mut letters_only) = (i, i, true);
        while i < bytes.len() {
            if bytes[i].is_ascii_alphabetic() {
                i += 1;
                end = i;
            } else if matches!(bytes[i], b'-' | b'\'') {
                i += 1;
                if i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                    letters_only = false;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        Some((start, end, letters_only, crate::read::ascii_lowercase_hash(&bytes[start..end])))
    })
}

/// A combining mark (accents written as a separate code point).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_differ_where_a_late_byte_differs() {
        assert_ne!(key("expressed"), key("expressmy"));
        assert_eq!(key("Expressed"), key("expressed"));
        assert_eq!(key("Élan"), key("élan"));
    }

    #[test]
    fn halves_learn_what_the_whole_learns() {
        let doc = [
            "The recrui tment of children",
            "recrui tment and Recruitment",
            "a tment once",
            "an odd wor d",
            "money-laundering and money laundering",
            "Children’s rights, the children’s",
            "",
            "zz yy zz",
        ];
        let whole = Repairer::learnt_in_halves(&doc, 0);
        for half in 1..doc.len() {
            let halves = Repairer::learnt_in_halves(&doc, half);
            assert_eq!(halves.counts, whole.counts, "half {half}");
            assert_eq!(halves.fragments, whole.fragments, "half {half}");
            assert_eq!(halves.may_join, whole.may_join, "half {half}");
        }
    }

    #[test]
    fn halfway_cuts_only_a_long_text_near_its_middle() {
        assert_eq!(halfway(&["a b c"; 10]), 0);
        let long = "word ".repeat(1000);
        let texts = vec![long.as_str(); 1000];
        assert_eq!(halfway(&texts), 500);
    }

    fn repaired(doc: &[&str], text: &str) -> String {
        let repairer = Repairer::new(doc);
        // A paragraph of the document gets the same repair as any text.
        for (i, &p) in doc.iter().enumerate() {
            assert_eq!(repairer.repair_paragraph(i, p.to_string()), repairer.repair(p.to_string()), "{p:?}");
        }
        repairer.repair(text.to_string())
    }

    #[test]
    fn joins_wrapped_lines() {
        let mut s = String::new();
        for l in ["against  ", " money-", "laundering and A/72/865–", "S/2018/465 at www.x.org/a/", "b.pdf."] {
            join_line(&mut s, l);
        }
        assert_eq!(
            s,
            format!("against money{LINE_END_HYPHEN}laundering and A/72/865–S/2018/465 at www.x.org/a/b.pdf.")
        );
    }

    #[test]
    fn split_word_repaired_only_when_proven() {
        let doc = ["the recruitment of children", "continued to document the recrui tment", "in to the room"];
        assert_eq!(repaired(&doc, "the recrui tment and in to"), "the recruitment and in to");
        // Not proven: the joined word occurs nowhere.
        assert_eq!(repaired(&["a rare splitt ing"], "a rare splitt ing"), "a rare splitt ing");
        // A common English word is evidence too.
        assert_eq!(repaired(&["only a fe w States"], "only a fe w States"), "only a few States");
        // A letter run glued to digits is a name (RFC 1950's `s1`), though
        // `sums` occurs: not joined.
        let doc = ["the sums s1 and s2 are", "The sum s1 is initialized to 1"];
        assert_eq!(repaired(&doc, "The sum s1 is initialized to 1"), "The sum s1 is initialized to 1");
    }

    #[test]
    fn detached_hyphens() {
        let doc = ["post -conflict UN -Women a - b"];
        assert_eq!(repaired(&doc, "post -conflict UN -Women a - b"), "post-conflict UN-Women a - b");
        let mut s = String::new();
        join_line(&mut s, "multi -");
        join_line(&mut s, "stakeholder");
        assert_eq!(repaired(&["multi-stakeholder"], &s), "multi-stakeholder");
    }

    #[test]
    fn line_end_hyphens_kept_unless_document_closes_the_word() {
        let doc = ["management", "money-laundering"];
        let t =
            format!("money{LINE_END_HYPHEN}laundering manage{LINE_END_HYPHEN}ment counter{LINE_END_HYPHEN}terrorism");
        assert_eq!(repaired(&doc, &t), "money-laundering management counter-terrorism");
    }

    #[test]
    fn word_spans() {
        let t = "the money-laundering, Children’s café e\u{301} ok";
        let w: Vec<(&str, bool)> = words(t).map(|(s, e, l)| (&t[s..e], l)).collect();
        assert_eq!(
            w,
            [
                ("the", true),
                ("money-laundering", false),
                ("Children’s", false),
                ("café", true),
                ("e\u{301}", true),
                ("ok", true)
            ]
        );
    }

    #[test]
    fn ascii_words_as_the_general_scan() {
        let t = "the money-laundering, Children's -x y- 'a' b''c Q.E.D. 20th X";
        let general: Vec<_> = words(t).map(|(s, e, l)| (s, e, l, key(&t[s..e]))).collect();
        assert_eq!(keyed_words(t).collect::<Vec<_>>(), general);
    }

    #[test]
    fn keys_ignore_case_on_every_path() {
        assert_eq!(key("Committee"), key("committee"));
        assert_eq!(key("ÉTATS"), key("états"));
        assert_eq!(key("\u{212A}m"), key("km"), "a Kelvin sign lowers to ASCII");
        let long = "Counter-Terrorism-Implementation-Task-Force";
        assert_eq!(key(long), key(&long.to_lowercase()));
        assert_ne!(key("state"), key("states"));
        assert_ne!(key("ab"), key("ba"));
    }

    #[test]
    fn collapse() {
        assert_eq!(collapse_spaces("  a   b \n (a)  c ".into()), "a b\n(a) c");
    }
}
