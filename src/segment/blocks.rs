//! Documents whose paragraphs are blocks separated by blank lines: with
//! numbered section headings (`### 4.2.1 Title`, `4.2.1 Title`,
//! `4. MODIFICATIONS`) or with no numbering at all.

use super::draft::{Draft, DraftParagraph};
use super::lines::Line;
use super::lists;
use super::repair::join_line;
use crate::model::Heading;
use regex::Regex;
use std::sync::LazyLock;

static MD_HEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(#{1,6})\s+(.*?)\s*#*$").unwrap());
/// A section number: `4`, `4.2.1`, `A.1` (a letter needs a dotted number after it).
static SECTION_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{1,3}(?:\.[0-9]{1,3})*|[A-Z](?:\.[0-9]{1,3})+)(?:\.\s*|\s+)(\S.*)$").unwrap());
static BOLD_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\*\*([^*]+?)\*\*:?$").unwrap());
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-*+•▪◦]|\(?[a-z]{1,3}\)|\(?[ivxlc]{1,6}[.)]|[0-9]{1,3}[.)]|\([0-9]{1,3}\)|[A-Z][.)])\s+\S")
        .unwrap()
});
/// A block that opens with a lower-case letter item (`a. that the initial
/// Contributor …`, the MPL's): a list item after a blank line. (Inside a
/// block, `a.` at a line start may be a wrapped sentence's.)
static LETTER_ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*[a-z]\.\s+\S").unwrap());

/// A line of markup only: a reStructuredText target, comment or footnote
/// mark (`.. _s1.2:`, `..`, `.. [#]`), a Markdown link definition
/// (`[id]: https://…`; not a footnote, `[^id]: text`), an HTML comment.
static MARKUP_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^(?:\.\.(?: _[^:]+:.*| \[[^\]]*\]\s*)?|\[[^\]^][^\]]*\]:\s+<?(?:https?://|mailto:|#|/)\S*(?:\s+"[^"]*")?|<!--.*-->)$"#).unwrap()
});

/// A code fence: three backticks or tildes, and an info string with no
/// backtick (CommonMark's rule: ```` ```policy.gz`` ```` is inline code in
/// a reStructuredText line, no fence).
static FENCE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(?:```[^`]*|~~~.*)$").unwrap());

/// How section headings are written, when a document has them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sections {
    /// `### 4.2.1 Title`
    Markdown,
    /// `4.2.1 Title` or `4. TITLE` on a line of its own.
    Plain,
    /// No section headings: paragraphs are labelled by ordinal.
    None,
}

/// A numbered Markdown heading: (level, number, title).
fn md_heading(t: &str) -> Option<(usize, Option<String>, String)> {
    let c = MD_HEADING.captures(t)?;
    let level = c[1].len();
    let rest = c[2].trim();
    match SECTION_NUMBER.captures(rest) {
        Some(n) => Some((level, Some(n[1].to_string()), rest.to_string())),
        None => Some((level, None, rest.to_string())),
    }
}

/// A plain numbered section heading: a short title on a line of its own.
fn plain_heading(block: &[&Line]) -> Option<(usize, String)> {
    let [line] = block else { return None };
    if line.indent > 0 {
        return None;
    }
    let c = SECTION_NUMBER.captures(line.trimmed())?;
    let title = c[2].trim();
    let words = title.split_whitespace().count();
    let titled = title.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase())
        || words <= 8 && !title.ends_with(['.', ',', ';', ':']) && title.starts_with(char::is_uppercase);
    (words <= 12 && titled).then(|| (c[1].split('.').count(), c[1].to_string()))
}

/// Counts the numbered section headings written in `style`.
pub fn count_sections(lines: &[Line], style: Sections) -> usize {
    match style {
        Sections::Markdown => lines
            .iter()
            .filter(|l| l.text.starts_with('#') && md_heading(l.text).is_some_and(|h| h.1.is_some()))
            .count(),
        Sections::Plain => blocks(lines, false).iter().filter(|b| plain_heading(b).is_some()).count(),
        Sections::None => 0,
    }
}

/// Splits lines into blocks at blank lines; a Markdown heading is a block of
/// its own; a fenced code block is one block.
///
/// `lines_part`: in text saved one paragraph per line (not Markdown, where
/// the lines of a paragraph may run long), a line after one that ends a
/// sentence starts a block.
fn blocks<'l, 'a>(lines: &'l [Line<'a>], lines_part: bool) -> Vec<Vec<&'l Line<'a>>> {
    blocks_and_literals(lines, lines_part).0
}

/// The blocks of `lines` (see [`blocks`]), and the first lines of those
/// that are reStructuredText literal blocks: after a paragraph ending
/// `::` and a blank line, the lines indented deeper than it, blank lines
/// within them included (code, a doctest session). Each is one block, its
/// text kept verbatim.
fn blocks_and_literals<'l, 'a>(lines: &'l [Line<'a>], lines_part: bool) -> (Vec<Vec<&'l Line<'a>>>, Vec<u32>) {
    let mut out: Vec<Vec<&Line>> = Vec::new();
    let mut cur: Vec<&Line> = Vec::new();
    let mut fenced = false;
    let unwrapped = lines_part && unwrapped(lines);
    // The indentation of the paragraph that opened a literal block (`…::`),
    // while its block lasts; and the first line of each literal block.
    let mut literal: Option<u16> = None;
    let mut literal_starts: Vec<u32> = Vec::new();
    for line in lines {
        if let Some(indent) = literal {
            if line.indent > indent {
                cur.push(line);
                continue;
            }
            literal = None;
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !unwrapped
            && !fenced
            && line.gap_before
            && cur.last().is_some_and(|l| l.text.ends_with("::") && line.indent > l.indent)
        {
            // The opening paragraph's own indentation: its last line's, or
            // in a one-line list item the text's after its mark.
            let last = cur[cur.len() - 1];
            let mark = if cur.len() == 1 { LIST_ITEM.find(last.text).map_or(0, |m| m.len() - 1) } else { 0 };
            literal = Some(if mark > 0 { u16::try_from(mark).unwrap_or(u16::MAX) } else { last.indent });
            out.push(std::mem::take(&mut cur));
            literal_starts.push(line.no);
            cur.push(line);
            continue;
        }
        // Text saved one paragraph per line (as word processors save it):
        // every line starts a paragraph, also one that ends no sentence (a
        // preamble's recitals ending in `,`) or follows a short title
        // (`Artikel 1`); only short lines that end no sentence hold together
        // (a title and its version line).
        let title_line = |l: &Line| l.trimmed().chars().count() <= TITLE_LINE && !super::draft::ends_sentence(l.text);
        if unwrapped
            && !fenced
            && cur.last().is_some_and(|l| !(title_line(l) && title_line(line)))
            && !is_structured(line.text)
            && !cur.last().is_some_and(|l| is_structured(l.text))
        {
            out.push(std::mem::take(&mut cur));
        }
        let fence = FENCE.is_match(line.text);
        if fenced {
            // Inside a code block, blank lines separate nothing.
            cur.push(line);
            fenced = !fence;
            continue;
        }
        if line.gap_before && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        if fence {
            fenced = true;
            cur.push(line);
            continue;
        }
        if MD_HEADING.is_match(line.text) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            out.push(vec![line]);
            continue;
        }
        cur.push(line);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    // An underlined title with text right under it is a block of its own;
    // so are markup lines over text (`.. [#]` over a footnote's body).
    let mut split = Vec::with_capacity(out.len());
    for mut block in out {
        if literal_starts.binary_search(&block[0].no).is_ok() {
            split.push(block);
            continue;
        }
        let markup = markup_lines(&block);
        if markup > 0 && markup < block.len() {
            let rest = block.split_off(markup);
            split.push(block);
            block = rest;
        }
        // Titles in a row with no blank line between: each its own block.
        while let Some((_, _, n)) = underlined(&block).filter(|&(_, _, n)| block.len() > n) {
            let rest = block.split_off(n);
            split.push(block);
            block = rest;
        }
        split.push(block);
    }
    (split, literal_starts)
}

/// How many lines at the start of `block` are markup: reStructuredText
/// targets, comments and footnote marks, Markdown link definitions, HTML
/// comments, a hyperlink target's address wrapped under it (`..
/// _Python Style Guide:` over an indented URL), and a comment's body.
fn markup_lines(block: &[&Line]) -> usize {
    let mut markup = block.iter().take_while(|l| MARKUP_LINE.is_match(l.trimmed())).count();
    while markup > 0
        && markup < block.len()
        && block[markup - 1].trimmed().starts_with(".. _")
        && block[markup - 1].text.ends_with(':')
        && block[markup].indent > block[markup - 1].indent
        && !block[markup].trimmed().contains(' ')
    {
        markup += 1;
    }
    // A comment's body: the lines indented under a bare `..` (Emacs's
    // `Local Variables:` at a PEP's end).
    if markup > 0 && block[markup - 1].trimmed() == ".." {
        let indent = block[markup - 1].indent;
        markup += block[markup..].iter().take_while(|l| l.indent > indent).count();
    }
    markup
}

/// `=====`, `-----`, `~~~~~`: a line of one punctuation character (not a
/// backtick), at least three long, as reStructuredText and Markdown
/// (setext) underline or overline a title.
fn rule_char(t: &str) -> Option<char> {
    let t = t.trim_end();
    let c = t.chars().next()?;
    // A run of backticks is a code fence (```), which underlines nothing.
    (t.len() >= 3 && "=-~^\"'#*+:._".contains(c) && t.chars().all(|x| x == c)).then_some(c)
}

/// A title and its underline (and overline) at the start of `block`: the
/// style that says its level (`=`, `-=` for an overlined `=`), the title
/// and how many lines it takes. The rule is at least half as long as the
/// title (reStructuredText asks for as long; hand-written text is looser).
fn underlined(block: &[&Line]) -> Option<(String, String, usize)> {
    let is_title = |l: &Line| {
        let t = l.trimmed();
        !t.is_empty() && t.chars().count() <= 100 && rule_char(t).is_none() && !LIST_ITEM.is_match(l.text)
    };
    let long_enough = |rule: &Line, title: &Line| rule.trimmed().len() * 2 >= title.trimmed().chars().count();
    match block {
        [over, title, under, ..]
            if rule_char(over.text).is_some()
                && rule_char(over.text) == rule_char(under.text)
                && is_title(title)
                && long_enough(under, title) =>
        {
            let c = rule_char(over.text)?;
            Some((format!("{c}{c}"), title.trimmed().to_string(), 3))
        }
        [title, under, ..] if is_title(title) && title.indent == 0 && long_enough(under, title) => {
            let c = rule_char(under.text)?;
            Some((c.to_string(), title.trimmed().to_string(), 2))
        }
        _ => None,
    }
}

/// How many headings written in markup the lines hold: `# Title` (with or
/// without a number), or a title underlined (reStructuredText, setext).
pub fn count_markup_headings(lines: &[Line]) -> usize {
    blocks(lines, false)
        .iter()
        .filter(|b| b[0].text.starts_with('#') && md_heading(b[0].text).is_some() || underlined(b).is_some())
        .count()
}

/// The text is not hard-wrapped: its lines of prose run to paragraph
/// length. Hard-wrapped text keeps its lines under about 80 characters;
/// a line-per-paragraph text has a median prose line of hundreds.
fn unwrapped(lines: &[Line]) -> bool {
    let mut prose: Vec<usize> =
        lines.iter().map(|l| l.trimmed().chars().count()).filter(|&n| n >= UNWRAPPED_PROSE).collect();
    if prose.len() < 3 {
        return false;
    }
    let mid = prose.len() / 2;
    *prose.select_nth_unstable(mid).1 >= UNWRAPPED_MEDIAN
}

/// A title on a line of its own is at most this long.
const TITLE_LINE: usize = 60;

/// A line this long or longer counts as prose when a text's wrapping is
/// judged …
const UNWRAPPED_PROSE: usize = 40;
/// … and a text whose median prose line is this long is not hard-wrapped
/// (measured: the UDHR text saved one paragraph per line, 149 characters;
/// the GNU FDL texts, 299; the hard-wrapped Apache licence and Markdown
/// guide, 64 and 72).
const UNWRAPPED_MEDIAN: usize = 120;

/// A block kept line by line (a table, a code block, a list) rather than
/// joined as wrapped prose.
fn is_structured(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('|') || FENCE.is_match(t) || LIST_ITEM.is_match(line)
}

/// A block's text, and where the list items after its first line start in
/// it: a line with an item's mark after a line that ends a sentence, a
/// clause or an item (`Donald` / `L. Kohn;`, a name wrapped at an
/// initial, starts no item).
fn block_text(block: &[&Line], literal: bool) -> (String, Vec<lists::Item>) {
    // Room for every line, a separator, and a line-end hyphen mark (3 bytes
    // for the hyphen's 1): the text is built without growing.
    let mut text = String::with_capacity(block.iter().map(|l| l.text.len() + 3).sum());
    let mut items = Vec::new();
    let verbatim = literal || FENCE.is_match(block[0].text);
    let mut item_before = LIST_ITEM.is_match(block[0].text);
    for (k, line) in block.iter().enumerate() {
        if k > 0 && !verbatim {
            let item = LIST_ITEM.is_match(line.text)
                && (item_before
                    || block[k - 1].text.trim_end().ends_with(['.', ':', ';', ',', '!', '?', ')', '"', '”', '’'])
                    || line.trimmed().starts_with(['-', '*', '+', '•']));
            if item {
                items.push(lists::Item {
                    line: line.line_no(),
                    offset: text.len() + 1,
                    indent: line.indent.into(),
                    before: block[k - 1].line_no(),
                });
            }
            item_before = item;
        }
        if verbatim {
            if !text.is_empty() {
                text.push('\n');
                if line.gap_before {
                    text.push('\n');
                }
            }
            text.push_str(line.text);
        } else if !text.is_empty() && is_structured(line.text) {
            text.push('\n');
            text.push_str(line.trimmed());
        } else {
            join_line(&mut text, line.trimmed());
        }
    }
    (text, items)
}

/// A copyright line on its own: `Copyright (c) 2011 Mozilla Foundation`,
/// `© 1996 – 2009 …`.
fn is_copyright(block: &[&Line]) -> bool {
    let [line] = block else { return false };
    let t = line.trimmed();
    (t.starts_with("Copyright ") || t.starts_with('©')) && t.split(|c: char| !c.is_ascii_digit()).any(|d| d.len() == 4)
}

fn is_title(block: &[&Line]) -> bool {
    block.len() <= 3
        && block
            .iter()
            .all(|l| l.trimmed().len() <= 100 && !l.trimmed().ends_with(['.', ':', ',', ';']) && !is_structured(l.text))
}

/// Segments the content lines of a blank-line-block document.
pub fn segment(lines: &[Line], style: Sections) -> Draft {
    let mut draft = Draft::default();
    let mut stack: Vec<usize> = Vec::new();
    let mut section: Option<String> = None;
    // A list block joins the paragraph before it, unless a heading came between.
    let mut can_attach = false;
    let mut underline_styles: Vec<String> = Vec::new();
    let mut atx_seen = false;
    // Each paragraph's list items, and whether it opens with one.
    let mut items: Vec<(bool, Vec<lists::Item>)> = Vec::new();
    let (all, literals) = blocks_and_literals(lines, style != Sections::Markdown);
    let unwrapped_text = style != Sections::Markdown && unwrapped(lines);
    for (bi, block) in all.iter().enumerate() {
        let first = block[0];
        let t = first.trimmed();
        // A literal block (code after `::`) is a paragraph of its own, its
        // text as it stands; no list joins it.
        if literals.binary_search(&first.no).is_ok() {
            items.push((false, Vec::new()));
            draft.paragraphs.push(DraftParagraph {
                number: None,
                section: section.clone(),
                part: None,
                headings: stack.clone(),
                text: block_text(block, true).0,
                line: first.line_no(),
                end_line: block[block.len() - 1].line_no(),
            });
            can_attach = false;
            continue;
        }
        // A reStructuredText target, comment or footnote mark on its own
        // (`.. _s1.2:`, `.. [#]`), a Markdown link definition: markup, not text.
        if markup_lines(block) == block.len() {
            let last = block[block.len() - 1].line_no();
            draft.skipped.push(crate::model::Skipped {
                what: "markup".into(),
                first_line: first.line_no(),
                last_line: last,
            });
            continue;
        }
        if style == Sections::Markdown
            && let Some((level, number, title, line)) = md_heading(t)
                .inspect(|_| atx_seen = true)
                .map(|(level, number, title)| (level, number, title, first.line_no()))
                .or_else(|| {
                    // An underlined title: its level is the order in which its
                    // style first appeared (reStructuredText's rule).
                    let (style, title, n) = underlined(block)?;
                    // Among `#` headings, a setext title is `#` or `##`.
                    let setext = match style.as_str() {
                        "=" if atx_seen => Some(1),
                        "-" if atx_seen => Some(2),
                        _ => None,
                    };
                    let level =
                        match setext.or_else(|| underline_styles.iter().position(|s| *s == style).map(|k| k + 1)) {
                            Some(level) => level,
                            None => {
                                underline_styles.push(style);
                                underline_styles.len()
                            }
                        };
                    let number = SECTION_NUMBER.captures(&title).map(|c| c[1].to_string());
                    Some((level, number, title, block[n - 2].line_no()))
                })
        {
            section = Some(number.clone().unwrap_or_else(|| slug(&title)));
            draft.push_heading(&mut stack, Heading { level, number, text: title, line });
            can_attach = false;
            continue;
        }
        if style == Sections::Plain
            && let Some((level, number)) = plain_heading(block)
        {
            section = Some(number.clone());
            draft.push_heading(
                &mut stack,
                Heading { level, number: Some(number), text: t.to_string(), line: first.line_no() },
            );
            can_attach = false;
            continue;
        }
        // The title is the first block, after copyright lines (a licence's
        // `Copyright IBM Corp. 2014` over its name), which are paragraphs.
        let before = &all[..bi];
        if draft.title.is_none()
            && before.iter().all(|b| is_copyright(b))
            && draft.headings.is_empty()
            && is_title(block)
            && !is_copyright(block)
            && all.len() > bi + 1
        {
            let title: Vec<String> = block.iter().map(|l| strip_bold(l.trimmed())).collect();
            draft.title = Some(title.join(" "));
            continue;
        }
        if let [line] = block.as_slice()
            && let Some(c) = BOLD_LINE.captures(line.trimmed())
            && style != Sections::None
            && !stack.is_empty()
        {
            let level = stack.last().map_or(1, |&h| draft.headings[h].level + 1);
            draft.push_heading(
                &mut stack,
                Heading { level, number: None, text: c[1].trim().to_string(), line: line.line_no() },
            );
            can_attach = false;
            continue;
        }
        if (style == Sections::None || style == Sections::Plain && section.is_some())
            && is_unnumbered_heading(block, all.get(bi + 1), unwrapped_text)
        {
            if style == Sections::Plain {
                section = Some(slug(t));
            }
            draft.push_heading(
                &mut stack,
                Heading { level: 1, number: None, text: t.to_string(), line: first.line_no() },
            );
            can_attach = false;
            continue;
        }
        let (text, block_items) = block_text(block, false);
        let opens_with_item = LIST_ITEM.is_match(first.text) || LETTER_ITEM.is_match(first.text);
        if can_attach && opens_with_item {
            let p = draft.paragraphs.last_mut().expect("a paragraph to attach to");
            p.text.push('\n');
            let at = p.text.len();
            let list = items.last_mut().expect("a paragraph's items");
            list.1.push(lists::Item {
                line: first.line_no(),
                offset: at,
                indent: first.indent.into(),
                before: p.end_line,
            });
            list.1.extend(block_items.into_iter().map(|i| lists::Item { offset: i.offset + at, ..i }));
            p.text.push_str(&text);
            p.end_line = block[block.len() - 1].line_no();
            continue;
        }
        let mut own = block_items;
        if opens_with_item {
            own.insert(0, lists::Item { line: first.line_no(), offset: 0, indent: first.indent.into(), before: 0 });
        }
        items.push((opens_with_item, own));
        draft.paragraphs.push(DraftParagraph {
            number: None,
            section: section.clone(),
            part: None,
            headings: stack.clone(),
            text,
            line: first.line_no(),
            end_line: block[block.len() - 1].line_no(),
        });
        can_attach = true;
    }
    split_lists(&mut draft, items);
    draft
}

/// Cuts the paragraphs holding lists where the list rule
/// ([`lists::starts`]) starts a paragraph at an item.
fn split_lists(draft: &mut Draft, items: Vec<(bool, Vec<lists::Item>)>) {
    debug_assert_eq!(items.len(), draft.paragraphs.len());
    if items.iter().all(|(_, i)| i.is_empty()) {
        return;
    }
    let mut out = Vec::with_capacity(draft.paragraphs.len());
    for (p, (opens_with_item, items)) in std::mem::take(&mut draft.paragraphs).into_iter().zip(items) {
        if items.is_empty() {
            out.push(p);
        } else {
            out.extend(lists::cut(p, &items, opens_with_item));
        }
    }
    draft.paragraphs = out;
}

/// `ADDENDUM: How to use this License`: a short line of its own, not a
/// sentence, followed by a paragraph.
///
/// `lines_part`: text saved one paragraph per line, where a whole text may
/// be indented.
fn is_unnumbered_heading(block: &[&Line], next: Option<&Vec<&Line>>, lines_part: bool) -> bool {
    let [line] = block else { return false };
    let t = line.trimmed();
    !is_copyright(block)
        && (line.indent == 0 || lines_part)
        && t.split_whitespace().count() <= 10
        && t.starts_with(char::is_uppercase)
        && !t.ends_with(['.', ',', ';', ':'])
        && !is_structured(line.text)
        && next.is_some()
}

fn strip_bold(s: &str) -> String {
    s.trim_start_matches("**").trim_end_matches("**").to_string()
}

/// A label-safe key made from a heading's words: `Appendix A – CAA` → `appendix-a-caa`.
fn slug(title: &str) -> String {
    let title = title.split([':', '–', '—']).next().unwrap_or(title);
    let words: Vec<String> =
        title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(4).map(str::to_lowercase).collect();
    if words.is_empty() { "section".to_string() } else { words.join("-") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_and_markup_lines() {
        for t in ["```", "```rust", "~~~", "  ``` sh"] {
            assert!(FENCE.is_match(t), "{t}");
        }
        assert!(!FENCE.is_match("```policy.pdf.gz`` <https://example.org/p.pdf.gz>`__,"));
        for t in [".. _s1.2:", "..", ".. [#]", "[docs]: https://example.org/docs \"Docs\"", "<!-- note -->"] {
            assert!(MARKUP_LINE.is_match(t), "{t}");
        }
        for t in ["[^eku]: While RFC 5280 says so.", ".. note:: Read this.", "[1]: See the annex."] {
            assert!(!MARKUP_LINE.is_match(t), "{t}");
        }
    }

    #[test]
    fn copyright_lines_are_no_title() {
        let d = segment(
            &super::super::lines::clean(
                "Copyright IBM Corp. 2014, 2025\n\nMozilla Public License\n\nThe text.\n",
                None,
            )
            .lines,
            Sections::None,
        );
        assert_eq!(d.title.as_deref(), Some("Mozilla Public License"));
        assert_eq!(d.paragraphs.iter().map(|p| p.line).collect::<Vec<_>>(), [1, 5]);
    }

    #[test]
    fn markdown_headings() {
        assert_eq!(md_heading("### 1.2.1.Revisions"), Some((3, Some("1.2.1".into()), "1.2.1.Revisions".into())));
        assert_eq!(md_heading("## A.1. CAA Methods"), Some((2, Some("A.1".into()), "A.1. CAA Methods".into())));
        assert_eq!(md_heading("# Appendix A – CAA Contact Tag").map(|h| h.1), Some(None));
        assert_eq!(slug("Appendix A – CAA Contact Tag"), "appendix-a");
        assert_eq!(slug("ADDENDUM: How to use this License"), "addendum");
    }
}
