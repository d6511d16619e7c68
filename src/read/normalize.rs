//! The normalised form of text that comparisons use.

use unicode_normalization::UnicodeNormalization;

/// Normalises `text` for comparison: compatibility forms (ligatures such as
/// `ﬁ`, NBSP) become their plain letters (NFKC), soft hyphens go, curly quotes
/// become straight ones, and every run of whitespace becomes one space.
/// Case and punctuation are kept: they are edits a reader would want to see.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// [`normalize`] into `out` (cleared first), to reuse one buffer.
pub fn normalize_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        // ASCII needs no NFKC: only the spaces change.
        let mut pending_space = false;
        for word in text.split_ascii_whitespace() {
            if pending_space {
                out.push(' ');
            }
            out.push_str(word);
            pending_space = true;
        }
        return;
    }
    // Common printed punctuation and Latin-1 letters are their own NFKC:
    // only spaces and curly quotes change.
    if text.chars().all(is_plain) {
        let mut pending_space = false;
        for word in text.split_whitespace() {
            if pending_space {
                out.push(' ');
            }
            if word.contains(is_curly_quote) {
                out.extend(word.chars().map(straighten));
            } else {
                out.push_str(word);
            }
            pending_space = true;
        }
        return;
    }
    // Most other text is already in NFKC too: skip the decomposition then.
    if unicode_normalization::is_nfkc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes {
        fold(text.chars(), |c| out.push(c))
    } else {
        fold(text.nfkc(), |c| out.push(c))
    }
}

/// Calls `each` with the words of [`normalize`]`(text)` in order (the runs
/// between its single spaces). ASCII text and text of [`is_plain`]
/// characters need no normalised copy: their words are their runs of
/// non-spaces, with curly quotes straightened (in `buffer`). Other text is
/// normalised into `buffer` first.
pub fn normalized_words(text: &str, buffer: &mut String, mut each: impl FnMut(&str)) {
    if text.is_ascii() {
        text.split_ascii_whitespace().for_each(each);
        return;
    }
    if text.chars().all(is_plain) {
        for word in text.split_whitespace() {
            if word.contains(is_curly_quote) {
                buffer.clear();
                buffer.extend(word.chars().map(straighten));
                each(buffer);
            } else {
                each(word);
            }
        }
        return;
    }
    normalize_into(text, buffer);
    if !buffer.is_empty() {
        buffer.split(' ').for_each(each);
    }
}

/// Characters that NFKC leaves alone and [`fold`] does not drop: ASCII,
/// Latin-1 letters, dashes, quotes, bullets.
fn is_plain(c: char) -> bool {
    c.is_ascii()
        || matches!(c, '\u{C0}'..='\u{FF}' | '\u{2010}' | '\u{2012}'..='\u{2015}' | '\u{2018}'..='\u{201F}' | '\u{2022}')
}

fn is_curly_quote(c: char) -> bool {
    matches!(c, '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}')
}

/// Curly quotes and primes become straight quotes.
fn straighten(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
        c => c,
    }
}

fn fold(chars: impl Iterator<Item = char>, mut emit: impl FnMut(char)) {
    let mut started = false;
    let mut pending_space = false;
    for c in chars {
        if c == '\u{00AD}' {
            continue;
        }
        let c = straighten(c);
        if c.is_whitespace() {
            pending_space = started;
            continue;
        }
        if pending_space {
            emit(' ');
            pending_space = false;
        }
        started = true;
        emit(c);
    }
}

/// [`lowercase_hash`] of a word known to be ASCII, given as bytes (any
/// bytes may be given: only ASCII capitals are lowered).
///
/// Eight bytes a step: hashing byte by byte was a tenth of reading a long
/// edition, as every word of it is hashed. Each step folds the high half
/// of a 128-bit product into the low one: a plain multiplication carries a
/// difference only upwards, and then `expressed` and `expressmy` hashed
/// alike. (Words hold no NUL byte, so the zeros that fill the last step
/// cannot make two words of different lengths one.)
pub fn ascii_lowercase_hash(word: &[u8]) -> u64 {
    const K: u128 = 0x51_7c_c1_b7_27_22_0a_95;
    let step = |h: u64, bytes: u64| {
        let product = u128::from(h ^ ascii_lower(bytes)) * K;
        (product as u64) ^ ((product >> 64) as u64)
    };
    let mut h = 0x2d_35_8d_cc_aa_6c_78_a5_u64;
    let mut chunks = word.chunks_exact(8);
    for chunk in &mut chunks {
        h = step(h, u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
    }
    // The last bytes gathered in a register: written to a buffer one by one
    // and read back as a whole, they stalled the processor (a fifth of
    // hashing).
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = step(h, rest.iter().rev().fold(0, |v, &b| v << 8 | u64::from(b)));
    }
    h
}

/// The eight bytes of `v` with their ASCII capitals in lower case, all at once.
fn ascii_lower(v: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low7 = v & (0x7f * ONES);
    // A byte's high bit: at least `A`, and above `Z`, in the low seven bits.
    let at_least_a = low7 + (0x80 - u64::from(b'A')) * ONES;
    let above_z = low7 + (0x80 - u64::from(b'Z') - 1) * ONES;
    let capital = at_least_a & !above_z & !v & (0x80 * ONES);
    v | (capital >> 2)
}

/// A hash of `word` in lower case, the same whichever case it is printed
/// in; ASCII words are lowered eight bytes at a time, without allocating.
pub fn lowercase_hash(word: &str) -> u64 {
    if !word.is_ascii() && word.chars().any(char::is_uppercase) {
        ascii_lowercase_hash(word.to_lowercase().as_bytes())
    } else {
        ascii_lowercase_hash(word.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn ascii_lower_lowers_capitals_only() {
        let all: Vec<u8> = (0..=255).collect();
        for chunk in all.chunks(8) {
            let v = u64::from_le_bytes(chunk.try_into().unwrap());
            let lowered: Vec<u8> = chunk.iter().map(u8::to_ascii_lowercase).collect();
            assert_eq!(super::ascii_lower(v).to_le_bytes().to_vec(), lowered);
        }
    }

    #[test]
    fn lowercase_hash_ignores_case() {
        use super::lowercase_hash as h;
        assert_eq!(h("Committee"), h("committee"));
        assert_eq!(h("ÉTATS"), h("états"));
        assert_ne!(h("state"), h("states"));
        assert_ne!(h("ab"), h("ba"));
    }

    #[test]
    fn plain_and_general_paths_agree() {
        for t in ["“Children’s” café – x", "a\u{00A0}“b”  c\u{00AD}d", " é\t‘x’\n"] {
            let general: String = {
                let mut s = String::new();
                super::fold(unicode_normalization::UnicodeNormalization::nfkc(t), |c| s.push(c));
                s
            };
            assert_eq!(normalize(t), general, "{t:?}");
        }
    }

    #[test]
    fn words_without_the_normalised_copy() {
        for t in ["", "  ", " a  b\tc ", "“Children’s” café – x", "a\u{00A0}“b”  c\u{00AD}d", "ﬁrst ’s", " é\t‘x’\n"]
        {
            let mut got: Vec<String> = Vec::new();
            super::normalized_words(t, &mut String::new(), |w| got.push(w.to_string()));
            let norm = normalize(t);
            let want: Vec<&str> = if norm.is_empty() { Vec::new() } else { norm.split(' ').collect() };
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn ligatures_nbsp_soft_hyphens_quotes_spaces() {
        assert_eq!(
            normalize("  the \u{FB01}rst\u{00A0}ﬂow  of co\u{00AD}operation\n’s “x” "),
            "the first flow of cooperation 's \"x\""
        );
    }
}
