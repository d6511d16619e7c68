//! Prints the lines the PDF reader finds, with where each was printed:
//! page, baseline, left and right edges, size (points) and weight.
//!
//! `cargo run --release --example pdf_lines -- FILE.pdf [PAGE]`

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(file) = args.next() else {
        eprintln!("usage: pdf_lines FILE.pdf [PAGE]");
        std::process::exit(2);
    };
    let page: Option<u32> = args.next().and_then(|p| p.parse().ok());
    let source = match editions::read::read_file(std::path::Path::new(&file)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("pdf_lines: {e}");
            std::process::exit(2);
        }
    };
    let Some(layout) = source.layout else {
        eprintln!("pdf_lines: {file} is not a PDF");
        std::process::exit(2);
    };
    for (text, b) in source.text.split('\n').zip(&layout) {
        if page.is_some_and(|p| p != b.page) {
            continue;
        }
        let pt = |v: i32| f64::from(v) / 10.0;
        println!(
            "p{:<3} y={:6.1} x={:5.1}..{:5.1} size={:4.1} {} {}",
            b.page,
            pt(b.y),
            pt(b.x0),
            pt(b.x1),
            pt(b.size),
            if b.bold { "B" } else { "." },
            text.trim_start_matches('\x0C')
        );
    }
    for w in &source.warnings {
        println!("warning: {w}");
    }
}
