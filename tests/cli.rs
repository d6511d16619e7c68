//! The command line beside the tools people already use: a pager, standard
//! input and pipes, git's external diff, difftool and textconv, shell
//! completions and the man page, progress kept off pipes, and the flags of
//! issue 15 (`TERM=dumb`, `--only` for commitments and timelines, stored
//! editions for `parse` and `commitments`, series folders with a README).

use crate::edition_path;
use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::Output;

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("editions")
}

/// `editions`, with no colour or pager settings inherited from the caller.
fn editions() -> Command {
    let mut c = Command::cargo_bin("editions").unwrap();
    for k in ["NO_COLOR", "CLICOLOR_FORCE", "TERM", "PAGER", "EDITIONS_PAGER", "LESS", "GIT_PAGER_IN_USE", "COLUMNS"] {
        c.env_remove(k);
    }
    c
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn fomc(date: &str) -> PathBuf {
    edition_path(&format!("fomc-statements/{date}.txt"))
}

/// `diff OLD NEW` of two FOMC statements, as owned arguments.
fn fomc_diff() -> Vec<String> {
    let path = |d: &str| fomc(d).to_str().unwrap().to_string();
    vec!["diff".to_string(), path("2016-07-27"), path("2016-09-21")]
}

fn opcw(name: &str) -> PathBuf {
    edition_path(&format!("opcw-syria-chemical-weapons/{name}.pdf"))
}

/// A pager that records its input and its `LESS` in `record`.
fn fake_pager(dir: &Path) -> (PathBuf, PathBuf) {
    let script = dir.join("pager.sh");
    let record = dir.join("paged.txt");
    std::fs::write(&script, format!("#!/bin/sh\ncat > '{0}'\necho \"LESS=$LESS\" >> '{0}'\n", record.display()))
        .unwrap();
    make_executable(&script);
    (script, record)
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_fake_pager_gets_the_output_and_its_colour() {
    let dir = tempfile::tempdir().unwrap();
    let (pager, record) = fake_pager(dir.path());
    let args = fomc_diff();
    let plain = editions().args(&args).output().unwrap();
    assert_eq!(plain.status.code(), Some(1));

    // --paging=always: the pager gets exactly what stdout would have, and LESS=FRX.
    let paged = editions().args(&args).arg("--paging=always").env("EDITIONS_PAGER", &pager).output().unwrap();
    assert_eq!(paged.status.code(), Some(1), "the diff's status, not the pager's");
    assert_eq!(paged.stdout, b"");
    let got = std::fs::read_to_string(&record).unwrap();
    assert_eq!(got, format!("{}LESS=FRX\n", text(&plain.stdout)));

    // A LESS of the user's is kept; PAGER serves when EDITIONS_PAGER is unset; colour asked for survives.
    std::fs::remove_file(&record).unwrap();
    editions()
        .args(&args)
        .args(["--paging", "always", "--color", "always"])
        .env("PAGER", &pager)
        .env("LESS", "-R")
        .output()
        .unwrap();
    let got = std::fs::read_to_string(&record).unwrap();
    assert!(got.contains("\u{1b}[31;9m") && got.ends_with("LESS=-R\n"), "{got}");

    // --no-pager and --paging=never win; an empty EDITIONS_PAGER or `cat` means no pager.
    std::fs::remove_file(&record).unwrap();
    for (flag, pager_env) in [("--no-pager", pager.to_str().unwrap()), ("--paging=never", pager.to_str().unwrap())] {
        let out = editions().args(&args).args(["--paging=always", flag]).env("EDITIONS_PAGER", pager_env).output();
        let out = out.unwrap();
        assert_eq!(out.stdout, plain.stdout, "{flag}");
    }
    for pager_env in ["", "cat"] {
        let out = editions().args(&args).arg("--paging=always").env("EDITIONS_PAGER", pager_env).output().unwrap();
        assert_eq!(out.stdout, plain.stdout, "{pager_env:?}");
    }
    assert!(!record.exists(), "no pager ran");

    // A pager that quits at once ends the command quietly.
    let out = editions().args(&args).arg("--paging=always").env("EDITIONS_PAGER", "true").output().unwrap();
    assert_eq!(text(&out.stderr), "");
}

/// Ctrl-C while the pager runs is the pager's (less stops a search with
/// it): `editions` waits for the pager and ends with the diff's status.
#[test]
fn an_interrupt_while_the_pager_runs_does_not_end_editions() {
    let dir = tempfile::tempdir().unwrap();
    let pager = dir.path().join("slow.sh");
    let record = dir.path().join("paged.txt");
    let started = dir.path().join("started");
    let script = format!("#!/bin/sh\ntouch '{}'\nsleep 1\ncat > '{}'\n", started.display(), record.display());
    std::fs::write(&pager, script).unwrap();
    make_executable(&pager);
    let mut child = std::process::Command::new(bin())
        .args(fomc_diff())
        .arg("--paging=always")
        .env("EDITIONS_PAGER", &pager)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // The pager runs once the diff is written: interrupt then.
    while !started.exists() {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let kill = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(kill.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "ended by the signal: {status:?}");
    assert!(std::fs::read_to_string(&record).unwrap().contains("¶7"));
}

/// In a terminal (a pseudo-terminal from `script`, where installed): output
/// longer than the screen goes through the pager, in colour; a short one
/// does not.
#[test]
fn in_a_terminal_long_output_is_paged_in_colour() {
    if std::process::Command::new("script").arg("--version").output().is_err() {
        eprintln!("`script` (util-linux) is not installed: the terminal test is skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (pager, record) = fake_pager(dir.path());
    let run = |rows: usize, args: &str| {
        let line = format!("stty rows {rows} cols 100; '{}' {args}", bin().display());
        std::process::Command::new("script")
            .args(["-qec", &line, "/dev/null"])
            .env("EDITIONS_PAGER", &pager)
            .env_remove("NO_COLOR")
            .env_remove("LESS")
            .env("TERM", "xterm")
            .output()
            .unwrap()
    };
    let diff = format!("diff '{}' '{}'", fomc("2016-07-27").display(), fomc("2016-09-21").display());
    let out = run(10, &diff);
    assert_eq!(text(&out.stdout), "", "all of it went to the pager: {}", text(&out.stderr));
    let got = std::fs::read_to_string(&record).unwrap();
    assert!(got.contains("\u{1b}[") && got.contains("¶7") && got.ends_with("LESS=FRX\n"), "{got}");
    std::fs::remove_file(&record).unwrap();
    let out = run(100, &format!("{diff} --stat"));
    assert!(text(&out.stdout).contains("2016-09-21") && text(&out.stdout).contains("revised"), "{}", text(&out.stdout));
    assert!(!record.exists(), "three lines fit on the screen");
    // TERM=dumb: no colour, even on a terminal.
    let line = format!("'{}' {diff}", bin().display());
    let out = std::process::Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env("TERM", "dumb")
        .env_remove("NO_COLOR")
        .env("EDITIONS_PAGER", "")
        .output()
        .unwrap();
    assert!(text(&out.stdout).contains("{+July+}") && !text(&out.stdout).contains("\u{1b}[3"), "{}", text(&out.stdout));
}

#[test]
fn term_dumb_means_no_colour_unless_asked() {
    let args = fomc_diff();
    let forced = editions().args(&args).env("CLICOLOR_FORCE", "1").env("TERM", "dumb").output().unwrap();
    assert!(text(&forced.stdout).contains("\u{1b}["), "CLICOLOR_FORCE still forces");
    let always = editions().args(&args).args(["--color", "always"]).env("TERM", "dumb").output().unwrap();
    assert!(text(&always.stdout).contains("\u{1b}["));
    let auto = editions().args(&args).env("GIT_PAGER_IN_USE", "true").env("TERM", "dumb").output().unwrap();
    assert!(!text(&auto.stdout).contains("\u{1b}["));
    let auto = editions().args(&args).env("GIT_PAGER_IN_USE", "true").env("TERM", "xterm").output().unwrap();
    assert!(text(&auto.stdout).contains("\u{1b}["), "under git's pager, colour as for its terminal");
}

#[test]
fn standard_input_is_an_edition() {
    let old = std::fs::read(fomc("2016-07-27")).unwrap();
    let new = fomc("2016-09-21");
    let from_files = editions().args(["diff", "--format", "json"]).arg(fomc("2016-07-27")).arg(&new).output().unwrap();
    let from_stdin = editions().args(["diff", "--format", "json", "-"]).arg(&new).write_stdin(old.clone()).output();
    let from_stdin = from_stdin.unwrap();
    assert_eq!(from_stdin.status.code(), Some(1), "{}", text(&from_stdin.stderr));
    let json = |o: &Output| serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap();
    let (a, b) = (json(&from_files), json(&from_stdin));
    assert_eq!(a["summary"], b["summary"]);
    assert_eq!(b["old"]["edition"]["label"], "stdin");
    assert_eq!(b["old"]["path"], "-");

    // The new side too, and --label/--date name it for parse.
    let out = editions()
        .args(["diff", "--stat"])
        .arg(fomc("2016-07-27"))
        .arg("-")
        .write_stdin(std::fs::read(&new).unwrap())
        .output()
        .unwrap();
    assert!(text(&out.stdout).starts_with("2016-07-27 → stdin"), "{}", text(&out.stdout));
    let out = editions()
        .args(["parse", "-", "--label", "sept", "--date", "2016-09-21", "--format", "json"])
        .write_stdin(std::fs::read(&new).unwrap())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((v["edition"]["label"].as_str(), v["edition"]["date"].as_str()), (Some("sept"), Some("2016-09-21")));

    // A PDF on standard input, known by its content.
    let pdf = std::fs::read(opcw("2025-07-29_S-2025-490")).unwrap();
    let from_file = editions().args(["parse", "--format", "json"]).arg(opcw("2025-07-29_S-2025-490")).output().unwrap();
    let from_stdin = editions().args(["parse", "--format", "json", "-"]).write_stdin(pdf.clone()).output().unwrap();
    assert_eq!(from_stdin.status.code(), Some(0), "{}", text(&from_stdin.stderr));
    let (a, b) = (json(&from_file), json(&from_stdin));
    assert_eq!(a["paragraphs"], b["paragraphs"]);
    assert_eq!(b["edition"]["label"], "stdin");

    // commitments of standard input; one standard input for two editions is refused.
    let out = editions().args(["commitments", "-"]).write_stdin(old.clone()).output().unwrap();
    assert!(text(&out.stdout).starts_with("stdin: 6 commitments"), "{}", text(&out.stdout));
    let out = editions().args(["diff", "-", "-"]).write_stdin(old).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), "editions: standard input (-) can be read once: give it for one edition\n");
}

#[test]
fn pipes_fifos_and_process_substitution_are_read_as_files() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("edition.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let bytes = std::fs::read(fomc("2016-09-21")).unwrap();
    let writer = {
        let (fifo, bytes) = (fifo.clone(), bytes.clone());
        std::thread::spawn(move || std::fs::write(fifo, bytes).unwrap())
    };
    let out = editions().args(["parse", "--format", "json"]).arg(&fifo).output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 7);

    // bash's <(…): /dev/fd/N, a pipe, for both editions.
    let out = std::process::Command::new("bash")
        .args(["-c", r#""$0" diff --stat <(cat "$1") <(cat "$2")"#])
        .arg(bin())
        .arg(fomc("2016-07-27"))
        .arg(fomc("2016-09-21"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("2 unchanged, 5 revised"), "{}", text(&out.stdout));
}

/// Runs git in `dir` with no configuration but the repository's.
fn git(dir: &Path, args: &[&str]) -> Output {
    let out = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_PAGER", "cat")
        .env_remove("GIT_EXTERNAL_DIFF")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(out.status.success() || args.contains(&"--exit-code"), "git {args:?}: {}", text(&out.stderr));
    out
}

/// A repository whose `name` held `old`, then `new`: two commits.
fn repository(name: &str, old: &Path, new: &Path, attributes: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    git(d, &["config", "user.name", "t"]);
    git(d, &["config", "user.email", "t@localhost"]);
    if let Some(a) = attributes {
        std::fs::write(d.join(".gitattributes"), a).unwrap();
    }
    std::fs::copy(old, d.join(name)).unwrap();
    git(d, &["add", "."]);
    git(d, &["commit", "-qm", "old"]);
    std::fs::copy(new, d.join(name)).unwrap();
    git(d, &["commit", "-qam", "new"]);
    dir
}

#[test]
fn git_external_diff_prints_the_editions_diff() {
    let repo = repository("statement.txt", &fomc("2016-07-27"), &fomc("2016-09-21"), None);
    let d = repo.path();
    let ext = |extra: &[(&str, &str)], args: &[&str]| {
        let mut c = std::process::Command::new("git");
        c.args(args).current_dir(d).env("GIT_CONFIG_NOSYSTEM", "1").env("GIT_CONFIG_GLOBAL", "/dev/null");
        c.env("GIT_EXTERNAL_DIFF", bin()).env("GIT_PAGER", "cat").env_remove("NO_COLOR").env_remove("LESS");
        for (k, v) in extra {
            c.env(k, v);
        }
        c.output().unwrap()
    };
    let out = ext(&[], &["diff", "HEAD~1", "HEAD"]);
    assert!(out.status.success(), "git stops when an external diff exits non-zero: {}", text(&out.stderr));
    let got = text(&out.stdout);
    let got_external = got.clone();
    let want =
        editions().args(["diff", "--width", "100"]).arg(fomc("2016-07-27")).arg(fomc("2016-09-21")).output().unwrap();
    let body = |s: &str| s.lines().skip(1).map(str::to_string).collect::<Vec<_>>();
    let blob = |rev: &str| text(&git(d, &["rev-parse", "--short=7", rev]).stdout).trim().to_string();
    let blobs = [blob("HEAD~1:statement.txt"), blob("HEAD:statement.txt")];
    let head = format!(
        "diff --editions a/statement.txt b/statement.txt\nindex {}..{}\nstatement → statement: 7 → 7 paragraphs\n",
        blobs[0], blobs[1]
    );
    assert!(got.starts_with(&head), "{got}");
    assert_eq!(body(&got)[2..], body(&text(&want.stdout))[..], "the same diff as editions diff gives");

    // With GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE, 1 says the files differ.
    let out = ext(&[("GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE", "true")], &["diff", "--exit-code", "HEAD~1", "HEAD"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let out = ext(&[("GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE", "true")], &["diff", "--exit-code", "HEAD", "HEAD"]);
    assert_eq!(out.status.code(), Some(0));

    // A file added: every paragraph new, against git's /dev/null.
    let out = ext(&[], &["diff", "HEAD~1", "HEAD", "--", "statement.txt"]);
    assert!(out.status.success());
    std::fs::copy(fomc("2016-01-27"), d.join("january.txt")).unwrap();
    git(d, &["add", "january.txt"]);
    let out = ext(&[], &["diff", "--cached"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let got = text(&out.stdout);
    assert!(got.starts_with("diff --editions a/january.txt b/january.txt\nindex 0000000.."), "{got}");
    assert!(got.contains("\n/dev/null → january: 0 → 7 paragraphs\n"), "{got}");
    assert!(got.contains("0 unchanged, 0 revised, 0 moved, 0 split, 0 merged, 7 new, 0 dropped"), "{got}");

    // As a diff driver's command for the paths .gitattributes names.
    std::fs::write(d.join(".gitattributes"), "*.txt diff=editions\n").unwrap();
    git(d, &["config", "diff.editions.command", bin().to_str().unwrap()]);
    let out = git(d, &["diff", "HEAD~1", "HEAD", "--", "statement.txt"]);
    assert_eq!(text(&out.stdout), got_external, "the driver's command runs as GIT_EXTERNAL_DIFF does");

    // As a difftool: `git difftool -x 'editions diff'`.
    let tool = format!("'{}' diff --stat", bin().display());
    let out = git(d, &["difftool", "-y", "-x", &tool, "HEAD~1", "HEAD", "--", "statement.txt"]);
    let got = text(&out.stdout);
    assert!(got.contains("7 → 7 paragraphs") && got.contains("2 unchanged, 5 revised"), "{got}");
}

#[test]
fn git_textconv_shows_a_paragraph_level_diff_of_pdfs() {
    let old = opcw("2025-06-27_S-2025-427");
    let new = opcw("2025-07-29_S-2025-490");
    let repo = repository("report.pdf", &old, &new, Some("*.pdf diff=editions\n"));
    let d = repo.path();
    let textconv = format!("'{}' parse --format plain", bin().display());
    git(d, &["config", "diff.editions.textconv", &textconv]);
    let got = text(&git(d, &["diff", "HEAD~1", "HEAD"]).stdout);
    assert!(got.contains("\n-S-2025-427  2025-06-27\n") && got.contains("\n+S-2025-490  2025-07-29\n"), "{got}");
    assert!(got.contains("-¶enclosure:7  This, the 141st monthly report"), "{got}");
    assert!(got.contains("+¶enclosure:7  This, the 142nd monthly report"), "{got}");
    let shortened: Vec<&str> = got.lines().filter(|l| l.contains('…')).collect();
    assert!(shortened.is_empty(), "nothing shortened: {shortened:?}");
    // Each changed paragraph is printed whole: the line is the paragraph as parsed.
    let edition = editions::parse_file(&new, &editions::segment::Options::default()).unwrap();
    let added: Vec<&str> = got.lines().filter(|l| l.starts_with("+¶")).collect();
    assert!(added.len() >= 10, "{got}");
    for line in added {
        let (label, body) = line[3..].split_once("  ").unwrap();
        let p = edition.paragraph(label).unwrap_or_else(|| panic!("no ¶{label}"));
        assert_eq!(body, p.text.lines().next().unwrap());
    }
    // `git log -p` uses it too.
    let log = text(&git(d, &["log", "-p", "-1"]).stdout);
    assert!(log.contains("+¶front:1  I have the honour to transmit herewith the 142nd monthly report"), "{log}");
}

#[test]
fn completions_for_five_shells_and_a_man_page() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = editions().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = text(&out.stdout);
        for word in ["diff", "commitments", "snapshot", "completions", "--paging"] {
            assert!(script.contains(word), "{shell}: {word}");
        }
        if shell == "bash" {
            let path = dir.path().join("editions.bash");
            std::fs::write(&path, &script).unwrap();
            let check = std::process::Command::new("bash").arg("-n").arg(&path).output().unwrap();
            assert!(check.status.success(), "bash -n: {}", text(&check.stderr));
        }
    }
    let bad = editions().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));

    let roff = text(&editions().arg("man").output().unwrap().stdout);
    assert!(roff.contains(".TH editions 1"), "{roff}");
    for section in ["SYNOPSIS", "OPTIONS", "SUBCOMMANDS"] {
        assert!(roff.contains(&format!(".SH {section}\n")), "{section}");
    }
    for section in ["INPUT", "EXIT STATUS", "ENVIRONMENT", "GIT"] {
        assert!(roff.contains(&format!(".SH \"{section}\"\n")), "{section}");
    }
    for sub in ["parse", "diff", "commitments", "snapshot", "log", "show", "history", "completions", "man"] {
        assert!(roff.contains(&format!("editions\\-{sub}(1)")), "{sub}");
    }
    let diff = text(&editions().args(["man", "diff"]).output().unwrap().stdout);
    assert!(diff.contains(".TH editions-diff 1") && diff.contains("\\-\\-only"), "{diff}");
    let nope = editions().args(["man", "nope"]).output().unwrap();
    assert_eq!(nope.status.code(), Some(2));

    // Rendered by man itself, where installed.
    let page = dir.path().join("editions.1");
    std::fs::write(&page, &roff).unwrap();
    match std::process::Command::new("man").arg("-l").arg(&page).env("MANPAGER", "cat").env("MANWIDTH", "80").output() {
        Ok(out) => {
            assert!(out.status.success(), "man -l: {}", text(&out.stderr));
            let shown = text(&out.stdout);
            assert!(shown.contains("EXIT STATUS") && shown.contains("editions-diff(1)"), "{shown}");
        }
        // CI installs man-db (.ci/run): there the page must be rendered.
        Err(_) if std::env::var_os("CI").is_some() => panic!("`man` is needed in CI to render the man page"),
        Err(_) => eprintln!("`man` is not installed: the roff is checked, not rendered"),
    }
}

#[test]
fn no_progress_in_pipes_or_json() {
    // Standard error is a pipe here: a timeline of 160 editions draws nothing on it.
    let folder = edition_path("fomc-statements");
    let out = editions().args(["commitments", "--timeline"]).arg(&folder).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn only_selects_commitments_in_the_view_and_the_timeline() {
    let (old, new) = (fomc("2008-12-16"), fomc("2009-01-28"));
    let run = |only: &str| {
        let out = editions().args(["diff", "--commitments", "--only", only]).arg(&old).arg(&new).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let marks = |s: &str| s.lines().filter(|l| l.contains('◆')).map(str::to_string).collect::<Vec<_>>();
    assert_eq!(marks(&run("weaker")), ["¶5 → ¶4  ◆ revised pledge: will → stands ready to, weaker"]);
    let dropped = marks(&run("dropped"));
    assert_eq!(dropped.len(), 3);
    assert!(dropped.iter().all(|l| l.contains("◆ dropped")));
    assert_eq!(marks(&run("new,dropped")).len(), 5);
    assert_eq!(marks(&run("unchanged")).len(), 1);
    let bad = editions().args(["diff", "--commitments", "--only", "moved"]).arg(&old).arg(&new).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("with --commitments: expected new, revised"));

    let folder = edition_path("fomc-statements");
    let timeline = |only: &str| {
        let out = editions()
            .args(["commitments", "--timeline", "--format", "json", "--only", only])
            .arg(&folder)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["commitments"].as_array().unwrap().clone()
    };
    let all = timeline("new,unchanged,revised");
    assert_eq!(all.len(), 88, "every commitment is new (after the first edition), or unchanged, or revised");
    let weaker = timeline("weaker");
    assert!(!weaker.is_empty() && weaker.len() < all.len());
    for t in &weaker {
        let steps = t["steps"].as_array().unwrap();
        assert!(steps.iter().any(|s| s["change"] == "revised" && s["strength"] == "weaker"), "{t}");
    }
    for t in timeline("dropped") {
        assert!(!t["dropped"].is_null(), "{t}");
    }
    for t in timeline("standing") {
        assert!(t["dropped"].is_null(), "{t}");
    }
    let out = editions().args(["commitments", "--timeline", "--only", "weaker"]).arg(&folder).output().unwrap();
    let head = text(&out.stdout).lines().next().unwrap_or_default().to_string();
    let want = format!(
        "160 editions, 1994-02-04 → 2016-09-21: 88 commitments, 6 still standing in 2016-09-21; {} shown",
        weaker.len()
    );
    assert_eq!(head, want);
    let without = editions().args(["commitments", "--only", "new"]).arg(fomc("2016-09-21")).output().unwrap();
    assert_eq!(without.status.code(), Some(2), "--only needs --timeline");
}

#[test]
fn parse_and_commitments_take_stored_editions_and_snapshot_skips_a_readme() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("fomc");
    std::fs::create_dir(&folder).unwrap();
    for date in ["2016-04-27", "2016-06-15", "2016-07-27"] {
        std::fs::copy(fomc(date), folder.join(format!("{date}.txt"))).unwrap();
    }
    std::fs::write(folder.join("README.md"), "# FOMC statements\n\nCopied from the Federal Reserve.\n").unwrap();
    std::fs::write(folder.join("NOTES.txt"), "To do: the 2016-11-02 statement.\n").unwrap();
    let store = dir.path().join("store.git");
    let store = store.to_str().unwrap();
    let out = editions().args(["snapshot", "--series", "fomc", "--store", store]).arg(&folder).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).ends_with(&format!("fomc: 3 editions, 3 stored, 0 already stored, in {store}\n")));
    assert_eq!(
        text(&out.stderr),
        format!(
            "editions: {}: skipped NOTES.txt, README.md (no date or number in the name: not an edition)\n",
            folder.display()
        )
    );
    // The same rule for diff and timelines of a folder.
    let out = editions().args(["diff", "--stat"]).arg(&folder).output().unwrap();
    assert!(text(&out.stdout).starts_with("2016-06-15 → 2016-07-27"), "{}", text(&out.stdout));

    // parse and commitments read stored editions as they read files.
    let stored = editions().args(["parse", "fomc@2016-07-27", "--format", "json", "--store", store]).output().unwrap();
    assert_eq!(stored.status.code(), Some(0), "{}", text(&stored.stderr));
    let file = editions().args(["parse", "--format", "json"]).arg(fomc("2016-07-27")).output().unwrap();
    let json = |o: &Output| serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap();
    assert_eq!(json(&stored)["paragraphs"], json(&file)["paragraphs"]);
    let stored = editions().args(["commitments", "fomc@2016-07-27", "--store", store]).output().unwrap();
    let file = editions().arg("commitments").arg(fomc("2016-07-27")).output().unwrap();
    assert_eq!(text(&stored.stdout), text(&file.stdout));
    let relabel = editions().args(["parse", "fomc@2016-07-27", "--label", "x", "--store", store]).output().unwrap();
    assert_eq!(relabel.status.code(), Some(2));

    // Standard input is stored under the label given.
    let bytes = std::fs::read(fomc("2016-09-21")).unwrap();
    let out =
        editions().args(["snapshot", "-", "--series", "fomc", "--store", store]).write_stdin(bytes.clone()).output();
    let out = out.unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("give --edition LABEL"), "{}", text(&out.stderr));
    let out = editions()
        .args([
            "snapshot",
            "-",
            "--series",
            "fomc",
            "--edition",
            "2016-09-21",
            "--date",
            "2016-09-21",
            "--store",
            store,
        ])
        .write_stdin(bytes)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("stored  fomc@2016-09-21  2016-09-21  5 revised"), "{}", text(&out.stdout));
}
