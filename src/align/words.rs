//! Paragraph texts as hashed words: the material alignment compares.
//!
//! Words are compared in lower case with their outer punctuation stripped
//! (`(2017).` is `2017`), as 32-bit hashes: a rare collision can only make
//! two paragraphs look a little more alike.

use crate::read::{ascii_lowercase_hash, lowercase_hash, normalize_into, normalized_words};
use std::hash::Hasher;

fn word_hash(word: &str) -> u32 {
    if word.is_ascii() {
        return ascii_word_hash(word.as_bytes());
    }
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    let core = if core.is_empty() { word } else { core };
    (lowercase_hash(core) >> 32) as u32
}

/// [`word_hash`] of an ASCII word, on its bytes, without decoding characters.
fn ascii_word_hash(word: &[u8]) -> u32 {
    let core = match word.iter().position(u8::is_ascii_alphanumeric) {
        Some(start) => {
            let end = word.iter().rposition(u8::is_ascii_alphanumeric).unwrap_or(start);
            &word[start..=end]
        }
        None => word,
    };
    (ascii_lowercase_hash(core) >> 32) as u32
}

thread_local! {
    /// A buffer for normalised text, reused across paragraphs.
    static BUFFER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// A hash of the text as printed: equal hashes mean identical texts.
pub fn raw_hash(text: &str) -> u64 {
    // FxHash takes 16 bytes a step, mixed by a wide multiply: several times
    // the speed of SipHash over whole paragraphs.
    let mut h = rustc_hash::FxHasher::default();
    h.write(text.as_bytes());
    h.finish()
}

/// A hash of the normalised text: equal hashes mean unchanged. Where an
/// extraction puts spaces does not count (`Da ’esh`, `recrui tment`,
/// `2023 –2024`), nor a hyphen between letters that one extraction keeps
/// at a line end and another drops (`Counter-Terrorism`, `CounterTerrorism`,
/// in `pdftotext`'s default output): the same PDF read two ways is then
/// unchanged. Letters, digits, other punctuation and case still count.
pub fn exact_hash(text: &str) -> u64 {
    BUFFER.with_borrow_mut(|norm| {
        normalize_into(text, norm);
        // The kept bytes are hashed in blocks of a fixed size, so equal
        // kept streams hash alike wherever the dropped bytes stood.
        let mut h = rustc_hash::FxHasher::default();
        let mut block = [0u8; 256];
        let mut n = 0;
        let bytes = norm.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            // A hyphen between a letter and a letter or digit (`EC-83` read
            // as `EC 83` or `EC83`); not between digits (`2023-2024`).
            // Spaces beside it do not count either (`EC- 94`, `mid -2027`).
            let dropped = b == b' '
                || b == b'-' && {
                    let p = bytes[..i].iter().rev().find(|&&c| c != b' ').copied().unwrap_or(b' ');
                    let n = bytes[i + 1..].iter().find(|&&c| c != b' ').copied().unwrap_or(b' ');
                    p.is_ascii_alphanumeric()
                        && n.is_ascii_alphanumeric()
                        && (p.is_ascii_alphabetic() || n.is_ascii_alphabetic())
                };
            if dropped {
                continue;
            }
            block[n] = b;
            n += 1;
            if n == block.len() {
                h.write(&block);
                n = 0;
            }
        }
        h.write(&block[..n]);
        h.finish()
    })
}

/// The word hashes of `text`, sorted: a bag of words.
pub fn bag(text: &str) -> Vec<u32> {
    let mut out = words(text);
    out.sort_unstable();
    out
}

/// The word hashes of `text`, in order.
pub fn words(text: &str) -> Vec<u32> {
    BUFFER.with_borrow_mut(|buffer| {
        let mut out = Vec::with_capacity(text.len() / 6);
        normalized_words(text, buffer, |w| out.push(word_hash(w)));
        out
    })
}

/// Hashes of adjacent word pairs, sorted and unique.
pub fn shingles(words: &[u32]) -> Vec<u32> {
    let mut out: Vec<u32> = words.windows(2).map(|w| w[0].rotate_left(11) ^ w[1].wrapping_mul(0x9E37_79B9)).collect();
    if let [only] = words {
        out.push(*only);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// How many words two sorted bags share (multiset intersection). The
/// merge steps without branches: which side moves on is data, not a jump
/// the processor has to guess (a guess missed at about every other word).
pub fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

/// Dice similarity of two bags of words: an upper bound of [`ordered_similarity`].
pub fn bag_similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * shared(a, b) as f64 / (a.len() + b.len()) as f64
}

/// Dice similarity of two word sequences over their longest common
/// subsequence: the share of words kept in order. For sequences of more
/// than [`super::sequence::EXACT`] words, the common subsequence found in
/// bounded time, which may fall a little short of the longest.
pub fn ordered_similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let ops = super::sequence::diff(similar::Algorithm::Myers, a, b);
    let equal: usize = ops
        .iter()
        .map(|op| match op {
            similar::DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    2.0 * equal as f64 / (a.len() + b.len()) as f64
}

/// [`ordered_similarity`] of two texts.
pub fn text_similarity(a: &str, b: &str) -> f64 {
    ordered_similarity(&words(a), &words(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::normalize;

    #[test]
    fn similarity_ignores_case_punctuation_and_spacing() {
        let a = "The Committee will maintain the target range (0 to 1/4 percent).";
        let b = "the  committee will maintain the target range 0 to 1/4 percent";
        assert_eq!(words(a), words(b));
        assert_ne!(exact_hash(a), exact_hash(b), "exact equality is on the normalised text");
        assert_eq!(text_similarity(a, b), 1.0);
        let c = "The Committee will raise the target range (1/4 to 1/2 percent).";
        let s = text_similarity(a, c);
        assert!(s > 0.6 && s < 0.9, "{s}");
        assert!(bag_similarity(&bag(a), &bag(c)) >= s);
    }

    #[test]
    fn ascii_words_hash_as_the_general_path() {
        let text = " (2017). The  U.N.'s 1,300 -- x-ray \t---  A/72/865 ";
        let general: Vec<u32> = normalize(text).split(' ').map(word_hash).collect();
        assert_eq!(words(text), general);
        assert_eq!(words(" \t "), Vec::<u32>::new());
    }

    #[test]
    fn ligatures_quotes_and_spacing_do_not_make_a_change() {
        assert_eq!(exact_hash("the ﬁrst “flow”"), exact_hash(" the  first \"flow\"\n"));
        assert_ne!(exact_hash("the first flow"), exact_hash("the first flows"));
        assert_eq!(exact_hash("Da ’esh recrui tment, 2023 –2024"), exact_hash("Da’esh recruitment, 2023–2024"));
        assert_eq!(exact_hash("the Counter-Terrorism Centre"), exact_hash("the CounterTerrorism Centre"));
        assert_ne!(exact_hash("the counter-terrorism Centre"), exact_hash("the Counter-Terrorism Centre"));
        assert_ne!(exact_hash("from 2023-2024"), exact_hash("from 20232024"));
        assert_eq!(exact_hash("decision EC-83/DEC.5 of C-SS-4"), exact_hash("decision EC 83/DEC.5 of C- SS4"));
    }
}
