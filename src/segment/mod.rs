//! Segmenting an edition's text into title, headings, numbered paragraphs,
//! sentences and footnotes.
//!
//! Steps: [`lines`] marks the extraction noise; the layout is recognised
//! (numbered paragraphs, numbered sections, or none) and [`numbered`] or
//! [`blocks`] finds the structure; then footnote markers are matched to
//! their footnotes, split words are repaired, and paragraphs are split
//! into [`sentences`].

mod blocks;
mod draft;
mod footnotes;
mod lines;
mod lists;
pub mod meta;
mod numbered;
mod numbering;
mod pages;
mod repair;
pub mod sentences;

use crate::error::{Error, ErrorKind, Result};
use crate::model::{Edition, EditionMeta, Footnote, Layout, Paragraph};
use crate::read::{LineBox, Source};
use blocks::Sections;
use repair::{Repairer, collapse_spaces};
use rustc_hash::FxHashSet;
use std::collections::{HashMap, HashSet};

/// What the user says about an edition, overriding what is read from it.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The edition's label.
    pub label: Option<String>,
    /// The edition's date, `YYYY-MM-DD`.
    pub date: Option<String>,
}

/// Segments a decoded source into an edition. Never fails: what cannot be
/// understood is kept as text and reported in the warnings.
pub fn segment(source: &Source, options: &Options) -> Edition {
    finish(structure(&source.text, source.layout.as_deref()), &source.path, source.warnings.clone(), options)
}

/// [`segment`], freeing the source text as soon as the structure is found
/// (large editions then need less memory), and refusing a text in which
/// no paragraph is found: an edition read as nothing would compare as
/// everything dropped, with no sign that the reading failed. (An empty
/// file is an empty edition, with a warning.)
pub fn segment_owned(source: Source, options: &Options) -> Result<Edition> {
    let Source { path, text, warnings, layout } = source;
    let structure = structure(&text, layout.as_deref());
    // Counted only for the error below (a paragraph found is kept): the
    // count walked the whole text, 2 % of reading a long edition.
    let lines = structure.draft.paragraphs.is_empty().then(|| text.lines().filter(|l| !l.trim().is_empty()).count());
    drop(text);
    let blank = structure.blank;
    let edition = finish(structure, &path, warnings, options);
    if edition.paragraphs.is_empty() && !blank {
        return Err(Error::file(
            ErrorKind::NoParagraphs,
            &path,
            format!(
                "no paragraph found in {} lines of text ({} headings, title {}); its layout is not one editions can read",
                lines.unwrap_or(0),
                edition.headings.len(),
                if edition.meta.title.is_some() { "found" } else { "none" }
            ),
        ));
    }
    Ok(edition)
}

/// What the layout segmenters found, owning all it needs of the source.
struct Structure {
    layout: Layout,
    draft: draft::Draft,
    footnotes: Vec<lines::RawFootnote>,
    front_matter: Vec<(String, String)>,
    /// The first characters of the text, where a date may be written.
    head: String,
    /// The text is blank.
    blank: bool,
    /// The text says where it was printed (a PDF): footnote markers are
    /// known by being raised.
    printed: bool,
    /// The document symbol its masthead prints.
    symbol: Option<String>,
    /// What was left out of the text, and why.
    skipped: Vec<crate::model::Skipped>,
}

fn structure(text: &str, printed: Option<&[LineBox]>) -> Structure {
    let cleaned = lines::clean(text, printed);
    let content = &cleaned.lines;
    let (layout, draft) = if blocks::count_sections(content, Sections::Markdown) >= 2 {
        (Layout::NumberedSections, blocks::segment(content, Sections::Markdown))
    } else if !cleaned.pdf_like && blocks::count_markup_headings(content) >= 2 {
        // Headings in markup without numbers (`## Scope`, reStructuredText
        // underlines) are the document's own structure: its numbered lines
        // are lists.
        (Layout::Sections, blocks::segment(content, Sections::Markdown))
    } else if !cleaned.pdf_like && blocks::count_sections(content, Sections::Plain) >= 3 {
        (Layout::NumberedSections, blocks::segment(content, Sections::Plain))
    } else if numbered::count_sequence(content) >= 2 {
        // Blank lines part paragraphs unless the text is a PDF's extraction
        // (wrapped with blank lines between its lines, or paged with form feeds).
        let paged = cleaned.paged;
        (Layout::NumberedParagraphs, numbered::segment(content, !cleaned.pdf_like && !paged))
    } else {
        (Layout::Unnumbered, blocks::segment(content, Sections::None))
    };
    Structure {
        layout,
        draft,
        footnotes: cleaned.footnotes,
        front_matter: cleaned.front_matter,
        head: text.chars().take(3000).collect(),
        blank: text.trim().is_empty(),
        printed: printed.is_some(),
        symbol: cleaned.symbol.clone(),
        skipped: cleaned.skipped.clone(),
    }
}

fn finish(structure: Structure, path: &std::path::Path, source_warnings: Vec<String>, options: &Options) -> Edition {
    let Structure { layout, mut draft, footnotes: raw_footnotes, front_matter, head, blank, printed, symbol, skipped } =
        structure;

    // Footnotes: find each marker, after the previous one, before its block.
    let mut texts: Vec<String> = draft.paragraphs.iter_mut().map(|p| std::mem::take(&mut p.text)).collect();
    let mut notes: Vec<Vec<Footnote>> = vec![Vec::new(); texts.len()];
    let mut from = (0, 0);
    for note in &raw_footnotes {
        // Paragraphs are in line order: the last one that starts before the block.
        let block_para = draft.paragraphs.partition_point(|p| p.line < note.before_line).saturating_sub(1);
        let at = match footnotes::take_marker(&mut texts, &note.mark, from, block_para, printed) {
            Some(pos) => {
                from = pos;
                pos.0
            }
            None => match footnotes::take_heading_marker(&mut draft.headings, &note.mark, note.before_line) {
                // A heading cites it: the first paragraph under the heading takes it.
                Some(line) => draft.paragraphs.partition_point(|p| p.line < line).min(texts.len().saturating_sub(1)),
                None if !printed
                    && let Some(pos) = footnotes::take_lone_marker(&mut texts, &note.mark, from, block_para) =>
                {
                    from = pos;
                    pos.0
                }
                None => {
                    draft.warnings.push(format!(
                        "footnote {}: no marker found in the text before it; attached to the paragraph it follows",
                        note.mark
                    ));
                    block_para
                }
            },
        };
        if let Some(list) = notes.get_mut(at) {
            list.push(Footnote { mark: note.mark.clone(), text: note.text.clone() });
        } else {
            draft.warnings.push(format!("footnote {}: no paragraph to attach it to; dropped", note.mark));
        }
    }

    let repairer = Repairer::new(&texts);
    repair_paragraphs(&repairer, &mut texts);
    let mut relabelled: Vec<String> = Vec::new();
    let labels = labels(&draft.paragraphs, layout, &mut relabelled);
    let mut paragraphs = Vec::with_capacity(texts.len());
    let parts = draft.paragraphs.into_iter().zip(texts).zip(notes).zip(labels);
    for (((draft_para, text), mut footnotes), label) in parts {
        for f in &mut footnotes {
            f.text = collapse_spaces(repairer.repair(std::mem::take(&mut f.text)));
        }
        paragraphs.push(Paragraph {
            label,
            number: draft_para.number,
            headings: draft_para.headings,
            text,
            footnotes,
            line: draft_para.line,
            end_line: draft_para.end_line.max(draft_para.line),
        });
    }

    // A few relabelled paragraphs are listed; many (numbering that starts
    // again) are counted, with the first.
    if relabelled.len() > 3 {
        let count = relabelled.len();
        draft.warnings.push(format!("{count} paragraphs have a number already used; the first: {}", relabelled[0]));
    } else {
        draft.warnings.append(&mut relabelled);
    }
    let mut skipped = skipped;
    if !draft.skipped.is_empty() {
        skipped.append(&mut draft.skipped);
        skipped.sort_by_key(|k| k.first_line);
    }
    let mut warnings = source_warnings;
    warnings.append(&mut draft.warnings);
    warnings.extend(long_paragraphs(&paragraphs));
    if paragraphs.is_empty() {
        warnings.push(if blank { "the file is empty".into() } else { "no paragraphs found".into() });
    }

    let front = |key: &str| front_matter.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let (file_label, file_date) = meta::from_file_name(path);
    // A file named by date keeps the label its name gives; otherwise the
    // symbol printed in its masthead names the edition (`S/2025/72` →
    // `S-2025-72`), as a download's name (`n2500800.pdf`) does not.
    let label = match (&options.label, &file_date, &symbol) {
        (Some(l), _, _) => l.clone(),
        (None, None, Some(symbol)) => symbol.replace('/', "-"),
        _ => file_label,
    };
    // The user's word first, then the file's name (a series is named by
    // its dates; a date in the text may be an original effective date or a
    // copyright year), then a front matter, then the text.
    let dated = |d: Option<String>, from: &str| d.map(|d| (d, from.to_string()));
    let (date, date_from) = dated(options.date.clone(), "flag")
        .or_else(|| dated(file_date, "file name"))
        .or_else(|| dated(front("date").and_then(|d| meta::date_in_text(&d)), "front matter"))
        .or_else(|| dated(meta::date_in_text(&head), "text"))
        .unzip();
    let title = front("title").or(draft.title).map(collapse_spaces);
    Edition {
        path: path.display().to_string(),
        meta: EditionMeta { label, date, date_from, title },
        layout,
        headings: draft
            .headings
            .into_iter()
            .map(|mut h| {
                h.text = collapse_spaces(repairer.repair(std::mem::take(&mut h.text)));
                h
            })
            .collect(),
        paragraphs,
        warnings,
        skipped,
    }
}

/// Repairs and collapses the spaces of the paragraph texts the repairer
/// learnt from, in place; a long document's in two halves on two threads.
fn repair_paragraphs(repairer: &Repairer, texts: &mut [String]) {
    let repair = |texts: &mut [String], first: usize| {
        for (i, text) in (first..).zip(texts) {
            *text = collapse_spaces(repairer.repair_paragraph(i, std::mem::take(text)));
        }
    };
    // Two threads pay from about a thousand paragraphs.
    if texts.len() < 1000 {
        return repair(texts, 0);
    }
    let half = texts.len() / 2;
    let (first, second) = texts.split_at_mut(half);
    crate::parallel::join(|| repair(second, half), || repair(first, 0));
}

/// A paragraph is suspect when a run of its text without a line break (a
/// list or a table has them) is longer than this many characters …
const LONG_PARAGRAPH: usize = 4000;
/// … and this many times its edition's median paragraph. (On every
/// shipped edition and the extractions of the 13 shared UN PDFs, read
/// right, the longest run is at most 3,780 characters and 7.3 times the
/// median; where a missed number glued paragraphs, it was 9,615 and
/// 32,600 characters, 14 and 49 times.)
const LONG_RATIO: usize = 8;

/// Warnings for paragraphs far longer than their edition's others: what a
/// missed number or heading glues together looks like.
fn long_paragraphs(paragraphs: &[Paragraph]) -> Vec<String> {
    if paragraphs.len() < 3 {
        return Vec::new();
    }
    let mut lengths: Vec<usize> = paragraphs.iter().map(|p| p.text.len()).collect();
    let mid = lengths.len() / 2;
    let median = *lengths.select_nth_unstable(mid).1;
    let limit = LONG_PARAGRAPH.max(median * LONG_RATIO);
    paragraphs
        .iter()
        // Cheap first: a paragraph no longer than the limit has no run over it.
        .filter(|p| p.text.len() > limit)
        .filter_map(|p| {
            let run = p.text.split('\n').map(str::len).max().unwrap_or(0);
            (run > limit).then(|| {
                format!(
                    "line {}: paragraph {} runs {} characters without a break, {} times the median paragraph; it may hold several paragraphs whose numbers or headings were not found",
                    p.line,
                    p.label,
                    run,
                    run / median.max(1)
                )
            })
        })
        .collect()
}

/// Each paragraph's label: its number as printed (`<part>:<number>` in an
/// annex or enclosure), `<section>:<n>` in a sectioned document or for an
/// unnumbered paragraph of a part, or its ordinal. A label already taken gets `_2`,
/// `_3`, …, noted in `relabelled`.
fn labels(paragraphs: &[draft::DraftParagraph], layout: Layout, relabelled: &mut Vec<String>) -> Vec<String> {
    let mut per_section: HashMap<&str, usize> = HashMap::new();
    let bases: Vec<String> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| match (&p.number, layout) {
            (Some(n), _) => match &p.part {
                Some(part) => format!("{part}:{n}"),
                None => n.clone(),
            },
            (None, Layout::Unnumbered) => (i + 1).to_string(),
            (None, _) => {
                let key = p.part.as_deref().or(p.section.as_deref()).unwrap_or("front");
                let n = per_section.entry(key).or_default();
                *n += 1;
                format!("{key}:{n}")
            }
        })
        .collect();
    // Usually no label is taken: then no label needs a copy in a set.
    let distinct = {
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        bases.iter().all(|b| seen.insert(b))
    };
    if distinct {
        return bases;
    }
    let mut used: HashSet<String> = HashSet::new();
    bases
        .into_iter()
        .zip(paragraphs)
        .map(|(base, p)| {
            let mut label = base.clone();
            let mut k = 1;
            while used.contains(&label) {
                k += 1;
                label = format!("{base}_{k}");
            }
            if k > 1 {
                relabelled.push(format!("line {}: label {base} is taken; this paragraph is labelled {label}", p.line));
            }
            used.insert(label.clone());
            label
        })
        .collect()
}
