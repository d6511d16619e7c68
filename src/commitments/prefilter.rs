//! The fast prefilter: the words a sentence must hold for any trigger
//! phrase of the lexicon to stand in it, found without tokenizing.

/// A set of words looked for in running text: their lower-case hashes,
/// each with what must follow it, and the shapes of the ASCII ones (first
/// and last letters, second and second-to-last letters, length), so that
/// most words are passed over without hashing.
#[derive(Debug, Clone)]
pub(super) struct Keys {
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
pub(super) struct Follows {
    /// Anything: the key ends a phrase, or its next word is not plain.
    anything: bool,
    /// An apostrophe: the key is a contraction's stem (`shan` of `shan't`,
    /// `won` of `won't`).
    apostrophe: bool,
    /// A space and one of these words (their lower-case hashes):
    /// `committed` stands in `committed to` and `committed themselves to`.
    words: rustc_hash::FxHashSet<u64>,
    /// Anything, when a comma, a semicolon or an opening bracket comes
    /// before it, only spaces between (`, provided you`).
    after_mark: bool,
    /// Its only phrase is a speaker's progressive (`I am working`, `the
    /// Committee is monitoring`): found as a [`Keys::SPEAKER`] key.
    speaker: bool,
    /// Anything, when `my` or `our` comes just before it (`My
    /// Administration is …`): the speaker's own body.
    possessed: bool,
    /// Its only phrases are conditions and limits (`at least`, `only if`),
    /// which bind only a permission in their sentence (`may be at most`,
    /// `You may …, provided that`): found as a [`Keys::PERMISSION`] key.
    permission: bool,
    /// Its only phrases are verbs that ask their object (`expects CAs
    /// to`), which bind only with `to` after the object, no mark between:
    /// found as a [`Keys::ASK`] key.
    ask: bool,
}

impl Follows {
    pub(super) fn anything() -> Follows {
        Follows { anything: true, ..Follows::default() }
    }

    pub(super) fn apostrophe() -> Follows {
        Follows { apostrophe: true, ..Follows::default() }
    }

    pub(super) fn word(word: &str) -> Follows {
        Follows { words: [crate::read::lowercase_hash(word)].into_iter().collect(), ..Follows::default() }
    }

    /// Anything, for the speaker's progressive only.
    pub(super) fn speaker() -> Follows {
        Follows { anything: true, speaker: true, ..Follows::default() }
    }

    /// Anything after `my` or `our`, for the speaker's progressive only.
    pub(super) fn possessed() -> Follows {
        Follows { possessed: true, speaker: true, ..Follows::default() }
    }

    pub(super) fn after_mark() -> Follows {
        Follows { after_mark: true, ..Follows::default() }
    }

    /// `self`, for a phrase that binds only with a permission in its sentence.
    pub(super) fn with_permission(self) -> Follows {
        Follows { permission: true, ..self }
    }

    /// `self`, for a verb that asks its object, which binds only with `to` after it.
    pub(super) fn with_ask(self) -> Follows {
        Follows { ask: true, ..self }
    }

    /// What may follow a key in `self`'s phrases or in `other`'s.
    pub(super) fn with(mut self, other: Follows) -> Follows {
        self.add(other);
        self
    }

    /// What may follow a key in any of its phrases.
    fn add(&mut self, other: Follows) {
        self.anything |= other.anything;
        self.apostrophe |= other.apostrophe;
        self.after_mark |= other.after_mark;
        self.possessed |= other.possessed;
        // A speaker's (a permission's) key only while every phrase it stands for is.
        self.speaker &= other.speaker;
        self.permission &= other.permission;
        self.ask &= other.ask;
        self.words.extend(other.words);
    }

    /// Whether a key between `before` and `rest` (the text just before and
    /// just after it) may stand in one of its phrases. A phrase's words are
    /// consecutive tokens: only spaces come between them, and punctuation
    /// or a mark after the key (`committed,` `committed-to`) ends the
    /// phrase or makes the key part of a longer token. A non-ASCII
    /// character is let through.
    fn allows(&self, before: &str, rest: &str) -> bool {
        if self.anything || self.apostrophe && rest.starts_with(['\'', '’']) {
            return true;
        }
        if self.after_mark && before.trim_end().ends_with([',', ';', '(']) {
            return true;
        }
        if self.possessed {
            let word = before.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            if word.eq_ignore_ascii_case("my") || word.eq_ignore_ascii_case("our") {
                return true;
            }
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
    pub(super) fn new(words: impl Iterator<Item = (String, Follows)>) -> Keys {
        let mut keys =
            Keys { hashes: Default::default(), outer: Box::new([0; 1024]), inner: Box::new([0; 1024]), shortest: 3 };
        for (w, follows) in words.filter(|(w, _)| !w.is_empty()) {
            match keys.hashes.entry(crate::read::lowercase_hash(&w)) {
                std::collections::hash_map::Entry::Occupied(mut e) => e.get_mut().add(follows),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(follows);
                }
            }
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

    /// Set in an offset [`Keys::find`] gives for a key that stands only
    /// for a speaker's progressive: the sentence holding it is read only
    /// when it may hold one ([`may_progress`]).
    pub(super) const SPEAKER: usize = 1 << (usize::BITS - 1);

    /// Set in an offset [`Keys::find`] gives for a key that stands only
    /// for conditions and limits: the sentence holding it is read only when
    /// it names a permission ([`Permissions::within`]).
    pub(super) const PERMISSION: usize = 1 << (usize::BITS - 2);

    /// Set in an offset [`Keys::find`] gives for a key that stands only
    /// for verbs that ask their object: the sentence holding it is read
    /// only when `to` may follow the object ([`asks_to`]).
    pub(super) const ASK: usize = 1 << (usize::BITS - 3);

    /// The bits of an offset that are no part of it.
    pub(super) const FLAGS: usize = Keys::SPEAKER | Keys::PERMISSION | Keys::ASK;

    /// The byte offsets of the words of `text` that are keys (with
    /// [`Keys::SPEAKER`] set for a speaker's key). Words are runs
    /// of letters and digits (a non-ASCII character counts as a letter), so
    /// `won't` is `won` and `t`.
    ///
    /// The text is read 64 bytes at a time as a mask of word bytes, and
    /// words are found where the mask ends a run: one unpredictable branch
    /// per block rather than one per word. An ASCII word shorter than every
    /// key is passed over in the mask, without being visited.
    pub(super) fn find(&self, text: &str) -> Vec<usize> {
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
            && follows.allows(&text[..word.start], &text[word.end..])
        {
            let flag = if follows.speaker {
                Keys::SPEAKER
            } else if follows.permission {
                Keys::PERMISSION
            } else if follows.ask {
                Keys::ASK
            } else {
                0
            };
            out.push(word.start | flag);
        }
    }
}

/// The words of which a sentence must hold one for a condition or a limit
/// to bind in it: a word of each permission phrase (`condition` reads
/// one before it) and `may` and `can` (`limit` reads one near it).
#[derive(Debug, Clone)]
pub(super) struct Permissions {
    /// Lower case, ASCII; `None` when some phrase has no such word to look
    /// for, and every sentence may then hold one.
    words: Option<Vec<String>>,
    /// A bit per length of the words (31 and longer share the last): most
    /// runs of a sentence are passed over without comparing.
    lengths: u32,
}

impl Permissions {
    /// The words of `phrases`: of each, its longest run of letters and
    /// digits that a token reads as printed (not a contraction's or a
    /// clitic's stand-in, such as `is` for `’s`).
    pub(super) fn new<'a>(phrases: impl Iterator<Item = &'a Vec<String>>) -> Permissions {
        const STAND_INS: &[&str] = &["will", "shall", "am", "are", "is", "have", "us", "not"];
        let word = |p: &Vec<String>| {
            let runs = p.iter().flat_map(|w| w.split(|c: char| !c.is_alphanumeric()));
            let run = runs.filter(|r| !r.is_empty() && !STAND_INS.contains(r)).max_by_key(|r| r.len())?;
            run.is_ascii().then(|| run.to_ascii_lowercase())
        };
        let words: Option<Vec<String>> = phrases.map(word).chain(["may", "can"].map(|w| Some(w.to_string()))).collect();
        let lengths = words.iter().flatten().fold(0, |bits, w| bits | 1u32 << w.len().min(31));
        Permissions { words, lengths }
    }

    /// Whether `sentence` may hold a permission: one of the words, in any
    /// case, between two bytes that are no ASCII letters or digits. A
    /// token whose lower case is an ASCII word is printed in ASCII (`can`
    /// of `can't` too), but for the Kelvin sign (`K`), which lets a
    /// sentence through.
    pub(super) fn within(&self, sentence: &str) -> bool {
        let Some(words) = &self.words else {
            return true;
        };
        let bytes = sentence.as_bytes();
        let mut runs = bytes.split(|b| !b.is_ascii_alphanumeric());
        runs.any(|run| {
            self.lengths >> run.len().min(31) & 1 == 1 && words.iter().any(|w| run.eq_ignore_ascii_case(w.as_bytes()))
        }) || memchr::memmem::find(bytes, "\u{212A}".as_bytes()).is_some()
    }
}

/// Whether the verb whose key starts at byte `at` of `sentence` may ask an
/// object to act (`expects CAs to`, `directs the Secretariat to`): `to`
/// follows it, a word or more between and no mark that parts tokens (a
/// comma, a bracket; not `.`, `'`, `-` or `/`, which may be inside a word,
/// nor a non-ASCII character, which may be a letter). `detect::shape`
/// reads the object as the word tokens before `to`.
pub(super) fn asks_to(sentence: &str, at: usize) -> bool {
    let bytes = sentence.as_bytes();
    let key_end = at + bytes[at..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    let stop = |b: u8| b.is_ascii() && !b.is_ascii_alphanumeric() && !b.is_ascii_whitespace() && !b".'-/".contains(&b);
    let end = bytes[key_end..].iter().position(|&b| stop(b)).map_or(bytes.len(), |p| key_end + p);
    let rest = &bytes[key_end..end];
    let to = |i: usize| {
        rest[i..].len() >= 2
            && rest[i..i + 2].eq_ignore_ascii_case(b"to")
            && rest.get(i + 2).is_none_or(|b| !b.is_ascii_alphanumeric())
            && (i == 0 || !rest[i - 1].is_ascii_alphanumeric())
            && !rest[..i].iter().all(u8::is_ascii_whitespace)
    };
    (0..rest.len()).any(to)
}

/// Whether a sentence may hold a progressive (`am`, `is`, `are` + a verb
/// in `-ing`): it has one of those words (a run of letters and digits, in
/// any case) and a word in `-ing` after it, or an apostrophe (`I'm`,
/// `we’re`, `it's`).
pub(super) fn may_progress(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    // `’` is E2 80 99 in UTF-8.
    let curly = || memchr::memchr_iter(0xE2, bytes).any(|i| bytes[i + 1..].starts_with(&[0x80, 0x99]));
    if memchr::memchr(b'\'', bytes).is_some() || curly() {
        return true;
    }
    if !sentence.is_ascii() {
        // A non-ASCII character may be a letter or a mark: read as chars.
        return be_then_verb(sentence.split(|c: char| !c.is_alphanumeric()).map(str::as_bytes));
    }
    // ASCII: the words are runs of letters and digits, read as bytes.
    be_then_verb(bytes.split(|b| !b.is_ascii_alphanumeric()))
}

/// Whether `am`, `is` or `are` comes with what the clause shapes read
/// after it: a word of six letters or more in `-ing` later (`is
/// monitoring`, `is in the process of buying`), or `to` right after it
/// (`is to report`, `is also to be submitted`).
fn be_then_verb<'a>(words: impl Iterator<Item = &'a [u8]>) -> bool {
    let be =
        |w: &[u8]| matches!(w.len(), 2 | 3) && [&b"am"[..], b"is", b"are"].iter().any(|v| w.eq_ignore_ascii_case(v));
    let (mut seen, mut right_after) = (false, false);
    for w in words.filter(|w| !w.is_empty()) {
        if seen && w.len() > 5 && w[w.len() - 3..].eq_ignore_ascii_case(b"ing")
            || right_after && w.eq_ignore_ascii_case(b"to")
        {
            return true;
        }
        let is_be = be(w);
        right_after = is_be || right_after && (w.eq_ignore_ascii_case(b"also") || w.eq_ignore_ascii_case(b"then"));
        seen |= is_be;
    }
    false
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

#[cfg(test)]
mod tests {
    use super::Keys;
    use crate::commitments::Detector;

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
        let detector = Detector::default();
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
            "You may copy it, provided you keep the notice.",
            "You may copy it (provided you keep it).",
            "You may copy it provided that you keep it.",
            "Our goal is to act.",
            "It is our mission to help.",
            "Our first priority: peace.",
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
            "The information provided by States.",
            "The mission ended; its purpose, peace.",
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
    fn a_speakers_key_counts_where_a_progressive_may_stand() {
        let detector = Detector::default();
        let speaker_only = |text: &str| {
            let keys = detector.prefilter.find(text);
            !keys.is_empty() && keys.iter().all(|&k| k & Keys::SPEAKER != 0)
        };
        assert!(speaker_only("I welcome the report."));
        assert!(speaker_only("The Committee is monitoring inflation."));
        for text in ["I am investing in schools.", "We’re building it.", "THE COMMITTEE IS MONITORING", "It's done."]
        {
            assert!(super::may_progress(text), "{text}");
        }
        for text in
            ["I welcome the report.", "This island arena", "Amis", "The Committee is pleased.", "Monitoring is key."]
        {
            assert!(!super::may_progress(text), "{text}");
        }
        // Non-ASCII marks part words as any other mark does; letters do not.
        assert!(super::may_progress("The Committee—is monitoring"));
        assert!(!super::may_progress("The Committee éis monitoring"));
        use crate::model::CommitmentType::Pledge;
        let read = detector.paragraph(&["I welcome the report.", "The Committee is monitoring inflation."]);
        let kinds: Vec<_> = read.iter().map(|f| f.as_ref().map(|f| f.kind)).collect();
        assert_eq!(kinds, [None, Some(Pledge)]);
    }

    #[test]
    fn a_condition_or_a_limit_counts_where_a_permission_is_named() {
        let detector = Detector::default();
        let reads = |text: &str| detector.reads(text, detector.prefilter.find(text));
        for text in [
            "It may be at most five words long.",
            "Names MAY be up to 16 characters.",
            "You can't copy it, provided that you pay.",
            "Copies are permitted only under the terms.",
            "Only one value may be given.",
        ] {
            assert!(reads(text), "{text}");
        }
        for text in ["At least 20 women were abducted.", "Most victims were children.", "under the conditions of"] {
            assert!(!reads(text), "{text}");
        }
        let keys = detector.prefilter.find("at least");
        assert!(keys.len() == 1 && keys[0] & Keys::PERMISSION != 0);
        // A verb that asks its object is read only with `to` after the object.
        for text in
            ["Mozilla expects CAs to disclose it.", "It DIRECTS the U.N. Secretariat to act.", "We need États to act."]
        {
            assert!(reads(text), "{text}");
        }
        for text in ["It needs to act.", "They provide direct support, to victims.", "The needs of victims."] {
            assert!(!reads(text), "{text}");
        }
        // `During` and `According` open no aim: such a sentence is not read.
        for text in ["During the period, 20 cases were reported in the region.", "According to UNODC, flows rose."] {
            assert!(!reads(text), "{text}");
        }
        assert!(reads("Conserving 30% of our lands and waters by 2030 through local action."));
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
