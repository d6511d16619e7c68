//! The store's commands (`snapshot`, `log`, `show`, `history`), and the
//! editions a command is given: a file, standard input (`-`), a stored
//! edition (`SERIES@EDITION`), a series folder or a stored series.
//! `cli.rs` parses the flags and calls these with plain values.

use crate::cli::output_error;
use crate::cli_pager::{Output, Paging};
use crate::cli_progress::{self, Progress};
use editions::align::AlignOptions;
use editions::error::exit;
use editions::read::SeriesFile;
use editions::render::palette::Palette;
use editions::render::{history, log, show, text};
use editions::store::{self, Input, Store};
use editions::{Edition, Error, ErrorKind, Result, segment};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The store: `--store DIR`, else `EDITIONS_STORE`, else `editions.git`
/// in the current folder (beside `editions/` in this project).
pub fn store_path(flag: Option<&Path>) -> PathBuf {
    match flag {
        Some(p) => p.to_path_buf(),
        None => std::env::var_os("EDITIONS_STORE")
            .filter(|v| !v.is_empty())
            .map_or_else(|| PathBuf::from("editions.git"), PathBuf::from),
    }
}

/// Runs `write` on the output for `paging` and finishes it.
fn print(paging: Paging, write: impl FnOnce(&mut Output) -> std::io::Result<()>) -> Result<()> {
    let mut out = Output::open(paging);
    write(&mut out).and_then(|()| out.finish()).map_err(output_error)
}

/// Whether `arg` is standard input.
pub fn is_stdin(arg: &Path) -> bool {
    arg.as_os_str() == "-"
}

/// Standard input's bytes, named `-` in messages.
fn read_stdin() -> Result<Vec<u8>> {
    editions::read::read_stream(Path::new("-"), std::io::stdin().lock())
}

/// The edition files of a series folder; the files it skipped as no
/// editions (`README.md`) are named in one line on stderr.
pub fn series_files(folder: &Path) -> Result<Vec<SeriesFile>> {
    let found = editions::read::series_folder(folder)?;
    if !found.skipped.is_empty() {
        let names: Vec<String> =
            found.skipped.iter().filter_map(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()).collect();
        eprintln!(
            "editions: {}: skipped {} (no date or number in the name: not an edition)",
            folder.display(),
            names.join(", ")
        );
    }
    Ok(found.files)
}

/// `editions snapshot PATH… --series NAME [--edition LABEL] [--date DATE]`.
pub fn snapshot(
    store: &Path,
    paths: &[PathBuf],
    series: &str,
    label: Option<String>,
    date: Option<String>,
    options: &AlignOptions,
) -> Result<i32> {
    store::check_series(series)?;
    if let Some(l) = &label {
        store::check_label(l)?;
    }
    let mut inputs = Vec::new();
    for path in paths {
        if is_stdin(path) {
            if label.is_none() {
                return Err(Error::new(
                    ErrorKind::Invalid,
                    "standard input has no file name to label the edition: give --edition LABEL",
                ));
            }
            inputs.push(Input { path: path.clone(), bytes: Some(read_stdin()?), label: None, date: None });
        } else if path.is_dir() {
            for f in series_files(path)? {
                inputs.push(Input { path: f.path, bytes: None, label: None, date: None });
            }
        } else {
            inputs.push(Input { path: path.clone(), bytes: None, label: None, date: None });
        }
    }
    if (label.is_some() || date.is_some()) && inputs.len() != 1 {
        return Err(Error::new(
            ErrorKind::Invalid,
            format!("--edition and --date name one edition, but {} files were given", inputs.len()),
        ));
    }
    if inputs.is_empty() {
        return Err(Error::new(ErrorKind::Invalid, "no edition files (.txt, .md, .pdf) in the paths given"));
    }
    if let Some(input) = inputs.first_mut() {
        input.label = label;
        input.date = date;
    }
    // Everything is read and checked before the store is opened or created.
    let allowed = cli_progress::allowed_here(false);
    let reading = Progress::new(Some(inputs.len()), "reading", allowed);
    let names: Vec<String> = inputs.iter().map(|i| i.path.display().to_string()).collect();
    let prepared = store::prepare_with(series, &inputs, &mut |k| reading.set(k, &names[k]))?;
    reading.finish();
    let store = Store::open_or_create(store)?;
    let progress = Progress::new(Some(prepared.len()), "storing", allowed);
    let labels: Vec<String> = prepared.iter().map(|p| p.edition.meta.label.clone()).collect();
    let mut out = std::io::stdout().lock();
    let mut failed: Option<std::io::Error> = None;
    progress.set(0, labels.first().map_or("", String::as_str));
    let outcomes = store.snapshot(series, prepared, options, &mut |k, o| {
        let line = if o.already {
            format!("already stored  {series}@{}  (commit {}); nothing written", o.label, &o.commit[..10])
        } else {
            format!("stored  {series}@{}  {}  {}", o.label, o.date, o.subject.split_once(": ").map_or("", |s| s.1))
        };
        if failed.is_none()
            && let Err(e) = progress.suspend(|| writeln!(out, "{line}").and_then(|()| out.flush()))
        {
            failed = Some(e);
        }
        progress.set(k + 1, labels.get(k + 1).map_or("", String::as_str));
    });
    progress.finish();
    let outcomes = outcomes?;
    let stored = outcomes.iter().filter(|o| !o.already).count();
    let summary = format!(
        "{series}: {} edition{}, {stored} stored, {} already stored, in {}",
        outcomes.len(),
        if outcomes.len() == 1 { "" } else { "s" },
        outcomes.len() - stored,
        store.path().display()
    );
    if failed.is_none()
        && let Err(e) = writeln!(out, "{summary}").and_then(|()| out.flush())
    {
        failed = Some(e);
    }
    match failed {
        Some(e) => Err(output_error(e)),
        None => Ok(exit::SAME),
    }
}

/// `editions log [SERIES]`.
pub fn log(store: &Path, series: Option<&str>, json: bool, paging: Paging) -> Result<i32> {
    let store = Store::open(store)?;
    let entries = store.log(series)?;
    print(paging, |out| if json { log::write_log_json(out, &entries) } else { log::write_log(out, &entries) })?;
    Ok(exit::SAME)
}

/// `editions show SERIES@EDITION [--para LABEL]`.
pub fn show(store: &Path, edition: &str, para: Option<&str>, json: bool, width: usize, paging: Paging) -> Result<i32> {
    let edition = store::parse_ref(edition)?;
    let store = Store::open(store)?;
    match para {
        None if json => {
            let bytes = store.record_bytes(&edition)?;
            print(paging, |out| out.write_all(&bytes))?;
        }
        None => {
            let record = store.record(&edition)?;
            print(paging, |out| text::write_outline(out, &record.edition, &text::TextOptions { width }))?;
        }
        Some(label) => {
            let record = store.record(&edition)?;
            let Some(index) = record.edition.paragraphs.iter().position(|p| p.label == label) else {
                return Err(Error::file(
                    ErrorKind::NotFound,
                    store.path(),
                    format!("{edition} has no paragraph '{label}'; `editions show {edition}` lists them"),
                ));
            };
            if json {
                let commit = store.commit_of(&edition)?;
                print(paging, |out| show::write_paragraph_json(out, &record, index, &commit))?;
            } else {
                print(paging, |out| show::write_paragraph(out, &record, index, width))?;
            }
        }
    }
    Ok(exit::SAME)
}

/// `editions history SERIES@EDITION LABEL`.
pub fn history(
    store: &Path,
    edition: &str,
    label: &str,
    json: bool,
    palette: &Palette,
    width: usize,
    paging: Paging,
) -> Result<i32> {
    let edition = store::parse_ref(edition)?;
    let store = Store::open(store)?;
    let h = store.history(&edition, label)?;
    print(paging, |out| {
        if json { history::write_history_json(out, &h) } else { history::write_history(out, &h, palette, width) }
    })?;
    Ok(exit::SAME)
}

/// Whether `arg` names a stored edition (`SERIES@EDITION`) rather than a
/// file: it holds `@` and no `/`, and no file of that name exists.
fn is_stored(arg: &Path) -> bool {
    arg.to_str().is_some_and(|s| s.contains('@') && !s.contains(['/', '\\'])) && !arg.exists()
}

/// The edition `arg` names: a file, standard input (`-`: labelled by
/// `options`, else `stdin`), or a stored edition `SERIES@EDITION` (as
/// stored: `options` must be empty).
pub fn resolve(arg: &Path, store: Option<&Path>, options: &segment::Options) -> Result<Edition> {
    if is_stored(arg) {
        if options.label.is_some() || options.date.is_some() {
            return Err(Error::new(
                ErrorKind::Invalid,
                format!(
                    "{}: a stored edition keeps its label and date; --label and --date are for files",
                    arg.display()
                ),
            ));
        }
        let edition = store::parse_ref(&arg.to_string_lossy())?;
        Ok(Store::open(&store_path(store))?.record(&edition)?.edition)
    } else if is_stdin(arg) {
        let options = segment::Options {
            label: Some(options.label.clone().unwrap_or_else(|| "stdin".to_string())),
            date: options.date.clone(),
        };
        editions::parse_bytes(arg, read_stdin()?, &options)
    } else {
        editions::parse_file(arg, options)
    }
}

/// The editions of a series, oldest first: the files of a folder, or, when
/// `arg` is no path but a series name, the editions stored for it.
pub fn series(arg: &Path, store: Option<&Path>, progress: bool) -> Result<Vec<Edition>> {
    match series_name(arg) {
        Some(series) => {
            let store = Store::open(&store_path(store))?;
            store
                .editions(series)?
                .iter()
                .map(|s| Ok(store.record(&store::parse_ref(&format!("{series}@{}", s.label))?)?.edition))
                .collect()
        }
        None => {
            let files = series_files(arg)?;
            let bar = Progress::new(Some(files.len()), "reading", progress);
            let editions = files
                .iter()
                .enumerate()
                .map(|(k, f)| {
                    bar.set(k, &f.label);
                    editions::parse_file(&f.path, &segment::Options::default())
                })
                .collect();
            bar.finish();
            editions
        }
    }
}

/// `arg` as the name of a stored series: no path that exists, no folder, no `@`.
pub fn series_name(arg: &Path) -> Option<&str> {
    arg.to_str().filter(|s| !s.contains(['/', '\\', '@']) && !arg.exists())
}

/// Compares the two latest stored editions of `series` (never files of the
/// same names).
pub fn compare_latest(
    series: &str,
    store: Option<&Path>,
    options: &AlignOptions,
    detector: Option<&editions::commitments::Detector>,
) -> Result<editions::model::Comparison> {
    let store = Store::open(&store_path(store))?;
    let stored = store.editions(series)?;
    let [.., a, b] = stored.as_slice() else {
        return Err(Error::new(
            ErrorKind::Invalid,
            format!("series {series} holds {} stored edition(s); a comparison needs two", stored.len()),
        ));
    };
    let edition = |label: &str| Ok(store.record(&store::parse_ref(&format!("{series}@{label}"))?)?.edition);
    Ok(editions::compare(edition(&a.label)?, edition(&b.label)?, options, detector))
}

/// Compares two editions, each a file or a stored edition.
pub fn compare(
    old: &Path,
    new: &Path,
    store: Option<&Path>,
    options: &AlignOptions,
    detector: Option<&editions::commitments::Detector>,
) -> Result<editions::model::Comparison> {
    let special = |p: &Path| is_stored(p) || is_stdin(p);
    if !special(old) && !special(new) {
        return editions::compare_files(old, new, options, detector);
    }
    if is_stdin(old) && is_stdin(new) {
        return Err(Error::new(ErrorKind::Invalid, "standard input (-) can be read once: give it for one edition"));
    }
    // Both read on two threads, as compare_files reads two files.
    let none = segment::Options::default();
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| resolve(old, store, &none));
        let b = resolve(new, store, &none);
        (a.join().unwrap_or_else(|e| std::panic::resume_unwind(e)), b)
    });
    Ok(editions::compare(a?, b?, options, detector))
}
