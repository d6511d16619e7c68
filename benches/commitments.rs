//! `cargo bench --bench commitments`: finding commitments in one edition,
//! and matching them between two, on the real editions and a generated pair.
//! Quote medians; this machine is shared.

use editions::align::AlignOptions;
use editions::commitments::{self, Detector};
use editions::{classify, parse_file, segment::Options};

mod common;
use common::{CABF_NEW, CABF_OLD, GEN_NEW, GEN_OLD, UN, path};

fn main() {
    divan::main();
}

#[divan::bench(args = [UN, CABF_NEW, GEN_NEW])]
fn detect_edition(bencher: divan::Bencher, file: &str) {
    let edition = parse_file(&path(file), &Options::default()).unwrap();
    let detector = Detector::default();
    bencher.bench(|| detector.edition(&edition).len());
}

#[divan::bench(args = [(CABF_OLD, CABF_NEW), (GEN_OLD, GEN_NEW)])]
fn compare_commitments(bencher: divan::Bencher, pair: (&str, &str)) {
    let old = parse_file(&path(pair.0), &Options::default()).unwrap();
    let new = parse_file(&path(pair.1), &Options::default()).unwrap();
    let cmp = classify::compare(old, new, &AlignOptions::default());
    let detector = Detector::default();
    bencher.with_inputs(|| cmp.clone()).bench_values(|mut cmp| {
        commitments::compare(&mut cmp, &detector);
        cmp.commitments.changes.len()
    });
}
