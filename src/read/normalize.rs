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
    // Most text is already in NFKC: skip the decomposition then.
    if unicode_normalization::is_nfkc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes {
        fold(text.chars(), |c| out.push(c))
    } else {
        fold(text.nfkc(), |c| out.push(c))
    }
}

fn fold(chars: impl Iterator<Item = char>, mut emit: impl FnMut(char)) {
    let mut started = false;
    let mut pending_space = false;
    for c in chars {
        let c = match c {
            '\u{00AD}' => continue,
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
            c => c,
        };
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

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn ligatures_nbsp_soft_hyphens_quotes_spaces() {
        assert_eq!(
            normalize("  the \u{FB01}rst\u{00A0}ﬂow  of co\u{00AD}operation\n’s “x” "),
            "the first flow of cooperation 's \"x\""
        );
    }
}
