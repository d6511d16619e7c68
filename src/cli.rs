//! The command line: the only place that knows clap (and its completions
//! and man page). Flags become the library's option structs; errors become
//! one line on stderr and exit 2. Git's seven arguments to an external
//! diff are told apart before clap sees them (`cli_git.rs`).

use crate::cli_pager::{self, Output, Paging};
use crate::cli_progress::{self, Progress};
use crate::{cli_blame, cli_git, cli_store};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use editions::align::AlignOptions;
use editions::commitments::{CommitmentFilter, CommitmentView, Detector, Lexicon};
use editions::error::exit;
use editions::model::ChangeKind;
use editions::render::diff::{self, DiffView};
use editions::render::palette::{ColorChoice, Palette};
use editions::render::{self, html, json, markdown, text};
use editions::segment::{self, meta};
use editions::{Error, ErrorKind};
use std::ffi::OsString;
use std::io::IsTerminal;
use std::io::Write;
use std::path::PathBuf;

/// What `--help` says after the options, and the man page in sections of
/// its own: (title, text).
const NOTES: [(&str, &str); 4] = [
    (
        "INPUT",
        "Wherever an edition file is read, `-` reads standard input (its label is --label, else `stdin`), \
         and a pipe or a process substitution `<(...)` is read as a file. A series folder's editions are its \
         .txt, .md and .pdf files whose names hold a digit (a date, a version, a number); others, such as \
         README.md, are skipped and named on standard error.",
    ),
    ("EXIT STATUS", "0 no differences (or the command did its job), 1 differences, 2 trouble."),
    (
        "ENVIRONMENT",
        "EDITIONS_PAGER, else PAGER, is the pager (default `less -FRX`, run with LESS=FRX when LESS is unset); \
         NO_COLOR and TERM=dumb turn colour off, CLICOLOR_FORCE turns it on; COLUMNS is the width when the \
         output is no terminal; EDITIONS_STORE is the store.",
    ),
    (
        "GIT",
        "Given git's seven arguments, as GIT_EXTERNAL_DIFF or diff.<driver>.command, editions compares the \
         two files and exits 0 (1 for differences when GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE is true). \
         `editions parse --format plain` is a textconv: every paragraph whole, one block each.",
    ),
];

/// The command line's definition, with its notes: for parsing, completions
/// and the man page alike.
fn command() -> clap::Command {
    let heading = |title: &str| title[..1].to_string() + &title[1..].to_lowercase();
    let notes: Vec<String> = NOTES.iter().map(|(title, text)| format!("{}: {text}", heading(title))).collect();
    Cli::command().after_help(notes.join("\n\n"))
}

/// The man page of `cmd` (built), with the notes as sections of its own
/// on the page of editions itself.
fn write_man(out: &mut impl Write, cmd: clap::Command, notes: bool) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    if cmd.get_arguments().next().is_some() {
        man.render_options_section(out)?;
    }
    if cmd.has_subcommands() {
        man.render_subcommands_section(out)?;
    }
    if notes {
        for (title, text) in NOTES {
            writeln!(out, ".SH \"{title}\"")?;
            writeln!(out, "{}", roff_text(text))?;
        }
    }
    if cmd.get_version().is_some() {
        man.render_version_section(out)?;
    }
    Ok(())
}

/// `text` as a roff paragraph: backslashes and hyphens escaped, no line
/// starting with a control character.
fn roff_text(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) { format!("\\&{escaped}") } else { escaped }
}

#[derive(Parser)]
#[command(name = "editions", version, about = "Track what changed between editions of a long document")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The edition store, a bare git repository (default: EDITIONS_STORE, else ./editions.git).
    #[arg(long, global = true, value_name = "DIR")]
    store: Option<PathBuf>,
    /// When to page the output: auto (a terminal, output longer than the screen), always, never.
    #[arg(long, global = true, value_enum, default_value_t = PagingArg::Auto, value_name = "WHEN", overrides_with = "paging")]
    paging: PagingArg,
    /// Do not page the output (as --paging=never).
    #[arg(long, global = true)]
    no_pager: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Read an edition into headings, numbered paragraphs, sentences and footnotes.
    Parse {
        /// The edition's file, `-` for standard input, or a stored edition SERIES@EDITION.
        file: PathBuf,
        /// Output format: an outline, the editions/edition/1 JSON, or the whole text (plain: every
        /// paragraph in full, one block each, as a git textconv).
        #[arg(long, value_enum, default_value_t = ParseFormat::Text)]
        format: ParseFormat,
        /// The edition's label (default: from the file name; `stdin` for standard input).
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
        /// The old and new editions (files, `-` for standard input, or stored editions SERIES@EDITION), or one series folder or stored series (its two latest editions).
        #[arg(required = true, num_args = 1..=2, value_name = "OLD NEW | FOLDER")]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// Show unchanged paragraphs too.
        #[arg(long)]
        all: bool,
        /// Show only these kinds of change: unchanged,revised,moved,split,merged,new,dropped; with
        /// --commitments, of commitment: new,revised,stronger,weaker,dropped,unchanged.
        #[arg(long, value_delimiter = ',', value_name = "KINDS")]
        only: Vec<String>,
        /// Print the summary alone.
        #[arg(long)]
        stat: bool,
        /// When to colour: auto (a terminal, unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE forces), always, never.
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
        /// Write the output to FILE instead of standard output (any format; never paged).
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List the commitments of an edition: pledges, calls, obligations, prohibitions, reported ones.
    ///
    /// With --timeline and a series (folder or stored): every commitment with the edition it first
    /// appeared in, each revision with its strength change, and the edition that dropped it.
    Commitments {
        /// The edition's file, `-` for standard input, or a stored edition SERIES@EDITION; with
        /// --timeline a series folder, or a series in the store.
        file: PathBuf,
        /// Follow the commitments of a series (a folder, or a stored series) across its editions.
        #[arg(long)]
        timeline: bool,
        /// With --timeline, show only the commitments that are: new (after the first edition),
        /// revised, stronger, weaker (revised so, at least once), dropped (by the last edition),
        /// unchanged (never revised), restored, standing (in the last edition).
        #[arg(long, value_delimiter = ',', value_name = "KINDS", requires = "timeline")]
        only: Vec<String>,
        /// Output format (html: with --timeline, a self-contained page).
        #[arg(long, value_enum, default_value_t = CommitmentsFormat::Text)]
        format: CommitmentsFormat,
        /// A commitment lexicon to use instead of the default (`extends default` on its first line adds to it).
        #[arg(long, value_name = "FILE")]
        lexicon: Option<PathBuf>,
        /// When to colour: auto, always, never.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
        /// Write the output to FILE instead of standard output (never paged).
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Store editions in the edition store: one commit per edition on the series' branch.
    ///
    /// Files are stored in date order; an edition already stored is skipped; an
    /// edition older than the series' newest is refused (exit 2) and nothing is written.
    Snapshot {
        /// Edition files (`-` for standard input, with --edition), or series folders (their .txt,
        /// .md and .pdf files whose names hold a digit: a date, a version; README.md is skipped).
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
    /// Each sentence of an edition with the edition since which the series carries its wording,
    /// what it replaced, and where its oldest ancestor first appeared.
    ///
    /// Sentences are compared as normalised (spacing and hyphenation noise ignored), anywhere in
    /// each edition: a sentence that moved to another paragraph keeps its run.
    Blame {
        /// A stored series, SERIES[@EDITION], or a series folder, FOLDER[@EDITION] (default: the
        /// newest edition).
        #[arg(value_name = "SERIES[@EDITION] | FOLDER")]
        series: PathBuf,
        /// Only the paragraph with this label.
        label: Option<String>,
        /// Only the sentences that carry commitments (default lexicon).
        #[arg(long)]
        commitments: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = BlameFormat::Text)]
        format: BlameFormat,
        /// When to colour: auto, always, never.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
        /// Output width in columns (default: the terminal's, else COLUMNS, else 100).
        #[arg(long)]
        width: Option<usize>,
        /// Write the output to FILE instead of standard output (any format; never paged).
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write a shell's completions for editions to standard output.
    ///
    /// bash: `editions completions bash > ~/.local/share/bash-completion/completions/editions`;
    /// zsh: into a folder of $fpath as `_editions`; fish: `~/.config/fish/completions/editions.fish`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Write the man page (roff) to standard output: `editions man | man -l -`.
    Man {
        /// A command's own page (`editions man diff`), rather than the page of editions.
        command: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum PagingArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum ParseFormat {
    Text,
    Json,
    Plain,
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
    /// One self-contained page: both views, filters, the commitment ledger.
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum CommitmentsFormat {
    Text,
    Json,
    /// With --timeline: one self-contained page.
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum BlameFormat {
    Text,
    Json,
    /// One self-contained page: a gutter by age, the wording before in a fold.
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// Runs the command line and returns the exit status.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    let args: Vec<OsString> = args.into_iter().collect();
    if let Some(git) = cli_git::external_diff(args.get(1..).unwrap_or_default()) {
        return finish(cli_git::run(&git));
    }
    let cli = match command().try_get_matches_from(args).and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { exit::TROUBLE } else { exit::SAME };
        }
    };
    finish(execute(cli))
}

/// The exit status of a command's result; an error is one line on stderr.
fn finish(result: editions::Result<i32>) -> i32 {
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == &ErrorKind::Output => exit::SAME,
        Err(e) => {
            eprintln!("editions: {e}");
            e.code()
        }
    }
}

/// How a comparison is shown: the flags of `diff` that are not about its inputs.
pub(crate) struct Show {
    pub format: DiffFormatOut,
    pub commitments: bool,
    pub view: DiffView,
    pub commitment_view: CommitmentView,
    pub color: ColorChoice,
}

/// The formats of `diff`.
#[derive(Clone, Copy)]
pub(crate) enum DiffFormatOut {
    Text,
    Json,
    Markdown,
    Html,
}

/// Writes `cmp` as `show` says to `out`.
pub(crate) fn write_comparison(
    out: &mut impl Write,
    cmp: &editions::model::Comparison,
    show: &Show,
) -> std::io::Result<()> {
    let palette = || palette_for(show.color);
    let view = &show.view;
    match show.format {
        DiffFormatOut::Text if show.commitments => {
            render::commitments::write_changes(out, cmp, &palette(), &show.commitment_view, view.width)
        }
        DiffFormatOut::Text => diff::write_diff(out, cmp, &palette(), view),
        DiffFormatOut::Json => {
            json::write_diff(out, cmp, |c| !view.stat && (view.only.is_empty() || view.only.contains(&c.kind)))
        }
        DiffFormatOut::Markdown if show.commitments => markdown::write_commitments(out, cmp, &show.commitment_view),
        DiffFormatOut::Markdown => markdown::write_markdown(out, cmp, view),
        DiffFormatOut::Html => html::write_diff(out, cmp, &html::HtmlView { only: view.only.clone() }),
    }
}

/// `--paging` and `--no-pager` as one.
fn paging(cli: &Cli) -> Paging {
    match cli.paging {
        _ if cli.no_pager => Paging::Never,
        PagingArg::Auto => Paging::Auto,
        PagingArg::Always => Paging::Always,
        PagingArg::Never => Paging::Never,
    }
}

/// Opens the output for `paging`, runs `write` on it and finishes it (the
/// pager quit or the output flushed).
///
/// The renderers write in small pieces (a JSON string at a time); a buffer
/// before the output hands it large ones (the output's own dispatch per
/// piece cost 4 % of `parse --format json` on a long edition).
pub(crate) fn print(paging: Paging, write: impl FnOnce(&mut Buffered) -> std::io::Result<()>) -> editions::Result<()> {
    write_through(Output::open(paging), write)
}

/// Output written straight to standard output, never paged.
fn print_direct(write: impl FnOnce(&mut Buffered) -> std::io::Result<()>) -> editions::Result<()> {
    write_through(Output::direct(), write)
}

/// Output written to `file` when one is given (`-o FILE`, never paged),
/// else as [`print`] writes it.
pub(crate) fn print_to(
    file: Option<&std::path::Path>,
    paging: Paging,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> editions::Result<()> {
    let Some(path) = file else {
        return print(paging, |out| write(out));
    };
    let cannot = |e: std::io::Error| Error::file(ErrorKind::Io, path, format!("cannot write: {e}"));
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::fs::File::create(path).map_err(cannot)?);
    write(&mut out).and_then(|()| out.flush()).map_err(cannot)
}

/// The output with a buffer before it.
type Buffered = std::io::BufWriter<Output>;

fn write_through(out: Output, write: impl FnOnce(&mut Buffered) -> std::io::Result<()>) -> editions::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    write(&mut out)
        .and_then(|()| out.into_inner().map_err(std::io::IntoInnerError::into_error))
        .and_then(Output::finish)
        .map_err(output_error)
}

fn execute(cli: Cli) -> editions::Result<i32> {
    let paging = paging(&cli);
    let store = cli.store.as_deref();
    let json = |f: Format| matches!(f, Format::Json);
    match cli.command {
        Command::Parse { file, format, label, date } => {
            let options = segment::Options {
                label: label.as_deref().map(meta::check_label).transpose()?,
                date: date.as_deref().map(meta::check_date).transpose()?,
            };
            let edition = cli_store::resolve(&file, store, &options)?;
            print(paging, |out| match format {
                ParseFormat::Text => text::write_outline(out, &edition, &text::TextOptions { width: terminal_width() }),
                ParseFormat::Json => json::write_edition(out, &edition),
                ParseFormat::Plain => text::write_plain(out, &edition),
            })?;
            // The process ends now: freeing a long edition's paragraphs one by one was 2 % of parsing it.
            std::mem::forget(edition);
            Ok(exit::SAME)
        }
        Command::Commitments { file, format, lexicon, color, timeline: true, only, output } => {
            let only = only
                .iter()
                .map(|k| {
                    CommitmentFilter::from_name(k.trim()).ok_or_else(|| {
                        Error::new(
                            ErrorKind::Invalid,
                            format!("invalid --only kind '{k}': expected {}", CommitmentFilter::THREAD_NAMES),
                        )
                    })
                })
                .collect::<editions::Result<Vec<_>>>()?;
            let detector = detector(lexicon.as_deref())?;
            let progress = cli_progress::allowed_here(!matches!(format, CommitmentsFormat::Text));
            let editions = cli_store::series(&file, store, progress)?;
            let bar = Progress::new(Some(editions.len()), "following commitments", progress);
            let (editions, threads) = editions::commitments::timeline::timeline_with(
                editions,
                &detector,
                &AlignOptions::default(),
                &mut |k| bar.set(k + 1, ""),
            );
            bar.finish();
            let shown = |t: &editions::commitments::timeline::Thread| {
                only.is_empty() || only.iter().any(|f| f.matches_thread(t))
            };
            let palette = palette_for(color_choice(color));
            print_to(output.as_deref(), paging, |mut out| match format {
                CommitmentsFormat::Text => render::commitments::write_timeline(
                    &mut out,
                    &editions,
                    &threads,
                    &palette,
                    terminal_width(),
                    shown,
                ),
                CommitmentsFormat::Json => {
                    let threads: Vec<_> = threads.iter().filter(|t| shown(t)).cloned().collect();
                    json::write_timeline(&mut out, &editions, &threads)
                }
                CommitmentsFormat::Html => html::write_timeline(&mut out, &editions, &threads, shown),
            })?;
            Ok(exit::SAME)
        }
        Command::Commitments { file, format, lexicon, color, timeline: false, only: _, output } => {
            if matches!(format, CommitmentsFormat::Html) {
                return Err(Error::new(
                    ErrorKind::Invalid,
                    "--format html is for a series' timeline: add --timeline (one edition: text or json)",
                ));
            }
            let detector = detector(lexicon.as_deref())?;
            if file.is_dir() {
                return Err(Error::file(
                    ErrorKind::NotAFile,
                    &file,
                    "is a folder: give one edition's file, or --timeline to follow a series' commitments",
                ));
            }
            let edition = cli_store::resolve(&file, store, &segment::Options::default())?;
            let found = detector.edition(&edition);
            let palette = palette_for(color_choice(color));
            print_to(output.as_deref(), paging, |mut out| match format {
                CommitmentsFormat::Text => {
                    render::commitments::write_list(&mut out, &edition, &found, &palette, terminal_width())
                }
                CommitmentsFormat::Json | CommitmentsFormat::Html => {
                    json::write_commitments(&mut out, &edition, &found)
                }
            })?;
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
            output,
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
            let json_out = matches!(format, DiffFormat::Json | DiffFormat::Html);
            let (only, only_commitments) = if commitments && !json_out {
                (Vec::new(), commitment_kinds(&only)?)
            } else {
                (change_kinds(&only)?, Vec::new())
            };
            // With --no-commitments no lexicon is read.
            let detector = if no_commitments { None } else { Some(detector(lexicon.as_deref())?) };
            let detector = detector.as_ref();
            let options = AlignOptions { threshold };
            let bar = Progress::new(None, "comparing", cli_progress::allowed_here(json_out));
            let cmp = match series {
                Some(series) => cli_store::compare_latest(series, store, &options, detector)?,
                None => cli_store::compare(&old, &new, store, &options, detector)?,
            };
            bar.finish();
            let show = Show {
                format: match format {
                    DiffFormat::Text => DiffFormatOut::Text,
                    DiffFormat::Json => DiffFormatOut::Json,
                    DiffFormat::Markdown => DiffFormatOut::Markdown,
                    DiffFormat::Html => DiffFormatOut::Html,
                },
                commitments,
                view: DiffView { all, only, stat, width: width.unwrap_or_else(terminal_width) },
                commitment_view: CommitmentView { all, only: only_commitments },
                color: color_choice(color),
            };
            print_to(output.as_deref(), paging, |mut out| write_comparison(&mut out, &cmp, &show))?;
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
            cli_store::log(&cli_store::store_path(store), series.as_deref(), json(format), paging)
        }
        Command::Show { edition, para, format } => cli_store::show(
            &cli_store::store_path(store),
            &edition,
            para.as_deref(),
            json(format),
            terminal_width(),
            paging,
        ),
        Command::History { edition, label, format, color, width } => {
            let width = width.unwrap_or_else(terminal_width);
            let palette = palette_for(color_choice(color));
            cli_store::history(&cli_store::store_path(store), &edition, &label, json(format), &palette, width, paging)
        }
        Command::Blame { series, label, commitments, format, color, width, output } => {
            let palette = palette_for(color_choice(color));
            let format = match format {
                BlameFormat::Text => cli_blame::Format::Text,
                BlameFormat::Json => cli_blame::Format::Json,
                BlameFormat::Html => cli_blame::Format::Html,
            };
            let view = cli_blame::View { format, palette: &palette, width: width.unwrap_or_else(terminal_width) };
            cli_blame::blame(&series, label.as_deref(), commitments, store, &view, output.as_deref(), paging)
        }
        Command::Completions { shell } => {
            print_direct(|out| {
                clap_complete::generate(shell, &mut command(), "editions", out);
                Ok(())
            })?;
            Ok(exit::SAME)
        }
        Command::Man { command } => {
            let mut cli = self::command();
            cli.build();
            let page = match &command {
                None => cli.clone(),
                Some(name) => cli.find_subcommand(name).cloned().ok_or_else(|| {
                    Error::new(ErrorKind::Invalid, format!("no command '{name}': `editions man` lists them"))
                })?,
            };
            print_direct(|out| write_man(out, page, command.is_none()))?;
            Ok(exit::SAME)
        }
    }
}

/// `--only` of the paragraph view.
fn change_kinds(only: &[String]) -> editions::Result<Vec<ChangeKind>> {
    only.iter()
        .map(|k| {
            ChangeKind::from_name(k.trim()).ok_or_else(|| {
                Error::new(
                    ErrorKind::Invalid,
                    format!(
                        "invalid --only kind '{k}': expected unchanged, revised, moved, split, merged, new or dropped"
                    ),
                )
            })
        })
        .collect()
}

/// `--only` of the commitments view (`diff --commitments`).
fn commitment_kinds(only: &[String]) -> editions::Result<Vec<CommitmentFilter>> {
    only.iter()
        .map(|k| {
            CommitmentFilter::from_name(k.trim()).filter(|f| f.applies_to_changes()).ok_or_else(|| {
                Error::new(
                    ErrorKind::Invalid,
                    format!(
                        "invalid --only kind '{k}' with --commitments: expected {}",
                        CommitmentFilter::CHANGE_NAMES
                    ),
                )
            })
        })
        .collect()
}

/// The commitment detector: the default lexicon, or the one in `path`.
fn detector(path: Option<&std::path::Path>) -> editions::Result<Detector> {
    Ok(Detector::new(match path {
        Some(path) => Lexicon::from_file(path)?,
        None => Lexicon::english(),
    }))
}

fn color_choice(color: Color) -> ColorChoice {
    match color {
        Color::Auto => ColorChoice::Auto,
        Color::Always => ColorChoice::Always,
        Color::Never => ColorChoice::Never,
    }
}

/// The palette for `choice` on standard output (a terminal, or a pager
/// on one: colour is decided as for the terminal and kept through the
/// pager).
pub(crate) fn palette_for(choice: ColorChoice) -> Palette {
    let env = |k: &str| std::env::var(k).ok();
    let is_terminal = cli_pager::for_terminal(std::io::stdout().is_terminal(), env);
    Palette::new(choice.resolve(is_terminal, env))
}

/// The two latest editions of a series folder (its skipped files named on stderr).
fn latest_two(folder: &std::path::Path) -> editions::Result<(PathBuf, PathBuf)> {
    let files = cli_store::series_files(folder)?;
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
pub(crate) fn terminal_width() -> usize {
    terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)).filter(|&w| w >= 40).unwrap_or_else(width)
}

/// Output width: `COLUMNS`, else 100.
fn width() -> usize {
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).filter(|&w| w >= 40).unwrap_or(100)
}

/// A closed pipe (`| head`, a pager that quit) ends the command quietly;
/// other write errors are trouble.
pub(crate) fn output_error(e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Error::new(ErrorKind::Output, "output closed")
    } else {
        Error::new(ErrorKind::Io, format!("cannot write output: {e}"))
    }
}
