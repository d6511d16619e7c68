//! The command line: the only place that knows clap. Flags become the
//! library's option structs; errors become one line on stderr and exit 2.

use clap::{Parser, Subcommand, ValueEnum};
use editions::error::exit;
use editions::render::{json, text};
use editions::segment::{self, meta};
use editions::{Error, ErrorKind};
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "editions", version, about = "Track what changed between editions of a long document")]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
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
    }
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
