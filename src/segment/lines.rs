//! Lines of an edition with PDF-extraction noise marked: URL blocks, page
//! headers and footers, footnote blocks, and a leading YAML front matter.

use super::pages::is_furniture_shaped;
pub use crate::model::Skipped;
use crate::read::LineBox;
use regex::Regex;
use std::sync::LazyLock;

/// A line of the source that has text, ready for the segmenters. Blank
/// lines are not kept: `gap_before` says one or more stood before it.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// The text without trailing whitespace (leading whitespace kept).
    pub text: &'a str,
    /// 1-based line number in the source.
    pub no: u32,
    /// Leading whitespace, in characters (a page start shows as 1 in PDF text).
    pub indent: u16,
    /// A page break (form feed) came just before this line.
    pub after_page_break: bool,
    /// A blank line came just before this line (in a PDF: more space than
    /// between the lines of a paragraph).
    pub gap_before: bool,
    /// Lines that only display an address were left out just before this
    /// line: the text before them is complete, though it ends no sentence
    /// (`… a copy of the License at` over the licence's URL).
    pub after_display: bool,
    /// Where it was printed, when the source says (a PDF).
    pub geom: Option<&'a LineBox>,
}

impl Line<'_> {
    /// The text without leading whitespace.
    pub fn trimmed(&self) -> &str {
        // Cheap first: most lines start with an ASCII character above the
        // space, which no whitespace is (every pass asks for this).
        match self.text.as_bytes().first() {
            Some(&b) if b > b' ' && b.is_ascii() => self.text,
            _ => self.text.trim_start(),
        }
    }

    /// The 1-based line number in the source.
    pub fn line_no(&self) -> usize {
        self.no as usize
    }
}

/// A footnote found in a footnote block.
#[derive(Debug, Clone)]
pub struct RawFootnote {
    pub mark: String,
    pub text: String,
    /// The 1-based source line of the footnote block's rule.
    pub before_line: usize,
}

/// The lines that carry the document's text, and what was taken out.
#[derive(Debug, Default)]
pub struct Cleaned<'a> {
    /// Lines with noise removed; blank lines kept (they separate blocks).
    pub lines: Vec<Line<'a>>,
    /// Footnotes from footnote blocks, in order.
    pub footnotes: Vec<RawFootnote>,
    /// `key: value` pairs of a YAML front matter.
    pub front_matter: Vec<(String, String)>,
    /// Running headers and footers taken out (lines).
    pub furniture_lines: usize,
    /// Masthead lines taken out (a UN report's first-page block).
    pub masthead_lines: usize,
    /// The document symbol the masthead prints (`S/2025/72`).
    pub symbol: Option<String>,
    /// The figures whose text was taken out: the line each starts at, and
    /// its title.
    pub figures: Vec<(usize, String)>,
    /// Lines of text drawn inside figures, taken out.
    pub figure_lines: usize,
    /// The blocks of lines left out of the text, and why, in order.
    pub skipped: Vec<Skipped>,
    /// Signature blocks of a letter (`(Signed) António Guterres`), lines
    /// joined: the edition's metadata, not its paragraphs.
    pub signatures: Vec<String>,
    /// The text marks pages with form feeds.
    pub paged: bool,
    /// The text looks extracted from a PDF: hard-wrapped lines separated by
    /// blank lines, or footnote blocks. Blank lines then separate nothing.
    pub pdf_like: bool,
}

/// Why lines were left out of the text (what [`Skipped::what`] says).
pub const FRONT_MATTER: &str = "front matter";
pub const MASTHEAD: &str = "masthead";
pub const FURNITURE: &str = "page furniture";
pub const FIGURE: &str = "figure";
pub const SIGNATURE: &str = "signature";
pub const LINKS: &str = "links";
pub const DISPLAY: &str = "display line";
pub const CONTENTS: &str = "table of contents";

/// In a PDF, a line is a blank line below the one before it when their
/// baselines are more than this many times the upper one's size apart:
/// the lines of a paragraph of the shared UN PDFs are 1.2 sizes apart, a
/// paragraph 1.8 below the one before.
const GAP_PITCH: f32 = 1.5;

/// A line that is only a link target (`https://undocs.org/S/2018/250`), as
/// PDF extraction puts them in blocks at page ends. Link targets may hold a
/// no-break space; `www.` lines are text (they continue footnotes).
static URL_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*https?://[^ \t]+\s*$").unwrap());
/// The note of a UN document's languages under an annex heading:
/// `[Original: Arabic, Chinese, English, French, Russian and Spanish]`.
static LANGUAGE_NOTE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*\[Original: [^\]]*\]\s*$").unwrap());
/// A line that only displays an address: a URL, an e-mail address, or a
/// name with its e-mail address (`Mark Adler <madler@example.edu> and`).
static DISPLAY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:<?https?://[^\s<>]+>?|<?[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>?|[\p{L}][\p{L}.' -]{0,60}<[^\s<>@]+@[^\s<>@]+>(?:,|\s+and)?)\s*$",
    )
    .unwrap()
});
/// An entry of a table of contents: a title, a dot leader and a page
/// number (`1.1. Purpose ........ 2`).
static CONTENTS_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\S.*?(?:\. ?){4,}\s*(?:[0-9]{1,4}|[ivxlc]{1,6})$").unwrap());
/// A table of contents has at least this many entries in a row (fewer is
/// a line of dots in the text).
const CONTENTS_ENTRIES: usize = 3;
static BARE_PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*[0-9]{1,4}\s*$").unwrap());
static FOOTNOTE_RULE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*_{5,}\s*$").unwrap());
static FOOTNOTE_START: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*([0-9]{1,3})\s+(\S.*)$").unwrap());

/// Splits `text` into lines and takes out the noise. With the `layout` of
/// its lines (a PDF), a line's vertical distance from the one before it
/// says whether a blank line stood there.
pub fn clean<'a>(text: &'a str, layout: Option<&'a [LineBox]>) -> Cleaned<'a> {
    let mut raw: Vec<Line> = Vec::new();
    let mut above: Option<&LineBox> = None;
    let (mut page_break, mut gap) = (false, false);
    // Searched once in the whole text rather than in every line.
    let form_feeds = text.contains('\x0C');
    for (i, mut line) in split_lines(text).enumerate() {
        if form_feeds && line.contains('\x0C') {
            page_break = true;
            line = line.rsplit('\x0C').next().unwrap_or("");
        }
        let line = line.trim_end();
        if line.trim_start().is_empty() {
            gap = true;
            continue;
        }
        let indent = line.chars().take_while(|c| c.is_whitespace()).count();
        let geom = layout.and_then(|l| l.get(i));
        if let Some(g) = geom {
            gap = above.is_some_and(|a| a.page == g.page && (g.y - a.y) as f32 > GAP_PITCH * a.size.max(1) as f32);
            above = Some(g);
        }
        raw.push(Line {
            text: line,
            no: u32::try_from(i + 1).unwrap_or(u32::MAX),
            indent: u16::try_from(indent).unwrap_or(u16::MAX),
            after_page_break: page_break,
            gap_before: gap || page_break,
            after_display: false,
            geom,
        });
        (page_break, gap) = (false, false);
    }

    // Pages: from form feeds, or (text that lost them) from the footers
    // that number them; a PDF's lines know their page.
    let geometry = raw.iter().any(|l| l.geom.is_some());
    let mut breaks = raw.iter().any(|l| l.after_page_break);
    if !breaks && !geometry {
        for i in super::pages::implied_page_starts(&raw) {
            raw[i].after_page_break = true;
            raw[i].gap_before = true;
            breaks = true;
        }
    }
    let mut out = Cleaned { paged: breaks, ..Cleaned::default() };
    let start = front_matter(&raw, &mut out.front_matter);
    out.pdf_like = layout.is_some() || is_pdf_like(&raw[start..]);

    // Why each line left out was: for the record of what was skipped.
    let mut why: Vec<Option<&'static str>> = vec![None; raw.len()];
    why[..start].iter_mut().for_each(|w| *w = Some(FRONT_MATTER));
    let mut furniture = vec![false; raw.len()];
    (out.furniture_lines, out.masthead_lines) = super::pages::furniture(&raw[start..], &mut furniture[start..]);
    for (i, _) in furniture.iter().enumerate().filter(|(_, f)| **f) {
        // The masthead is the first lines of the text.
        why[i] = Some(if i < start + out.masthead_lines { MASTHEAD } else { FURNITURE });
    }
    out.symbol = super::pages::masthead_symbol(&raw[start..]);
    let before = furniture.iter().filter(|f| **f).count();
    out.figures = super::pages::figures(&raw[start..], &mut furniture[start..]);
    out.figure_lines = furniture.iter().filter(|f| **f).count() - before;
    for (w, f) in why.iter_mut().zip(&furniture) {
        if *f && w.is_none() {
            *w = Some(FIGURE);
        }
    }
    let mut keep = vec![false; raw.len()];
    let mut i = start;
    let mut next_mark: Option<u32> = None;
    // A `*` note stands at a page's foot: text with no pages has none (a
    // Markdown list's last `* Item` near the end is no note).
    let paged = breaks || geometry;
    while i < raw.len() {
        let t = raw[i].text;
        if t.trim_start().starts_with("_____")
            && FOOTNOTE_RULE.is_match(t)
            && let Some(end) = footnote_block(&raw, i, &furniture, &mut next_mark, &mut out)
        {
            i = end;
            continue;
        }
        if let Some(end) = signature(&raw, i, &furniture, &mut out) {
            why[i..end].iter_mut().for_each(|w| *w = Some(SIGNATURE));
            i = end;
            continue;
        }
        if paged && let Some(end) = asterisk_note(&raw, i, &furniture, &mut out) {
            i = end;
            continue;
        }
        // The language note wrapped over two lines: `[Original: Arabic, …,` / `Russian and Spanish]`.
        if t.trim_start().starts_with("[Original:")
            && !t.contains(']')
            && raw.get(i + 1).is_some_and(|n| n.text.ends_with(']') && !n.text.contains('['))
        {
            why[i..i + 2].iter_mut().for_each(|w| *w = Some(FURNITURE));
            i += 2;
            continue;
        }
        keep[i] = !furniture[i] && !is_noise(t, out.pdf_like);
        if !keep[i] && why[i].is_none() {
            why[i] = Some(if URL_LINE.is_match(t) { LINKS } else { FURNITURE });
        }
        i += 1;
    }
    // Text without geometry: lines set apart by blank lines that only
    // display an address (the licence's URL under "a copy of the License
    // at", an RFC's contact lines) are no prose of a paragraph.
    if layout.is_none() {
        display_lines(&mut raw, &mut keep, &mut why, text.contains('@'));
    }
    contents(&raw, &mut keep, &mut why);
    // Consecutive lines left out for one reason are one skipped block.
    for (k, w) in why.iter().enumerate() {
        let Some(w) = *w else { continue };
        let no = raw[k].no as usize;
        match out.skipped.last_mut() {
            Some(last) if k > 0 && why[k - 1] == Some(w) => last.last_line = no,
            _ => out.skipped.push(Skipped { what: w.to_string(), first_line: no, last_line: no }),
        }
    }
    // A page break (noise taken out, or a form feed) inside a sentence is
    // no paragraph break: the next line goes on where the last one stopped.
    // A full line before the break says the paragraph goes on, as a reader
    // of the page would judge; a short one ends it.
    let full = {
        let mut widths: Vec<u32> =
            raw.iter().map(|l| u32::try_from(l.text.chars().count()).unwrap_or(u32::MAX)).collect();
        let at = (widths.len() * 9 / 10).min(widths.len().saturating_sub(1));
        // Only wrapped prose has a width to speak of.
        let p90 = if widths.is_empty() { 0 } else { *widths.select_nth_unstable(at).1 as usize };
        if p90 >= 40 { p90 * 4 / 5 } else { 0 }
    };
    let mut removed_before = false;
    let mut last_kept: Option<usize> = None;
    for i in 0..raw.len() {
        if !keep[i] {
            removed_before = true;
            // A displayed address completes the text before it.
            if why[i] == Some(DISPLAY) {
                last_kept = None;
            }
            continue;
        }
        let broken = removed_before || raw[i].after_page_break;
        if broken
            && raw[i].gap_before
            && let Some(k) = last_kept
            && (!raw[k].text.ends_with(['.', ':', ';', '!', '?']) && raw[i].trimmed().starts_with(char::is_lowercase)
                || raw[k].text.chars().count() >= full && full > 0)
        {
            raw[i].gap_before = false;
        }
        removed_before = false;
        last_kept = Some(i);
    }
    let mut keep = keep.into_iter();
    raw.retain(|_| keep.next().unwrap_or(false));
    out.lines = raw;
    out
}

/// `text.split('\n')`, the line ends found by the memchr crate's vector
/// search (the standard library's, a word at a time, was 3 % of reading a
/// long edition).
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    memchr::memchr_iter(b'\n', text.as_bytes()).map(Some).chain([None]).map(move |end| {
        let end = end.unwrap_or(text.len());
        let line = &text[from..end];
        from = end + 1;
        line
    })
}

/// Marks runs of at least [`CONTENTS_ENTRIES`] kept lines that are
/// entries of a table of contents (blank lines may stand between them) as
/// left out.
fn contents(raw: &[Line], keep: &mut [bool], why: &mut [Option<&'static str>]) {
    // Cheap first: an entry ends with a page number and holds a run of dots.
    let entry = |keep: &[bool], k: usize| {
        let t = raw[k].text.as_bytes();
        keep[k]
            && t.last().is_some_and(|b| b.is_ascii_digit() || b"ivxlc".contains(b))
            && t.windows(4).any(|w| w == b"....")
            && CONTENTS_LINE.is_match(raw[k].text)
    };
    let mut i = 0;
    while i < raw.len() {
        if !entry(keep, i) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < raw.len() && entry(keep, end) {
            end += 1;
        }
        if end - i >= CONTENTS_ENTRIES {
            for k in i..end {
                keep[k] = false;
                why[k] = Some(CONTENTS);
            }
        }
        i = end;
    }
}

/// Marks runs of kept lines that only display an address ([`DISPLAY_LINE`])
/// and stand apart, with a blank line (or the text's end) before and after,
/// as left out.
fn display_lines(raw: &mut [Line], keep: &mut [bool], why: &mut [Option<&'static str>], at_signs: bool) {
    let mut i = 0;
    while i < raw.len() {
        // Cheap first: an address starts `http` or `<http`, or holds an `@`
        // (`at_signs`: the text holds one). The regex on every line of a
        // PDF-like text, where every line has a blank line before it, cost
        // 8 % of reading a long edition.
        let shows = |k: usize| {
            let t = raw[k].text;
            let s = raw[k].trimmed();
            keep[k]
                && (s.starts_with("http") || s.starts_with("<http") || at_signs && t.as_bytes().contains(&b'@'))
                && DISPLAY_LINE.is_match(t)
        };
        if !(raw[i].gap_before && shows(i)) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < raw.len() && !raw[end].gap_before && shows(end) {
            end += 1;
        }
        if end == raw.len() || raw[end].gap_before {
            for k in i..end {
                keep[k] = false;
                why[k] = Some(DISPLAY);
            }
            if let Some(next) = raw.get_mut(end) {
                next.after_display = true;
            }
        }
        i = end;
    }
}

/// Page furniture anywhere; link lines and bare page numbers in PDF text.
/// Cheap tests first: most lines are long prose.
fn is_noise(t: &str, pdf_like: bool) -> bool {
    let s = t.trim_start();
    // A long line is prose, but for a link or cells spread over a
    // `-layout` line (`2/17        25-11938`), which start as furniture
    // does (looked at first: searching every line for three spaces cost
    // 4 % of reading a long edition).
    if s.len() > 40 {
        let furniture_start = s.starts_with(|c: char| c.is_ascii_alphanumeric() && !c.is_ascii_lowercase() || c == '*');
        if !(s.starts_with('[') || furniture_start && s.contains("   ")) {
            return pdf_like && s.starts_with("http") && URL_LINE.is_match(t);
        }
    }
    // Every pattern starts with a capital, a digit, `*`, `[` or `http`; an
    // ASCII character that is none of these (the end of a sentence, mostly)
    // rules them all out. Other characters may be Unicode digits.
    if s.as_bytes().first().is_some_and(|&b| {
        b.is_ascii() && !(b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'h' | b'*' | b'['))
    }) {
        return false;
    }
    is_furniture_shaped(t)
        || LANGUAGE_NOTE.is_match(t)
        || pdf_like && (URL_LINE.is_match(t) || BARE_PAGE_NUMBER.is_match(t))
}

/// Reads a footnote block that starts with the rule at `raw[rule]`; returns
/// the index after it, or `None` if no footnote follows the rule. The
/// block ends at a page break, page furniture, a link line or another rule.
/// Its footnotes are written `1 Text` (a mark and its text on one line),
/// or with each mark alone on a line before its text (`pdftotext -raw`,
/// `-layout`), or with the texts first and the marks after them
/// (`pdftotext` by default).
fn footnote_block(
    raw: &[Line],
    rule: usize,
    furniture: &[bool],
    next_mark: &mut Option<u32>,
    out: &mut Cleaned,
) -> Option<usize> {
    let first = rule + 1;
    let first_line = raw.get(first)?;
    if first_line.after_page_break || furniture[first] {
        return None;
    }
    let before_line = raw[rule].no as usize;
    let Some(caps) = FOOTNOTE_START.captures(first_line.text) else {
        return loose_footnote_block(raw, first, furniture, before_line, next_mark, out);
    };
    let mark: u32 = caps[1].parse().ok()?;
    if next_mark.is_some_and(|m| m != mark) && mark != 1 {
        return None;
    }
    let mut notes: Vec<(u32, String)> = Vec::new();
    let mut i = first;
    while i < raw.len() {
        let line = &raw[i];
        let t = line.text;
        if URL_LINE.is_match(t) || FOOTNOTE_RULE.is_match(t) || line.after_page_break || furniture[i] {
            break;
        }
        let expected = notes.last().map_or(mark, |n| n.0 + 1);
        match FOOTNOTE_START.captures(t) {
            Some(c)
                if c[1].parse::<u32>().ok() == Some(expected)
                    && (line.indent > 0 || notes.last().is_none_or(|n| ends_footnote(&n.1))) =>
            {
                notes.push((expected, c[2].trim().to_string()));
            }
            _ if line.indent > 0 => break,
            _ => {
                let last = &mut notes.last_mut().expect("a first footnote was read").1;
                super::repair::join_line(last, t.trim());
            }
        }
        i += 1;
    }
    *next_mark = notes.last().map(|n| n.0 + 1);
    for (mark, text) in notes {
        out.footnotes.push(RawFootnote { mark: mark.to_string(), text, before_line });
    }
    Some(i)
}

/// A footnote block whose marks stand alone on their lines: before their
/// texts, or (default `pdftotext`) after them, in any order. Texts are
/// told apart by the marks before them, else where a line that ends a
/// sentence is followed by one that starts with a capital.
fn loose_footnote_block(
    raw: &[Line],
    first: usize,
    furniture: &[bool],
    before_line: usize,
    next_mark: &mut Option<u32>,
    out: &mut Cleaned,
) -> Option<usize> {
    let mut marks: Vec<u32> = Vec::new();
    // Each footnote's text, and whether a mark stood right before it.
    let mut texts: Vec<(String, bool)> = Vec::new();
    let mut marked = false;
    let mut i = first;
    while i < raw.len() {
        let line = &raw[i];
        let t = line.trimmed();
        // Default `pdftotext` may set the page's foot (job number, page
        // number) between the marks and their texts: furniture before the
        // first text is passed over; after it, it ends the block.
        if furniture[i] && !line.after_page_break && !marks.is_empty() && texts.is_empty() {
            i += 1;
            continue;
        }
        if URL_LINE.is_match(t) || FOOTNOTE_RULE.is_match(t) || line.after_page_break || furniture[i] {
            break;
        }
        if let Some(m) = lone_mark(t) {
            marks.push(m);
            marked = true;
        } else {
            let starts_new = texts.last().is_none_or(|(last, _)| {
                marked || ends_footnote(last) && t.starts_with(|c: char| c.is_uppercase() || c == '“')
            });
            if starts_new {
                texts.push((t.to_string(), marked));
            } else if let Some((last, _)) = texts.last_mut() {
                super::repair::join_line(last, t);
            }
            marked = false;
        }
        i += 1;
    }
    if marks.is_empty() || texts.is_empty() {
        return None;
    }
    marks.sort_unstable();
    marks.dedup();
    // More texts than marks: a sentence end inside a footnote was taken for
    // a new one; join the pieces no mark stood before, from the end.
    while texts.len() > marks.len() {
        let Some(k) = (1..texts.len()).rev().find(|&k| !texts[k].1) else { break };
        let (text, _) = texts.remove(k);
        super::repair::join_line(&mut texts[k - 1].0, &text);
    }
    *next_mark = marks.last().map(|m| m + 1);
    for (mark, (text, _)) in marks.into_iter().zip(texts) {
        out.footnotes.push(RawFootnote { mark: mark.to_string(), text, before_line });
    }
    Some(i)
}

/// A letter's signature block: `(Signed) Name`, then up to three short
/// lines of title that end no sentence (`Director General`, the
/// organisation) on the same page. Returns the index after it.
fn signature(raw: &[Line], i: usize, furniture: &[bool], out: &mut Cleaned) -> Option<usize> {
    let t = raw[i].trimmed();
    if !t.starts_with("(Signed)") {
        return None;
    }
    let mut text = t.to_string();
    let mut end = i + 1;
    while end < raw.len() && end <= i + 3 {
        let l = &raw[end];
        let lt = l.trimmed();
        if l.after_page_break
            || furniture[end]
            || lt.chars().count() >= SIGNATURE_LINE
            || lt.ends_with(['.', ':', ';'])
            || super::numbering::part_key(lt).is_some()
        {
            break;
        }
        super::repair::join_line(&mut text, lt);
        end += 1;
    }
    out.signatures.push(text);
    Some(end)
}

/// A line of a signature block's title is shorter than this (the longest
/// in the shared OPCW letters: `Organisation for the Prohibition of
/// Chemical Weapons`, 51 characters).
const SIGNATURE_LINE: usize = 70;

/// A note marked `*` at a page's foot (`* Indicates that the party …`),
/// with no rule above it: a line that starts `* ` and a capital, followed
/// by at most two more lines before the page ends or its furniture starts
/// (in a PDF, all of them smaller than the text above). Returns the index
/// after it.
fn asterisk_note(raw: &[Line], i: usize, furniture: &[bool], out: &mut Cleaned) -> Option<usize> {
    let t = raw[i].trimmed();
    let rest = t.strip_prefix("* ")?;
    // The last item of a bulleted list is no note.
    let after_item = raw[..i].iter().rev().find(|l| !l.trimmed().is_empty()).is_some_and(|l| {
        let p = l.trimmed();
        p.starts_with("* ") || p.starts_with("- ") || p.starts_with("• ")
    });
    if !rest.starts_with(char::is_uppercase) || after_item {
        return None;
    }
    let end = (i + 1..raw.len()).find(|&k| raw[k].after_page_break || furniture[k]).unwrap_or(raw.len());
    let smaller = |k: usize| match (raw[k].geom, i.checked_sub(1).and_then(|p| raw[p].geom)) {
        (Some(g), Some(above)) => g.size < above.size,
        _ => true,
    };
    if end - i > 3 || !(i..end).all(smaller) {
        return None;
    }
    let mut text = rest.trim().to_string();
    for l in &raw[i + 1..end] {
        super::repair::join_line(&mut text, l.trimmed());
    }
    out.footnotes.push(RawFootnote { mark: "*".into(), text, before_line: raw[i].no as usize });
    Some(end)
}

/// A footnote mark alone on its line: `3`.
fn lone_mark(t: &str) -> Option<u32> {
    (t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok()).flatten()
}

/// A footnote's text ends here: a full stop, perhaps inside a bracket or
/// a quote.
fn ends_footnote(text: &str) -> bool {
    text.trim_end_matches(['”', '"', '’', ')']).ends_with(['.', '!', '?'])
}

/// A leading `---` … `---` block of `key: value` lines; returns the index of
/// the first line after it.
fn front_matter(raw: &[Line], into: &mut Vec<(String, String)>) -> usize {
    if raw.first().is_none_or(|l| l.text != "---" || l.no != 1) {
        return 0;
    }
    let Some(end) = raw.iter().take(200).skip(1).position(|l| l.text == "---" || l.text == "...") else {
        return 0;
    };
    let end = end + 1;
    for line in &raw[1..end] {
        if line.indent == 0
            && let Some((k, v)) = line.text.split_once(':')
        {
            into.push((k.trim().to_string(), v.trim().trim_matches(['"', '\'']).to_string()));
        }
    }
    end + 1
}

/// Hard-wrapped lines with blank lines between them (the next line continues
/// the sentence in lower case), or a footnote rule followed by a footnote.
fn is_pdf_like(raw: &[Line]) -> bool {
    let wrapped_across_blank = raw
        .windows(2)
        .filter(|w| {
            w[1].gap_before
                && !w[0].text.ends_with(['.', ':', ';'])
                && w[1].trimmed().starts_with(|c: char| c.is_lowercase())
        })
        .count();
    let has_rule = raw.iter().any(|l| l.trimmed().starts_with("_____") && FOOTNOTE_RULE.is_match(l.text));
    wrapped_across_blank >= 5 && wrapped_across_blank * 10 >= raw.len() || has_rule
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_lines_is_split_at_line_feeds() {
        for text in ["", "\n", "a", "a\n", "\na\n\nb", "é\nü\n\n", "one\r\ntwo"] {
            assert_eq!(split_lines(text).collect::<Vec<_>>(), text.split('\n').collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn page_furniture() {
        for l in ["S/2018/1042", " 18-19668 ", "18-19668 (E)    231118", "3/16", " 12 / 16", "*2500448*"] {
            assert!(is_furniture_shaped(l), "{l}");
        }
        for l in ["1,300 children", "2018 report", "S/2018/250).", "see S/2018/250"] {
            assert!(!is_furniture_shaped(l), "{l}");
        }
    }

    #[test]
    fn noise_pre_check_agrees_with_the_patterns() {
        let by_regex = |t: &str, pdf: bool| {
            is_furniture_shaped(t)
                || LANGUAGE_NOTE.is_match(t)
                || pdf && (URL_LINE.is_match(t) || BARE_PAGE_NUMBER.is_match(t))
        };
        for t in [
            "S/2018/1042",
            " 18-19668 (E)",
            "3/16",
            "\u{0663}/16",
            "https://undocs.org/x",
            "12",
            " 7 ",
            "ended here.",
            "the Council",
            "(a) list",
            "é",
            "\u{A0}12",
            "hello",
            "*2500448*",
            "[Original: English]",
            "2/15      25-00800",
        ] {
            for pdf in [false, true] {
                assert_eq!(is_noise(t, pdf), by_regex(t, pdf), "{t:?} {pdf}");
            }
        }
    }

    #[test]
    fn display_lines_set_apart_are_left_out() {
        for t in [
            "    http://www.apache.org/licenses/LICENSE-2.0",
            "   Mark Adler <madler@alumni.caltech.edu>",
            "   L. Peter Deutsch <ghost@aladdin.com> and",
            "<info@example.org>",
        ] {
            assert!(DISPLAY_LINE.is_match(t), "{t}");
        }
        for t in ["   See http://example.org for more.", "   Editorial comments can be sent by email to"] {
            assert!(!DISPLAY_LINE.is_match(t), "{t}");
        }
        let text = "A copy of the License is at\n\n    http://example.org/LICENSE\n\nUnless required by law.\nSee\n    http://example.org/in-a-paragraph\nfor more.\n";
        let c = clean(text, None);
        let kept: Vec<u32> = c.lines.iter().map(|l| l.no).collect();
        assert_eq!(kept, [1, 5, 6, 7, 8]);
        assert_eq!(c.skipped, [Skipped { what: DISPLAY.into(), first_line: 3, last_line: 3 }]);
        assert!(c.lines[1].after_display);
    }

    #[test]
    fn tables_of_contents_are_left_out() {
        let text = "Table of Contents\n\n   1. Introduction ........ 2\n      1.1. Purpose ..... 2\n   2. Format .......... iv\n\n1. Introduction\n\nWait.... 3\n";
        let c = clean(text, None);
        assert_eq!(c.lines.iter().map(|l| l.no).collect::<Vec<_>>(), [1, 7, 9]);
        assert_eq!(c.skipped, [Skipped { what: CONTENTS.into(), first_line: 3, last_line: 5 }]);
    }

    #[test]
    fn front_matter_read_and_skipped() {
        let c = clean("---\ntitle: Baseline\ndate: 31-March-2026\nauthor:\n  - X\n---\n\n# 1. INTRO\n", None);
        assert_eq!(c.front_matter[0], ("title".into(), "Baseline".into()));
        assert_eq!(c.front_matter[1], ("date".into(), "31-March-2026".into()));
        assert_eq!(c.lines.iter().map(|l| (l.text, l.gap_before)).collect::<Vec<_>>(), [("# 1. INTRO", true)]);
    }

    #[test]
    fn a_page_break_inside_a_sentence_joins() {
        let c = clean("The Committee will\n\n\x0C3/16\n\nmaintain the range.\n\nNew paragraph.\n", None);
        let gaps: Vec<(&str, bool)> = c.lines.iter().map(|l| (l.text, l.gap_before)).collect();
        assert_eq!(gaps, [("The Committee will", false), ("maintain the range.", false), ("New paragraph.", true)]);
    }

    #[test]
    fn form_feed_is_a_page_break() {
        let c = clean("a.\n\x0Cb\nc\n", None);
        assert_eq!(c.lines[1].text, "b");
        assert!(c.lines[1].after_page_break && c.lines[1].gap_before);
        assert!(!c.lines[2].gap_before);
    }
}
