//! `editions blame`: every sentence's `since` against a brute-force walk
//! back through the editions' sentences, on the shipped series; moved
//! sentences, sentences that come back; `changed`, `restored` and
//! `origin` on the FOMC's forward guidance, 2008 to 2015, as read in the
//! statements; the same answer from the store as from the folder.

use crate::edition_path;
use editions::Edition;
use editions::align::words::exact_hash;
use editions::blame::{self, Blame, SentenceBlame};
use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

/// The editions of a folder, oldest first, as `blame` orders them.
fn read_folder(folder: &Path) -> Vec<Edition> {
    let files = editions::read::series_files(folder).unwrap();
    let paths: Vec<_> = files.into_iter().map(|f| f.path).collect();
    editions::parse_files(&paths).unwrap()
}

fn shipped(name: &str) -> Vec<Edition> {
    read_folder(&edition_path(name))
}

fn blame_all(editions: &[Edition], target: usize) -> Blame {
    let lineages = blame::lineages(editions, &Default::default());
    blame::blame(editions, &lineages, target, &|_, _| true)
}

/// Each edition's sentences in comparison form.
fn forms(editions: &[Edition]) -> Vec<HashSet<u64>> {
    editions.iter().map(|e| e.paragraphs.iter().flat_map(|p| p.sentences()).map(exact_hash).collect()).collect()
}

/// `since` by brute force: back from `target` while the edition before
/// holds the wording, anywhere.
fn brute_since(forms: &[HashSet<u64>], target: usize, sentence: &str) -> usize {
    let h = exact_hash(sentence);
    let mut i = target;
    while i > 0 && forms[i - 1].contains(&h) {
        i -= 1;
    }
    i
}

/// Checks every sentence of edition `target`; returns how many sentences
/// moved from another paragraph's lineage and how many came back after a
/// gap, by brute force.
fn check_since(editions: &[Edition], forms: &[HashSet<u64>], target: usize) -> (usize, usize) {
    let b = blame_all(editions, target);
    let edition = &editions[target];
    let want: Vec<(String, Vec<&str>)> =
        edition.paragraphs.iter().map(|p| (p.label.clone(), p.sentences())).filter(|(_, s)| !s.is_empty()).collect();
    let got: Vec<(String, Vec<&str>)> =
        b.paragraphs.iter().map(|p| (p.label.clone(), p.sentences.iter().map(|s| s.text.as_str()).collect())).collect();
    assert_eq!(got, want, "{}: every sentence, in order", edition.meta.label);
    let (mut moved, mut back) = (0, 0);
    for p in &b.paragraphs {
        for s in &p.sentences {
            let since = brute_since(forms, target, &s.text);
            assert_eq!(
                b.editions[s.since].label, editions[since].meta.label,
                "{} ¶{}: {}",
                edition.meta.label, p.label, s.text
            );
            moved += usize::from(s.since < p.first);
            let h = exact_hash(&s.text);
            back += usize::from(since > 1 && forms[..since - 1].iter().any(|f| f.contains(&h)));
        }
    }
    (moved, back)
}

#[test]
fn since_agrees_with_brute_force_fomc() {
    let editions = shipped("fomc-statements");
    assert_eq!(editions.len(), 160);
    let forms = forms(&editions);
    let (mut moved, mut back) = (0, 0);
    // The newest, and one in every seven before it (the forward guidance years among them).
    let targets: Vec<usize> = (0..160).rev().step_by(7).collect();
    for target in targets {
        let (m, b) = check_since(&editions, &forms, target);
        moved += m;
        back += b;
    }
    assert!(moved > 0, "some sentences predate their paragraph's lineage: they moved into it");
    assert!(back > 0, "some sentences left and came back: their run starts again");
}

#[test]
fn since_agrees_with_brute_force_cabf_and_gfdl() {
    for series in ["cabf-baseline-requirements", "gnu-fdl"] {
        let editions = shipped(series);
        let forms = forms(&editions);
        check_since(&editions, &forms, editions.len() - 1);
    }
}

/// Writes editions into a temporary series folder: (file name, text).
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

const A: &str = "The Committee decided today to keep the target range for the federal funds rate unchanged.";
const B: &str = "Inflation has continued to run below the longer-run objective of two percent per year.";
const C: &str = "Household spending has been rising moderately and business investment has been soft lately.";
const D: &str = "Voting for the action were all members of the Committee, with none against it at all.";

#[test]
fn a_moved_sentence_keeps_its_run_and_one_that_comes_back_starts_again() {
    let dir = folder(&[
        ("2020-01-01.txt", &format!("{A} {B}\n\n{C}\n\n{D}\n")),
        // B moves to the second paragraph; D is left out.
        ("2020-02-01.txt", &format!("{A}\n\n{C} {B}\n")),
        // D comes back; A is reworded.
        ("2020-03-01.txt", &format!("{}\n\n{C} {B}\n\n{D}\n", A.replace("unchanged", "at 1 percent"))),
    ]);
    let editions = read_folder(dir.path());
    let b = blame_all(&editions, 2);
    let s: Vec<&SentenceBlame> = b.paragraphs.iter().flat_map(|p| &p.sentences).collect();
    let since: Vec<&str> = s.iter().map(|s| b.editions[s.since].label.as_str()).collect();
    assert_eq!(since, ["2020-03-01", "2020-01-01", "2020-01-01", "2020-03-01"]);
    let changed = s[0].changed.as_ref().expect("A was reworded");
    assert_eq!((changed.from, changed.label.as_str(), changed.before.as_str()), (1, "1", A));
    assert_eq!(s[0].origin, Some(0));
    let restored = s[3].restored.as_ref().expect("D came back");
    assert_eq!((restored.from, restored.label.as_str()), (0, "3"));
    assert_eq!((s[3].changed.as_ref(), s[3].origin), (None, Some(0)));
    assert_eq!((s[1].changed.as_ref(), s[1].restored.as_ref(), s[1].origin), (None, None, None));
}

/// The sentence of `label`'s blame (FOMC, at edition `at`) that holds `words`.
fn fomc_sentence<'b>(b: &'b Blame, words: &str) -> &'b SentenceBlame {
    let found: Vec<&SentenceBlame> =
        b.paragraphs.iter().flat_map(|p| &p.sentences).filter(|s| s.text.contains(words)).collect();
    assert_eq!(found.len(), 1, "one sentence with {words:?}");
    found[0]
}

/// (since, changed from, the paragraph there, the sentence replaced, origin), by labels.
fn provenance(b: &Blame, s: &SentenceBlame) -> (String, String, String, String, String) {
    let c = s.changed.as_ref().expect("reworded");
    let (before, after) = editions::classify::words::sides(&c.edits);
    assert_eq!((before.as_str(), after.as_str()), (c.before.as_str(), s.text.as_str()), "the diff rebuilds both");
    let name = |i: usize| b.editions[i].label.clone();
    (name(s.since), name(c.from), c.label.clone(), c.before.clone(), name(s.origin.expect("an origin")))
}

#[test]
fn forward_guidance_2008_to_2015_changed_and_origin() {
    let editions = shipped("fomc-statements");
    let lineages = blame::lineages(&editions, &Default::default());
    let at = |date: &str| {
        let target = editions.iter().position(|e| e.meta.label == date).unwrap();
        blame::blame(&editions, &lineages, target, &|_, _| true)
    };
    let s = |a: &str, b: &str, c: &str, d: &str, e: &str| {
        (a.to_string(), b.to_string(), c.to_string(), d.to_string(), e.to_string())
    };
    // "for some time" (2008-12-16, 2009-01-28) became "for an extended period" in a new
    // paragraph of 2009-03-18: the old one was dropped, so the sentence it replaced is found
    // elsewhere in the edition before.
    let b = at("2009-03-18");
    assert_eq!(
        provenance(&b, fomc_sentence(&b, "for an extended period")),
        s(
            "2009-03-18",
            "2009-01-28",
            "1",
            "The Committee continues to anticipate that economic conditions are likely to warrant exceptionally \
             low levels of the federal funds rate for some time.",
            "2008-12-16"
        )
    );
    let b = at("2008-12-16");
    let first = fomc_sentence(&b, "for some time");
    assert_eq!((b.editions[first.since].label.as_str(), &first.changed, first.origin), ("2008-12-16", &None, None));
    // The date-based guidance, 2011 and 2012; the thresholds of December 2012; their
    // reaffirmation in December 2013: each traced back to December 2008.
    let cases = [
        ("2011-08-09", "at least through mid-2013", "2011-06-22", "3", "for an extended period."),
        ("2012-01-25", "at least through late 2014", "2011-12-13", "4", "at least through mid-2013."),
        ("2012-12-12", "6-1/2 percent", "2012-10-24", "5", "are likely to be warranted at least through mid-2015."),
        ("2013-12-18", "reaffirmed its expectation", "2013-10-30", "5", "continue to be well anchored."),
    ];
    for (date, words, from, label, ending) in cases {
        let b = at(date);
        let (since, f, l, before, origin) = provenance(&b, fomc_sentence(&b, words));
        assert_eq!((since.as_str(), f.as_str(), l.as_str(), origin.as_str()), (date, from, label, "2008-12-16"));
        assert!(before.ends_with(ending), "{date}: {before}");
    }
    // "for a considerable time" after the thresholds: descended from December 2013's.
    let b = at("2014-03-19");
    let (since, from, _, before, origin) =
        provenance(&b, fomc_sentence(&b, "maintain the current target range for the federal funds rate for a"));
    assert_eq!((since.as_str(), from.as_str(), origin.as_str()), ("2014-03-19", "2014-01-29", "2013-12-18"));
    assert!(before.contains("6-1/2 percent"), "{before}");
    // The unscheduled statement of 2010-05-09 left out every sentence: on 2010-06-23 they came back.
    let b = at("2010-06-23");
    let hoenig = fomc_sentence(&b, "Voting against the policy action was Thomas M. Hoenig");
    let restored = hoenig.restored.as_ref().expect("back after 2010-05-09");
    assert_eq!(b.editions[hoenig.since].label, "2010-06-23");
    assert_eq!(b.editions[restored.from].label, "2010-04-28");
    assert_eq!(hoenig.changed, None);
}

fn editions_cmd() -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("editions"));
    c.env_remove("EDITIONS_STORE").env("NO_COLOR", "1");
    c
}

fn ok(args: &[&str]) -> String {
    let out = editions_cmd().args(args).output().unwrap();
    assert!(out.status.success(), "editions {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_store_gives_the_folders_answer() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("editions.git");
    let store = store.to_str().unwrap();
    let fomc = edition_path("fomc-statements");
    let fomc = fomc.to_str().unwrap();
    ok(&["snapshot", fomc, "--series", "fomc", "--store", store]);
    for (stored, folder) in [("fomc", fomc.to_string()), ("fomc@2013-12-18", format!("{fomc}@2013-12-18"))] {
        let a = ok(&["blame", stored, "--format", "json", "--store", store]);
        let b = ok(&["blame", &folder, "--format", "json", "--store", store]);
        assert_eq!(a, b, "{stored}");
        let doc: serde_json::Value = serde_json::from_str(&a).unwrap();
        assert_eq!(doc["schema"], "editions/blame/1");
    }
    // One paragraph; the sentences with commitments.
    let one = ok(&["blame", "fomc@2013-12-18", "5", "--format", "json", "--store", store]);
    let doc: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert_eq!(doc["paragraphs"].as_array().unwrap().len(), 1);
    assert_eq!(doc["paragraphs"][0]["label"], "5");
    let pledges = ok(&["blame", "fomc", "--commitments", "--format", "json", "--store", store]);
    let doc: serde_json::Value = serde_json::from_str(&pledges).unwrap();
    let n: usize = doc["paragraphs"].as_array().unwrap().iter().map(|p| p["sentences"].as_array().unwrap().len()).sum();
    let all: serde_json::Value = serde_json::from_str(&ok(&["blame", fomc, "--format", "json"])).unwrap();
    let total: usize =
        all["paragraphs"].as_array().unwrap().iter().map(|p| p["sentences"].as_array().unwrap().len()).sum();
    assert!(n > 0 && n < total, "{n} of {total}");
}

/// The blame of FOMC 2009-03-18's third paragraph.
fn blame_2009_03_18() -> Blame {
    let editions = shipped("fomc-statements");
    let target = editions.iter().position(|e| e.meta.label == "2009-03-18").unwrap();
    let lineages = blame::lineages(&editions[..=target], &Default::default());
    let p = editions[target].paragraphs.iter().position(|p| p.label == "3").unwrap();
    blame::blame(&editions, &lineages, target, &|q, _| q == p)
}

/// The blame of FOMC 2009-03-18's third paragraph, as `editions blame FOLDER@2009-03-18 3` prints it.
fn text_2009_03_18(color: bool) -> String {
    let mut out = Vec::new();
    let palette = editions::render::palette::Palette::new(color);
    editions::render::blame::write_blame(&mut out, &blame_2009_03_18(), &palette, 100).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn blame_json() {
    let mut out = Vec::new();
    editions::render::blame::write_blame_json(&mut out, &blame_2009_03_18()).unwrap();
    insta::assert_snapshot!(String::from_utf8(out).unwrap());
}

#[test]
fn blame_text() {
    insta::assert_snapshot!(text_2009_03_18(false));
}

#[test]
fn blame_text_in_colour() {
    insta::assert_snapshot!(text_2009_03_18(true));
}
