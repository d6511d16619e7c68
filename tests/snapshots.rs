//! Snapshots of what a person reads: `editions parse` on real editions.

use crate::parse;
use editions::render::{json, text};

fn outline(rel: &str) -> String {
    let mut out = Vec::new();
    text::write_outline(&mut out, &parse(rel), &text::TextOptions { width: 100 }).unwrap();
    String::from_utf8(out).unwrap().replace(env!("CARGO_MANIFEST_DIR"), "")
}

#[test]
fn un_outline() {
    insta::assert_snapshot!(outline("un-trafficking-in-armed-conflict/2018-11-21_S-2018-1042.txt"));
}

#[test]
fn fdl_outline() {
    insta::assert_snapshot!(outline("gnu-fdl/GFDL-1.3-only.txt"));
}

#[test]
fn fomc_json() {
    let mut out = Vec::new();
    json::write_edition(&mut out, &parse("fomc-statements/2014-10-29.txt")).unwrap();
    let out = String::from_utf8(out).unwrap().replace(env!("CARGO_MANIFEST_DIR"), "");
    insta::assert_snapshot!(out);
}
