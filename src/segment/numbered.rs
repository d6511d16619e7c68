//! Documents of numbered paragraphs (`1.` … `83.`) under chapter headings
//! (`I.`), lettered section headings (`A.`) and unnumbered sub-headings.
//!
//! Which numbered lines start paragraphs, which are numbered sub-headings
//! and where annexes begin is decided first, over the whole document
//! ([`super::numbering`]); the lines are then read in order. A number the
//! plan left out starts a paragraph only when everything else says so (the
//! text before ended a sentence, the text after starts one, and it is near
//! the sequence: a repeat, a late number); `1,300 children`, `2018 report`
//! never do.

use super::draft::{Draft, DraftParagraph, ends_sentence};
use super::lines::Line;
use super::lists;
use super::numbering::{
    Start, full_width, heading_shaped, is_list_item, para_start, part_key, plan, starts_like_sentence,
};
use super::repair::join_line;
use crate::model::Heading;
use crate::read::LineBox;
use regex::Regex;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

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

static CHAPTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([IVXLC]{1,7})\.(?:\s+(\S.*))?$").unwrap());
static LETTERED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([A-Z])\.(?:\s+(\S.*))?$").unwrap());

/// Chapters out of sequence are read as such up to this number (`C.`, 100,
/// is a lettered section).
const MAX_CHAPTER: u32 = 40;

/// A heading wraps over at most this many lines.
const MAX_HEADING_LINES: usize = 6;
/// An unnumbered sub-heading is at most this long, over at most this many
/// lines. (The longest in the shared UN PDFs: `Activities carried out by the
/// Technical Secretariat with respect to decision C-SS-4/DEC.3 of the
/// Conference of the States Parties at its Fourth Special Session related
/// to the use of chemical weapons in the Syrian Arab Republic`, 222
/// characters over 3 lines.)
const MAX_SUBHEADING: usize = 300;
const MAX_SUBHEADING_LINES: usize = 4;

/// What a line starts; the texts are the line's.
enum Kind<'a> {
    Para(&'a str, &'a str),
    Chapter(u32, &'a str),
    Section(char, &'a str),
    /// A numbered sub-heading over this many lines.
    Subheading(usize),
    /// An annex or enclosure, with the key of its labels.
    Part(String),
    Text,
}

struct State<'a> {
    draft: Draft,
    /// What each line starts, decided over the whole document.
    plan: Vec<Start>,
    /// A line this long or longer is a full line of prose: a heading's
    /// wrapped title is shorter (0 when the text has no measure).
    full: usize,
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
    /// The annex or enclosure being read, if any: the start of its labels.
    part: Option<String>,
    /// A part heading came last: a title may follow it.
    part_title: bool,
    /// Where the open heading's first line was printed (a PDF): its
    /// wrapped lines are set alike.
    heading_style: Option<&'a LineBox>,
    /// The open paragraph's first line is set in bold (a PDF).
    para_bold: bool,
    /// Blank lines part paragraphs (see [`segment`]).
    blank_lines_part: bool,
    title: String,
    /// The title is complete: a full line or a sentence came after it.
    title_done: bool,
    /// The text buffer of the last closed paragraph, for the next one: a
    /// paragraph grows line by line in it, and is copied out at its size.
    spare: String,
    /// A displayed address was left out right before the current line:
    /// what came before it is complete.
    after_display: bool,
    /// Where the open paragraph's list items start in its text.
    items: Vec<lists::Item>,
}

impl<'a> State<'a> {
    fn prev_ended(&self) -> bool {
        self.after_display || self.para.as_ref().is_none_or(|p| ends_sentence(&p.text))
    }

    fn close(&mut self) {
        let items = std::mem::take(&mut self.items);
        if let Some(mut p) = self.para.take() {
            let text = p.text.as_str().to_owned();
            self.spare = std::mem::replace(&mut p.text, text);
            // Where blank lines part paragraphs, the list rule says which
            // of its items are paragraphs of their own (a licence's
            // `(d)` of several sentences after `(a)`–`(c)` ending `; and`).
            if self.blank_lines_part && !items.is_empty() {
                self.draft.paragraphs.extend(lists::cut(p, &items, false));
                return;
            }
            self.draft.paragraphs.push(p);
        }
    }

    /// Opens an unnumbered paragraph with `line`: labelled after the
    /// numbered paragraph it follows (`1:2`), when there is one.
    fn unnumbered(&mut self, line: &Line) {
        self.para_bold = line.geom.is_some_and(|g| g.bold);
        let text = self.buffer(line.trimmed());
        let section =
            self.draft.paragraphs.iter().rev().find_map(|p| p.number.clone()).filter(|_| self.blank_lines_part);
        self.para = Some(DraftParagraph {
            section,
            part: self.part.clone(),
            headings: self.stack.clone(),
            text,
            line: line.line_no(),
            end_line: line.line_no(),
            ..Default::default()
        });
    }

    /// An empty buffer for a new paragraph's text, starting with `first`.
    fn buffer(&mut self, first: &str) -> String {
        let mut text = std::mem::take(&mut self.spare);
        text.clear();
        text.push_str(first);
        text
    }

    /// A line this short can be part of a wrapped title.
    fn short(&self, t: &str) -> bool {
        self.full == 0 || t.chars().count() < self.full
    }

    /// What line `i`, `t`, starts, given the lines after it.
    fn kind(&self, i: usize, t: &'a str, ahead: &[Line]) -> Kind<'a> {
        match self.plan[i] {
            Start::Paragraph => {
                if let Some((number, rest)) = para_start(t) {
                    return Kind::Para(number, rest);
                }
            }
            Start::Subheading(n) => return Kind::Subheading(n),
            Start::Part => return Kind::Part(part_key(t).unwrap_or_default()),
            Start::None => {}
        }
        let expected = self.last_number.map_or(1, |n| n + 1);
        let first = t.chars().next().unwrap_or(' ');
        if first.is_ascii_digit()
            && let Some((number, rest)) = para_start(t)
        {
            let n: u32 = number.parse().unwrap_or(0);
            let sentence = starts_like_sentence(rest);
            let strong = sentence && self.prev_ended();
            // Out of the planned run, a number starts a paragraph only on
            // strong evidence and near where the sequence is: a repeat, a
            // late number, a swap.
            let near = n + 3 >= expected && n <= expected + 5;
            let first = self.last_number.is_none() && n > 0;
            // Numbering that starts again at 1 (a second part without a
            // heading) after a paragraph that ended with a full stop.
            let restart = n == 1
                && expected > 2
                && sentence
                && self.para.as_ref().is_none_or(|p| p.text.trim_end().ends_with(['.', ')']));
            if strong && (near || first) || restart {
                return Kind::Para(number, rest);
            }
        }
        if !self.prev_ended() {
            return Kind::Text;
        }
        if !heading_shaped(t) {
            return Kind::Text;
        }
        // `A.` alone on its line: a heading when a title follows it.
        let titled = |title: Option<regex::Match>| {
            title.map_or_else(
                || ahead.first().is_some_and(|l| starts_like_sentence(l.trimmed()) && !ends_sentence(l.text)),
                |m| starts_like_sentence(m.as_str()),
            )
        };
        let chapter = CHAPTER.captures(t).filter(|c| titled(c.get(2))).and_then(|c| roman(&c[1]));
        let letter = LETTERED.captures(t).filter(|c| titled(c.get(2))).and_then(|c| c[1].chars().next());
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
        let ahead = &lines[(i + 1).min(lines.len())..(i + 1 + MAX_SUBHEADING_LINES).min(lines.len())];
        if !ahead.iter().any(|l| {
            let t = l.trimmed();
            t.starts_with(|c: char| c.is_ascii_digit()) || heading_shaped(t)
        }) {
            return None;
        }
        let mut text = String::new();
        for j in i..(i + MAX_SUBHEADING_LINES).min(lines.len()) {
            join_line(&mut text, lines[j].trimmed());
            if text.len() > MAX_SUBHEADING || text.trim_end_matches('*').ends_with('.') {
                return None;
            }
            // The run must be followed by the next paragraph in sequence or a
            // heading, not by a number that only looks like a start.
            let expected = self.last_number.map_or(1, |n| n + 1).to_string();
            if let Some(next) = lines.get(j + 1) {
                match self.kind(j + 1, next.trimmed(), &lines[(j + 2).min(lines.len())..]) {
                    Kind::Text => {}
                    Kind::Para(n, _) if n != expected && n != "1" => return None,
                    _ => return Some(j + 1),
                }
            }
        }
        None
    }

    /// Lines `i..` are the rest of a title: within `room` lines, none ending
    /// a sentence, a numbered paragraph or a heading follows them.
    fn title_until_structure(&self, lines: &[Line<'a>], i: usize, room: usize) -> bool {
        for (j, line) in lines.iter().enumerate().skip(i).take(room) {
            // A title may end with a bracket (`resolution 2388 (2017)`).
            if line.text.trim_end().trim_end_matches(['”', '"', '’', ')']).ends_with(['.', ':', ';', '!', '?']) {
                return false;
            }
            if let Some(next) = lines.get(j + 1)
                && !matches!(self.kind(j + 1, next.trimmed(), &lines[j + 2..]), Kind::Text)
            {
                return true;
            }
        }
        false
    }

    /// Opens a heading that takes the wrapped lines after it, the heading's
    /// first line printed as `style` says.
    fn open(&mut self, heading: Heading, style: Option<&'a LineBox>) {
        let h = self.draft.push_heading(&mut self.stack, heading);
        self.open_heading = Some(h);
        self.heading_lines = 1;
        self.heading_style = style;
    }

    /// Line `line` goes on the open heading: where the lines were printed
    /// is known, when it is set as the heading is and close below it;
    /// otherwise when it is short and ends no sentence, or a numbered
    /// paragraph or a heading follows within the heading's budget.
    fn continues_heading(&self, h: usize, lines: &[Line<'a>], i: usize) -> bool {
        let heading = &self.draft.headings[h].text;
        let bare = heading.len() <= 5 && heading.ends_with('.');
        let room = MAX_HEADING_LINES.saturating_sub(self.heading_lines);
        if room == 0 {
            return false;
        }
        let line = &lines[i];
        if let (Some(style), Some(g)) = (self.heading_style, line.geom) {
            return !line.gap_before
                && style.bold == g.bold
                && style.size == g.size
                && (bare || !heading.ends_with('.'));
        }
        // A line that ends with a full stop is a sentence, not a title's end.
        let sentence = line.trimmed().trim_end_matches(|c: char| c.is_ascii_digit()).ends_with('.');
        bare || !heading.ends_with('.')
            && !sentence
            && (self.short(line.trimmed()) || self.title_until_structure(lines, i, room))
    }

    /// A line printed in bold, after a finished paragraph, that ends no
    /// sentence: an unnumbered or lettered sub-heading (`Parties in the
    /// Central African Republic`, `(a) Children and armed conflict`). Not
    /// inside a paragraph printed in bold, whose items are bold too.
    fn bold_heading(&self, line: &Line) -> bool {
        let t = line.trimmed();
        line.geom.is_some_and(|g| g.bold)
            && (self.title_done || !self.draft.headings.is_empty())
            && !self.para_bold
            && self.prev_ended()
            && starts_like_sentence(t)
            && !ends_sentence(t)
    }
}

/// The line after a part heading is the part's title: printed in bold,
/// or, where that is not known, short and ending no sentence.
fn part_title(line: &Line, short: bool) -> bool {
    let t = line.trimmed();
    match line.geom {
        Some(g) => g.bold && !ends_sentence(t),
        None => short && starts_like_sentence(t) && !ends_sentence(t) && para_start(t).is_none(),
    }
}

/// Segments the content lines (noise removed) of a numbered-paragraph document.
/// `blank_lines_part`: blank lines part paragraphs (text that is not
/// hard-wrapped with blank lines between its lines as a PDF extraction is).
pub fn segment<'a>(lines: &[Line<'a>], blank_lines_part: bool) -> Draft {
    let full = full_width(lines);
    let mut s = State {
        draft: Draft::default(),
        plan: plan(lines, full),
        full,
        stack: Vec::new(),
        para: None,
        open_heading: None,
        heading_lines: 0,
        last_number: None,
        used: HashSet::default(),
        chapter: 0,
        letter: None,
        numbered_level: 0,
        part: None,
        part_title: false,
        heading_style: None,
        para_bold: false,
        blank_lines_part,
        title: String::new(),
        title_done: false,
        spare: String::new(),
        after_display: false,
        items: Vec::new(),
    };
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        s.after_display = line.after_display;
        let t = line.trimmed();
        if t.is_empty() {
            i += 1;
            continue;
        }
        match s.kind(i, t, &lines[i + 1..]) {
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
                s.para_bold = line.geom.is_some_and(|g| g.bold);
                s.para = Some(DraftParagraph {
                    number: Some(number.to_string()),
                    part: s.part.clone(),
                    headings: s.stack.clone(),
                    text,
                    line: line.line_no(),
                    end_line: line.line_no(),
                    ..Default::default()
                });
            }
            Kind::Chapter(n, text) => {
                s.close();
                s.chapter = n;
                s.letter = None;
                s.numbered_level = 1 + usize::from(s.part.is_some());
                let number = text.split('.').next().map(str::to_string);
                let level = s.numbered_level;
                s.open(Heading { level, number, text: text.to_string(), line: line.line_no() }, line.geom);
            }
            Kind::Section(letter, text) => {
                s.close();
                s.letter = Some(letter);
                let level = if s.chapter > 0 { 2 } else { 1 } + usize::from(s.part.is_some());
                s.numbered_level = level;
                s.open(
                    Heading { level, number: Some(letter.to_string()), text: text.to_string(), line: line.line_no() },
                    line.geom,
                );
            }
            Kind::Subheading(n) => {
                s.close();
                let mut text = String::new();
                for l in &lines[i..i + n] {
                    join_line(&mut text, l.trimmed());
                }
                let number = para_start(t).map(|(n, _)| n.to_string());
                // Below the unnumbered heading it follows, if any (`Parties
                // in Somalia` / `1. Non-State actors`).
                let under = s
                    .stack
                    .iter()
                    .rev()
                    .map(|&h| &s.draft.headings[h])
                    .find(|h| h.level > s.numbered_level && !(h.number.is_some() && para_start(&h.text).is_some()));
                let level = under.map_or(s.numbered_level, |h| h.level) + 1;
                s.draft.push_heading(&mut s.stack, Heading { level, number, text, line: line.line_no() });
                s.open_heading = None;
                i += n;
                continue;
            }
            Kind::Part(key) => {
                s.close();
                s.chapter = 0;
                s.letter = None;
                s.numbered_level = 1;
                s.last_number = None;
                s.used.clear();
                s.part = Some(key);
                s.draft.push_heading(
                    &mut s.stack,
                    Heading { level: 1, number: None, text: t.to_string(), line: line.line_no() },
                );
                s.open_heading = None;
                s.part_title = true;
            }
            Kind::Text if std::mem::take(&mut s.part_title) && part_title(line, s.short(t)) => {
                // The part's title, a heading of its own (`Annex` / `List of parties …`).
                s.open(Heading { level: 1, number: None, text: t.to_string(), line: line.line_no() }, line.geom);
            }
            Kind::Text if s.bold_heading(line) && s.open_heading.is_none_or(|h| !s.continues_heading(h, lines, i)) => {
                s.close();
                let level = s.numbered_level + 1;
                s.open(Heading { level, number: None, text: t.to_string(), line: line.line_no() }, line.geom);
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
                // A heading takes the wrapped lines of its title: short ones
                // that end no sentence (`A.` alone takes the title after it).
                if let Some(h) = s.open_heading.filter(|&h| s.continues_heading(h, lines, i)) {
                    join_line(&mut s.draft.headings[h].text, t);
                    s.heading_lines += 1;
                } else if s.para.is_some()
                    && s.prev_ended()
                    && !is_list_item(t)
                    && match line.geom {
                        _ if s.blank_lines_part && line.gap_before => true,
                        _ if s.para.as_ref().is_some_and(|p| p.number.is_some()) => false,
                        Some(_) => line.gap_before,
                        None => i > 0 && s.full > 0 && s.short(lines[i - 1].trimmed()) && starts_like_sentence(t),
                    }
                {
                    // Unnumbered paragraphs (a letter, an annex's text) part
                    // where space stands above a line after a finished
                    // sentence; in text, after a short line that ends one.
                    // Where blank lines part paragraphs (text not laid out
                    // as a PDF's lines), a blank line after a sentence parts
                    // a numbered paragraph's own paragraphs too (a licence's
                    // definitions under `1. Definitions.`).
                    s.close();
                    s.unnumbered(line);
                } else if let Some(p) = s.para.as_mut() {
                    let before = std::mem::replace(&mut p.end_line, line.line_no());
                    if is_list_item(t) {
                        p.text.push('\n');
                        s.items.push(lists::Item {
                            line: line.line_no(),
                            offset: p.text.len(),
                            indent: line.indent.into(),
                            before,
                        });
                        p.text.push_str(t);
                    } else {
                        join_line(&mut p.text, t);
                    }
                } else if s.draft.headings.is_empty()
                    && !s.title_done
                    && (s.title.is_empty() || s.short(t) || s.title_until_structure(lines, i, MAX_HEADING_LINES))
                {
                    join_line(&mut s.title, t);
                    s.title_done = ends_sentence(t);
                } else {
                    // Text under a heading before any numbered paragraph, or
                    // after the title: an unnumbered paragraph rather than lost.
                    s.open_heading = None;
                    s.title_done = true;
                    s.unnumbered(line);
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
    fn roman_numerals() {
        assert_eq!(roman("IV"), Some(4));
        assert_eq!(roman("XIV"), Some(14));
        assert_eq!(roman("Q"), None);
    }
}
