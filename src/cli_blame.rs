//! `editions blame SERIES[@EDITION] | FOLDER [LABEL]`: what it is given
//! (a stored series, or a folder of edition files, at an edition or its
//! newest), read into editions and their lineages, blamed and written.
//! `cli.rs` parses the flags and calls [`blame`] with plain values.

use crate::cli_pager::Paging;
use crate::cli_store::{self, store_path};
use editions::blame::{self, Blame};
use editions::commitments::Detector;
use editions::error::exit;
use editions::render::blame::{write_blame, write_blame_json};
use editions::render::html::write_blame_html;
use editions::render::palette::Palette;
use editions::store::{self, Store};
use editions::{Edition, Error, ErrorKind, Result};
use std::path::{Path, PathBuf};

/// What `blame` writes.
pub enum Format {
    /// For a person: a gutter, the sentence wrapped beside it.
    Text,
    /// `editions/blame/1` JSON.
    Json,
    /// One self-contained HTML page.
    Html,
}

/// How `blame` shows its result.
pub struct View<'a> {
    /// The output's format.
    pub format: Format,
    /// Colours for text.
    pub palette: &'a Palette,
    /// Wrap width for text.
    pub width: usize,
}

/// Where the editions come from.
enum Source {
    /// A series folder, at the edition with this label (else its newest).
    Folder(PathBuf, Option<String>),
    /// A stored series, at the edition with this label (else its newest).
    Stored(String, Option<String>),
}

/// What `arg` names: a folder (`FOLDER`, `FOLDER@EDITION`) or a stored
/// series (`SERIES`, `SERIES@EDITION`).
fn source(arg: &Path, store: Option<&Path>) -> Result<Source> {
    if arg.is_dir() {
        return Ok(Source::Folder(arg.to_path_buf(), None));
    }
    let text = arg.to_string_lossy();
    if !arg.exists()
        && let Some((head, label)) = text.rsplit_once('@')
    {
        if Path::new(head).is_dir() {
            return Ok(Source::Folder(PathBuf::from(head), Some(label.to_string())));
        }
        if !head.contains(['/', '\\']) {
            let r = store::parse_ref(&text)?;
            return Ok(Source::Stored(r.series, Some(r.label)));
        }
    }
    if arg.exists() {
        return Err(Error::file(
            ErrorKind::NotAFile,
            arg,
            "is a file; blame follows a series: give its folder or a stored series (SERIES[@EDITION])",
        ));
    }
    match cli_store::series_name(arg) {
        Some(series) if store_path(store).exists() => {
            store::check_series(series)?;
            Ok(Source::Stored(series.to_string(), None))
        }
        _ => Err(Error::file(
            ErrorKind::NotFound,
            arg,
            format!("no such folder, and no stored series of that name (store {})", store_path(store).display()),
        )),
    }
}

/// The editions up to the one blamed, oldest first, and their lineages:
/// from the store as stored, from a folder aligned edition by edition.
fn read(source: &Source, store: Option<&Path>) -> Result<(Vec<Edition>, Vec<store::record::Lineage>)> {
    match source {
        Source::Stored(series, label) => {
            let store = Store::open(&store_path(store))?;
            let records = store.records(series, label.as_deref())?;
            Ok(records.into_iter().map(|r| (r.edition, r.lineage)).unzip())
        }
        Source::Folder(folder, label) => {
            let files = cli_store::series_files(folder)?;
            let end = match label {
                None if files.is_empty() => {
                    return Err(Error::file(ErrorKind::Invalid, folder, "holds no edition files (.txt, .md, .pdf)"));
                }
                None => files.len(),
                Some(label) => {
                    files.iter().position(|f| &f.label == label).ok_or_else(|| {
                        Error::file(
                            ErrorKind::NotFound,
                            folder,
                            format!("has no edition '{label}' (editions are named after their files)"),
                        )
                    })? + 1
                }
            };
            let paths: Vec<PathBuf> = files[..end].iter().map(|f| f.path.clone()).collect();
            let editions = editions::parse_files(&paths)?;
            let lineages = blame::lineages(&editions, &editions::align::AlignOptions::default());
            Ok((editions, lineages))
        }
    }
}

/// `editions blame SERIES[@EDITION] | FOLDER [LABEL] [--commitments]`, to
/// `output` when given (`-o FILE`).
pub fn blame(
    arg: &Path,
    label: Option<&str>,
    commitments: bool,
    store: Option<&Path>,
    view: &View,
    output: Option<&Path>,
    paging: Paging,
) -> Result<i32> {
    let source = source(arg, store)?;
    let (editions, lineages) = read(&source, store)?;
    let target = editions.len() - 1;
    let edition = &editions[target];
    let only = match label {
        None => None,
        Some(label) => Some(edition.paragraphs.iter().position(|p| p.label == label).ok_or_else(|| {
            Error::file(ErrorKind::NotFound, arg, format!("edition {} has no paragraph '{label}'", edition.meta.label))
        })?),
    };
    let carrying: Option<Vec<(usize, usize)>> =
        commitments.then(|| Detector::default().edition(edition).iter().map(|c| (c.paragraph, c.sentence)).collect());
    let keep =
        |p: usize, s: usize| only.is_none_or(|o| o == p) && carrying.as_ref().is_none_or(|c| c.contains(&(p, s)));
    let blamed: Blame = blame::blame(&editions, &lineages, target, &keep);
    crate::cli::print_to(output, paging, |mut out| match view.format {
        Format::Text => write_blame(&mut out, &blamed, view.palette, view.width),
        Format::Json => write_blame_json(&mut out, &blamed),
        Format::Html => write_blame_html(&mut out, &blamed),
    })?;
    Ok(exit::SAME)
}
