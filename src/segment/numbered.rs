//! Documents of numbered paragraphs (`1.` … `83.`) under chapter headings
//! (`I.`), lettered section headings (`A.`) and unnumbered sub-headings.
//!
//! Numbers are read in sequence: a line that starts with a number starts a
//! paragraph only when the number is the next one expected, or when
//! everything else says so (the text before ended a sentence, the text
//! after starts one); `1,300 children`, `2018 report` never do.

use super::draft::{Draft, DraftParagraph, ends_sentence};
use super::lines::Line;
use super::repair::join_line;
use crate::model::Heading;
use regex::Regex;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// `12. Text`; [`para_start`] reads the usual ASCII line without it.
static PARA_START: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,6})\.(?:\s+(.*))?$").unwrap());
static CHAPTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([IVXLC]{1,7})\.\s+(\S.*)$").unwrap());
static LETTERED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([A-Z])\.\s+(\S.*)$").unwrap());
static LIST_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\([a-z]{1,4}\)|\([ivx]+\)|[a-z]\)|[•▪◦\-–*])\s").unwrap());

/// How many numbered paragraph starts in sequence (`n`, `n + 1`, …) the
/// lines hold, from the first one seen: an excerpt may start at any number.
pub fn count_sequence(lines: &[Line]) -> usize {
    let mut last: Option<u32> = None;
    let mut count = 0;
    for line in lines {
        let t = line.trimmed();
        if t.starts_with(|c: char| c.is_ascii_digit())
            && let Some((number, _)) = para_start(t)
            && let Ok(n) = number.parse::<u32>()
            && last.is_none_or(|l| n == l + 1)
        {
            last = Some(n);
            count += 1;
        }
    }
    count
}

/// A numbered paragraph start, `12. Text`: the number and the text after
/// it, as [`PARA_START`] reads them. Most lines are decided on their first
/// bytes, without the regex engine (run for every line that starts with a
/// digit, the regex took about 8% of segmenting a long report); a non-ASCII
/// character where the regex could read a digit or a space goes to it.
fn para_start(t: &str) -> Option<(&str, &str)> {
    let bytes = t.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let by_regex =
        || PARA_START.captures(t).map(|c| (c.get(1).map_or("", |m| m.as_str()), c.get(2).map_or("", |m| m.as_str())));
    match bytes.get(digits) {
        Some(b) if !b.is_ascii() => by_regex(),
        _ if digits == 0 || digits > 6 => None,
        Some(b'.') => {
            let rest = &t[digits + 1..];
            match rest.chars().next() {
                None => Some((&t[..digits], "")),
                _ if rest.contains('\n') => by_regex(),
                Some(c) if c.is_whitespace() => Some((&t[..digits], rest.trim_start())),
                Some(_) => None,
            }
        }
        _ => None,
    }
}

/// [`LIST_ITEM`], asked only of lines that start as an item can: with `(`,
/// a lower-case letter and `)`, or a bullet or dash. Most continuation
/// lines of a paragraph start with a word and skip the regex.
fn is_list_item(t: &str) -> bool {
    let b = t.as_bytes();
    let possible = match b.first() {
        Some(b'(' | b'-' | b'*') => true,
        Some(c) if c.is_ascii_lowercase() => b.get(1) == Some(&b')'),
        Some(c) => !c.is_ascii(),
        None => false,
    };
    possible && LIST_ITEM.is_match(t)
}

fn roman(s: &str) -> Option<u32> {
    let mut total = 0i64;
    let mut prev = 0i64;
    for c in s.chars().rev() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            _ => return None,
        };
        if v < prev {
            total -= v
        } else {
            total += v;
            prev = v
        }
    }
    u32::try_from(total).ok()
}

/// `A. …` or `IV. …`: a capital (or a few roman numerals) and a full stop,
/// the shape of a chapter or lettered heading.
fn heading_shaped(t: &str) -> bool {
    let head = &t.as_bytes()[..t.len().min(9)];
    let dot = head.iter().position(|&b| b == b'.');
    t.starts_with(|c: char| c.is_ascii_uppercase())
        && dot.is_some_and(|d| d <= 1 || head[..d].iter().all(|b| b"IVXLC".contains(b)))
}

fn starts_like_sentence(text: &str) -> bool {
    text.starts_with(|c: char| c.is_uppercase() || matches!(c, '“' | '"' | '(' | '‘' | '\''))
}

/// Chapters out of sequence are read as such up to this number (`C.`, 100,
/// is a lettered section).
const MAX_CHAPTER: u32 = 40;

/// A heading wraps over at most this many lines.
const MAX_HEADING_LINES: usize = 6;

/// What a line starts; the texts are the line's.
enum Kind<'a> {
    Para(&'a str, &'a str),
    Chapter(u32, &'a str),
    Section(char, &'a str),
    Text,
}

struct State<'a> {
    draft: Draft,
    stack: Vec<usize>,
    /// Open paragraph, if any.
    para: Option<DraftParagraph>,
    /// Index of the heading still taking wrapped lines, and how many it took.
    open_heading: Option<usize>,
    heading_lines: usize,
    last_number: Option<u32>,
    /// Paragraph numbers seen.
    used: HashSet<&'a str>,
    chapter: u32,
    letter: Option<char>,
    /// Level of the deepest numbered heading on the stack.
    numbered_level: usize,
    title: String,
    /// The text buffer of the last closed paragraph, for the next one: a
    /// paragraph grows line by line in it, and is copied out at its size.
    spare: String,
}

impl<'a> State<'a> {
    fn prev_ended(&self) -> bool {
        self.para.as_ref().is_none_or(|p| ends_sentence(&p.text))
    }

    fn close(&mut self) {
        if let Some(mut p) = self.para.take() {
            let text = p.text.as_str().to_owned();
            self.spare = std::mem::replace(&mut p.text, text);
            self.draft.paragraphs.push(p);
        }
    }

    /// An empty buffer for a new paragraph's text, starting with `first`.
    fn buffer(&mut self, first: &str) -> String {
        let mut text = std::mem::take(&mut self.spare);
        text.clear();
        text.push_str(first);
        text
    }

    /// What the line `t` starts, given the lines after it.
    fn kind(&self, t: &'a str, ahead: &[Line]) -> Kind<'a> {
        let expected = self.last_number.map_or(1, |n| n + 1);
        let first = t.chars().next().unwrap_or(' ');
        if first.is_ascii_digit()
            && let Some((number, rest)) = para_start(t)
        {
            let n: u32 = number.parse().unwrap_or(0);
            let sentence = starts_like_sentence(rest);
            let strong = sentence && self.prev_ended();
            // Out of sequence, a number starts a paragraph only on strong
            // evidence and near where the sequence is: a repeat, a gap, a swap.
            let near = n + 3 >= expected && n <= expected + 5;
            let first = self.last_number.is_none() && n > 0;
            // Numbering that starts again at 1 (an annex, a second part)
            // after a paragraph that ended with a full stop.
            let restart = n == 1
                && expected > 2
                && sentence
                && self.para.as_ref().is_none_or(|p| p.text.trim_end().ends_with(['.', ')']));
            let plausible = n == expected && (sentence || self.prev_ended()) || strong && (near || first) || restart;
            if plausible {
                return Kind::Para(number, rest);
            }
        }
        if !self.prev_ended() {
            return Kind::Text;
        }
        if !heading_shaped(t) {
            return Kind::Text;
        }
        let chapter = CHAPTER.captures(t).and_then(|c| roman(&c[1]));
        let letter = LETTERED.captures(t).filter(|c| starts_like_sentence(&c[2])).and_then(|c| c[1].chars().next());
        let next_letter = self.letter.map_or('A', |l| char::from_u32(l as u32 + 1).unwrap_or('Z'));
        // In sequence first; out of sequence only when it reads as a heading.
        if let Some(n) = chapter.filter(|&n| n == self.chapter + 1) {
            return Kind::Chapter(n, t);
        }
        if let Some(l) = letter.filter(|&l| l == next_letter) {
            return Kind::Section(l, t);
        }
        if chapter.is_some() || letter.is_some() {
            if !self.heading_ahead(t, ahead) {
                return Kind::Text;
            }
            if let Some(n) = chapter.filter(|&n| (1..=MAX_CHAPTER).contains(&n)) {
                return Kind::Chapter(n, t);
            }
            if let Some(l) = letter {
                return Kind::Section(l, t);
            }
        }
        Kind::Text
    }

    /// A numbered heading out of sequence is still a heading when it reads as
    /// one: a short title, not a sentence, right before the next paragraph in
    /// sequence or another heading.
    fn heading_ahead(&self, t: &str, ahead: &[Line]) -> bool {
        let expected = self.last_number.map_or(1, |n| n + 1);
        let mut text = t.len();
        for (k, line) in ahead.iter().take(MAX_HEADING_LINES).enumerate() {
            let next = line.trimmed();
            // The next paragraph in sequence, or numbering starting again.
            let para = para_start(next).is_some_and(|(n, _)| n.parse::<u32>().is_ok_and(|n| n == expected || n == 1));
            if para || CHAPTER.is_match(next) || LETTERED.is_match(next) {
                return text <= 200
                    && !ahead[..k].iter().any(|l| l.text.trim_end().ends_with('.'))
                    && !t.ends_with('.');
            }
            text += next.len();
        }
        false
    }

    /// Lines `i..` form an unnumbered sub-heading: a short run, not ending
    /// a sentence, after a finished paragraph and right before a paragraph
    /// start or a heading.
    fn subheading_end(&self, lines: &[Line<'a>], i: usize) -> Option<usize> {
        if self.para.is_none() && self.open_heading.is_none() || !self.prev_ended() {
            return None;
        }
        if self.open_heading.is_some() && lines[i].indent < 2 {
            return None;
        }
        if !starts_like_sentence(lines[i].trimmed()) {
            return None;
        }
        // Cheap first: only a numbered line or a heading can follow a sub-heading.
        let ahead = &lines[(i + 1).min(lines.len())..(i + 4).min(lines.len())];
        if !ahead.iter().any(|l| {
            let t = l.trimmed();
            t.starts_with(|c: char| c.is_ascii_digit()) || heading_shaped(t)
        }) {
            return None;
        }
        let mut text = String::new();
        for j in i..(i + 3).min(lines.len()) {
            join_line(&mut text, lines[j].trimmed());
            if text.len() > 200 || text.ends_with('.') {
                return None;
            }
            // The run must be followed by the next paragraph in sequence or a
            // heading, not by a number that only looks like a start.
            let expected = self.last_number.map_or(1, |n| n + 1).to_string();
            if let Some(next) = lines.get(j + 1) {
                match self.kind(next.trimmed(), &lines[(j + 2).min(lines.len())..]) {
                    Kind::Text => {}
                    Kind::Para(n, _) if n != expected && n != "1" => return None,
                    _ => return Some(j + 1),
                }
            }
        }
        None
    }
}

/// Segments the content lines (noise removed) of a numbered-paragraph document.
pub fn segment<'a>(lines: &[Line<'a>]) -> Draft {
    let mut s = State {
        draft: Draft::default(),
        stack: Vec::new(),
        para: None,
        open_heading: None,
        heading_lines: 0,
        last_number: None,
        used: HashSet::default(),
        chapter: 0,
        letter: None,
        numbered_level: 0,
        title: String::new(),
        spare: String::new(),
    };
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let t = line.trimmed();
        if t.is_empty() {
            i += 1;
            continue;
        }
        match s.kind(t, &lines[i + 1..]) {
            Kind::Para(number, rest) => {
                s.close();
                s.open_heading = None;
                let n: u32 = number.parse().unwrap_or(0);
                let expected = s.last_number.map_or(1, |n| n + 1);
                if n == 1 && expected > 2 {
                    s.draft.warnings.push(format!(
                        "line {}: paragraph numbering starts again at 1 after {}; repeated numbers get labels such as 1_2",
                        line.line_no(),
                        expected - 1
                    ));
                } else if n != expected {
                    let what = if s.used.contains(number) {
                        "appears again"
                    } else if n < expected {
                        "is out of order"
                    } else {
                        "skips numbers"
                    };
                    s.draft
                        .warnings
                        .push(format!("line {}: paragraph {number} {what} (expected {expected})", line.line_no()));
                }
                s.used.insert(number);
                s.last_number = Some(if n == 1 { 1 } else { n.max(s.last_number.unwrap_or(0)) });
                let text = s.buffer(rest);
                s.para = Some(DraftParagraph {
                    number: Some(number.to_string()),
                    headings: s.stack.clone(),
                    text,
                    line: line.line_no(),
                    ..Default::default()
                });
            }
            Kind::Chapter(n, text) => {
                s.close();
                s.chapter = n;
                s.letter = None;
                s.numbered_level = 1;
                let number = text.split('.').next().map(str::to_string);
                let h = s.draft.push_heading(
                    &mut s.stack,
                    Heading { level: 1, number, text: text.to_string(), line: line.line_no() },
                );
                s.open_heading = Some(h);
                s.heading_lines = 1;
            }
            Kind::Section(letter, text) => {
                s.close();
                s.letter = Some(letter);
                let level = if s.chapter > 0 { 2 } else { 1 };
                s.numbered_level = level;
                let h = s.draft.push_heading(
                    &mut s.stack,
                    Heading { level, number: Some(letter.to_string()), text: text.to_string(), line: line.line_no() },
                );
                s.open_heading = Some(h);
                s.heading_lines = 1;
            }
            Kind::Text => {
                if let Some(end) = s.subheading_end(lines, i) {
                    s.close();
                    let mut text = String::new();
                    for l in &lines[i..end] {
                        join_line(&mut text, l.trimmed());
                    }
                    let level = s.numbered_level + 1;
                    s.draft.push_heading(&mut s.stack, Heading { level, number: None, text, line: line.line_no() });
                    s.open_heading = None;
                    i = end;
                    continue;
                }
                if let Some(h) = s
                    .open_heading
                    .filter(|&h| s.heading_lines < MAX_HEADING_LINES && !s.draft.headings[h].text.ends_with('.'))
                {
                    join_line(&mut s.draft.headings[h].text, t);
                    s.heading_lines += 1;
                } else if let Some(p) = s.para.as_mut() {
                    if is_list_item(t) {
                        p.text.push('\n');
                        p.text.push_str(t);
                    } else {
                        join_line(&mut p.text, t);
                    }
                } else if s.draft.headings.is_empty() {
                    join_line(&mut s.title, t);
                } else {
                    // Text under a heading before any numbered paragraph: keep it
                    // as an unnumbered paragraph rather than lose it.
                    s.open_heading = None;
                    let text = s.buffer(t);
                    s.para = Some(DraftParagraph {
                        headings: s.stack.clone(),
                        text,
                        line: line.line_no(),
                        ..Default::default()
                    });
                }
            }
        }
        i += 1;
    }
    s.close();
    if !s.title.is_empty() {
        s.draft.title = Some(s.title);
    }
    s.draft
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn para_start_reads_as_the_regex() {
        fn by_regex(t: &str) -> Option<(&str, &str)> {
            PARA_START.captures(t).map(|c| (c.get(1).map_or("", |m| m.as_str()), c.get(2).map_or("", |m| m.as_str())))
        }
        for t in [
            "12. The Council",
            "12.",
            "12.  ",
            "12.\u{A0}Text",
            "12.The",
            "1.25 percent",
            "1234567. x",
            "123456. x",
            "7 children",
            "",
            "x. y",
            "1\u{0663}. Text",
            "\u{0661}. Text",
            "3.\tTab",
            "4. a\nb",
            "5.\u{2003}wide",
            "06. x",
        ] {
            assert_eq!(para_start(t), by_regex(t), "{t:?}");
        }
    }

    #[test]
    fn list_items_as_the_regex() {
        for t in ["(a) x", "(iv) x", "a) x", "ab) x", "- x", "– x", "• x", "* x", "x", "", "a", "(a)x", "é) x", "1. x"]
        {
            assert_eq!(is_list_item(t), LIST_ITEM.is_match(t), "{t:?}");
        }
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman("IV"), Some(4));
        assert_eq!(roman("XIV"), Some(14));
        assert_eq!(roman("Q"), None);
    }
}
