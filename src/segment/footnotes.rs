//! Finding where a footnote is cited, and taking its marker out of the text.
//!
//! Footnote marks run in sequence and a footnote block follows the text that
//! cites it, so the marker of footnote `n` is searched after the marker of
//! footnote `n - 1` and before the block.

use super::draft::is_raised_digit;

/// Where a marker was found: paragraph index and the byte offset after it.
pub type Position = (usize, usize);

/// Characters after which a marker can stand glued (`purposes.1`, `Migrants,3`).
fn is_closer(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | ')' | '”' | '’' | '"' | '\'')
}

/// A number after the last word of `before`, followed by `after`, reads
/// as text: after a word that takes a number (`resolution 1 (2005)`,
/// `paragraph 4 (a)`, `Phase 2 The`) or a function word (`On 8 and 9
/// October`), or before a month (`9 October`) or `of` (`2 of which`).
fn takes_number(before: &str, after: &str) -> bool {
    const WORDS: &[&str] = &[
        "paragraph",
        "paragraphs",
        "para",
        "resolution",
        "resolutions",
        "article",
        "articles",
        "section",
        "sections",
        "annex",
        "chapter",
        "figure",
        "table",
        "page",
        "pages",
        "item",
        "items",
        "rule",
        "phase",
        "step",
        "level",
        "no",
        "number",
        "category",
        "and",
        "or",
        "to",
        "of",
        "than",
        "between",
        "from",
        "the",
        "a",
        "by",
        "on",
        "in",
        "at",
        "about",
        "over",
        "under",
        "least",
        "some",
        "nearly",
        "approximately",
        "per",
    ];
    const MONTHS: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let next = after.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
    // `tried, 2 of which`: a count of what comes after.
    WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) || MONTHS.contains(&next) || next == "of"
}

/// A word of three lower-case letters or more, next to which a number is a
/// marker rather than the text's own (`brief 5 identifying`, `the threat4`).
fn lower_word(w: &str) -> bool {
    w.chars().count() >= 3 && w.chars().all(char::is_lowercase)
}

/// Finds the marker `mark` in `texts[from.0..=last]` after `from`, removes it,
/// and returns where it was.
/// `raised_only`: the text marks its markers raised (a PDF), so a number
/// of the text is never one.
pub fn take_marker(
    texts: &mut [String],
    mark: &str,
    from: Position,
    last: usize,
    raised_only: bool,
) -> Option<Position> {
    let last = last.min(texts.len().checked_sub(1)?);
    // A marker glued to the text (`Kosovo,2`, `Levant1`: how `pdftotext`
    // sets a raised mark) before one set apart by spaces (`tried, 2 of`
    // may be the text's own number).
    for glued in [true, false] {
        for (p, text) in texts.iter_mut().enumerate().take(last + 1).skip(from.0) {
            let start = if p == from.0 { from.1 } else { 0 };
            if let Some((range, replacement)) = find(text, mark, start, raised_only, glued) {
                text.replace_range(range.clone(), replacement);
                return Some((p, range.start + replacement.len()));
            }
        }
        if raised_only {
            break;
        }
    }
    None
}

/// The last resort for a text whose markers are plain numbers (no PDF):
/// `brief 5 identifying`, a mark set apart between two lower-case words,
/// which [`take_marker`] leaves as a number of the text. Taken only where
/// it is the one such number in `texts[from.0..=last]` after `from`: the
/// note's marker is missing otherwise, and UN style writes a number below
/// ten in words, so a bare number between words is rare in the text
/// itself. Removes it and returns where it was.
pub fn take_lone_marker(texts: &mut [String], mark: &str, from: Position, last: usize) -> Option<Position> {
    let last = last.min(texts.len().checked_sub(1)?);
    let mut found: Option<(usize, std::ops::Range<usize>)> = None;
    for (p, text) in texts.iter().enumerate().take(last + 1).skip(from.0) {
        let mut at = if p == from.0 { from.1 } else { 0 };
        while let Some(k) = text.get(at..).and_then(|t| t.find(mark)) {
            let (s, e) = (at + k, at + k + mark.len());
            at = e;
            let (before, after) = (&text[..s], &text[e..]);
            let Some(word_end) = before.strip_suffix(' ') else { continue };
            let Some(next) = after.strip_prefix(' ') else { continue };
            let word = word_end.rsplit(' ').next().unwrap_or("");
            let next_word = next.split(' ').next().unwrap_or("");
            if lower_word(word) && lower_word(next_word) && !takes_number(word_end, after) {
                if found.is_some() {
                    return None;
                }
                found = Some((p, s - 1..e));
            }
        }
    }
    let (p, range) = found?;
    texts[p].replace_range(range.clone(), "");
    Some((p, range.start))
}

/// Finds the marker `mark` at the end of a heading that starts before line
/// `before`, the last first (`A. Overview of the threat⁴`), removes it,
/// and returns the heading's line.
pub fn take_heading_marker(headings: &mut [crate::model::Heading], mark: &str, before: usize) -> Option<usize> {
    let raised: String = mark.chars().map(crate::read::pdf::superscript).collect();
    let before: Vec<&mut crate::model::Heading> = headings.iter_mut().filter(|h| h.line < before).collect();
    let last = before.len().checked_sub(1)?;
    for (k, h) in before.into_iter().enumerate().rev() {
        let stripped = h.text.strip_suffix(raised.as_str()).filter(|_| raised != mark).or_else(|| {
            // A plain mark after a word, on the last heading only: `the
            // threat 4`, or glued to a word of lower-case letters (`the
            // threat4`, as `pdftotext -raw` sets it).
            h.text.strip_suffix(mark).filter(|t| {
                let glued = lower_word(t.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or(""));
                k == last && (t.ends_with(' ') && t.trim_end().ends_with(char::is_alphabetic) || glued)
            })
        });
        if let Some(stripped) = stripped {
            h.text = stripped.trim_end().to_string();
            return Some(h.line);
        }
    }
    None
}

/// The byte range to replace and its replacement, for the first occurrence
/// of `mark` at or after `start` that stands as a footnote marker: printed
/// raised (`Levant¹`, as the PDF reader writes it), else by its place.
/// `glued`: only a mark printed against the text before it; else only one
/// with a space before it.
fn find(
    text: &str,
    mark: &str,
    start: usize,
    raised_only: bool,
    glued: bool,
) -> Option<(std::ops::Range<usize>, &'static str)> {
    // `forces.*`: an asterisk after a word or a stop; it may mark many
    // places for one note, so it stays in the text.
    if mark == "*" {
        let at = text
            .get(start..)?
            .match_indices('*')
            .map(|(k, _)| start + k)
            .find(|&k| text[..k].ends_with(|c: char| c.is_alphanumeric() || matches!(c, '.' | ';' | ',' | ')')))?;
        return Some((at..at + 1, "*"));
    }
    let raised: String = mark.chars().map(crate::read::pdf::superscript).collect();
    if raised != mark {
        let mut at = start;
        while let Some(found) = text.get(at..).and_then(|t| t.find(&raised)) {
            let (s, e) = (at + found, at + found + raised.len());
            at = e;
            if !text[..s].ends_with(is_raised_digit) && !text[e..].starts_with(is_raised_digit) {
                return Some((s..e, ""));
            }
        }
    }
    if raised_only { None } else { plain(text, mark, start, glued) }
}

/// [`find`] for a mark printed as a number of the text.
fn plain(text: &str, mark: &str, start: usize, glued: bool) -> Option<(std::ops::Range<usize>, &'static str)> {
    let mut at = start;
    while let Some(found) = text.get(at..)?.find(mark) {
        let s = at + found;
        let e = s + mark.len();
        at = e;
        let before = &text[..s];
        let after = &text[e..];
        let prev = before.chars().next_back();
        let next = after.chars().next();
        if prev.is_some_and(|c| c.is_ascii_digit()) || next.is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        if glued == prev.is_none_or(char::is_whitespace) {
            continue;
        }
        let next_is_space = next.is_none_or(char::is_whitespace);
        let following = after.trim_start().chars().next();
        // `purposes. 1  In`, `Migrants, 3 the`: after a closer and a space.
        if prev.is_some_and(char::is_whitespace) && next_is_space {
            let word_end = before.trim_end();
            let spaces = before.len() - word_end.len();
            let glued_before = word_end.chars().next_back();
            if glued_before.is_some_and(is_closer) && !takes_number(word_end, after) {
                return Some((s - spaces..e, ""));
            }
            // `commission 7  to`: after a word, only with two spaces after;
            // `the Levant 1 (ISIL`, `the Monitoring Team 4 The`: after a word
            // that takes no number, before a bracket or a capital.
            let opens = following.is_some_and(|c| c == '(' || c == '“' || c.is_uppercase());
            if glued_before.is_some_and(char::is_alphabetic)
                && (after.starts_with("  ") || opens && !takes_number(word_end, after))
            {
                return Some((s - spaces..e, ""));
            }
            continue;
        }
        // `the Levant1 (ISIL`, `brief5 identifying`: glued to a word of three
        // lower-case letters or more (not `G20`, `COVID19`).
        let word: &str = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        if (next_is_space || next.is_some_and(|c| matches!(c, ',' | ';' | ':')))
            && word.chars().skip(1).filter(|c| c.is_lowercase()).count() >= 3
            && word.chars().skip(1).all(char::is_lowercase)
            && !takes_number(before, "")
        {
            return Some((s..e, ""));
        }
        // `Republic .2 In`: a stray space before the full stop goes too.
        if prev == Some('.') && before.ends_with(" .") && next_is_space {
            return Some((s - 2..e, "."));
        }
        // `2018.4 In`, `Refugees.5`: glued after a closer, then a new
        // sentence or the end of the paragraph.
        if prev.is_some_and(is_closer)
            && next_is_space
            && (prev != Some('.') || following.is_none_or(|c| c.is_uppercase() || c == '(' || c == '“'))
        {
            return Some((s..e, ""));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn take(text: &str, mark: &str) -> String {
        let mut t = vec![text.to_string()];
        take_marker(&mut t, mark, (0, 0), 0, false).expect("found");
        t.remove(0)
    }

    #[test]
    fn a_lone_marker_between_words_only_where_it_is_the_one() {
        let mut t = vec!["published an analytical brief 5 identifying key gaps".to_string()];
        assert_eq!(take_lone_marker(&mut t, "5", (0, 0), 0), Some((0, 29)));
        assert_eq!(t[0], "published an analytical brief identifying key gaps");
        let mut t = vec!["the brief 5 identifying gaps".to_string(), "it counted 5 attacks".to_string()];
        assert_eq!(take_lone_marker(&mut t, "5", (0, 0), 1), None, "two candidates: neither is taken");
        let mut t = vec!["in paragraph 5 above".to_string(), "on 5 occasions".to_string()];
        assert_eq!(take_lone_marker(&mut t, "5", (0, 0), 1), None);
        assert_eq!(t[0], "in paragraph 5 above");
    }

    #[test]
    fn marker_shapes() {
        assert_eq!(take("purposes. 1  In addition", "1"), "purposes.  In addition");
        assert_eq!(take("Syrian Arab Republic .2 In its", "2"), "Syrian Arab Republic. In its");
        assert_eq!(take("Migrants, 3 the", "3"), "Migrants, the");
        assert_eq!(
            take("65 cases tried, 2 of which included … In Kosovo, 2 despite", "2"),
            "65 cases tried, 2 of which included … In Kosovo, despite"
        );
        assert_eq!(take("on 13 July 2018.4 In that", "4"), "on 13 July 2018. In that");
        assert_eq!(take("for Refugees.5", "5"), "for Refugees.");
        assert_eq!(take("commission 7  to accelerate", "7"), "commission  to accelerate");
        assert_eq!(take("and the Levant 1 (ISIL, hereinafter", "1"), "and the Levant (ISIL, hereinafter");
        assert_eq!(take("in 2024 the Levant¹ (ISIL", "1"), "in 2024 the Levant (ISIL");
        assert_eq!(take("in 2024 the Levant1 (ISIL", "1"), "in 2024 the Levant (ISIL");
        assert_eq!(take("CTED analytical brief5, January", "5"), "CTED analytical brief, January");
        assert_eq!(take("area of 12 m² and³¹", "31"), "area of 12 m² and");
    }

    #[test]
    fn numbers_are_not_markers() {
        let mut t = vec![
            "rose 1.25 percent in 2017 and 21 cases, paragraph 2 of 2 items, resolution 7 (2005), Phase 5 The, On 8 and 1 Oct, Hall 1 October, G2 (Group), COVID1 The"
                .to_string(),
        ];
        for mark in ["1", "2", "5", "7"] {
            assert_eq!(take_marker(&mut t, mark, (0, 0), 0, false), None, "{mark}");
        }
    }
}
