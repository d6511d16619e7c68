//! `cargo bench`: each stage on the real editions and a generated pair.
//! Quote medians; this machine is shared.

use editions::align::AlignOptions;
use editions::{classify, parse_file, segment::Options};

mod common;
use common::{CABF_NEW, CABF_OLD, GEN_NEW, GEN_OLD, UN, path};

fn main() {
    divan::main();
}

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
