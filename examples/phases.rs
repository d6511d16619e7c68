//! Times each stage of `editions diff` on two files, one after the other
//! (the command runs the two parses at once): where the time goes.
//!
//! `cargo run --release --example phases -- OLD NEW`

use editions::align::AlignOptions;
use std::path::Path;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [old, new] = args.as_slice() else {
        eprintln!("usage: phases OLD NEW");
        std::process::exit(2);
    };
    let t = Instant::now();
    let old = editions::parse_file(Path::new(old), &Default::default()).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("parse old   {:>8.3} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let new = editions::parse_file(Path::new(new), &Default::default()).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("parse new   {:>8.3} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let groups = editions::align::align(&old.paragraphs, &new.paragraphs, &AlignOptions::default());
    eprintln!("align       {:>8.3} s  ({} groups)", t.elapsed().as_secs_f64(), groups.len());
    let t = Instant::now();
    let mut cmp = editions::classify::compare(old, new, &AlignOptions::default());
    eprintln!("compare     {:>8.3} s  (align again + classify)", t.elapsed().as_secs_f64());
    let detector = editions::commitments::Detector::default();
    let t = Instant::now();
    let found = detector.edition(&cmp.old).len() + detector.edition(&cmp.new).len();
    eprintln!("detect      {:>8.3} s  ({found} commitments, one thread)", t.elapsed().as_secs_f64());
    let t = Instant::now();
    editions::commitments::compare(&mut cmp, &detector);
    eprintln!("commitments {:>8.3} s  (detect on two threads + match)", t.elapsed().as_secs_f64());
    let t = Instant::now();
    editions::render::json::write_diff(&mut std::io::sink(), &cmp, |_| true).unwrap();
    eprintln!("json        {:>8.3} s", t.elapsed().as_secs_f64());
}
