//! All integration tests, one binary. The real editions in `editions/` are
//! the fixtures; `tests/data/` holds what people labelled by reading them.

mod bad_input;
mod blame;
mod blame_html;
mod browser;
mod cabf;
mod cli;
mod commitments;
mod diff;
mod fdl;
mod fomc;
mod generator;
mod html;
mod layouts;
mod pdf;
mod props;
mod snapshots;
mod store;
mod un;

use editions::{Edition, parse_file, segment::Options};
use std::path::{Path, PathBuf};

/// The path of a shipped edition, from the crate root.
pub fn edition_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("editions").join(rel)
}

/// Parses a shipped edition.
pub fn parse(rel: &str) -> Edition {
    parse_file(&edition_path(rel), &Options::default()).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// All files of a shipped series, sorted by name.
pub fn series(name: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(edition_path(name))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// The labels of an edition's paragraphs.
pub fn labels(e: &Edition) -> Vec<&str> {
    e.paragraphs.iter().map(|p| p.label.as_str()).collect()
}

/// The text of the paragraph labelled `label`.
pub fn text<'a>(e: &'a Edition, label: &str) -> &'a str {
    &e.paragraph(label).unwrap_or_else(|| panic!("no paragraph {label}")).text
}
