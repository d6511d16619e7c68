//! Page furniture, found by evidence rather than by one document's patterns:
//! lines that repeat at the edges of the pages (running headers and
//! footers: a document symbol, a job number, `2/15`), the masthead block
//! of a report's first page (`United Nations`, `Distr.: General`, its date,
//! `Original: English`), and the shapes of job numbers, page numbers and
//! bar codes wherever they stand.

use super::lines::Line;
use regex::Regex;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// A running header or footer stands within this many lines of a page's
/// top or bottom. (The extractions of the shared UN PDFs put the furniture
/// in the first 3 or last 4 lines of a page, the footnotes before it.)
const EDGE: usize = 5;
/// A line is a running header or footer when it stands at a page edge on
/// at least this share of the pages (odd and even pages may differ) …
const SHARE: usize = 3;
/// … and on at least this many pages.
const MIN_PAGES: usize = 3;

/// One cell of a masthead line: what a UN document prints above its
/// title. `-layout` extractions put two cells on a line
/// (`United Nations      S/2025/72`).
static MASTHEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
            United\ Nations | Security\ Council | General\ Assembly | Economic\ and\ Social\ Council
          | Human\ Rights\ Council | Secretariat | Trusteeship\ Council | International\ Court\ of\ Justice
          | Distr\.:\ [A-Za-z]+ | Original:\ [A-Za-z0-9_ ,]+ | Arabic | Chinese | English | French | Russian | Spanish
          | [0-9]{1,2}\ [A-Z][a-z]+\ [0-9]{4}
          | [A-Z][a-z]+(?:-[a-z]+)?\ session | Agenda\ items?\ [0-9, ()a-z]+ | Items?\ [0-9, ()a-z]+\ of\ the\ [A-Za-z0-9_]+\ (?:agenda|list)\*?
          | \*\ Reissued\ for\ technical\ reasons.* | \*\ ?Re-issued.*
        )$",
    )
    .unwrap()
});

/// A document symbol (`S/2018/1042`), a job number (`18-19668 (E)`,
/// `25-06702 (E) 300425 060525`), a page number (`3/16`), a bar code
/// (`*2500448*`).
pub static FURNITURE_SHAPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:[A-Z]{1,2}(?:/[A-Z0-9][A-Za-z0-9.]*){2,}|[0-9]{2}-[0-9]{5}(?:\s*\(E\))?(?:\s+[0-9]{6}){0,2}|[0-9]{1,4}\s*/\s*[0-9]{1,4}|\*[0-9]{6,8}\*)\s*$",
    )
    .unwrap()
});

/// The cells of a line: its text split at runs of three or more spaces.
fn cells(t: &str) -> impl Iterator<Item = &str> {
    t.split("   ").map(str::trim).filter(|c| !c.is_empty())
}

/// The lines of each page: a page starts at a page break.
fn page_ranges(lines: &[Line]) -> Vec<std::ops::Range<usize>> {
    let mut pages = Vec::new();
    let mut start = 0;
    for (i, l) in lines.iter().enumerate() {
        if l.after_page_break && i > start {
            pages.push(start..i);
            start = i;
        }
    }
    if start < lines.len() {
        pages.push(start..lines.len());
    }
    pages
}

/// Every cell of the line has a furniture shape (after the first, the
/// date stamps of a job number, `070225`, stand alone too).
pub fn is_furniture_shaped(t: &str) -> bool {
    let stamp = |c: &str| c.len() >= 6 && c.bytes().all(|b| b.is_ascii_digit() || b == b' ');
    let mut any = false;
    for c in cells(t) {
        if !(FURNITURE_SHAPE.is_match(c) || any && stamp(c)) {
            return false;
        }
        any = true;
    }
    any
}

/// How a line is compared with the lines at the other pages' edges: its
/// words, with each run of digits as `#` (`2/15` and `12/15` are one
/// footer). A line
/// with lower-case letters that ends like a sentence is no furniture: a
/// footnote such as `See S/2023/568.` may close several pages.
fn key(t: &str) -> Option<String> {
    if t.ends_with(['.', ',', ';', ':']) && t.chars().any(char::is_lowercase) {
        return None;
    }
    let mut out = String::new();
    for w in t.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        // A run of digits is one `#`: page 9/17 and page 12/17 alike.
        for c in w.chars() {
            if !c.is_ascii_digit() {
                out.push(c);
            } else if !out.ends_with('#') {
                out.push('#');
            }
        }
    }
    Some(out)
}

/// Text saved without its form feeds (an RFC copied from a web page)
/// still numbers its pages in their footers. A line shape (`Crockford
/// Informational [Page #]`) that stands after a blank line at least
/// [`MIN_PAGES`] times, laid out (in cells parted by runs of spaces, or
/// far indented), its last number going up by one each time, at a
/// steady distance (each within a fifth of the middle one, at least 20
/// lines): a page's foot. Returns the indices of the lines after each
/// foot, where a page starts. For text with no page break and no
/// geometry ([`super::lines::clean`] asks only there).
pub fn implied_page_starts(lines: &[Line]) -> Vec<usize> {
    let last_number = |t: &str| -> Option<u32> {
        let end = t.rfind(|c: char| c.is_ascii_digit())?;
        let start = t[..=end].rfind(|c: char| !c.is_ascii_digit()).map_or(0, |k| k + 1);
        t[start..=end].parse().ok()
    };
    let mut shapes: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    // Built once: a search built for every line was 1 % of reading a long edition.
    let three_spaces = memchr::memmem::Finder::new(b"   ");
    for (i, l) in lines.iter().enumerate() {
        if !l.gap_before || l.text.len() > 120 {
            continue;
        }
        let t = l.trimmed();
        // Laid out: far indented, or cells parted by a run of spaces.
        let laid_out = l.indent >= 20 || three_spaces.find(t.as_bytes()).is_some();
        if !laid_out || t.len() > 100 || !t.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        if let Some(k) = key(t) {
            shapes.entry(k).or_default().push(i);
        }
    }
    let steady = |at: &[usize]| {
        let mut gaps: Vec<usize> = at.windows(2).map(|w| lines[w[1]].no as usize - lines[w[0]].no as usize).collect();
        gaps.sort_unstable();
        let middle = gaps[gaps.len() / 2];
        middle >= 20 && gaps.iter().all(|&g| g * 5 >= middle * 4 && g * 5 <= middle * 6)
    };
    let feet = shapes
        .into_values()
        .filter(|at| {
            at.len() >= MIN_PAGES
                && at.windows(2).all(|w| {
                    let (a, b) = (last_number(lines[w[0]].trimmed()), last_number(lines[w[1]].trimmed()));
                    a.zip(b).is_some_and(|(a, b)| b == a + 1)
                })
                && steady(at)
        })
        .max_by_key(Vec::len);
    feet.map_or_else(Vec::new, |at| at.into_iter().map(|i| i + 1).filter(|&i| i < lines.len()).collect())
}

/// Marks the lines of `lines` that are page furniture; returns how many of
/// each kind: (running headers and footers, masthead lines).
pub fn furniture(lines: &[Line], out: &mut [bool]) -> (usize, usize) {
    let masthead = masthead(lines, out);
    let pages = page_ranges(lines);
    if pages.len() < MIN_PAGES {
        return (0, masthead);
    }
    let edges = |p: &std::ops::Range<usize>| {
        let top = p.start..(p.start + EDGE).min(p.end);
        let bottom = p.end.saturating_sub(EDGE).max(top.end)..p.end;
        top.chain(bottom)
    };
    let mut seen: FxHashMap<String, (usize, usize)> = FxHashMap::default();
    for (n, p) in pages.iter().enumerate() {
        for i in edges(p) {
            let Some(k) = key(lines[i].trimmed()) else { continue };
            let e = seen.entry(k).or_insert((0, usize::MAX));
            if e.1 != n {
                *e = (e.0 + 1, n);
            }
        }
    }
    let needed = (pages.len() / SHARE).max(MIN_PAGES);
    let mut running = 0;
    for p in &pages {
        // Below a page's footnote rule, a number alone is a footnote's mark
        // (`pdftotext -raw` sets them on lines of their own), not a page number.
        let rule = p.clone().find(|&k| lines[k].trimmed().starts_with("_____"));
        for i in edges(p) {
            let mark = rule.is_some_and(|r| i > r) && lines[i].trimmed().bytes().all(|b| b.is_ascii_digit());
            if !out[i] && !mark && key(lines[i].trimmed()).and_then(|k| seen.get(&k)).is_some_and(|e| e.0 >= needed) {
                out[i] = true;
                running += 1;
            }
        }
    }
    // The date stamps of a job number on lines of their own, among the
    // page's furniture (`25-06702 (E)` / `300425` / `*2506702*` /
    // `060525`, as default `pdftotext` sets them).
    for i in 1..lines.len() {
        let t = lines[i].trimmed();
        let prev = lines[i - 1].trimmed();
        if !out[i]
            && t.len() == 6
            && t.bytes().all(|b| b.is_ascii_digit())
            && (JOB.is_match(prev) || is_furniture_shaped(prev))
        {
            out[i] = true;
            running += 1;
        }
    }
    (running, masthead)
}

/// A job number: `25-00448 (E)`.
static JOB: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9]{2}-[0-9]{5}(?:\s*\(E\))?$").unwrap());

/// The document symbol in a report's masthead (`S/2025/72`), if it has one.
pub fn masthead_symbol(lines: &[Line]) -> Option<String> {
    let mut marks = vec![false; lines.len()];
    let n = masthead(lines, &mut marks);
    static SYMBOL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[A-Z]{1,2}(?:/[A-Z0-9][A-Za-z0-9.]*){2,}$").unwrap());
    lines[..n]
        .iter()
        .flat_map(|l| cells(l.trimmed()).collect::<Vec<_>>())
        .find(|c| SYMBOL.is_match(c))
        .map(str::to_string)
}

/// Marks the masthead: the lines a report's first page opens with, every
/// cell of them a masthead cell or a furniture shape. Returns how many.
fn masthead(lines: &[Line], out: &mut [bool]) -> usize {
    let first_cell = |t: &str| cells(t).next().unwrap_or("").to_string();
    if lines.first().is_none_or(|l| first_cell(l.trimmed()) != "United Nations") {
        return 0;
    }
    let mut n = 0;
    for (i, l) in lines.iter().enumerate().take(16) {
        let t = l.trimmed();
        let mixed = || cells(t).all(|c| MASTHEAD.is_match(c) || FURNITURE_SHAPE.is_match(c));
        if l.after_page_break && i > 0 || !(is_furniture_shaped(t) || mixed()) {
            break;
        }
        out[i] = true;
        n += 1;
    }
    n
}

/// The title line of a figure: `Figure I`, `Chart 2`, `Graph 3`.
static FIGURE_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Figure|Chart|Graph|Diagram)\s+(?:[IVXLC]{1,6}|[0-9]{1,3})(?-u:\b)").unwrap());

/// Text smaller than this share of the body's size, above a page's
/// footnotes, is drawn inside a figure (its labels, values, source line):
/// the shared UN PDFs set the body in 10 pt, chart labels in 8.5 pt.
const FIGURE_SIZE: f32 = 0.9;

/// Marks the lines drawn inside figures and charts, where the lines say
/// where they were printed (a PDF): text smaller than the body's above the
/// page's footnote rule, and the figure's title and caption before it
/// (`Figure I`, then its bold title). Returns the titles, with the line
/// each starts at, for the record of what was left out.
pub fn figures(lines: &[Line], out: &mut [bool]) -> Vec<(usize, String)> {
    let mut sizes: FxHashMap<i32, usize> = FxHashMap::default();
    for l in lines {
        if let Some(g) = l.geom {
            *sizes.entry(g.size).or_default() += l.text.len();
        }
    }
    let Some((&body, _)) = sizes.iter().max_by_key(|(size, n)| (**n, **size)) else {
        return figures_in_text(lines, out);
    };
    let small = |l: &Line| l.geom.is_some_and(|g| (g.size as f32) < FIGURE_SIZE * body as f32);
    // Small text after a page's last line of body text is its footnotes,
    // when it opens with a rule or a mark (`1 See …`, `* Indicates …`); a
    // figure at the foot of a page opens otherwise.
    let mut foot = vec![false; lines.len()];
    for page in page_ranges(lines) {
        let last_body = page.clone().rev().find(|&k| !small(&lines[k]) && !out[k]);
        let from = last_body.map_or(page.start, |k| k + 1);
        let opens_notes = (from..page.end).find(|&k| !out[k]).is_some_and(|k| {
            let t = lines[k].trimmed();
            t.starts_with("___") || t.starts_with("* ") || t.split(' ').next().is_some_and(|w| w.parse::<u32>().is_ok())
        });
        if opens_notes {
            foot[from..page.end].iter_mut().for_each(|f| *f = true);
        }
    }
    let mut titles = Vec::new();
    let mut below_rule = false;
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        if l.after_page_break {
            below_rule = false;
        }
        if foot[i] {
            below_rule = true;
        }
        if l.trimmed().starts_with("_____") {
            below_rule = true;
        }
        if below_rule {
            i += 1;
            continue;
        }
        if FIGURE_TITLE.is_match(l.trimmed()) && l.geom.is_some() {
            // The title, its caption lines (bold or small), then the figure.
            let mut j = i + 1;
            let mut title = l.trimmed().to_string();
            while let Some(next) = lines.get(j).filter(|n| !n.after_page_break && n.geom.is_some_and(|g| g.bold)) {
                super::repair::join_line(&mut title, next.trimmed());
                j += 1;
            }
            if lines.get(j).is_some_and(small) {
                out[i..j].iter_mut().for_each(|o| *o = true);
                titles.push((l.line_no(), title));
                i = j;
                continue;
            }
        }
        if small(l) && !out[i] {
            out[i] = true;
        }
        i += 1;
    }
    titles
}

/// A figure's values: a line of three numbers or more and nothing else
/// (`0 100 200 300`, `6 2 5 1 1`).
fn values_only(t: &str) -> bool {
    // Cheap first: most lines start with a letter, and a numbered paragraph's second word is no value: `all` stops
    // there, where counting the words first walked the whole line.
    t.starts_with(|c: char| c.is_ascii_digit())
        && t.split_whitespace()
            .all(|w| w.trim_end_matches('%').bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.'))
        && t.split_whitespace().nth(2).is_some()
}

/// A figure's label: short, no sentence punctuation, no paragraph number.
fn label_like(t: &str) -> bool {
    t.chars().count() <= FIGURE_LABEL
        && !t.contains(['.', ',', ';', ':'])
        && t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && super::numbering::para_start(t).is_none()
}

/// A label of a figure is at most this long (the longest in the shared
/// charts: `Killed Injured Abducted Arbitrarily arrested and detained`, 56
/// characters on one line of a `-raw` extraction).
const FIGURE_LABEL: usize = 60;

/// [`figures`] for text without positions: a figure's title (`Figure I`)
/// through its `Source:` line, a line of values, and the run of labels
/// next to values.
fn figures_in_text(lines: &[Line], out: &mut [bool]) -> Vec<(usize, String)> {
    let mut titles = Vec::new();
    let starts_paragraph = |l: &Line| {
        super::numbering::para_start(l.trimmed()).is_some_and(|(_, r)| super::numbering::starts_like_sentence(r))
    };
    for i in 0..lines.len() {
        let t = lines[i].trimmed();
        // Cheap first: every title starts with one of four capitals.
        if t.starts_with(['F', 'C', 'G', 'D']) && FIGURE_TITLE.is_match(t) {
            let end = (i + 1..lines.len().min(i + 40))
                .take_while(|&k| !starts_paragraph(&lines[k]))
                .find(|&k| lines[k].trimmed().starts_with("Source:"));
            // `-raw` sets a chart's values and labels after its source line:
            // a run that opens with a bare number.
            let numbers = |t: &str| t.split(' ').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
            let end = end.map_or(i, |source| {
                let run = |k: &usize| {
                    let t = lines[*k].trimmed();
                    !lines[*k].after_page_break && (label_like(t) || values_only(t) || numbers(t))
                };
                match lines.get(source + 1) {
                    Some(l) if numbers(l.trimmed()) && !l.after_page_break => {
                        (source + 1..lines.len()).take_while(run).last().unwrap_or(source)
                    }
                    _ => source,
                }
            });
            out[i..=end].iter_mut().for_each(|o| *o = true);
            let mut title = t.to_string();
            if let Some(caption) = lines.get(i + 1).filter(|_| end > i) {
                super::repair::join_line(&mut title, caption.trimmed());
            }
            titles.push((lines[i].line_no(), title));
        }
    }
    for i in 0..lines.len() {
        if !values_only(lines[i].trimmed()) {
            continue;
        }
        out[i] = true;
        for k in (0..i).rev().take_while(|&k| label_like(lines[k].trimmed())) {
            out[k] = true;
        }
        for k in (i + 1..lines.len()).take_while(|&k| {
            let t = lines[k].trimmed();
            label_like(t) || values_only(t) || t.bytes().all(|b| b.is_ascii_digit())
        }) {
            out[k] = true;
        }
    }
    titles
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line<'_>> {
        let mut page_break = false;
        let mut out = Vec::new();
        for (i, l) in text.split('\n').enumerate() {
            let l = if l.contains('\x0C') {
                page_break = true;
                l.rsplit('\x0C').next().unwrap_or("")
            } else {
                l
            };
            if l.trim().is_empty() {
                continue;
            }
            out.push(Line {
                text: l,
                no: i as u32 + 1,
                indent: 0,
                after_page_break: page_break,
                gap_before: false,
                after_display: false,
                geom: None,
            });
            page_break = false;
        }
        out
    }

    #[test]
    fn shapes() {
        for t in ["S/2025/72", "25-00800 (E)    070225", "25-06702 (E) 300425 060525", "2/15", "*2500448*"] {
            assert!(is_furniture_shaped(t), "{t}");
        }
        assert!(is_furniture_shaped("2/15                                 25-00800"));
        for t in ["1,300 children", "S/2018/250).", "see S/2018/250", "2/15 of the"] {
            assert!(!is_furniture_shaped(t), "{t}");
        }
    }

    #[test]
    fn running_headers_repeat_at_page_edges() {
        let page =
            |n: usize| format!("\x0CDraft report on the year\nBody line {n} a.\nSee S/2023/{n}.\nPage {n} of 9\n");
        let text: String = (1..=6).map(page).collect();
        let l = lines(&text);
        let mut out = vec![false; l.len()];
        assert_eq!(furniture(&l, &mut out), (12, 0));
        let kept: Vec<&str> = l.iter().zip(&out).filter(|(_, f)| !**f).map(|(l, _)| l.text).collect();
        assert_eq!(kept.len(), 12);
        assert!(kept.iter().all(|t| t.starts_with("Body") || t.starts_with("See")), "{kept:?}");
    }

    #[test]
    fn a_charts_values_after_its_source_line_are_the_figure() {
        // S/2025/504 as `pdftotext -raw` sets Figure II (values shortened).
        let text = "Lakes (2) and Central Equatoria (1).\nFigure II\nViolations against children by State and type\nSource: UNMISS Human Rights Division.\n6\n2\n2 3\n13\nCentral Equatoria\nJonglei\nAbduction Attack on hospitals\n\x0c73. UNMISS delivered 83 child protection awareness-raising sessions to 3,126\n";
        let l = lines(text);
        let mut out = vec![false; l.len()];
        let titles = figures(&l, &mut out);
        assert_eq!(titles, [(2, "Figure II Violations against children by State and type".to_string())]);
        assert_eq!(out, [false, true, true, true, true, true, true, true, true, true, true, false]);
        // A source line followed by text is where the figure ends.
        let text = "Figure II\nViolations by State\nSource: UNMISS.\nThe Mission also verified two cases.\n";
        let l = lines(text);
        let mut out = vec![false; l.len()];
        figures(&l, &mut out);
        assert_eq!(out, [true, true, true, false]);
    }

    #[test]
    fn masthead_of_a_un_report() {
        let text = "United Nations                         S/2025/72\nSecurity Council     Distr.: General\n31 January 2025\nOriginal: English\n25-00800 (E)    070225\n*2500800*\nTwentieth report of the Secretary-General\n";
        let l = lines(text);
        let mut out = vec![false; l.len()];
        assert_eq!(furniture(&l, &mut out), (0, 6));
        assert_eq!(out, [true, true, true, true, true, true, false]);
    }
}
