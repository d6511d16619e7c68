//! Splitting a paragraph into sentences.
//!
//! A sentence ends at `.`, `!` or `?` (and any closing quote or bracket)
//! followed by a space and the start of a new sentence; not inside
//! parentheses, and not after an abbreviation (`e.g.`, `U.S.`, `No.`) or an
//! initial (`Janet L. Yellen`). A new line (list item, table row) always
//! ends a sentence. `released.The`, glued by PDF extraction, is split.

const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "cf", "vs", "viz", "al", "No", "Nos", "no", "nos", "Art", "art", "para", "paras", "Para",
    "Paras", "Vol", "vol", "p", "pp", "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Inc", "Ltd", "Co", "Corp", "Jr", "Sr",
    "Gen", "Gov", "Rev", "Sec", "Fig", "Ch", "ch", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "approx", "Approx", "ca", "op", "cit", "ibid", "Ibid", "Ref", "ref", "Nr", "Sen", "Rep",
    "Hon",
];

fn opens_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '‘' | '(' | '[' | '\'')
}

/// The word (run of non-space characters) that ends at byte `end` of `text`.
fn word_before(text: &str, end: usize) -> &str {
    let head = &text[..end];
    let start = head.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
    head[start..].trim_start_matches(['(', '[', '“', '"', '‘'])
}

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if ABBREVIATIONS.contains(&w) {
        return true;
    }
    // One letter.
    let letter = |p: &str| {
        let mut chars = p.chars();
        chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
    };
    // An initial (`L.`) or dotted initials (`U.S.`, `U.N.`, `e.g.`).
    letter(w) || w.contains('.') && w.split('.').all(letter)
}

/// Splits `text` into sentences, each trimmed, as byte ranges of `text`.
pub fn spans(text: &str) -> Vec<std::ops::Range<u32>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        split_line(line, offset, &mut out);
        offset += line.len() + 1;
    }
    out
}

/// Splits `text` into sentences, each trimmed.
pub fn split(text: &str) -> Vec<&str> {
    spans(text).into_iter().map(|r| &text[r.start as usize..r.end as usize]).collect()
}

/// The byte ranges inside matched pairs of brackets. An unmatched bracket
/// (`(see (S/2018/250).`, a typo in print) opens nothing.
fn bracketed(line: &str) -> Vec<(usize, usize)> {
    let bytes = line.as_bytes();
    let mut marks: Vec<usize> = memchr::memchr3_iter(b'(', b')', b'[', bytes).collect();
    if memchr::memchr(b']', bytes).is_some() {
        marks.extend(memchr::memchr_iter(b']', bytes));
        marks.sort_unstable();
    }
    let mut pairs = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for i in marks {
        if matches!(bytes[i], b'(' | b'[') {
            open.push(i);
        } else if let Some(o) = open.pop() {
            pairs.push((o + 1, i));
        }
    }
    pairs
}

/// Closing quotes and brackets that end a sentence with its full stop.
fn is_closer(c: char) -> bool {
    matches!(c, '”' | '"' | '’' | '\'' | ')' | ']')
}

fn split_line(line: &str, offset: usize, out: &mut Vec<std::ops::Range<u32>>) {
    let mut start = 0;
    // The bracketed ranges, found when a boundary first needs them.
    let mut inside: Option<Vec<(usize, usize)>> = None;
    let bytes = line.as_bytes();
    let mut from = 0;
    while let Some(k) = memchr::memchr3(b'.', b'!', b'?', &bytes[from..]) {
        let i = from + k;
        let b = bytes[i];
        // Closing quotes and brackets belong to the sentence.
        let mut j = i + 1;
        let mut last = i;
        while let Some(c) = line[j..].chars().next().filter(|&c| is_closer(c)) {
            last = j;
            j += c.len_utf8();
        }
        from = j;
        let next = line[j..].chars().next();
        let spaced = next.is_some_and(char::is_whitespace);
        let ends = spaced && line[j..].trim_start().chars().next().is_some_and(opens_sentence)
            || b == b'.' && next.is_some_and(char::is_uppercase) && glued(line, i, j);
        if !ends || b == b'.' && is_abbreviation(word_before(line, i + 1)) {
            continue;
        }
        if inside.get_or_insert_with(|| bracketed(line)).iter().any(|&(s, e)| s <= last && last < e) {
            continue;
        }
        push(out, line, start..j, offset);
        start = j;
    }
    push(out, line, start..line.len(), offset);
}

/// The full stop at `i`, followed at `j` by a capital, ends a sentence
/// glued to the next by extraction (`released.The`): a lower-case word
/// before it, a lower-case letter after the capital, and no `.`, `/` or `@`
/// in the word (`www.un.org.Next`).
fn glued(line: &str, i: usize, j: usize) -> bool {
    let mut after = line[j..].chars().skip(1);
    let mut before = line[..i].chars().rev();
    after.next().is_some_and(char::is_lowercase)
        && before.next().is_some_and(char::is_lowercase)
        && before.next().is_some_and(char::is_lowercase)
        && !word_before(line, i).contains(['.', '/', '@'])
}

/// Adds `line[range]`, trimmed, unless empty.
fn push(out: &mut Vec<std::ops::Range<u32>>, line: &str, range: std::ops::Range<usize>, offset: usize) {
    let piece = &line[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let start = offset + range.start + lead;
        let to = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        out.push(to(start)..to(start + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn sentence_boundaries() {
        assert_eq!(
            split(
                "It was reported (see S/2018/250. Annex). In 2017, e.g. in the U.S. Congress, No. 5 rose 1.25 percent. Janet L. Yellen, Chair; I urge States. (a) Next!"
            ),
            [
                "It was reported (see S/2018/250. Annex).",
                "In 2017, e.g. in the U.S. Congress, No. 5 rose 1.25 percent.",
                "Janet L. Yellen, Chair; I urge States.",
                "(a) Next!"
            ]
        );
    }

    #[test]
    fn glued_and_quoted() {
        assert_eq!(
            split("were released.The Council said “stop.” Then (2017) it met."),
            ["were released.", "The Council said “stop.”", "Then (2017) it met."]
        );
        assert_eq!(split("See www.un.org.Next time"), ["See www.un.org.Next time"]);
    }

    #[test]
    fn unmatched_bracket_opens_nothing() {
        assert_eq!(
            split("captivity (see (S/2018/250). As at July. Then"),
            ["captivity (see (S/2018/250).", "As at July.", "Then"]
        );
    }

    #[test]
    fn lines_are_boundaries() {
        assert_eq!(split("intro:\n(a) one;\n(b) two"), ["intro:", "(a) one;", "(b) two"]);
    }
}
