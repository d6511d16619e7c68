//! The store's commands (`snapshot`, `log`, `show`, `history`) and stored
//! editions (`SERIES@EDITION`) where `diff` takes a file. `cli.rs` parses
//! the flags and calls these with plain values.

use editions::align::AlignOptions;
use editions::error::exit;
use editions::render::palette::{ColorChoice, Palette};
use editions::render::{history, log, show, text};
use editions::store::{self, Input, Store};
use editions::{Edition, Error, ErrorKind, Result};
use std::io::{IsTerminal, Write};
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

fn output_error(e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Error::new(ErrorKind::Output, "output closed")
    } else {
        Error::new(ErrorKind::Io, format!("cannot write output: {e}"))
    }
}

type Out = std::io::BufWriter<std::io::StdoutLock<'static>>;

/// Runs `write` on a buffered stdout and flushes it.
fn print(write: impl FnOnce(&mut Out) -> std::io::Result<()>) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    write(&mut out).and_then(|()| out.flush()).map_err(output_error)
}

/// A progress bar on stderr, drawn only when stderr is a terminal and
/// there is much to do.
struct Progress {
    total: usize,
    on: bool,
}

impl Progress {
    fn new(total: usize) -> Self {
        Progress { total, on: total >= 20 && std::io::stderr().is_terminal() }
    }

    fn clear(&self) {
        if self.on {
            eprint!("\r\x1b[2K");
        }
    }

    fn draw(&self, done: usize, label: &str) {
        if self.on {
            let width = 30;
            let filled = width * done / self.total.max(1);
            eprint!("\r\x1b[2K[{}{}] {done}/{} {label}", "#".repeat(filled), " ".repeat(width - filled), self.total);
        }
    }
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
        if path.is_dir() {
            for f in editions::read::series_files(path)? {
                inputs.push(Input { path: f.path, label: None, date: None });
            }
        } else {
            inputs.push(Input { path: path.clone(), label: None, date: None });
        }
    }
    if (label.is_some() || date.is_some()) && inputs.len() != 1 {
        return Err(Error::new(
            ErrorKind::Invalid,
            format!("--edition and --date name one edition, but {} files were given", inputs.len()),
        ));
    }
    if inputs.is_empty() {
        return Err(Error::new(ErrorKind::Invalid, "no edition files (.txt, .md) in the paths given"));
    }
    if let Some(input) = inputs.first_mut() {
        input.label = label;
        input.date = date;
    }
    // Everything is read and checked before the store is opened or created.
    let prepared = store::prepare(series, &inputs)?;
    let store = Store::open_or_create(store)?;
    let progress = Progress::new(prepared.len());
    let labels: Vec<String> = prepared.iter().map(|p| p.edition.meta.label.clone()).collect();
    let mut out = std::io::stdout().lock();
    let mut failed: Option<std::io::Error> = None;
    progress.draw(0, labels.first().map_or("", String::as_str));
    let outcomes = store.snapshot(series, prepared, options, &mut |k, o| {
        progress.clear();
        let line = if o.already {
            format!("already stored  {series}@{}  (commit {}); nothing written", o.label, &o.commit[..10])
        } else {
            format!("stored  {series}@{}  {}  {}", o.label, o.date, o.subject.split_once(": ").map_or("", |s| s.1))
        };
        if failed.is_none()
            && let Err(e) = writeln!(out, "{line}").and_then(|()| out.flush())
        {
            failed = Some(e);
        }
        progress.draw(k + 1, labels.get(k + 1).map_or("", String::as_str));
    });
    progress.clear();
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
pub fn log(store: &Path, series: Option<&str>, json: bool) -> Result<i32> {
    let store = Store::open(store)?;
    let entries = store.log(series)?;
    print(|out| if json { log::write_log_json(out, &entries) } else { log::write_log(out, &entries) })?;
    Ok(exit::SAME)
}

/// `editions show SERIES@EDITION [--para LABEL]`.
pub fn show(store: &Path, edition: &str, para: Option<&str>, json: bool, width: usize) -> Result<i32> {
    let edition = store::parse_ref(edition)?;
    let store = Store::open(store)?;
    match para {
        None if json => {
            let bytes = store.record_bytes(&edition)?;
            print(|out| out.write_all(&bytes))?;
        }
        None => {
            let record = store.record(&edition)?;
            print(|out| text::write_outline(out, &record.edition, &text::TextOptions { width }))?;
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
                print(|out| show::write_paragraph_json(out, &record, index, &commit))?;
            } else {
                print(|out| show::write_paragraph(out, &record, index, width))?;
            }
        }
    }
    Ok(exit::SAME)
}

/// `editions history SERIES@EDITION LABEL`.
pub fn history(store: &Path, edition: &str, label: &str, json: bool, color: ColorChoice, width: usize) -> Result<i32> {
    let edition = store::parse_ref(edition)?;
    let store = Store::open(store)?;
    let h = store.history(&edition, label)?;
    let is_terminal = std::io::stdout().is_terminal();
    let palette = Palette::new(color.resolve(is_terminal, |k| std::env::var(k).ok()));
    print(
        |out| {
            if json { history::write_history_json(out, &h) } else { history::write_history(out, &h, &palette, width) }
        },
    )?;
    Ok(exit::SAME)
}

/// Whether `arg` names a stored edition (`SERIES@EDITION`) rather than a
/// file: it holds `@` and no `/`, and no file of that name exists.
fn is_stored(arg: &Path) -> bool {
    arg.to_str().is_some_and(|s| s.contains('@') && !s.contains(['/', '\\'])) && !arg.exists()
}

/// The edition `arg` names: a file, or a stored edition `SERIES@EDITION`.
pub fn resolve(arg: &Path, store: Option<&Path>) -> Result<Edition> {
    if is_stored(arg) {
        let edition = store::parse_ref(&arg.to_string_lossy())?;
        Ok(Store::open(&store_path(store))?.record(&edition)?.edition)
    } else {
        editions::parse_file(arg, &editions::segment::Options::default())
    }
}

/// The editions of a series, oldest first: the files of a folder, or, when
/// `arg` is no path but a series name, the editions stored for it.
pub fn series(arg: &Path, store: Option<&Path>) -> Result<Vec<Edition>> {
    match series_name(arg) {
        Some(series) => {
            let store = Store::open(&store_path(store))?;
            store
                .editions(series)?
                .iter()
                .map(|s| Ok(store.record(&store::parse_ref(&format!("{series}@{}", s.label))?)?.edition))
                .collect()
        }
        None => editions::read::series_files(arg)?
            .iter()
            .map(|f| editions::parse_file(&f.path, &editions::segment::Options::default()))
            .collect(),
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
    if !is_stored(old) && !is_stored(new) {
        return editions::compare_files(old, new, options, detector);
    }
    Ok(editions::compare(resolve(old, store)?, resolve(new, store)?, options, detector))
}
