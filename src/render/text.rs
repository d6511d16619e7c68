//! The structure of an edition for a person to read: headings indented by
//! level, each paragraph's label and first words, footnotes, what was left
//! out, warnings; and the whole text, one block per paragraph, for line
//! tools (`git diff`'s textconv).

use crate::model::Edition;
use std::io::Write;

/// Options for the text renderer.
#[derive(Debug, Clone)]
pub struct TextOptions {
    /// Width of the output in columns.
    pub width: usize,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions { width: 100 }
    }
}

/// Cuts `text` to at most `width` characters on a word boundary, with `…`.
pub fn shorten(text: &str, width: usize) -> String {
    let text = text.split('\n').next().unwrap_or("");
    if text.chars().count() <= width {
        return text.to_string();
    }
    let cut: String = text.chars().take(width.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > cut.len() / 2 => &cut[..i],
        _ => &cut,
    };
    format!("{}…", cut.trim_end())
}

/// Writes the whole text of `edition` for line tools such as `git diff`
/// (a textconv): its label and date, its title, then every heading (`#`
/// per level) and every paragraph in full — `¶label  text`, its list items
/// on their lines, then its footnotes `[mark] text` — each block after a
/// blank line. Nothing is shortened and nothing names the file, so the
/// output of two editions differs only where their text does.
pub fn write_plain(out: &mut impl Write, edition: &Edition) -> std::io::Result<()> {
    let m = &edition.meta;
    writeln!(out, "{}  {}", m.label, m.date.as_deref().unwrap_or("(no date)"))?;
    if let Some(title) = &m.title {
        writeln!(out, "{title}")?;
    }
    let mut shown = 0;
    for p in &edition.paragraphs {
        if let Some(&last) = p.headings.last()
            && last >= shown
        {
            for h in &edition.headings[shown..=last] {
                writeln!(out, "\n{} {}", "#".repeat(h.level.max(1)), h.text)?;
            }
            shown = last + 1;
        }
        writeln!(out, "\n¶{}  {}", p.label, p.text)?;
        for f in &p.footnotes {
            writeln!(out, "[{}] {}", f.mark, f.text)?;
        }
    }
    for h in &edition.headings[shown.min(edition.headings.len())..] {
        writeln!(out, "\n{} {}", "#".repeat(h.level.max(1)), h.text)?;
    }
    Ok(())
}

/// Writes the outline of `edition`.
pub fn write_outline(out: &mut impl Write, edition: &Edition, options: &TextOptions) -> std::io::Result<()> {
    let m = &edition.meta;
    let date = match (&m.date, &m.date_from) {
        (Some(d), Some(from)) if from == "flag" => format!("{d} (from --date)"),
        (Some(d), Some(from)) => format!("{d} (from the {from})"),
        (Some(d), None) => d.clone(),
        (None, _) => "(no date)".to_string(),
    };
    writeln!(out, "{}  {date}  {}", m.label, edition.path)?;
    if let Some(title) = &m.title {
        writeln!(out, "{}", shorten(title, options.width))?;
    }
    let plural = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
    writeln!(
        out,
        "{}, {}, {}, {}; {}",
        plural(edition.paragraphs.len(), "paragraph", "paragraphs"),
        plural(edition.headings.len(), "heading", "headings"),
        plural(edition.paragraphs.iter().map(|p| p.sentences().len()).sum(), "sentence", "sentences"),
        plural(edition.footnote_count(), "footnote", "footnotes"),
        edition.layout.name(),
    )?;
    // What was left out, by kind, in the order first met: the lines are in
    // `--format json`.
    if !edition.skipped.is_empty() {
        let mut kinds: Vec<(&str, usize)> = Vec::new();
        for k in &edition.skipped {
            let n = k.last_line - k.first_line + 1;
            match kinds.iter_mut().find(|(w, _)| *w == k.what) {
                Some(e) => e.1 += n,
                None => kinds.push((&k.what, n)),
            }
        }
        let parts: Vec<String> = kinds.iter().map(|(w, n)| format!("{w} {}", plural(*n, "line", "lines"))).collect();
        writeln!(out, "left out: {}", parts.join(", "))?;
    }
    let label_width = edition.paragraphs.iter().map(|p| p.label.chars().count()).max().unwrap_or(1).min(12);
    let mut shown = 0;
    for p in &edition.paragraphs {
        // Headings not shown yet, in order, before the paragraph under them.
        for &h in &p.headings {
            if h >= shown {
                for hh in &edition.headings[shown..=h] {
                    let indent = "  ".repeat(hh.level.saturating_sub(1));
                    writeln!(out)?;
                    writeln!(out, "{indent}{}", shorten(&hh.text, options.width.saturating_sub(indent.len())))?;
                }
                shown = h + 1;
            }
        }
        let indent = "  ".repeat(p.headings.len());
        let room = options.width.saturating_sub(indent.len() + label_width + 3);
        writeln!(out, "{indent}¶{:<label_width$}  {}", p.label, shorten(&p.text, room))?;
        for f in &p.footnotes {
            let room = options.width.saturating_sub(indent.len() + label_width + 8);
            writeln!(out, "{indent}{:label_width$}   [{}] {}", "", f.mark, shorten(&f.text, room))?;
        }
    }
    for hh in &edition.headings[shown.min(edition.headings.len())..] {
        writeln!(out, "{}{}", "  ".repeat(hh.level.saturating_sub(1)), hh.text)?;
    }
    if !edition.warnings.is_empty() {
        writeln!(out)?;
        for w in &edition.warnings {
            writeln!(out, "warning: {w}")?;
        }
    }
    Ok(())
}
