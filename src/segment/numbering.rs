//! Which numbered lines of a report start its paragraphs, decided over the
//! whole document before the lines are read in order.
//!
//! A line that starts `12.` may start paragraph 12, be a numbered
//! sub-heading (`1. Repatriation efforts`), or be prose that wrapped before
//! a number. Read one line at a time, a single number the extraction lost
//! or misplaced used to throw the sequence off, and every later paragraph
//! was glued into one. Here the candidates of each part (the body, each
//! annex or enclosure) are weighed together: the paragraph starts are the
//! run of increasing numbers with the most evidence, where a skipped
//! number costs evidence and a jump of more than [`MAX_SKIP`] numbers is
//! not a step of the run. Numbers left out of the run are read by the
//! sequential rules in [`super::numbered`] (a repeated number, a late one).

use super::draft::ends_sentence;
use super::lines::Line;
use super::repair::join_line;
use regex::Regex;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// A part of the document with its own numbering: `Annex`, `Annex II`,
/// `Enclosure`, `Appendix 3`, alone on a line; and `Map`, the heading of a
/// report's closing map page.
static PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(Annex|ANNEX|Enclosure|ENCLOSURE|Appendix|APPENDIX|Attachment|ATTACHMENT|Map|MAP)(?:\s+([IVXLC]{1,6}|[0-9]{1,2}|[A-Z]))?\*?$")
        .unwrap()
});

/// `12. Text`; [`para_start`] reads the usual ASCII line without it.
static PARA_START: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([0-9]{1,6})\.(?:\s+(.*))?$").unwrap());
static LIST_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\([a-z]{1,4}\)|\([ivx]+\)|[a-z]\)|[•▪◦\-–*])\s").unwrap());

/// A step of the run may skip at most this many numbers: a report that
/// skips one or two, or a number the extraction glued into the text before
/// it, stays one run; `2019.` at a line start after paragraph 83 does not
/// join it.
const MAX_SKIP: u32 = 8;
/// What each skipped number costs, in units of evidence (a candidate is
/// worth 1 to 3): a gap is taken only when the numbers after it pay for it.
const SKIP_COST: i32 = 2;
/// A numbered sub-heading is at most this long (its wrapped lines joined).
/// The longest numbered sub-heading in the 13 shared UN PDFs has 92
/// characters; a paragraph's first lines are longer than this once joined.
const MAX_TITLE: usize = 160;
/// A numbered sub-heading wraps over at most this many lines.
const MAX_TITLE_LINES: usize = 3;

/// What a line starts, as decided for the whole document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// Nothing decided here: the sequential rules read it.
    None,
    /// A numbered paragraph of the run.
    Paragraph,
    /// A numbered sub-heading (`1. Repatriation efforts`), with how many
    /// lines its title takes, this one included.
    Subheading(usize),
    /// A part of its own (`Annex I`).
    Part,
}

/// A numbered paragraph start, `12. Text`: the number and the text after
/// it. Most lines are decided on their first bytes, without the regex
/// engine (run for every line that starts with a digit, the regex took
/// about 8% of segmenting a long report); a non-ASCII character where the
/// regex could read a digit or a space goes to it.
pub fn para_start(t: &str) -> Option<(&str, &str)> {
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

/// A part heading (`Annex II`): the key its paragraphs' labels start with
/// (`annex-II`).
pub fn part_key(t: &str) -> Option<String> {
    if !t.starts_with(['A', 'E', 'M']) || t.len() > 20 {
        return None;
    }
    let c = PART.captures(t)?;
    let name = c[1].to_lowercase();
    Some(match c.get(2) {
        Some(n) => format!("{name}-{}", n.as_str()),
        None => name,
    })
}

pub fn starts_like_sentence(text: &str) -> bool {
    text.starts_with(|c: char| c.is_uppercase() || matches!(c, '“' | '"' | '(' | '‘' | '\''))
}

/// `A. …`, `IV. …` or `A.` alone: a capital (or a few roman numerals) and a
/// full stop, the shape of a chapter or lettered heading.
pub fn heading_shaped(t: &str) -> bool {
    let head = &t.as_bytes()[..t.len().min(9)];
    let dot = head.iter().position(|&b| b == b'.');
    t.starts_with(|c: char| c.is_ascii_uppercase())
        && dot.is_some_and(|d| d <= 1 || head[..d].iter().all(|b| b"IVXLC".contains(b)))
}

/// A list item's mark: `(a)`, `(iv)`, `a)`, a bullet or a dash.
pub fn is_list_item(t: &str) -> bool {
    let b = t.as_bytes();
    let possible = match b.first() {
        Some(b'(' | b'-' | b'*') => true,
        Some(c) if c.is_ascii_lowercase() => b.get(1) == Some(&b')'),
        Some(c) => !c.is_ascii(),
        None => false,
    };
    possible && LIST_ITEM.is_match(t)
}

/// The number starting line `i` reads as a numbered sub-heading: a short
/// title that ends no sentence, on this line (or the next, when the number
/// stands alone) and at most [`MAX_TITLE_LINES`] lines, right before the
/// next numbered line, a list or a heading. Returns how many lines it takes.
fn title_lines(lines: &[Line], i: usize, rest: &str, full: usize) -> Option<usize> {
    // A title's lines are shorter than a full line of prose (a paragraph's
    // first line that ends at a year, `in June` / `2025. The`, is not).
    let short = |l: &Line| full == 0 || l.trimmed().chars().count() < full;
    if !short(&lines[i]) {
        return None;
    }
    let mut title = String::from(rest);
    let mut j = i + 1;
    if rest.is_empty() {
        let next = lines.get(j)?;
        if !short(next) {
            return None;
        }
        join_line(&mut title, next.trimmed());
        j += 1;
    }
    if !starts_like_sentence(&title) || title.starts_with('(') {
        return None;
    }
    // What follows a sub-heading starts something: a paragraph, a list, a
    // heading or a part.
    let starts = |t: &str| {
        para_start(t).is_some_and(|(_, rest)| rest.is_empty() || starts_like_sentence(rest))
            || is_list_item(t)
            || heading_shaped(t)
            || part_key(t).is_some()
    };
    loop {
        if title.len() > MAX_TITLE || ends_sentence(&title) || ends_with_function_word(&title) {
            return None;
        }
        let next = lines.get(j)?;
        let t = next.trimmed();
        // Where lines were printed is known: space below the title ends it.
        if starts(t) || next.geom.is_some() && next.gap_before {
            return Some(j - i);
        }
        if j - i >= MAX_TITLE_LINES || !short(&lines[j]) {
            return None;
        }
        join_line(&mut title, t);
        j += 1;
    }
}

/// A title does not end with an article, a conjunction or a preposition:
/// text that does goes on (`2. See the`).
fn ends_with_function_word(text: &str) -> bool {
    const WORDS: [&str; 16] =
        ["a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "by", "with", "from", "at", "as", "that"];
    text.rsplit(' ').next().is_some_and(|w| WORDS.contains(&w))
}

/// The length from which a line is a full line of prose, not a heading's
/// wrapped title: 85 % of the 90th percentile of the trimmed line lengths,
/// or 0 when the lines are too short to be wrapped prose. (In the shared UN
/// extractions the 90th percentile is 84–90 characters; wrapped heading
/// lines run to 69, the first line of a paragraph under one to 77.)
pub fn full_width(lines: &[Line]) -> usize {
    let mut widths: Vec<usize> = lines.iter().map(|l| l.trimmed().chars().count()).collect();
    if widths.is_empty() {
        return 0;
    }
    let at = (widths.len() * 9 / 10).min(widths.len() - 1);
    let p90 = *widths.select_nth_unstable(at).1;
    if p90 >= 40 { p90 * 85 / 100 } else { 0 }
}

/// A paragraph-start candidate: its line, number and evidence.
struct Candidate {
    line: usize,
    number: u32,
    weight: i32,
}

/// Decides, for every line, whether it starts a part, a numbered paragraph
/// of the run, or a numbered sub-heading.
pub fn plan(lines: &[Line], full: usize) -> Vec<Start> {
    let mut plan = vec![Start::None; lines.len()];
    let mut part_start = 0;
    for (i, line) in lines.iter().enumerate() {
        if part_key(line.trimmed()).is_some() {
            plan_part(lines, part_start..i, full, &mut plan);
            plan[i] = Start::Part;
            part_start = i + 1;
        }
    }
    plan_part(lines, part_start..lines.len(), full, &mut plan);
    plan
}

fn plan_part(lines: &[Line], range: std::ops::Range<usize>, full: usize, plan: &mut [Start]) {
    let mut candidates = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let t = lines[i].trimmed();
        let Some((number, rest)) = t.starts_with(|c: char| c.is_ascii_digit()).then(|| para_start(t)).flatten() else {
            i += 1;
            continue;
        };
        let Ok(number) = number.parse::<u32>() else {
            i += 1;
            continue;
        };
        if let Some(n) = title_lines(lines, i, rest, full) {
            plan[i] = Start::Subheading(n);
            i += n;
            continue;
        }
        let opening = if rest.is_empty() { lines.get(i + 1).map_or("", |l| l.trimmed()) } else { rest };
        let sentence = starts_like_sentence(opening);
        let prev_ended = i == range.start
            || lines[i].after_display
            || ends_sentence(lines[i - 1].text)
            || heading_shaped(lines[i - 1].trimmed());
        if sentence || prev_ended {
            candidates.push(Candidate { line: i, number, weight: 1 + i32::from(sentence) + i32::from(prev_ended) });
        }
        i += 1;
    }
    for c in runs(&candidates) {
        plan[candidates[c].line] = Start::Paragraph;
    }
}

/// The candidates (indices) of the best run, then of the best runs before
/// and after it, each of at least two numbers.
fn runs(candidates: &[Candidate]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut pending = Vec::new();
    pending.push(0..candidates.len());
    while let Some(range) = pending.pop() {
        let run = best_run(&candidates[range.clone()]);
        if run.len() < 2 {
            continue;
        }
        let (first, last) = (range.start + run[0], range.start + run[run.len() - 1]);
        out.extend(run.into_iter().map(|c| range.start + c));
        pending.push(range.start..first);
        pending.push(last + 1..range.end);
    }
    out.sort_unstable();
    out
}

/// The run of strictly increasing numbers with the most evidence, as
/// indices into `candidates` (which are in line order).
fn best_run(candidates: &[Candidate]) -> Vec<usize> {
    let mut score = vec![0i32; candidates.len()];
    let mut prev = vec![usize::MAX; candidates.len()];
    // The best run so far ending at each number: its score and last candidate.
    let mut ending: FxHashMap<u32, (i32, usize)> = FxHashMap::default();
    for (k, c) in candidates.iter().enumerate() {
        let (mut best, mut from) = (0, usize::MAX);
        for skip in 0..=MAX_SKIP.min(c.number.saturating_sub(1)) {
            if let Some(&(s, j)) = ending.get(&(c.number - 1 - skip)) {
                let s = s - SKIP_COST * skip as i32;
                if s > best {
                    (best, from) = (s, j);
                }
            }
        }
        score[k] = best + c.weight;
        prev[k] = from;
        let e = ending.entry(c.number).or_insert((i32::MIN, k));
        if score[k] > e.0 {
            *e = (score[k], k);
        }
    }
    let Some(mut k) = (0..candidates.len()).max_by_key(|&k| (score[k], std::cmp::Reverse(k))) else {
        return Vec::new();
    };
    let mut run = vec![k];
    while prev[k] != usize::MAX {
        k = prev[k];
        run.push(k);
    }
    run.reverse();
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cands(numbers: &[(u32, i32)]) -> Vec<Candidate> {
        numbers.iter().enumerate().map(|(line, &(number, weight))| Candidate { line, number, weight }).collect()
    }

    fn numbers(c: &[Candidate], run: &[usize]) -> Vec<u32> {
        run.iter().map(|&k| c[k].number).collect()
    }

    #[test]
    fn a_stray_number_does_not_break_the_run() {
        let c = cands(&[(1, 3), (2, 3), (2019, 3), (3, 3), (4, 2), (1, 3), (5, 3)]);
        assert_eq!(numbers(&c, &best_run(&c)), [1, 2, 3, 4, 5]);
    }

    #[test]
    fn a_missed_number_costs_but_keeps_the_run() {
        let c = cands(&[(1, 3), (2, 3), (4, 3), (5, 3), (6, 3)]);
        assert_eq!(numbers(&c, &best_run(&c)), [1, 2, 4, 5, 6]);
    }

    #[test]
    fn numbering_that_starts_again_is_a_second_run() {
        let c = cands(&[(1, 3), (2, 3), (3, 3), (1, 3), (2, 3)]);
        assert_eq!(numbers(&c, &runs(&c)), [1, 2, 3, 1, 2]);
    }

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
    fn part_keys() {
        assert_eq!(part_key("Annex").as_deref(), Some("annex"));
        assert_eq!(part_key("Annex II").as_deref(), Some("annex-II"));
        assert_eq!(part_key("Enclosure").as_deref(), Some("enclosure"));
        assert_eq!(part_key("ANNEX 3").as_deref(), Some("annex-3"));
        assert_eq!(part_key("Annex to the letter"), None);
        assert_eq!(part_key("Annexes"), None);
    }
}
