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

fn comparison(old: &str, new: &str) -> editions::model::Comparison {
    let mut cmp = editions::classify::compare(parse(old), parse(new), &editions::align::AlignOptions::default());
    editions::commitments::compare(&mut cmp, &editions::commitments::Detector::default());
    cmp
}

/// `editions diff --commitments` where the Federal Reserve's December 2008
/// pledges changed in January 2009.
#[test]
fn fomc_commitments_view() {
    let cmp = comparison("fomc-statements/2008-12-16.txt", "fomc-statements/2009-01-28.txt");
    let mut out = Vec::new();
    editions::render::commitments::write_changes(
        &mut out,
        &cmp,
        &editions::render::palette::Palette::new(false),
        &editions::commitments::CommitmentView::default(),
        100,
    )
    .unwrap();
    insta::assert_snapshot!(String::from_utf8(out).unwrap());
}

/// `editions commitments` on the UN report.
#[test]
fn un_commitments_list() {
    let edition = parse("un-trafficking-in-armed-conflict/2018-11-21_S-2018-1042.txt");
    let found = editions::commitments::Detector::default().edition(&edition);
    let mut out = Vec::new();
    editions::render::commitments::write_list(
        &mut out,
        &edition,
        &found,
        &editions::render::palette::Palette::new(false),
        100,
    )
    .unwrap();
    insta::assert_snapshot!(String::from_utf8(out).unwrap());
}

fn render_diff(cmp: &editions::model::Comparison, color: bool, view: &editions::render::diff::DiffView) -> String {
    let mut out = Vec::new();
    editions::render::diff::write_diff(&mut out, cmp, &editions::render::palette::Palette::new(color), view).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn fdl_diff_text() {
    let cmp = comparison("gnu-fdl/GFDL-1.2-only.txt", "gnu-fdl/GFDL-1.3-only.txt");
    insta::assert_snapshot!(render_diff(&cmp, false, &Default::default()));
}

#[test]
fn fomc_diff_text_in_colour() {
    let cmp = comparison("fomc-statements/2016-07-27.txt", "fomc-statements/2016-09-21.txt");
    let view = editions::render::diff::DiffView { width: 80, ..Default::default() };
    insta::assert_snapshot!(render_diff(&cmp, true, &view));
}

#[test]
fn cabf_diff_markdown_splits_and_moves() {
    let cmp = comparison(
        "cabf-baseline-requirements/2025-12-16_v2.2.1.txt",
        "cabf-baseline-requirements/2026-04-01_v2.2.6.txt",
    );
    let view = editions::render::diff::DiffView {
        only: vec![editions::model::ChangeKind::Split, editions::model::ChangeKind::Moved],
        ..Default::default()
    };
    let mut out = Vec::new();
    editions::render::markdown::write_markdown(&mut out, &cmp, &view).unwrap();
    insta::assert_snapshot!(String::from_utf8(out).unwrap());
}

#[test]
fn fomc_diff_json() {
    let cmp = comparison("fomc-statements/2016-07-27.txt", "fomc-statements/2016-09-21.txt");
    let mut out = Vec::new();
    json::write_diff(&mut out, &cmp, |_| true).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let pretty = serde_json::to_string_pretty(&value).unwrap().replace(env!("CARGO_MANIFEST_DIR"), "");
    insta::assert_snapshot!(pretty);
}
