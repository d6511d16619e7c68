//! The command line: the only place that knows clap. Flags become the
//! library's option structs; errors become one line on stderr and exit 2.

use crate::cli_store;
use clap::{Parser, Subcommand, ValueEnum};
use editions::align::AlignOptions;
use editions::commitments::{Detector, Lexicon};
use editions::error::exit;
use editions::model::ChangeKind;
use editions::render::diff::{self, DiffView};
use editions::render::palette::{ColorChoice, Palette};
use editions::render::{self, json, markdown, text};
use editions::segment::{self, meta};
use editions::{Error, ErrorKind};
use std::ffi::OsString;
use std::io::IsTerminal;
use std::io::Write;
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "editions", version, about = "Track what changed between editions of a long document")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The edition store, a bare git repository (default: EDITIONS_STORE, else ./editions.git).
    #[arg(long, global = true, value_name = "DIR")]
    store: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Read an edition into headings, numbered paragraphs, sentences and footnotes.
    Parse {
        /// The edition's file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// The edition's label (default: from the file name).
        #[arg(long)]
        label: Option<String>,
        /// The edition's date, YYYY-MM-DD (default: from the file name or the text).
        #[arg(long)]
        date: Option<String>,
    },
    /// Compare two editions: what is new, revised, moved, split, merged or dropped.
    ///
    /// Exit status: 0 no differences, 1 differences, 2 trouble.
    Diff {
        /// The old and new editions (files, or stored editions SERIES@EDITION), or one series folder or stored series (its two latest editions).
        #[arg(required = true, num_args = 1..=2, value_name = "OLD NEW | FOLDER")]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// Show unchanged paragraphs too.
        #[arg(long)]
        all: bool,
        /// Show only these kinds of change: unchanged,revised,moved,split,merged,new,dropped.
        #[arg(long, value_delimiter = ',', value_name = "KINDS")]
        only: Vec<String>,
        /// Print the summary alone.
        #[arg(long)]
        stat: bool,
        /// When to colour: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces), always, never.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
        /// Word similarity (0 to 1) a changed paragraph must keep to count as revised rather than dropped + new.
        #[arg(long, default_value_t = editions::align::DEFAULT_THRESHOLD)]
        threshold: f64,
        /// Output width in columns (default: the terminal's, else COLUMNS, else 100).
        #[arg(long)]
        width: Option<usize>,
        /// Show the commitments that are new, revised or dropped, not the paragraphs (text and Markdown; JSON always has them).
        #[arg(long)]
        commitments: bool,
        /// A commitment lexicon to use instead of the default (`extends default` on its first line adds to it).
        #[arg(long, value_name = "FILE")]
        lexicon: Option<PathBuf>,
        /// Do not look for commitments (faster; for documents the lexicon does not fit).
        #[arg(long, conflicts_with_all = ["commitments", "lexicon"])]
        no_commitments: bool,
    },
    /// List the commitments of an edition: pledges, calls, obligations, prohibitions, reported ones.
    ///
    /// With --timeline and a series (folder or stored): every commitment with the edition it first
    /// appeared in, each revision with its strength change, and the edition that dropped it.
    Commitments {
        /// The edition's file; with --timeline a series folder, or a series in the store.
        file: PathBuf,
        /// Follow the commitments of a series (a folder, or a stored series) across its editions.
        #[arg(long)]
        timeline: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// A commitment lexicon to use instead of the default (`extends default` on its first line adds to it).
        #[arg(long, value_name = "FILE")]
        lexicon: Option<PathBuf>,
        /// When to colour: auto, always, never.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
    /// Store editions in the edition store: one commit per edition on the series' branch.
    ///
    /// Files are stored in date order; an edition already stored is skipped; an
    /// edition older than the series' newest is refused (exit 2) and nothing is written.
    Snapshot {
        /// Edition files, or series folders (their .txt and .md files).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// The series (the branch): letters, digits, '.', '_', '-'.
        #[arg(long)]
        series: String,
        /// The edition's label, for a single file (default: from the file name).
        #[arg(long, value_name = "LABEL")]
        edition: Option<String>,
        /// The edition's date, YYYY-MM-DD, for a single file (default: from the file name or the text).
        #[arg(long)]
        date: Option<String>,
    },
    /// List the stored editions of a series (or of every series) with dates and change counts.
    Log {
        /// The series (default: every series).
        series: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Show a stored edition's outline, or one of its paragraphs with its lineage.
    Show {
        /// The stored edition, SERIES@EDITION.
        #[arg(value_name = "SERIES@EDITION")]
        edition: String,
        /// The paragraph's label.
        #[arg(long, value_name = "LABEL")]
        para: Option<String>,
        /// Output format (JSON: the stored edition.json, or editions/paragraph/1 with --para).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// A paragraph's whole lineage across the stored editions, with the word diff between each step.
    History {
        /// The stored edition, SERIES@EDITION.
        #[arg(value_name = "SERIES@EDITION")]
        edition: String,
        /// The paragraph's label in that edition.
        label: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// When to colour: auto, always, never.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
        /// Output width in columns (default: the terminal's, else COLUMNS, else 100).
        #[arg(long)]
        width: Option<usize>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// Runs the command line and returns the exit status.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { exit::TROUBLE } else { exit::SAME };
        }
    };
    match execute(cli) {
        Ok(code) => code,
        Err(e) if e.kind() == &ErrorKind::Output => exit::SAME,
        Err(e) => {
            eprintln!("editions: {e}");
            e.code()
        }
    }
}

fn execute(cli: Cli) -> editions::Result<i32> {
    let store = cli.store.as_deref();
    let json = |f: Format| matches!(f, Format::Json);
    match cli.command {
        Command::Parse { file, format, label, date } => {
            let options = segment::Options {
                label: label.as_deref().map(meta::check_label).transpose()?,
                date: date.as_deref().map(meta::check_date).transpose()?,
            };
            let edition = editions::parse_file(&file, &options)?;
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let written = match format {
                Format::Text => text::write_outline(&mut out, &edition, &text::TextOptions { width: width() }),
                Format::Json => json::write_edition(&mut out, &edition),
            };
            written.and_then(|()| out.flush()).map_err(output_error)?;
            Ok(exit::SAME)
        }
        Command::Commitments { file, format, lexicon, color, timeline: true } => {
            let detector = detector(lexicon.as_deref())?;
            let editions = cli_store::series(&file, store)?;
            let (editions, threads) =
                editions::commitments::timeline::timeline(editions, &detector, &AlignOptions::default());
            let stdout = std::io::stdout();
            let palette = palette(color, stdout.is_terminal());
            let mut out = std::io::BufWriter::new(stdout.lock());
            let written = match format {
                Format::Text => {
                    render::commitments::write_timeline(&mut out, &editions, &threads, &palette, terminal_width())
                }
                Format::Json => json::write_timeline(&mut out, &editions, &threads),
            };
            written.and_then(|()| out.flush()).map_err(output_error)?;
            Ok(exit::SAME)
        }
        Command::Commitments { file, format, lexicon, color, timeline: false } => {
            let detector = detector(lexicon.as_deref())?;
            if file.is_dir() {
                return Err(Error::file(
                    ErrorKind::NotAFile,
                    &file,
                    "is a folder: give one edition's file, or --timeline to follow a series' commitments",
                ));
            }
            let edition = editions::parse_file(&file, &segment::Options::default())?;
            let found = detector.edition(&edition);
            let stdout = std::io::stdout();
            let palette = palette(color, stdout.is_terminal());
            let mut out = std::io::BufWriter::new(stdout.lock());
            let written = match format {
                Format::Text => render::commitments::write_list(&mut out, &edition, &found, &palette, terminal_width()),
                Format::Json => json::write_commitments(&mut out, &edition, &found),
            };
            written.and_then(|()| out.flush()).map_err(output_error)?;
            Ok(exit::SAME)
        }
        Command::Diff {
            paths,
            format,
            all,
            only,
            stat,
            color,
            threshold,
            width,
            commitments,
            lexicon,
            no_commitments,
        } => {
            let series = match paths.as_slice() {
                // A name that is no path is a stored series, when there is a store.
                [name] if cli_store::store_path(store).exists() => cli_store::series_name(name),
                _ => None,
            };
            let (old, new) = match paths.as_slice() {
                _ if series.is_some() => (PathBuf::new(), PathBuf::new()),
                [folder] => latest_two(folder)?,
                [old, new] => (old.clone(), new.clone()),
                _ => unreachable!("clap takes one or two paths"),
            };
            if !(0.0..=1.0).contains(&threshold) {
                return Err(Error::new(
                    ErrorKind::Invalid,
                    format!("invalid --threshold {threshold}: expected 0 to 1"),
                ));
            }
            let only = only
                .iter()
                .map(|k| {
                    ChangeKind::from_name(k.trim()).ok_or_else(|| {
                        Error::new(ErrorKind::Invalid, format!("invalid --only kind '{k}': expected unchanged, revised, moved, split, merged, new or dropped"))
                    })
                })
                .collect::<editions::Result<Vec<_>>>()?;
            // With --no-commitments no lexicon is read.
            let detector = if no_commitments { None } else { Some(detector(lexicon.as_deref())?) };
            let detector = detector.as_ref();
            let options = AlignOptions { threshold };
            let cmp = match series {
                Some(series) => cli_store::compare_latest(series, store, &options, detector)?,
                None => cli_store::compare(&old, &new, store, &options, detector)?,
            };
            let view = DiffView { all, only, stat, width: width.unwrap_or_else(terminal_width) };
            let stdout = std::io::stdout();
            let is_terminal = stdout.is_terminal();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let written = match format {
                DiffFormat::Text if commitments => render::commitments::write_changes(
                    &mut out,
                    &cmp,
                    &palette(color, is_terminal),
                    view.all,
                    view.width,
                ),
                DiffFormat::Text => diff::write_diff(&mut out, &cmp, &palette(color, is_terminal), &view),
                DiffFormat::Json => json::write_diff(&mut out, &cmp, |c| {
                    !view.stat && (view.only.is_empty() || view.only.contains(&c.kind))
                }),
                DiffFormat::Markdown if commitments => markdown::write_commitments(&mut out, &cmp, view.all),
                DiffFormat::Markdown => markdown::write_markdown(&mut out, &cmp, &view),
            };
            written.and_then(|()| out.flush()).map_err(output_error)?;
            let code = if cmp.has_differences() { exit::DIFFERENT } else { exit::SAME };
            // The process ends now: freeing two large editions piece by piece is wasted time.
            std::mem::forget(cmp);
            Ok(code)
        }
        Command::Snapshot { paths, series, edition, date } => {
            let date = date.as_deref().map(meta::check_date).transpose()?;
            cli_store::snapshot(&cli_store::store_path(store), &paths, &series, edition, date, &AlignOptions::default())
        }
        Command::Log { series, format } => {
            cli_store::log(&cli_store::store_path(store), series.as_deref(), json(format))
        }
        Command::Show { edition, para, format } => {
            cli_store::show(&cli_store::store_path(store), &edition, para.as_deref(), json(format), terminal_width())
        }
        Command::History { edition, label, format, color, width } => {
            let color = match color {
                Color::Auto => ColorChoice::Auto,
                Color::Always => ColorChoice::Always,
                Color::Never => ColorChoice::Never,
            };
            let width = width.unwrap_or_else(terminal_width);
            cli_store::history(&cli_store::store_path(store), &edition, &label, json(format), color, width)
        }
    }
}

/// The commitment detector: the default lexicon, or the one in `path`.
fn detector(path: Option<&std::path::Path>) -> editions::Result<Detector> {
    Ok(Detector::new(match path {
        Some(path) => Lexicon::from_file(path)?,
        None => Lexicon::english(),
    }))
}

/// The palette for `--color` on this output.
fn palette(color: Color, is_terminal: bool) -> Palette {
    let choice = match color {
        Color::Auto => ColorChoice::Auto,
        Color::Always => ColorChoice::Always,
        Color::Never => ColorChoice::Never,
    };
    Palette::new(choice.resolve(is_terminal, |k| std::env::var(k).ok()))
}

/// The two latest editions of a series folder.
fn latest_two(folder: &std::path::Path) -> editions::Result<(PathBuf, PathBuf)> {
    let files = editions::read::series_files(folder)?;
    match files.as_slice() {
        [.., a, b] => Ok((a.path.clone(), b.path.clone())),
        _ => Err(Error::file(
            ErrorKind::Invalid,
            folder,
            format!("holds {} edition file(s); a comparison needs two", files.len()),
        )),
    }
}

/// The terminal's width, else `COLUMNS`, else 100.
fn terminal_width() -> usize {
    terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)).filter(|&w| w >= 40).unwrap_or_else(width)
}

/// Output width: `COLUMNS`, else 100.
fn width() -> usize {
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).filter(|&w| w >= 40).unwrap_or(100)
}

/// A closed pipe (`| head`) ends the command quietly; other write errors are trouble.
fn output_error(e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Error::new(ErrorKind::Output, "output closed")
    } else {
        Error::new(ErrorKind::Io, format!("cannot write output: {e}"))
    }
}
