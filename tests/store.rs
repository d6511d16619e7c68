//! The edition store, judged by the real `git`: the 160 FOMC statements and
//! the 12 CA/B editions snapshotted once, then read with `git fsck`, `git
//! log`, `git show` and `git diff`; writers at once, a killed writer,
//! refused names and editions, stores that are not ours.

use crate::{edition_path, series};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const FOMC: &str = "fomc-statements";
const CABF: &str = "cabf";

fn editions() -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("editions"));
    c.env_remove("EDITIONS_STORE").env("NO_COLOR", "1");
    c
}

/// Runs `editions ARGS --store STORE`: (status, stdout, stderr).
fn run(store: &Path, args: &[&str]) -> (i32, String, String) {
    let out = editions().args(args).arg("--store").arg(store).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn ok(store: &Path, args: &[&str]) -> String {
    let (code, stdout, stderr) = run(store, args);
    assert_eq!(code, 0, "editions {args:?}: {stderr}");
    stdout
}

fn git(store: &Path, args: &[&str]) -> Output {
    Command::new("git").arg("-C").arg(store).args(args).output().expect("git is installed")
}

fn git_ok(store: &Path, args: &[&str]) -> String {
    let out = git(store, args);
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn folder(name: &str) -> String {
    edition_path(name).to_str().unwrap().to_string()
}

fn file(rel: &str) -> String {
    edition_path(rel).to_str().unwrap().to_string()
}

/// One store with every FOMC statement and every CA/B edition, made once
/// for all tests that only read it.
fn shared() -> &'static Path {
    static STORE: OnceLock<PathBuf> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("shared-store");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let store = dir.join("editions.git");
        ok(&store, &["snapshot", &folder("fomc-statements"), "--series", FOMC]);
        ok(&store, &["snapshot", &folder("cabf-baseline-requirements"), "--series", CABF]);
        store
    })
}

/// `git fsck --strict` finds nothing to say.
fn assert_fsck_clean(store: &Path) {
    let out = git(store, &["fsck", "--strict", "--no-dangling"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// Every file under `dir` with its bytes: to show that nothing was written.
fn contents(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    if dir.exists() {
        for e in walkdir::WalkDir::new(dir) {
            let e = e.unwrap();
            let bytes = if e.file_type().is_file() { std::fs::read(e.path()).unwrap() } else { Vec::new() };
            out.insert(e.path().to_path_buf(), bytes);
        }
    }
    out
}

fn stem(p: &Path) -> String {
    p.file_stem().unwrap().to_str().unwrap().to_string()
}

#[test]
fn git_fsck_strict_is_clean_after_both_series() {
    assert_fsck_clean(shared());
}

#[test]
fn git_log_lists_each_series_editions_with_their_real_dates() {
    let store = shared();
    let log = git_ok(store, &["log", "--reverse", "--date=short", "--format=%ad %cd %an %s", FOMC]);
    let lines: Vec<&str> = log.lines().collect();
    let files = series("fomc-statements");
    assert_eq!(lines.len(), 160);
    for (line, f) in lines.iter().zip(&files) {
        let d = stem(f);
        assert!(line.starts_with(&format!("{d} {d} editions {FOMC} {d}: ")), "{line}");
    }
    assert_eq!(lines[0], "1994-02-04 1994-02-04 editions fomc-statements 1994-02-04: first edition, 3 paragraphs");
    assert_eq!(lines[159], "2016-09-21 2016-09-21 editions fomc-statements 2016-09-21: 5 revised");

    let log = git_ok(store, &["log", "--reverse", "--date=short", "--format=%ad %s", CABF]);
    let want: Vec<String> = series("cabf-baseline-requirements")
        .iter()
        .map(|f| {
            let s = stem(f);
            let (date, label) = s.split_once('_').unwrap();
            format!("{date} {CABF} {label}:")
        })
        .collect();
    let got: Vec<String> = log.lines().map(|l| l.split_inclusive(':').next().unwrap().to_string()).collect();
    assert_eq!(got, want);
    // The tags name the editions; the store's HEAD is the first series stored.
    let tags = git_ok(store, &["tag", "--list", "cabf/*"]);
    assert_eq!(tags.lines().count(), 12);
    assert!(tags.contains("cabf/v2.2.6\n"), "{tags}");
    assert_eq!(git_ok(store, &["symbolic-ref", "HEAD"]), "refs/heads/fomc-statements\n");
    assert_eq!(git_ok(store, &["rev-parse", "--is-bare-repository"]), "true\n");
}

#[test]
fn git_show_of_each_tag_gives_the_source_byte_for_byte() {
    let store = shared();
    for f in series("fomc-statements") {
        let out = git(store, &["show", &format!("{FOMC}/{}:source.txt", stem(&f))]);
        assert!(out.status.success());
        assert!(out.stdout == std::fs::read(&f).unwrap(), "{}", f.display());
    }
    for f in series("cabf-baseline-requirements") {
        let label = stem(&f).split_once('_').unwrap().1.to_string();
        let out = git(store, &["show", &format!("{CABF}/{label}:source.txt")]);
        assert!(out.stdout == std::fs::read(&f).unwrap(), "{}", f.display());
    }
}

/// The lineage id of paragraph `label` of a stored edition.
fn lineage_of(store: &Path, edition: &str, label: &str) -> String {
    let out = ok(store, &["show", edition, "--para", label, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema"], "editions/paragraph/1");
    assert_eq!(v["label"], label);
    v["lineage"].as_str().unwrap().to_string()
}

#[test]
fn git_diff_between_two_tags_shows_the_paragraph_files_that_changed() {
    let store = shared();
    // 2016-07-27 → 2016-09-21: ¶1, ¶2, ¶3, ¶6 and ¶7 were revised, ¶4 and ¶5 not.
    let names = git_ok(store, &["diff", "--name-only", "fomc-statements/2016-07-27", "fomc-statements/2016-09-21"]);
    let mut want: Vec<String> = ["1", "2", "3", "6", "7"]
        .iter()
        .map(|l| format!("paragraphs/{}.txt", lineage_of(store, "fomc-statements@2016-09-21", l)))
        .collect();
    want.extend(["edition.json".to_string(), "source.txt".to_string()]);
    want.sort();
    assert_eq!(names.lines().collect::<Vec<_>>(), want);
    let stat = git_ok(store, &["diff", "--stat", "fomc-statements/2016-07-27", "fomc-statements/2016-09-21"]);
    // (edition.json gives each paragraph its line and end line.)
    assert!(stat.trim_end().ends_with("7 files changed, 69 insertions(+), 66 deletions(-)"), "{stat}");
    // One sentence per line: the unchanged ¶4 is the same file in both.
    let p4 = lineage_of(store, "fomc-statements@2016-09-21", "4");
    assert_eq!(lineage_of(store, "fomc-statements@2016-07-27", "4"), p4);
    let blob = git_ok(store, &["show", &format!("fomc-statements/2016-09-21:paragraphs/{p4}.txt")]);
    let para = crate::parse("fomc-statements/2016-09-21.txt");
    let sentences: Vec<&str> = para.paragraph("4").unwrap().sentences();
    assert_eq!(blob, sentences.iter().map(|s| format!("{s}\n")).collect::<String>());
    // git log -- paragraphs/<id>.txt lists the editions in which the paragraph changed.
    let life = git_ok(store, &["log", "--format=%s", "fomc-statements", "--", &format!("paragraphs/{p4}.txt")]);
    assert!(life.lines().count() >= 2, "{life}");
    assert!(life.lines().all(|l| l.starts_with("fomc-statements ")), "{life}");
}

#[test]
fn the_policy_tools_paragraph_of_2009_keeps_its_lineage() {
    // By reading: 2008-12-16 ¶5 ("The focus of the Committee's policy going
    // forward …", TALF, the balance sheet) becomes 2009-01-28 ¶4 ("The
    // Federal Reserve will employ all available tools … The focus of the
    // Committee's policy is …") and 2009-03-18 ¶3 ("In these circumstances,
    // the Federal Reserve will employ all available tools … $750 billion of
    // agency mortgage-backed securities …"); the aligner splits 2009-01-28
    // ¶4 into 2009-03-18 ¶3 and ¶1, and ¶3 keeps the lineage. It goes on as
    // ¶3 until the 2010-05-09 statement on dollar swap lines, which has no
    // such paragraph.
    let store = shared();
    let out = ok(store, &["history", "fomc-statements@2009-03-18", "3", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema"], "editions/history/1");
    let steps: Vec<(String, String, String)> = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["edition"]["label"].as_str().unwrap().into(),
                s["label"].as_str().unwrap().into(),
                s["kind"].as_str().unwrap().into(),
            )
        })
        .collect();
    let want = [
        ("2008-12-16", "5", "new"),
        ("2009-01-28", "4", "revised"),
        ("2009-03-18", "3", "split"),
        ("2009-04-29", "3", "revised"),
        ("2009-06-24", "3", "revised"),
    ];
    let got: Vec<(&str, &str, &str)> =
        steps.iter().take(5).map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str())).collect();
    assert_eq!(got, want);
    assert_eq!(steps.last().unwrap().0, "2010-04-28");
    assert_eq!(v["end"]["edition"]["label"], "2010-05-09");
    assert_eq!(v["end"]["how"], "dropped");
    let id = v["lineage"].as_str().unwrap();
    assert_eq!(lineage_of(store, "fomc-statements@2008-12-16", "5"), id);
    // The split's other part (2009-03-18 ¶1) records the paragraph it came from.
    let other = ok(store, &["show", "fomc-statements@2009-03-18", "--para", "1", "--format", "json"]);
    let other: serde_json::Value = serde_json::from_str(&other).unwrap();
    assert_ne!(other["lineage"], id);
    assert_eq!(other["parents"], serde_json::json!([id]));
    // The step's edits rebuild both texts.
    let step = &v["steps"][1];
    let (mut old, mut new) = (String::new(), String::new());
    for e in step["edits"].as_array().unwrap() {
        let t = e["text"].as_str().unwrap();
        match e["op"].as_str().unwrap() {
            "equal" => {
                old.push_str(t);
                new.push_str(t);
            }
            "delete" => old.push_str(t),
            _ => new.push_str(t),
        }
    }
    assert_eq!(old, v["steps"][0]["text"].as_str().unwrap());
    assert_eq!(new, step["text"].as_str().unwrap());
    assert!(new.starts_with("The Federal Reserve will employ all available tools"));

    let text = ok(store, &["history", "fomc-statements@2009-03-18", "3", "--width", "100"]);
    let heads: Vec<&str> = text.lines().filter(|l| !l.starts_with("    ") && !l.is_empty()).take(4).collect();
    assert_eq!(
        heads,
        [
            format!("fomc-statements lineage {id}: 12 editions, 2008-12-16 to 2010-04-28").as_str(),
            "2008-12-16  ¶5  new",
            "2009-01-28  ¶4  revised ¶5 → ¶4  similarity 0.62",
            "2009-03-18  ¶3  split from ¶4  similarity 0.43",
        ]
    );
}

#[test]
fn a_merge_ends_the_lineage_of_the_part_merged_in() {
    // 2009-01-28 ¶1 joins 2008-12-16 ¶1 (the target range) and the
    // forward-guidance sentence of ¶4 ("exceptionally low levels of the
    // federal funds rate for some time"): ¶1's lineage goes on, ¶4's ends.
    let store = shared();
    let out = ok(store, &["history", "fomc-statements@2008-12-16", "4", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["steps"].as_array().unwrap().len(), 1);
    assert_eq!(v["end"]["how"], "merged");
    assert_eq!(v["end"]["edition"]["label"], "2009-01-28");
    let into = lineage_of(store, "fomc-statements@2009-01-28", "1");
    assert_eq!(v["end"]["into"], into.as_str());
    assert_eq!(lineage_of(store, "fomc-statements@2008-12-16", "1"), into);
    let merged = ok(store, &["show", "fomc-statements@2009-01-28", "--para", "1", "--format", "json"]);
    let merged: serde_json::Value = serde_json::from_str(&merged).unwrap();
    assert_eq!(merged["parents"], serde_json::json!([into, v["lineage"]]));
}

#[test]
fn log_and_show_read_the_store() {
    let store = shared();
    let text = ok(store, &["log", FOMC]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "fomc-statements: 160 editions, 1994-02-04 to 2016-09-21");
    assert_eq!(lines.len(), 161);
    let words = |l: &str| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" ");
    assert_eq!(words(lines[1]), "1994-02-04 1994-02-04 3 ¶ first edition");
    assert_eq!(words(lines[2]), "1994-03-22 1994-03-22 1 ¶ 1 revised, 2 dropped");
    assert_eq!(words(lines[160]), "2016-09-21 2016-09-21 7 ¶ 2 unchanged, 5 revised");
    let commit = git_ok(store, &["rev-parse", "fomc-statements/2016-09-21"]);
    assert_eq!(lines[160].split_whitespace().next(), Some(&commit[..10]));
    let json = ok(store, &["log", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["schema"], "editions/log/1");
    let names: Vec<&str> = v["series"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, [CABF, FOMC]);
    let last = &v["series"][0]["editions"][11];
    assert_eq!(last["label"], "v2.2.6");
    assert_eq!(last["date"], "2026-04-01");
    assert_eq!(last["commit"], git_ok(store, &["rev-parse", "cabf/v2.2.6"]).trim());
    assert_eq!(last["paragraphs"], crate::parse("cabf-baseline-requirements/2026-04-01_v2.2.6.txt").paragraphs.len());

    // show: the outline of the stored edition, as `parse` prints the file.
    let shown = ok(store, &["show", "fomc-statements@2016-09-21"]);
    let parsed = editions().args(["parse", &file("fomc-statements/2016-09-21.txt")]).output().unwrap();
    let parsed = String::from_utf8(parsed.stdout).unwrap();
    assert_eq!(shown.lines().skip(1).collect::<Vec<_>>(), parsed.lines().skip(1).collect::<Vec<_>>());
    assert_eq!(shown.lines().next(), Some("2016-09-21  2016-09-21 (from the file name)  fomc-statements@2016-09-21"));
    // --format json: the stored edition.json, as git has it.
    let json = ok(store, &["show", "cabf@v1.3.2", "--format", "json"]);
    assert_eq!(json, git_ok(store, &["show", "cabf/v1.3.2:edition.json"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["schema"], "editions/stored/1");
    assert_eq!(v["edition"]["schema"], "editions/edition/1");
    assert_eq!(v["previous"], serde_json::Value::Null);
    assert_eq!(
        v["lineage"]["paragraphs"].as_array().unwrap().len(),
        v["edition"]["paragraphs"].as_array().unwrap().len()
    );
    let para = ok(store, &["show", "fomc-statements@2016-09-21", "--para", "6"]);
    assert!(para.starts_with("fomc-statements@2016-09-21 ¶6  lineage p"), "{para}");
    assert!(para.contains("Voting for the FOMC monetary policy action were: Janet L. Yellen, Chair;"), "{para}");

    let (code, _, stderr) = run(store, &["show", "fomc-statements@1999-01-01"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        format!(
            "editions: {}: series fomc-statements has no edition '1999-01-01'; `editions log fomc-statements` lists them\n",
            store.display()
        )
    );
    let (code, _, stderr) = run(store, &["log", "nope"]);
    assert_eq!(code, 2);
    assert!(stderr.ends_with("has no series 'nope'; `editions log` lists them\n"), "{stderr}");
    let (code, _, stderr) = run(store, &["history", "cabf@v2.2.6", "99.99:1"]);
    assert_eq!(code, 2);
    assert!(
        stderr.ends_with("cabf@v2.2.6 has no paragraph '99.99:1'; `editions show cabf@v2.2.6` lists them\n"),
        "{stderr}"
    );
}

#[test]
fn diff_takes_stored_editions_where_it_takes_files() {
    let store = shared();
    for (a, b, fa, fb) in [
        (
            "fomc-statements@2016-07-27",
            "fomc-statements@2016-09-21",
            "fomc-statements/2016-07-27.txt",
            "fomc-statements/2016-09-21.txt",
        ),
        (
            "cabf@v2.2.1",
            "cabf@v2.2.6",
            "cabf-baseline-requirements/2025-12-16_v2.2.1.txt",
            "cabf-baseline-requirements/2026-04-01_v2.2.6.txt",
        ),
    ] {
        let (code, stored, stderr) = run(store, &["diff", a, b, "--width", "100"]);
        assert_eq!(code, 1, "{stderr}");
        let (code, files, _) = run(store, &["diff", &file(fa), &file(fb), "--width", "100"]);
        assert_eq!(code, 1);
        assert_eq!(stored, files);
    }
    // A file and a stored edition mixed; EDITIONS_STORE names the store.
    let out = editions()
        .env("EDITIONS_STORE", store)
        .args(["diff", "fomc-statements@2016-09-21", &file("fomc-statements/2016-09-21.txt"), "--stat"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("7 unchanged, 0 revised"));
    // A path with a folder is a file, even with an @ in it.
    let (code, stdout, stderr) = run(store, &["diff", "/nowhere/a@b.txt", &file("fomc-statements/2016-09-21.txt")]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(stderr, "editions: /nowhere/a@b.txt: no such file\n");
    let (code, _, stderr) = run(store, &["diff", "fomc-statements@1900-01-01", "fomc-statements@2016-09-21"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("series fomc-statements has no edition '1900-01-01'"), "{stderr}");
}

/// A tempdir with copies of some FOMC statements.
fn some_fomc(names: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("fomc");
    std::fs::create_dir(&src).unwrap();
    for n in names {
        std::fs::copy(edition_path(&format!("fomc-statements/{n}.txt")), src.join(format!("{n}.txt"))).unwrap();
    }
    (dir, src)
}

#[test]
fn a_second_snapshot_of_the_same_editions_writes_nothing_and_says_so() {
    let (dir, src) = some_fomc(&["2016-03-16", "2016-04-27", "2016-06-15"]);
    let store = dir.path().join("s.git");
    let src = src.to_str().unwrap();
    let first = ok(&store, &["snapshot", src, "--series", "fomc"]);
    assert!(
        first.ends_with(&format!("fomc: 3 editions, 3 stored, 0 already stored, in {}\n", store.display())),
        "{first}"
    );
    assert!(first.starts_with("stored  fomc@2016-03-16  2016-03-16  first edition, 7 paragraphs\n"), "{first}");
    let before = contents(&store);
    let again = ok(&store, &["snapshot", src, "--series", "fomc"]);
    assert_eq!(again.lines().filter(|l| l.starts_with("already stored  fomc@2016-")).count(), 3, "{again}");
    assert!(
        again.ends_with(&format!("fomc: 3 editions, 0 stored, 3 already stored, in {}\n", store.display())),
        "{again}"
    );
    assert_eq!(contents(&store), before, "nothing written");
    // One new edition in the folder: only it is stored.
    std::fs::copy(edition_path("fomc-statements/2016-07-27.txt"), Path::new(src).join("2016-07-27.txt")).unwrap();
    let more = ok(&store, &["snapshot", src, "--series", "fomc"]);
    assert!(more.contains("stored  fomc@2016-07-27  2016-07-27  4 revised\n"), "{more}");
    assert!(more.contains("4 editions, 1 stored, 3 already stored"), "{more}");
    assert_eq!(git_ok(&store, &["rev-list", "--count", "fomc"]), "4\n");
    assert_fsck_clean(&store);
}

#[test]
fn an_older_edition_is_refused_and_nothing_is_written() {
    let (dir, src) = some_fomc(&["2016-06-15", "2016-07-27", "2016-09-21"]);
    let store = dir.path().join("s.git");
    ok(&store, &["snapshot", src.join("2016-07-27.txt").to_str().unwrap(), "--series", "fomc"]);
    let before = contents(&store);
    let older = src.join("2016-06-15.txt");
    let (code, stdout, stderr) = run(&store, &["snapshot", older.to_str().unwrap(), "--series", "fomc"]);
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        format!(
            "editions: {}: edition 2016-06-15 (2016-06-15) is older than the newest edition of series fomc (2016-07-27); \
             stored history is never rewritten: to insert it, snapshot the whole series in date order into a new series \
             (--series NAME) or a new store (--store DIR)\n",
            older.display()
        )
    );
    // With a newer edition beside it, still nothing is written.
    let (code, _, _) = run(&store, &["snapshot", src.to_str().unwrap(), "--series", "fomc"]);
    assert_eq!(code, 2);
    assert_eq!(contents(&store), before);
    // The documented way forward: the whole series, in order, as a new series.
    ok(&store, &["snapshot", src.to_str().unwrap(), "--series", "fomc-2"]);
    assert_eq!(git_ok(&store, &["rev-list", "--count", "fomc-2"]), "3\n");
    // The same label with other text is refused too.
    let (code, _, stderr) = run(
        &store,
        &["snapshot", src.join("2016-09-21.txt").to_str().unwrap(), "--series", "fomc", "--edition", "2016-07-27"],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("series fomc already has an edition '2016-07-27' with other text"), "{stderr}");
}

#[test]
fn refused_names_exit_2_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.git");
    let f = file("fomc-statements/2016-09-21.txt");
    for bad in ["../x", "a/b", "a b", "a\u{1}b", "x.lock", "-x", "x.", "a..b", ".x", "a@b", ""] {
        let (code, stdout, stderr) = run(&store, &["snapshot", &f, &format!("--series={bad}")]);
        assert_eq!(code, 2, "{bad:?}: {stderr}");
        assert_eq!(stdout, "");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("editions: invalid series name '"), "{stderr}");
        assert!(stderr.contains("use letters, digits, '.', '_' and '-'"), "{stderr}");
        let (code, _, stderr) = run(&store, &["snapshot", &f, "--series", "ok", &format!("--edition={bad}")]);
        assert_eq!(code, 2, "{bad:?}");
        assert!(stderr.starts_with("editions: invalid edition label '"), "{stderr}");
        assert!(!store.exists(), "{bad:?}: nothing written, not even the store");
    }
    // A file whose name gives a label git would reject.
    let odd = dir.path().join("2016-09-21_draft.lock.txt");
    std::fs::copy(&f, &odd).unwrap();
    let (code, _, stderr) = run(&store, &["snapshot", odd.to_str().unwrap(), "--series", "ok"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("invalid edition label 'draft.lock'"), "{stderr}");
    assert!(stderr.trim_end().ends_with("; give another with --edition"), "{stderr}");
    assert!(!store.exists());
    // And an existing store is left as it was.
    ok(&store, &["snapshot", &f, "--series", "ok"]);
    let before = contents(&store);
    for bad in ["../x", "a/b", "x.lock"] {
        assert_eq!(run(&store, &["snapshot", &f, &format!("--series={bad}")]).0, 2);
        assert_eq!(run(&store, &["show", &format!("{bad}@x")]).0, 2);
    }
    assert_eq!(contents(&store), before);
}

#[test]
fn a_store_that_is_not_a_bare_repository_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let f = file("fomc-statements/2016-09-21.txt");
    // A folder of other things.
    let notes = dir.path().join("notes");
    std::fs::create_dir(&notes).unwrap();
    std::fs::write(notes.join("todo.txt"), "buy milk\n").unwrap();
    // A damaged repository: HEAD overwritten.
    let damaged = dir.path().join("damaged.git");
    assert!(Command::new("git").args(["init", "-q", "--bare"]).arg(&damaged).status().unwrap().success());
    std::fs::write(damaged.join("HEAD"), "garbage\n").unwrap();
    // A work tree, and a plain file.
    let work = dir.path().join("work");
    assert!(Command::new("git").args(["init", "-q"]).arg(&work).status().unwrap().success());
    let plain = dir.path().join("plain.txt");
    std::fs::write(&plain, "x").unwrap();
    for store in [&notes, &damaged, &work, &plain] {
        let before = contents(dir.path());
        let (code, stdout, stderr) = run(store, &["snapshot", &f, "--series", "fomc"]);
        assert_eq!(code, 2, "{}: {stderr}", store.display());
        assert_eq!(stdout, "");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with(&format!("editions: {}: ", store.display())), "{stderr}");
        assert_eq!(contents(dir.path()), before, "{}", store.display());
        assert_eq!(run(store, &["log"]).0, 2);
    }
    let (_, _, stderr) = run(&notes, &["snapshot", &f, "--series", "fomc"]);
    assert_eq!(
        stderr,
        format!(
            "editions: {}: is not a bare git repository (it has no HEAD, objects or refs); it was left untouched\n",
            notes.display()
        )
    );
    let (_, _, stderr) = run(&damaged, &["snapshot", &f, "--series", "fomc"]);
    assert!(
        stderr.ends_with("is a damaged git repository (its HEAD names no ref); it was left untouched\n"),
        "{stderr}"
    );
    let (_, _, stderr) = run(&work, &["snapshot", &f, "--series", "fomc"]);
    assert!(stderr.contains("is a git work tree; an edition store is a bare repository"), "{stderr}");
    // No store at all: reading commands say how to make one.
    let (code, _, stderr) = run(&dir.path().join("none.git"), &["log"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no edition store here; `editions snapshot` creates one"), "{stderr}");
}

/// The first `n` FOMC statements, by the paths a folder snapshot uses.
fn first_fomc(n: usize) -> Vec<String> {
    series("fomc-statements").iter().take(n).map(|p| p.to_str().unwrap().to_string()).collect()
}

#[test]
fn writers_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.git");
    let files = first_fomc(60);
    let spawn = |files: &[String], series: &str| {
        editions()
            .arg("snapshot")
            .args(files)
            .args(["--series", series, "--store"])
            .arg(&store)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    // Two writers of the same series and one of another, on a store none has made yet.
    let children = [spawn(&files, FOMC), spawn(&files, FOMC), spawn(&files[30..], "other")];
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(git_ok(&store, &["rev-list", "--count", FOMC]), "60\n");
    assert_eq!(git_ok(&store, &["rev-list", "--count", "other"]), "30\n");
    assert_eq!(git_ok(&store, &["tag", "--list", "fomc-statements/*"]).lines().count(), 60);
    assert_eq!(git_ok(&store, &["tag", "--list", "other/*"]).lines().count(), 30);
    assert_fsck_clean(&store);
    // The same commits as one writer alone makes: commits are deterministic.
    let label = stem(Path::new(&files[59]));
    let tag = format!("fomc-statements/{label}");
    assert_eq!(git_ok(&store, &["rev-parse", &tag]), git_ok(shared(), &["rev-parse", &tag]));
}

#[test]
fn a_killed_writer_leaves_a_valid_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.git");
    let files = first_fomc(60);
    let mut child = editions()
        .arg("snapshot")
        .args(&files)
        .args(["--series", "fomc", "--store"])
        .arg(&store)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(400));
    let _ = child.kill();
    let _ = child.wait();
    if store.exists() {
        let out = git(&store, &["fsck", "--strict"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        // Every tag is on the branch.
        for tag in git_ok(&store, &["tag", "--list"]).lines() {
            assert!(git(&store, &["merge-base", "--is-ancestor", tag, "fomc"]).status.success(), "{tag}");
        }
    }
    // Running again finishes the work.
    let mut args = vec!["snapshot"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--series", "fomc"]);
    ok(&store, &args);
    assert_eq!(git_ok(&store, &["rev-list", "--count", "fomc"]), "60\n");
    assert_eq!(git_ok(&store, &["tag", "--list", "fomc/*"]).lines().count(), 60);
    assert_fsck_clean(&store);
}

#[test]
fn the_same_files_make_the_same_commits_wherever_they_are() {
    // Copies of the first 20 statements, in another folder, given by a relative path.
    let names: Vec<String> = series("fomc-statements").iter().take(20).map(|p| stem(p)).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let (dir, _) = some_fomc(&names);
    let out = editions()
        .current_dir(dir.path())
        .args(["snapshot", "fomc", "--series", FOMC, "--store", "s.git"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tag = format!("{FOMC}/{}", names[19]);
    let store = dir.path().join("s.git");
    assert_eq!(git_ok(&store, &["rev-parse", &tag]), git_ok(shared(), &["rev-parse", &tag]));
    let json = git_ok(&store, &["show", &format!("{tag}:edition.json")]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["edition"]["path"], format!("{}.txt", names[19]));
}

#[test]
fn an_edition_without_a_date_needs_one() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.git");
    let f = dir.path().join("statement.txt");
    std::fs::write(&f, "The Committee decided today to keep the target range.\n\nIt will reassess.\n").unwrap();
    let f = f.to_str().unwrap();
    let (code, stdout, stderr) = run(&store, &["snapshot", f, "--series", "s"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(stderr, format!("editions: {f}: has no date in its name or its text; give one with --date\n"));
    assert!(!store.exists());
    let out = ok(&store, &["snapshot", f, "--series", "s", "--date", "2020-05-01", "--edition", "may"]);
    assert!(out.starts_with("stored  s@may  2020-05-01  first edition, 2 paragraphs\n"), "{out}");
    assert_eq!(
        git_ok(&store, &["log", "--format=%ad %s", "--date=short", "s"]),
        "2020-05-01 s may: first edition, 2 paragraphs\n"
    );
    let (code, _, stderr) = run(&store, &["snapshot", f, "--series", "HEAD", "--date", "2020-05-01"]);
    assert_eq!(code, 2);
    assert_eq!(stderr, "editions: invalid series name 'HEAD': git refuses it as a branch name\n");
}

/// The commit message lists the commitments new, revised and dropped, and
/// `edition.json` records the edition's commitments and their counts.
#[test]
fn commits_record_the_commitments() {
    let store = shared();
    let message = git_ok(store, &["log", "-1", "--format=%B", &format!("{FOMC}/2009-01-28")]);
    assert!(message.contains("\n\nCommitments: 2 new, 2 revised (1 weaker), 3 dropped, 1 unchanged\n"), "{message}");
    assert!(
        message.contains(
            "\nRevised ¶5 → ¶4: pledge: will → stands ready to, weaker: \"The Federal Reserve continues to purchase"
        ),
        "{message}"
    );
    assert!(message.contains("\nNew ¶4: pledge (is prepared to) · The Committee: \"The Committee also is prepared to purchase longer-term Treasury securities"), "{message}");
    // A first edition counts its commitments; the first FOMC statement has none.
    let first = git_ok(store, &["log", "-1", "--format=%B", &format!("{CABF}/v1.3.2")]);
    assert!(
        first.trim_end().ends_with(
            "\n\nCommitments: 324 commitments (3 pledge, 1 call, 261 obligation, 54 prohibition, 5 reported)"
        ),
        "{first}"
    );
    let first = git_ok(store, &["log", "-1", "--format=%B", &format!("{FOMC}/1994-02-04")]);
    assert!(!first.contains("Commitments"), "{first}");
    let record: serde_json::Value =
        serde_json::from_str(&git_ok(store, &["show", &format!("{FOMC}/2009-01-28:edition.json")])).unwrap();
    assert_eq!(record["commitment_summary"]["weaker"], 1);
    assert_eq!(record["commitments"].as_array().unwrap().len(), 5);
    assert_eq!(record["commitments"][0]["type"], "pledge");
}

/// `editions commitments SERIES --timeline` on the store reads what the
/// same command reads from the folder.
#[test]
fn the_stored_timeline_is_the_folders() {
    let store = shared();
    let stored = ok(store, &["commitments", FOMC, "--timeline"]);
    let files = ok(store, &["commitments", &folder("fomc-statements"), "--timeline"]);
    assert_eq!(stored, files);
    assert!(stored.starts_with("160 editions, 1994-02-04 → 2016-09-21: "), "{stored}");
    let (code, _, err) = run(store, &["commitments", "no-such-series", "--timeline"]);
    assert_eq!((code, err.lines().count()), (2, 1), "{err}");
    assert!(err.contains("has no series 'no-such-series'"), "{err}");
}

/// `editions diff SERIES` compares the two latest stored editions, as
/// `editions diff FOLDER` does the two latest files.
#[test]
fn diff_of_a_stored_series_takes_its_two_latest_editions() {
    let store = shared();
    let (code, stored, err) = run(store, &["diff", FOMC, "--stat"]);
    assert_eq!((code, err.as_str()), (1, ""));
    let (_, files, _) = run(store, &["diff", &folder("fomc-statements"), "--stat"]);
    assert_eq!(stored, files);
    let (code, _, err) = run(store, &["diff", "no-such-series"]);
    assert_eq!((code, err.lines().count()), (2, 1), "{err}");
    assert!(err.contains("has no series 'no-such-series'"), "{err}");
}

/// Found in review: a stray tag, a work tree's `.git`, impossible dates
/// and dates before 1970 are refused before anything is written.
#[test]
fn stray_tags_work_trees_and_bad_dates_are_refused_before_writing() {
    let (dir, src) = some_fomc(&["1994-02-04", "1994-03-22"]);
    let store = dir.path().join("s.git");
    ok(&store, &["snapshot", src.to_str().unwrap(), "--series", FOMC]);
    let stamp = |store: &Path| contents(store);
    git_ok(&store, &["tag", "fomc-statements/x", "fomc-statements/1994-02-04"]);
    let before = stamp(&store);
    let (code, _, err) =
        run(&store, &["snapshot", &file("fomc-statements/1994-05-17.txt"), "--series", FOMC, "--edition", "x"]);
    assert_eq!((code, err.lines().count()), (2, 1), "{err}");
    assert!(err.contains("holds a tag fomc-statements/x"), "{err}");
    for date in ["1969-12-31", "2016-02-31"] {
        let (code, _, err) =
            run(&store, &["snapshot", &file("fomc-statements/1994-05-17.txt"), "--series", FOMC, "--date", date]);
        assert_eq!((code, err.lines().count()), (2, 1), "{date}: {err}");
    }
    assert_eq!(stamp(&store), before, "nothing written");

    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("wt");
    std::process::Command::new("git").args(["init", "-q"]).arg(&work).status().unwrap();
    let dot_git = work.join(".git");
    let before = stamp(&dot_git);
    let (code, _, err) = run(&dot_git, &["snapshot", &file("fomc-statements/1994-02-04.txt"), "--series", "a"]);
    assert_eq!((code, err.lines().count()), (2, 1), "{err}");
    assert!(err.contains("is a git work tree"), "{err}");
    assert_eq!(stamp(&dot_git), before, "the work tree's repository is left as it was");
}

/// `editions diff SERIES` compares stored editions even when files of
/// their `SERIES@EDITION` names lie in the current folder.
#[test]
fn diff_of_a_stored_series_ignores_files_named_like_its_editions() {
    let store = shared();
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(edition_path("fomc-statements/1994-02-04.txt"), dir.path().join(format!("{FOMC}@2016-09-21")))
        .unwrap();
    let out = editions()
        .current_dir(dir.path())
        .args(["--store", store.to_str().unwrap(), "diff", FOMC, "--stat"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("2016-07-27 → 2016-09-21: 7 → 7 paragraphs\n"));
}

#[test]
fn a_series_of_pdfs_is_stored_with_each_pdf_and_its_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("editions.git");
    ok(&store, &["snapshot", &folder("opcw-syria-chemical-weapons"), "--series", "opcw"]);
    let log = git_ok(&store, &["log", "--format=%ad %s", "--date=short", "opcw"]);
    assert_eq!(log.lines().count(), 7, "{log}");
    assert!(log.starts_with("2025-07-29 opcw S-2025-490: "), "{log}");
    let tree = git_ok(&store, &["ls-tree", "--name-only", "opcw/S-2025-490"]);
    assert_eq!(tree, "edition.json\nparagraphs\nsource.pdf\n");
    let stored = git(&store, &["show", "opcw/S-2025-490:source.pdf"]).stdout;
    let file = std::fs::read(edition_path("opcw-syria-chemical-weapons/2025-07-29_S-2025-490.pdf")).unwrap();
    assert!(stored == file, "the PDF is stored byte for byte");
    // The paragraphs are text, one file each: plain git shows what changed.
    let changed = git_ok(&store, &["diff", "--stat", "opcw/S-2025-427", "opcw/S-2025-490"]);
    assert!(changed.contains("paragraphs/"), "{changed}");
    let shown = ok(&store, &["show", "opcw@S-2025-490", "--para", "enclosure:7"]);
    assert!(shown.contains("This, the 142nd monthly report"), "{shown}");
}
