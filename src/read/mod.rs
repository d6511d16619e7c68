//! Reading an edition: bytes from a file, decoded to text with one kind of line end.
//!
//! The text is kept as printed for display; [`normalize`] gives the form that
//! comparisons use.

mod normalize;
pub mod pdf;

pub use normalize::{ascii_lowercase_hash, lowercase_hash, normalize, normalize_into, normalized_words};

use crate::error::{Error, ErrorKind, Result};
use std::path::{Path, PathBuf};

/// The largest file the reader accepts (1 GiB). Editions are text; anything
/// larger is a mistake, and refusing it beats exhausting memory.
pub const MAX_BYTES: u64 = 1 << 30;

/// An edition's text as read from disk, before segmentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Where the text came from.
    pub path: PathBuf,
    /// The decoded text, with `\n` line ends and the byte-order mark removed.
    pub text: String,
    /// What the reader had to guess or repair, for the user to see.
    pub warnings: Vec<String>,
    /// Where each line of the text was printed, when the format says (a
    /// PDF): the `n`th box is the `n`th line's. `None` for plain text.
    pub layout: Option<Vec<LineBox>>,
}

/// Where a line was printed on its page, in tenths of a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineBox {
    /// The page, from 1.
    pub page: u32,
    /// The left edge of its first glyph.
    pub x0: i32,
    /// The right edge of its last glyph.
    pub x1: i32,
    /// The baseline, down from the top of the page.
    pub y: i32,
    /// The size of its largest glyph (markers aside).
    pub size: i32,
    /// Most of its glyphs are set in a bold font.
    pub bold: bool,
}

/// Reads the file at `path`: a PDF (known by its `%PDF-` header, whatever
/// its name), else text, decoded.
pub fn read_file(path: &Path) -> Result<Source> {
    read_any(path, read_bytes(path)?)
}

/// Reads `bytes` of `path`: a PDF (the `%PDF-` header in the first 1,024
/// bytes, as readers accept it), else text.
pub fn read_any(path: &Path, bytes: Vec<u8>) -> Result<Source> {
    if is_pdf(&bytes) { pdf::read_pdf(path, bytes) } else { decode_vec(path, bytes) }
}

/// The bytes are a PDF file's.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-")
}

/// The bytes of the file at `path`, with the checks of [`read_file`]: not
/// a folder, at most [`MAX_BYTES`]. A regular file's size is checked before
/// it is read; anything else that can be opened (a pipe, a FIFO, process
/// substitution's `/dev/fd/N`) is read as a stream up to the limit.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, &e))?;
    if meta.is_dir() {
        return Err(Error::file(ErrorKind::NotAFile, path, "is a directory, not a file"));
    }
    if meta.is_file() && meta.len() > MAX_BYTES {
        return Err(too_large(path, meta.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| io_error(path, &e))?;
    // A regular file says its size: read it into one allocation (growing
    // the buffer as it filled cost a tenth of reading a long edition).
    let size = if meta.is_file() { meta.len() as usize + 1 } else { 0 };
    read_into(path, file, Vec::with_capacity(size))
}

/// All of `reader` (standard input, a pipe), named `path` in messages: at
/// most [`MAX_BYTES`], read without asking its size first.
pub fn read_stream(path: &Path, reader: impl std::io::Read) -> Result<Vec<u8>> {
    read_into(path, reader, Vec::new())
}

fn read_into(path: &Path, reader: impl std::io::Read, mut bytes: Vec<u8>) -> Result<Vec<u8>> {
    use std::io::Read;
    reader.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(|e| io_error(path, &e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Error::file(
            ErrorKind::TooLarge,
            path,
            format!("is more than {MAX_BYTES} bytes; the limit is {MAX_BYTES} bytes"),
        ));
    }
    Ok(bytes)
}

fn too_large(path: &Path, len: u64) -> Error {
    Error::file(ErrorKind::TooLarge, path, format!("is {len} bytes; the limit is {MAX_BYTES} bytes"))
}

fn io_error(path: &Path, e: &std::io::Error) -> Error {
    let cause = match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    };
    Error::file(ErrorKind::Io, path, cause)
}

/// Decodes `bytes` read from `path`: UTF-8 with or without a byte-order mark,
/// UTF-16 with a byte-order mark, and Windows-1252 as a fallback for bytes
/// that are not UTF-8 (with a warning). Line ends become `\n`.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<Source> {
    decode_vec(path, bytes.to_vec())
}

/// [`decode`], taking the bytes: valid UTF-8 becomes the text without a copy.
pub fn decode_vec(path: &Path, mut bytes: Vec<u8>) -> Result<Source> {
    let mut warnings = Vec::new();
    let text: String = if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
        utf8_or_1252(bytes, &mut warnings)
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let encoding = if bytes[0] == 0xFF { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[2..]);
        if had_errors {
            return Err(Error::file(ErrorKind::NotText, path, "has a UTF-16 byte-order mark but is not valid UTF-16"));
        }
        text.into_owned()
    } else {
        // The memchr crate's vector search: the standard library's took 1 % of reading a long edition.
        if memchr::memchr(0, &bytes).is_some() {
            return Err(Error::file(ErrorKind::NotText, path, "is a binary file (it contains NUL bytes), not text"));
        }
        utf8_or_1252(bytes, &mut warnings)
    };
    let controls = binary_controls(&text);
    if controls > 0 && controls * 100 >= text.len().max(1) {
        return Err(Error::file(
            ErrorKind::NotText,
            path,
            format!("is not text: it has {controls} control characters"),
        ));
    }
    Ok(Source { path: path.to_path_buf(), text: unify_line_ends(text), warnings, layout: None })
}

fn utf8_or_1252(bytes: Vec<u8>, warnings: &mut Vec<String>) -> String {
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            warnings.push(format!("not valid UTF-8 (first bad byte at offset {at}); read as Windows-1252"));
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(e.as_bytes());
            text.into_owned()
        }
    }
}

/// How many control characters that do not occur in text `text` holds (tab,
/// line ends and form feed do), counted on the bytes: C0 controls and DEL
/// are single bytes, and the C1 controls U+0080..U+009F are C2 80..C2 9F
/// (C2 is never a continuation byte). Decoding `chars()` for this took 6%
/// of parsing a long file.
fn binary_controls(text: &str) -> usize {
    let bytes = text.as_bytes();
    let c0 =
        count(bytes, bytes, |b, _| (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0C) | (b == 0x7F));
    let c1 = count(bytes, bytes.get(1..).unwrap_or_default(), |a, b| (a == 0xC2) & (b & 0xE0 == 0x80));
    c0 + c1
}

/// How many `i` satisfy `test(a[i], b[i])`. The tests are free of branches
/// and summed in byte counters over blocks of 255, which the compiler
/// turns into vector code.
fn count(a: &[u8], b: &[u8], test: impl Fn(u8, u8) -> bool) -> usize {
    a.chunks(255)
        .zip(b.chunks(255))
        .map(|(x, y)| usize::from(x.iter().zip(y).fold(0u8, |n, (&p, &q)| n + u8::from(test(p, q)))))
        .sum()
}

/// CRLF and lone CR become LF.
fn unify_line_ends(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Result<Source> {
        decode(Path::new("t.txt"), bytes)
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(dec(b"caf\xC3\xA9\n").unwrap().text, "café\n");
        assert_eq!(dec(b"\xEF\xBB\xBFcaf\xC3\xA9").unwrap().text, "café");
    }

    #[test]
    fn utf16_with_bom() {
        let le: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("a\r\nb".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        assert_eq!(dec(&le).unwrap().text, "a\nb");
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("é".encode_utf16().flat_map(|u| u.to_be_bytes())).collect();
        assert_eq!(dec(&be).unwrap().text, "é");
    }

    #[test]
    fn windows_1252_fallback_warns() {
        let s = dec(b"\x93quoted\x94 caf\xE9").unwrap();
        assert_eq!(s.text, "\u{201C}quoted\u{201D} café");
        assert_eq!(s.warnings.len(), 1);
        assert!(s.warnings[0].contains("Windows-1252"), "{:?}", s.warnings);
    }

    #[test]
    fn edition_names() {
        for name in ["2016-09-21.txt", "GFDL-1.3-only.txt", "n2500800.pdf", "2024-12-16_v2.1.2.md"] {
            assert!(is_edition_name(Path::new(name)), "{name}");
        }
        for name in ["README.md", "NOTES.txt", "PROVENANCE.md", ".2016-09-21.txt.swp", ".draft-2.txt", "2016.docx"] {
            assert!(!is_edition_name(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn streams_read_to_the_end() {
        let bytes = read_stream(Path::new("-"), &b"one\n\ntwo\n"[..]).unwrap();
        assert_eq!(bytes, b"one\n\ntwo\n");
    }

    #[test]
    fn line_ends_unified() {
        assert_eq!(dec(b"a\r\nb\rc\n").unwrap().text, "a\nb\nc\n");
    }

    #[test]
    fn binary_refused() {
        let e = dec(b"PK\x03\x04\x00\x00").unwrap_err();
        assert_eq!(e.to_string(), "t.txt: is a binary file (it contains NUL bytes), not text");
        let e = dec(b"\x01\x02\x03\x04abc").unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::NotText);
    }

    #[test]
    fn controls_counted_on_bytes_as_on_characters() {
        let by_chars =
            |t: &str| t.chars().filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C')).count();
        for t in ["a\tb\r\n\x0C", "\x01\x7F\u{80}\u{85}\u{9F}", "\u{A0}\u{C2}\u{100}é", "\u{9F}\u{9F}x\x1F", ""] {
            assert_eq!(binary_controls(t), by_chars(t), "{t:?}");
        }
    }
}

/// An edition file of a series folder, with the date and label its name
/// (or, failing that, its first lines) gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesFile {
    /// The file.
    pub path: PathBuf,
    /// Its date, if known.
    pub date: Option<String>,
    /// Its label.
    pub label: String,
}

/// The files of a series folder: its editions, and the files it skipped.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SeriesFolder {
    /// The edition files, oldest first (by date, then label; undated first).
    pub files: Vec<SeriesFile>,
    /// `.txt`, `.md` and `.pdf` files that are no editions by [`is_edition_name`]
    /// (`README.md`, `NOTES.txt`), by name.
    pub skipped: Vec<PathBuf>,
}

/// Whether a file of a series folder is an edition by its name: a `.txt`,
/// `.md` or `.pdf` file, not hidden, whose name holds a digit (a date, a
/// version, a document number: `2016-09-21.txt`, `GFDL-1.3-only.txt`,
/// `n2500800.pdf`). `README.md`, `NOTES.txt` or `PROVENANCE.md` beside the
/// editions are documentation, not editions.
pub fn is_edition_name(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    let stem = path.file_stem().map(|n| n.to_string_lossy()).unwrap_or_default();
    has_edition_extension(path) && !name.starts_with('.') && stem.bytes().any(|b| b.is_ascii_digit())
}

fn has_edition_extension(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "txt" || e == "md" || e == "pdf")
}

/// The edition files (`.txt`, `.md`, `.pdf`) directly in `dir`, oldest first (by
/// date, then label; undated files first). See [`series_folder`] for the
/// files it skips.
pub fn series_files(dir: &Path) -> Result<Vec<SeriesFile>> {
    Ok(series_folder(dir)?.files)
}

/// The edition files directly in `dir` (see [`series_files`]), and the
/// `.txt`, `.md` and `.pdf` files whose names say they are no editions
/// ([`is_edition_name`]).
pub fn series_folder(dir: &Path) -> Result<SeriesFolder> {
    let meta = std::fs::metadata(dir).map_err(|e| io_error(dir, &e))?;
    if !meta.is_dir() {
        return Err(Error::file(ErrorKind::NotAFile, dir, "is not a folder"));
    }
    let mut folder = SeriesFolder::default();
    for entry in walkdir::WalkDir::new(dir).min_depth(1).max_depth(1).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::file(ErrorKind::Io, dir, e.to_string()))?;
        let path = entry.path();
        if !entry.file_type().is_file() || !has_edition_extension(path) {
            continue;
        }
        if !is_edition_name(path) {
            folder.skipped.push(path.to_path_buf());
            continue;
        }
        let (label, mut date) = crate::segment::meta::from_file_name(path);
        if date.is_none() {
            let head = read_file(path)?.text.chars().take(3000).collect::<String>();
            date = crate::segment::meta::date_in_text(&head);
        }
        folder.files.push(SeriesFile { path: path.to_path_buf(), date, label });
    }
    folder.files.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.label.cmp(&b.label)));
    Ok(folder)
}
