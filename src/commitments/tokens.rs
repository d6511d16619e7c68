//! Sentences as words and punctuation, the material the detector reads.

use std::borrow::Cow;

/// A word or a punctuation mark of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// As printed (for a contraction's second half, `not`).
    pub text: &'a str,
    /// In lower case, apostrophes straightened.
    pub lower: Cow<'a, str>,
    /// Byte offsets in the sentence.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    word: bool,
}

impl Token<'_> {
    /// A word, not punctuation.
    pub fn is_word(&self) -> bool {
        self.word
    }
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '/' | '.')
}

/// [`word_char`] of each ASCII byte.
static WORD_ASCII: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || matches!(b as u8, b'\'' | b'-' | b'/' | b'.');
        b += 1;
    }
    table
};

/// Splits a sentence into words (letters, digits and inner `'-/.`) and
/// single punctuation marks. `won't`, `shouldn't` become two words, the
/// second `not`. ASCII bytes are read as they are; only the others are
/// decoded.
pub fn tokenize(sentence: &str) -> Vec<Token<'_>> {
    tokens(sentence, None)
}

/// Buffers that one thread reuses from sentence to sentence: the tokens'
/// vector and the sentence's lower case. A sentence's tokens took an
/// allocation of a few kilobytes each, which the allocator serves slowly.
#[derive(Debug, Default)]
pub struct Scratch {
    tokens: Vec<Token<'static>>,
    lowered: String,
}

impl Scratch {
    /// The ASCII lower case of `sentence` ([`str::to_ascii_lowercase`]),
    /// in the reused buffer: hand it back with [`Scratch::keep`].
    pub fn lower(&mut self, sentence: &str) -> String {
        let mut lowered = std::mem::take(&mut self.lowered);
        lowered.clear();
        lowered.push_str(sentence);
        lowered.make_ascii_lowercase();
        lowered
    }

    /// The tokens of `sentence`, as [`tokenize`] makes them, in the reused
    /// vector; `lowered` is [`Scratch::lower`] of it, whose ASCII words'
    /// lower case the tokens borrow. Hand them back with [`Scratch::keep`].
    pub fn tokens<'a>(&mut self, sentence: &'a str, lowered: &'a str) -> Vec<Token<'a>> {
        debug_assert_eq!(sentence.len(), lowered.len());
        let mut tokens = recycle(std::mem::take(&mut self.tokens));
        tokens_into(&mut tokens, sentence, Some(lowered));
        tokens
    }

    /// Takes the buffers back: the tokens first, then the lower case they borrowed.
    pub fn keep(&mut self, tokens: Vec<Token<'_>>) -> &mut String {
        self.tokens = recycle(tokens);
        &mut self.lowered
    }
}

/// An emptied vector of tokens of another lifetime in the same allocation
/// (collected in place: the element types have the same layout).
// `filter_map` rather than `filter`: the item's type changes (its lifetime).
#[allow(clippy::unnecessary_filter_map)]
fn recycle<'b>(mut tokens: Vec<Token<'_>>) -> Vec<Token<'b>> {
    tokens.clear();
    tokens.into_iter().filter_map(|_| None).collect()
}

fn tokens<'a>(sentence: &'a str, lowered: Option<&'a str>) -> Vec<Token<'a>> {
    let mut out = Vec::with_capacity(sentence.len() / 4);
    tokens_into(&mut out, sentence, lowered);
    out
}

fn tokens_into<'a>(out: &mut Vec<Token<'a>>, sentence: &'a str, lowered: Option<&'a str>) {
    let bytes = sentence.as_bytes();
    let char_at = |i: usize| sentence[i..].chars().next().unwrap_or(' ');
    let mut i = 0;
    while i < bytes.len() {
        let c = if bytes[i] < 0x80 { char::from(bytes[i]) } else { char_at(i) };
        let start = i;
        i += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            let text = &sentence[start..i];
            out.push(Token { text, lower: Cow::Borrowed(text), start, end: i, word: false });
            continue;
        }
        let mut ascii = c.is_ascii();
        while i < bytes.len() {
            match bytes[i] {
                b if b < 0x80 && WORD_ASCII[usize::from(b)] => i += 1,
                b if b < 0x80 => break,
                _ => match char_at(i) {
                    c if word_char(c) => {
                        ascii = false;
                        i += c.len_utf8();
                    }
                    _ => break,
                },
            }
        }
        let end = i;
        // Trailing `.`, `'`, `’`, `-`, `/` belong to the punctuation, not the word.
        let mut end_word = end;
        loop {
            if matches!(bytes[end_word - 1], b'.' | b'\'' | b'-' | b'/') {
                end_word -= 1;
            } else if bytes[..end_word].ends_with("’".as_bytes()) {
                end_word -= "’".len();
            } else {
                break;
            }
        }
        push_word(out, sentence, lowered.filter(|_| ascii), start, end_word);
        if end_word < end {
            let rest = &sentence[end_word..end];
            out.push(Token { text: rest, lower: Cow::Borrowed(rest), start: end_word, end, word: false });
        }
    }
}

fn push_word<'a>(out: &mut Vec<Token<'a>>, sentence: &'a str, lowered: Option<&'a str>, start: usize, end: usize) {
    let text = &sentence[start..end];
    let lower: Cow<str> = match lowered {
        // Given only for an ASCII word.
        Some(lowered) => Cow::Borrowed(&lowered[start..end]),
        _ if text.is_ascii() => {
            if text.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(text.to_ascii_lowercase())
            } else {
                Cow::Borrowed(text)
            }
        }
        _ if text.chars().any(|c| c.is_uppercase() || c == '’') => Cow::Owned(text.to_lowercase().replace('’', "'")),
        _ => Cow::Borrowed(text),
    };
    // Contractions and clitics all hold an apostrophe (straightened in
    // `lower`): most words have none and are pushed as they are.
    if !lower.as_bytes().contains(&b'\'') {
        out.push(Token { text, lower, start, end, word: true });
        return;
    }
    let stem = match &lower {
        Cow::Borrowed(lower) => lower.strip_suffix("n't").map(Cow::Borrowed),
        Cow::Owned(lower) => lower.strip_suffix("n't").map(|s| Cow::Owned(s.to_string())),
    };
    if let Some(stem) = stem {
        let stem = match stem.as_ref() {
            "wo" => Cow::Borrowed("will"),
            "sha" => Cow::Borrowed("shall"),
            "ca" => Cow::Borrowed("can"),
            _ => stem,
        };
        let split = end - "n't".len() - if text.ends_with("n’t") { 2 } else { 0 };
        out.push(Token { text: &sentence[start..split], lower: stem, start, end: split, word: true });
        out.push(Token { text: &sentence[split..end], lower: Cow::Borrowed("not"), start: split, end, word: true });
        return;
    }
    // `we'll`, `I'm`, `they're`, `we've`: the pronoun and the verb it
    // stands for (`will`, `am`, `are`, `have`); `let's` is `let us`, `it's` `it is`.
    let is_after = ["it's", "that's", "there's", "here's", "what's"];
    let clitic = [("'ll", "will"), ("'m", "am"), ("'re", "are"), ("'ve", "have"), ("'s", "us"), ("'s", "is")]
        .into_iter()
        .find(|&(suffix, full)| {
            lower.ends_with(suffix)
                && match (suffix, full) {
                    ("'s", "us") => lower.as_ref() == "let's",
                    ("'s", _) => is_after.contains(&lower.as_ref()),
                    _ => true,
                }
        });
    if let Some((suffix, full)) = clitic {
        // The printed clitic is as long as its lower case, but for a curly apostrophe.
        let printed = suffix.len() + if text.ends_with(&suffix.replace('\'', "’")) { 2 } else { 0 };
        let split = end - printed;
        if split > start {
            let head: Cow<str> = Cow::Owned(lower[..lower.len() - suffix.len()].to_string());
            out.push(Token { text: &sentence[start..split], lower: head, start, end: split, word: true });
            out.push(Token { text: &sentence[split..end], lower: Cow::Borrowed(full), start: split, end, word: true });
            return;
        }
    }
    out.push(Token { text, lower, start, end, word: true });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.lower.into_owned()).collect()
    }

    #[test]
    fn words_keep_inner_marks_and_contractions_split() {
        assert_eq!(
            lower("The Secretary-General won’t urge U.N. bodies (1/4 percent)."),
            ["the", "secretary-general", "will", "not", "urge", "u.n", ".", "bodies", "(", "1/4", "percent", ")", "."]
        );
        assert_eq!(lower("shouldn't, I"), ["should", "not", ",", "i"]);
        // The same with the lower case given, and in reused buffers.
        let mut scratch = Scratch::default();
        for s in ["The Secretary-General won’t urge U.N. bodies (1/4 percent).", "shouldn't, I", "We CAN'T, Élise"] {
            let lowered = scratch.lower(s);
            let tokens = scratch.tokens(s, &lowered);
            assert_eq!(tokens, tokenize(s), "{s}");
            let buffer = scratch.keep(tokens);
            *buffer = lowered;
        }
        assert!(scratch.tokens.capacity() > 0 && scratch.lowered.capacity() > 0, "the allocations are kept");
        assert_eq!(
            lower("We’ll go; I'm sure they're here, let's see"),
            ["we", "will", "go", ";", "i", "am", "sure", "they", "are", "here", ",", "let", "us", "see"]
        );
        let t = tokenize("We can't");
        assert_eq!((t[1].text, t[2].text), ("ca", "n't"));
    }
}
