//! Writes generated edition pairs with their true mapping: for every P,
//! `OUTDIR/old_P.txt`, `OUTDIR/new_P.txt` and `OUTDIR/truth_P.json`, made
//! from the UN report S/2018/1042 (or `--source FILE`). The same arguments
//! always give the same bytes. The generator is `tests/generator.rs`, which
//! the tests use too.
//!
//! `cargo run --release --example gen_editions -- OUTDIR P [P ...] [--seed=N] [--no-pages] [--source=FILE]`

#[path = "../tests/generator.rs"]
mod generator;

use std::path::{Path, PathBuf};
use std::process::exit;

fn main() {
    let mut rng_seed = generator::DEFAULT_SEED;
    let mut pages = true;
    let mut source = Path::new(env!("CARGO_MANIFEST_DIR")).join(generator::SEED_REPORT);
    let mut rest = Vec::new();
    for arg in std::env::args().skip(1) {
        if let Some(n) = arg.strip_prefix("--seed=") {
            rng_seed = n.parse().unwrap_or_else(|_| usage(&format!("not a seed: {n}")));
        } else if let Some(f) = arg.strip_prefix("--source=") {
            source = PathBuf::from(f);
        } else if arg == "--no-pages" {
            pages = false;
        } else if arg.starts_with("--") {
            usage(&format!("unknown option {arg}"));
        } else {
            rest.push(arg);
        }
    }
    let Some((out, sizes)) = rest.split_first() else { usage("OUTDIR and a size are needed") };
    if sizes.is_empty() {
        usage("a size is needed");
    }
    let sizes: Vec<usize> = sizes
        .iter()
        .map(|p| p.parse().ok().filter(|&p| p > 0).unwrap_or_else(|| usage(&format!("not a size: {p}"))))
        .collect();
    let seed = generator::Seed::read(&source).unwrap_or_else(|e| {
        eprintln!("gen_editions: {}: {e}", source.display());
        exit(2)
    });
    eprintln!("{}", seed.summary());
    for p in sizes {
        let pair = generator::generate(&seed, p, rng_seed, pages);
        if let Err(e) = pair.write(Path::new(out)) {
            eprintln!("gen_editions: {out}: {e}");
            exit(2);
        }
        let kinds: Vec<String> = pair.truth.kind_counts_old.iter().map(|(k, n)| format!("{}: {n}", k.name())).collect();
        eprintln!(
            "P={p}: old {p} paras, new {} paras, kinds {{{}}}, inserted {}",
            pair.truth.p_new,
            kinds.join(", "),
            pair.truth.inserted_count
        );
    }
}

fn usage(why: &str) -> ! {
    eprintln!("gen_editions: {why}");
    eprintln!("usage: gen_editions OUTDIR P [P ...] [--seed=N] [--no-pages] [--source=FILE]");
    exit(2)
}
