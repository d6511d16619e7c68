//! Reading a PDF: its glyphs, where they stand, in lines.
//!
//! `hayro-interpret` (pure Rust, no system library) draws each page into a
//! device that keeps only the glyphs: their Unicode, baseline origin,
//! advance, size and font. Glyphs become lines by baseline; a small glyph
//! raised above a line (a footnote marker: Word raises it by moving the
//! text position, so no text-rise value says so) joins that line as a
//! superscript. The text handed on is one line per printed line, a form
//! feed before each page, as `pdftotext -raw` gives it; each line's page,
//! edges, baseline, size and weight go with it ([`LineBox`]), and the
//! segmenter reads them where the text alone is ambiguous.
//!
//! A marker becomes superscript digits (`Levant¹ (ISIL`), which no
//! extraction of the same text confuses with a number of the text; at the
//! start of a line (a footnote's own mark) it stays plain (`1 Listed as …`),
//! as footnote blocks are written in text. Rotated text (the margins and
//! labels of a landscape map page) is not text of the document; it is
//! counted in a warning.
//!
//! The choice of library, measured against `pdftotext` on the 13 shared
//! UN PDFs, is in `BENCHMARKS.md`.

use super::{LineBox, Source};
use crate::error::{Error, ErrorKind, Result};
use hayro_interpret::font::{Glyph as HGlyph, GlyphRun};
use hayro_interpret::hayro_syntax::content::TypedIter;
use hayro_interpret::hayro_syntax::object::dict::keys::CONTENTS;
use hayro_interpret::hayro_syntax::object::{Array, Stream};
use hayro_interpret::hayro_syntax::page::Page as PdfPage;
use hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};
use hayro_interpret::kurbo::{Affine, BezPath, Rect};
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageDrawProps, InterpreterCache,
    InterpreterSettings, SoftMask, interpret,
};
use rustc_hash::FxHashMap;
use std::path::Path;

/// Glyphs on one baseline: within this share of their size (measured: the
/// lines of the shared PDFs are 12 pt apart at 10 pt, markers 3.5 pt up).
const SAME_BASELINE: f32 = 0.25;
/// A marker is at most this share of its line's size …
const MARKER_SIZE: f32 = 0.85;
/// … and raised by this share of it (0.29–0.35 em in the shared PDFs).
const MARKER_RISE: (f32, f32) = (0.1, 0.6);
/// A gap wider than this share of a glyph's size is a word space (Word
/// justifies lines with wide spaces, and its letters are never this far
/// apart: `senio r` and `Da ’esh` come out whole).
const WORD_GAP: f32 = 0.15;

/// A gap wider than this many times a glyph's size parts two cells of a
/// line (the masthead's `United Nations` and `S/2025/72`); a margin
/// number is 1.6 sizes from its text.
const CELL_GAP: f32 = 3.0;

/// One glyph, in the page's space turned so that y grows downwards.
#[derive(Debug, Clone)]
struct Glyph {
    x: f32,
    /// Baseline, from the page's top.
    y: f32,
    w: f32,
    size: f32,
    bold: bool,
    text: GlyphText,
}

/// A glyph's text: nearly always one character, kept in place rather than
/// in an allocation of its own per glyph.
#[derive(Debug, Clone)]
enum GlyphText {
    Short { len: u8, bytes: [u8; 15] },
    Long(Box<str>),
}

impl GlyphText {
    fn new(s: &str) -> GlyphText {
        let mut bytes = [0; 15];
        match bytes.get_mut(..s.len()) {
            Some(short) => {
                short.copy_from_slice(s.as_bytes());
                GlyphText::Short { len: s.len() as u8, bytes }
            }
            None => GlyphText::Long(s.into()),
        }
    }
}

impl std::ops::Deref for GlyphText {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            // Copied whole from a `str`, so it is UTF-8.
            GlyphText::Short { len, bytes } => std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default(),
            GlyphText::Long(s) => s,
        }
    }
}

/// What the device collects from a page.
#[derive(Default)]
struct Page {
    glyphs: Vec<Glyph>,
    /// Glyphs drawn along another direction than left to right.
    rotated: usize,
    /// Glyphs with no Unicode value: text that cannot be read.
    unmapped: usize,
    images: usize,
    /// Whether each font (by cache key) is bold.
    bold: FxHashMap<u128, bool>,
    height: f64,
}

impl<'a> Device<'a> for Page {
    fn draw_path(&mut self, _: &BezPath, _: DrawProps<'a>, _: &DrawMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, mode: &DrawMode) {
        // A glyph filled and stroked is drawn once per paint: keep the fill.
        if matches!(mode, DrawMode::Stroke(_)) {
            return;
        }
        for g in run.glyphs() {
            // Glyph space is 1000 units to the em.
            let [a, b, c, d, e, f] = (props.transform * g.transform()).as_coeffs();
            if b.abs() > 1e-3 * a.abs().max(1e-9) || a <= 0.0 {
                self.rotated += 1;
                continue;
            }
            let Some(text) = g.as_unicode().map(|s| glyph_text(&s)) else {
                self.unmapped += 1;
                continue;
            };
            let size = ((c * c + d * d).sqrt() * 1000.0) as f32;
            let (advance, bold) = match &**g {
                HGlyph::Outline(o) => {
                    let key = o.identifier().cache_key();
                    let bold = *self.bold.entry(key).or_insert_with(|| {
                        o.font_data().is_some_and(|d| {
                            d.weight.is_some_and(|w| w >= 600)
                                || d.postscript_name.as_deref().is_some_and(|n| n.contains("Bold"))
                        })
                    });
                    (o.advance_width().unwrap_or(0.0), bold)
                }
                HGlyph::Type3(t) => (t.advance_width().unwrap_or(0.0), false),
            };
            self.glyphs.push(Glyph {
                x: e as f32,
                y: (self.height - f) as f32,
                w: (f64::from(advance) * a) as f32,
                size,
                bold,
                text,
            });
        }
    }
    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {
        self.images += 1;
    }
    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}

fn glyph_text(s: &hayro_interpret::hayro_cmap::BfString) -> GlyphText {
    use hayro_interpret::hayro_cmap::BfString;
    match s {
        BfString::Char(c) => GlyphText::new(c.encode_utf8(&mut [0; 4])),
        BfString::String(s) => GlyphText::new(s),
    }
}

/// A printed line: its text and where it stands.
struct PrintedLine {
    text: String,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    bold: bool,
}

/// Reads the PDF `bytes` of `path` into text lines with their layout.
///
/// The reader was fuzzed without a panic, but a damaged file must never
/// take the program down: a panic inside it becomes an error naming the
/// file.
pub fn read_pdf(path: &Path, bytes: Vec<u8>) -> Result<Source> {
    let truncated = !bytes[bytes.len().saturating_sub(1024)..].windows(5).any(|w| w == b"%%EOF");
    let read = std::panic::catch_unwind(|| read_pages(path, bytes));
    let mut source = read.unwrap_or_else(|_| {
        Err(Error::file(
            ErrorKind::NotText,
            path,
            "is a PDF the reader cannot make sense of (it failed inside the PDF reader)",
        ))
    })?;
    if truncated {
        source.warnings.insert(
            0,
            "the PDF has no end-of-file mark: it may be truncated, and what was read may be incomplete".into(),
        );
    }
    Ok(source)
}

fn read_pages(path: &Path, bytes: Vec<u8>) -> Result<Source> {
    let pdf = Pdf::new(bytes).map_err(|e| {
        let cause = match e {
            LoadPdfError::Decryption(hayro_interpret::hayro_syntax::DecryptionError::PasswordProtected) => {
                "is an encrypted PDF: a password is needed to read it".to_string()
            }
            LoadPdfError::Decryption(d) => format!("is an encrypted PDF that cannot be decrypted ({d:?})"),
            LoadPdfError::Invalid => "is not a readable PDF: its structure is damaged or truncated".to_string(),
        };
        Error::file(ErrorKind::NotText, path, cause)
    })?;
    let cache = InterpreterCache::new();
    let mut text = String::new();
    let mut layout = Vec::new();
    let (mut rotated, mut unmapped, mut images, mut glyphs) = (0, 0, 0, 0);
    let pages = pdf.pages();
    for (n, page) in pages.iter().enumerate() {
        let crop = page.intersected_crop_box();
        let mut device = Page { height: crop.y1, ..Page::default() };
        let bbox = Rect::new(crop.x0, crop.y0, crop.x1, crop.y1);
        let mut ctx = Context::new(Affine::IDENTITY, bbox, &cache, pdf.xref(), InterpreterSettings::default());
        // Not `interpret_page`: a page keeps its decoded content for the
        // document's lifetime, which made the pages' content the largest
        // part of the peak memory. Decoded here, it is freed page by page.
        // (Annotations are not drawn: their appearance is not the text.)
        let content = page_content(page);
        interpret(TypedIter::new(&content), page.resources(), &mut ctx, &mut device);
        drop(content);
        rotated += device.rotated;
        unmapped += device.unmapped;
        images += device.images;
        glyphs += device.glyphs.len();
        for (k, line) in lines(device.glyphs).into_iter().enumerate() {
            if k == 0 && n > 0 {
                text.push('\x0C');
            }
            text.push_str(&line.text);
            text.push('\n');
            let tenth = |v: f32| (v * 10.0).round() as i32;
            layout.push(LineBox {
                page: u32::try_from(n + 1).unwrap_or(u32::MAX),
                x0: tenth(line.x0),
                x1: tenth(line.x1),
                y: tenth(line.y),
                size: tenth(line.size),
                bold: line.bold,
            });
        }
    }
    if pages.is_empty() {
        return Err(Error::file(ErrorKind::NotText, path, "is a PDF with no pages"));
    }
    if glyphs == 0 {
        let cause = if images > 0 {
            "is a PDF with no text layer, only images (a scanned document?): run OCR on it first, for example `ocrmypdf in.pdf out.pdf`"
        } else if unmapped > 0 {
            "is a PDF whose fonts map none of their glyphs to characters: its text cannot be read"
        } else {
            "is a PDF with no text"
        };
        return Err(Error::file(ErrorKind::NotText, path, cause));
    }
    let mut warnings = Vec::new();
    if unmapped > 0 {
        warnings.push(format!(
            "{unmapped} glyphs of {} have no Unicode value in their font and were left out of the text",
            glyphs + unmapped
        ));
    }
    if rotated > 0 {
        warnings.push(format!("{rotated} glyphs of rotated text (page margins, map labels) were left out"));
    }
    Ok(Source { path: path.to_path_buf(), text, warnings, layout: Some(layout) })
}

/// A page's content stream decoded, its parts joined by a space as the
/// format requires (what `Page::page_stream` does, without keeping it).
fn page_content(page: &PdfPage<'_>) -> Vec<u8> {
    let dict = page.raw();
    if let Some(stream) = dict.get::<Stream<'_>>(CONTENTS) {
        return stream.decoded_data().map(|d| d.into_owned()).unwrap_or_default();
    }
    let mut joined = Vec::new();
    if let Some(parts) = dict.get::<Array<'_>>(CONTENTS) {
        for part in parts.iter::<Stream<'_>>() {
            if let Ok(data) = part.decoded_data() {
                joined.extend_from_slice(&data);
                joined.push(b' ');
            }
        }
    }
    joined
}

/// The page's glyphs as printed lines, top to bottom.
fn lines(mut glyphs: Vec<Glyph>) -> Vec<PrintedLine> {
    glyphs.retain(|g| g.size > 0.5 && !g.text.is_empty() && g.text.chars().all(|c| !c.is_control()));
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Lines by baseline.
    let mut rows: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs {
        if let Some(row) = rows.last_mut()
            && (row[0].y - g.y).abs() <= SAME_BASELINE * g.size.min(row[0].size).max(1.0)
        {
            row.push(g);
        } else {
            rows.push(vec![g]);
        }
    }
    rows.retain(|r| r.iter().any(|g| !g.text.trim().is_empty()));
    let size = |r: &[Glyph]| r.iter().map(|g| g.size).fold(0.0f32, f32::max);
    let span = |r: &[Glyph]| {
        let a = r.iter().map(|g| g.x).fold(f32::MAX, f32::min);
        let b = r.iter().map(|g| g.x + g.w).fold(f32::MIN, f32::max);
        (a, b)
    };
    // A row of small glyphs raised above the next rows' baseline, over
    // them (or an em before them): markers of that line.
    let mut marker_of: Vec<Option<usize>> = vec![None; rows.len()];
    for i in 0..rows.len() {
        let (s, (a, b)) = (size(&rows[i]), span(&rows[i]));
        for j in i + 1..rows.len().min(i + 4) {
            let sj = size(&rows[j]);
            let rise = rows[j][0].y - rows[i][0].y;
            let (aj, bj) = span(&rows[j]);
            if s < MARKER_SIZE * sj
                && rise > MARKER_RISE.0 * sj
                && rise < MARKER_RISE.1 * sj
                && a < bj + sj
                && b > aj - sj
            {
                marker_of[i] = Some(j);
                break;
            }
        }
    }
    let mut members: Vec<Vec<(Glyph, bool)>> =
        rows.into_iter().map(|r| r.into_iter().map(|g| (g, false)).collect()).collect();
    for i in 0..members.len() {
        if let Some(j) = marker_of[i] {
            let moved: Vec<(Glyph, bool)> =
                std::mem::take(&mut members[i]).into_iter().map(|(g, _)| (g, true)).collect();
            members[j].extend(moved);
        }
    }
    members.into_iter().filter(|m| !m.is_empty()).map(line).collect()
}

/// One printed line from its glyphs (and markers).
fn line(mut m: Vec<(Glyph, bool)>) -> PrintedLine {
    m.sort_by(|a, b| a.0.x.total_cmp(&b.0.x));
    let body: Vec<&Glyph> = m.iter().filter(|(_, sup)| !sup).map(|(g, _)| g).collect();
    let size = body.iter().map(|g| g.size).fold(0.0f32, f32::max);
    let y = body.first().map_or(m[0].0.y, |g| g.y);
    let visible: Vec<&Glyph> = body.iter().copied().filter(|g| !g.text.trim().is_empty()).collect();
    let bold = !visible.is_empty() && visible.iter().filter(|g| g.bold).count() * 2 > visible.len();
    let mut text = String::new();
    // Word leaves a space glyph at a wrap point that the next glyph
    // overlaps: a space counts only when the next glyph starts past its middle.
    let mut pending_space: Option<f32> = None;
    let mut last_end = f32::MIN;
    // Only the line's own mark (a footnote's) so far: it stays plain
    // digits, a space after it.
    let mut lead = true;
    for (g, sup) in &m {
        if g.text.trim().is_empty() {
            pending_space = Some(g.x + 0.5 * g.w);
            continue;
        }
        let space = pending_space.is_some_and(|end| g.x >= end) || g.x - last_end > WORD_GAP * g.size.max(1.0);
        pending_space = None;
        let last_x = last_end;
        last_end = g.x + g.w;
        let marker = *sup && g.text.chars().all(|c| c.is_ascii_digit());
        if lead && marker {
            text.push_str(&g.text);
            continue;
        }
        if !text.is_empty() && g.x - last_x > CELL_GAP * g.size.max(1.0) {
            // Cells of one line (`United Nations   S/2025/72`), as
            // `pdftotext -layout` sets them apart.
            text.push_str("   ");
        } else if lead && !text.is_empty() || space && !text.is_empty() && !marker {
            text.push(' ');
        }
        lead = false;
        if marker {
            text.extend(g.text.chars().map(superscript));
        } else {
            text.push_str(&g.text);
        }
    }
    let x0 = m.iter().map(|(g, _)| g.x).fold(f32::MAX, f32::min);
    let x1 = m.iter().map(|(g, _)| g.x + g.w).fold(f32::MIN, f32::max);
    PrintedLine { text: text.trim_end().to_string(), x0, x1, y, size, bold }
}

/// The superscript form of an ASCII digit.
pub fn superscript(c: char) -> char {
    match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        c => c,
    }
}
