//! `editions` as git's external diff: git calls `GIT_EXTERNAL_DIFF` (or a
//! `diff.<driver>.command`) with seven arguments, `path old-file old-hex
//! old-mode new-file new-hex new-mode` (nine for a rename: then the new
//! path and a rename note follow). That shape is told apart from a command
//! line before clap sees it, and the two files are compared as `editions
//! diff` compares them, named by `path`.

use crate::cli::{self, DiffFormatOut, Show};
use crate::cli_pager::{Output, Paging};
use editions::align::AlignOptions;
use editions::commitments::{CommitmentView, Detector, Lexicon};
use editions::error::exit;
use editions::model::{Edition, EditionMeta, Layout};
use editions::render::diff::DiffView;
use editions::render::palette::{ColorChoice, Role};
use editions::{Result, segment};
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Git's arguments to an external diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalDiff {
    /// The path in the repository (the new one for a rename).
    pub path: String,
    /// The path before a rename, when there was one.
    pub old_path: Option<String>,
    /// The file holding the old side; `None` when the path was added.
    pub old: Option<PathBuf>,
    /// The file holding the new side; `None` when the path was deleted.
    pub new: Option<PathBuf>,
    /// The two sides' object names, abbreviated as git does (`0000000`
    /// for a side that does not exist).
    pub index: (String, String),
}

/// Git's arguments, when `args` (without the program's name) have their
/// shape: seven (or nine) arguments whose third and sixth are object
/// names (hex) or `.`, and fourth and seventh file modes (octal) or `.`.
pub fn external_diff(args: &[OsString]) -> Option<ExternalDiff> {
    if args.len() != 7 && args.len() != 9 {
        return None;
    }
    let a: Vec<&str> = args.iter().map(|a| a.to_str()).collect::<Option<_>>()?;
    let hex = |s: &str| s == "." || (s.len() >= 7 && s.bytes().all(|b| b.is_ascii_hexdigit()));
    let mode = |s: &str| s == "." || (s.len() == 6 && s.bytes().all(|b| (b'0'..=b'7').contains(&b)));
    if !(hex(a[2]) && mode(a[3]) && hex(a[5]) && mode(a[6])) {
        return None;
    }
    // A side git has no file for is /dev/null with `.` for its name and mode.
    let side = |file: &str, mode: &str| (mode != ".").then(|| PathBuf::from(file));
    let (path, old_path) = match a.get(7) {
        Some(new_path) => (new_path.to_string(), Some(a[0].to_string())),
        None => (a[0].to_string(), None),
    };
    let short = |hex: &str| if hex == "." { "0000000".to_string() } else { hex.chars().take(7).collect() };
    Some(ExternalDiff {
        path,
        old_path,
        old: side(a[1], a[3]),
        new: side(a[4], a[6]),
        index: (short(a[2]), short(a[5])),
    })
}

/// Compares the two sides and writes `diff --editions a/PATH b/PATH` and
/// `index OLD..NEW` (the object names), as git heads its own diffs, then
/// the diff, to standard output (git pages it). The status is 0 whatever
/// the difference, as git expects of an external diff, unless
/// `GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE` is true: then 1 for differences.
pub fn run(git: &ExternalDiff) -> Result<i32> {
    let old_name = git.old_path.as_deref().unwrap_or(&git.path);
    let old = side(git.old.as_deref(), old_name)?;
    let new = side(git.new.as_deref(), &git.path)?;
    let detector = Detector::new(Lexicon::english());
    let cmp = editions::compare(old, new, &AlignOptions::default(), Some(&detector));
    let show = Show {
        format: DiffFormatOut::Text,
        commitments: false,
        view: DiffView { width: cli::terminal_width(), ..DiffView::default() },
        commitment_view: CommitmentView::default(),
        color: ColorChoice::Auto,
    };
    let palette = cli::palette_for(show.color);
    let mut out = Output::open(Paging::Never);
    let header = format!("diff --editions a/{old_name} b/{}\nindex {}..{}", git.path, git.index.0, git.index.1);
    writeln!(out, "{}", palette.paint(Role::Label, &header))
        .and_then(|()| cli::write_comparison(&mut out, &cmp, &show))
        .and_then(|()| out.finish())
        .map_err(cli::output_error)?;
    let trusted = std::env::var("GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE")
        .is_ok_and(|v| matches!(v.to_ascii_lowercase().as_str(), "true" | "yes" | "on" | "1"));
    Ok(if trusted && cmp.has_differences() { exit::DIFFERENT } else { exit::SAME })
}

/// One side: the edition in `file`, named by the repository's `path`; an
/// edition with no paragraph where git has no file (added or deleted).
fn side(file: Option<&Path>, path: &str) -> Result<Edition> {
    match file {
        Some(file) => {
            let bytes = editions::read::read_bytes(file)?;
            let mut edition = editions::parse_bytes(Path::new(path), bytes, &segment::Options::default())?;
            edition.path = path.to_string();
            Ok(edition)
        }
        None => Ok(Edition {
            path: "/dev/null".to_string(),
            meta: EditionMeta { label: "/dev/null".to_string(), date: None, date_from: None, title: None },
            layout: Layout::Unnumbered,
            headings: Vec::new(),
            paragraphs: Vec::new(),
            warnings: Vec::new(),
            skipped: Vec::new(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    #[test]
    fn git_s_seven_arguments() {
        let hex = "8c6b1d4e2f0a9b7c3d5e1f2a4b6c8d0e2f4a6b8c";
        let got = external_diff(&args(&["s.txt", "/tmp/x_s.txt", hex, "100644", "s.txt", hex, "100644"]));
        assert_eq!(
            got,
            Some(ExternalDiff {
                path: "s.txt".into(),
                old_path: None,
                old: Some("/tmp/x_s.txt".into()),
                new: Some("s.txt".into()),
                index: ("8c6b1d4".into(), "8c6b1d4".into()),
            })
        );
        // An added file: no old side.
        let got = external_diff(&args(&["s.txt", "/dev/null", ".", ".", "s.txt", hex, "100644"])).unwrap();
        assert_eq!((got.old, got.new), (None, Some("s.txt".into())));
        assert_eq!(got.index.0, "0000000");
        // A rename: nine arguments.
        let got =
            external_diff(&args(&["a.txt", "/tmp/a", hex, "100644", "/tmp/b", hex, "100644", "b.txt", "similarity"]))
                .unwrap();
        assert_eq!((got.path.as_str(), got.old_path.as_deref()), ("b.txt", Some("a.txt")));
    }

    #[test]
    fn command_lines_are_not_git_s() {
        assert_eq!(external_diff(&args(&["diff", "a.txt", "b.txt"])), None);
        assert_eq!(external_diff(&args(&["diff", "a", "b", "--width", "80", "--color", "never"])), None);
        assert_eq!(external_diff(&args(&["diff", "a", "abcdef12", "100644", "b", "abcdef12", "100644x"])), None);
    }
}
