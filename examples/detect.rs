//! Times commitment detection alone on one edition, several rounds:
//! `cargo run --release --example detect -- FILE [ROUNDS]`.

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: detect FILE [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let edition =
        editions::parse_file(std::path::Path::new(path), &Default::default()).unwrap_or_else(|e| panic!("{e}"));
    let detector = editions::commitments::Detector::default();
    let mut times = Vec::new();
    for _ in 0..rounds {
        let t = Instant::now();
        let n = detector.edition(&edition).len();
        times.push(t.elapsed().as_secs_f64());
        std::hint::black_box(n);
    }
    times.sort_by(f64::total_cmp);
    eprintln!("{} paragraphs: median {:.3} s per round", edition.paragraphs.len(), times[times.len() / 2]);
}
