//! `cargo bench`: each stage on the real editions and a generated pair.
//! Quote medians; this machine is shared.

use editions::align::AlignOptions;
use editions::{classify, parse_file, segment::Options};
use std::path::{Path, PathBuf};

fn main() {
    divan::main();
}

fn path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

const UN: &str = "editions/un-trafficking-in-armed-conflict/2018-11-21_S-2018-1042.txt";
const CABF_OLD: &str = "editions/cabf-baseline-requirements/2025-12-16_v2.2.1.txt";
const CABF_NEW: &str = "editions/cabf-baseline-requirements/2026-04-01_v2.2.6.txt";
const GEN_OLD: &str = "tests/fixtures/generated/old_1000.txt";
const GEN_NEW: &str = "tests/fixtures/generated/new_1000.txt";

#[divan::bench]
fn parse_un_report() -> usize {
    parse_file(&path(UN), &Options::default()).unwrap().paragraphs.len()
}

#[divan::bench]
fn parse_cabf_edition() -> usize {
    parse_file(&path(CABF_NEW), &Options::default()).unwrap().paragraphs.len()
}

#[divan::bench(args = [(CABF_OLD, CABF_NEW), (GEN_OLD, GEN_NEW)])]
fn compare_parsed(bencher: divan::Bencher, pair: (&str, &str)) {
    let old = parse_file(&path(pair.0), &Options::default()).unwrap();
    let new = parse_file(&path(pair.1), &Options::default()).unwrap();
    bencher.bench(|| classify::compare(old.clone(), new.clone(), &AlignOptions::default()).changes.len());
}

#[divan::bench(args = [(CABF_OLD, CABF_NEW), (GEN_OLD, GEN_NEW)])]
fn diff_files(pair: (&str, &str)) -> usize {
    editions::compare_files(&path(pair.0), &path(pair.1), &AlignOptions::default(), None).unwrap().changes.len()
}
