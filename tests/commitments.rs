//! Commitments: detection measured against sentences labelled by reading
//! (`tests/data/commitments-labelled.jsonl`), and what the ledger says
//! between real editions.

use editions::commitments::Detector;
use editions::model::CommitmentType;
use serde_json::Value;

struct Labelled {
    file: String,
    paragraph: String,
    sentence: String,
    kind: Option<CommitmentType>,
}

fn labelled(name: &str) -> Vec<Labelled> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| {
            let v: Value = serde_json::from_str(line).unwrap();
            let kind = v["type"].as_str().unwrap();
            Labelled {
                file: v["file"].as_str().unwrap().to_string(),
                paragraph: v["paragraph"].to_string(),
                sentence: v["sentence"].as_str().unwrap().to_string(),
                kind: if kind == "none" { None } else { Some(CommitmentType::from_name(kind).unwrap()) },
            }
        })
        .collect()
}

/// The kind of document a labelled file comes from.
fn document_kind(file: &str) -> &'static str {
    if file.contains("S-2018") {
        "UN report"
    } else if file.starts_with("GFDL") {
        "GNU FDL"
    } else if file.contains("_v") {
        "CA/B"
    } else {
        "FOMC"
    }
}

/// Precision and recall where a hit must also have the labelled type.
#[derive(Default, Debug)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn add(&mut self, truth: Option<CommitmentType>, found: Option<CommitmentType>) {
        match (truth, found) {
            (Some(t), Some(f)) if t == f => self.tp += 1,
            (Some(_), Some(_)) => {
                self.fp += 1;
                self.fn_ += 1;
            }
            (Some(_), None) => self.fn_ += 1,
            (None, Some(_)) => self.fp += 1,
            (None, None) => {}
        }
    }
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_) as f64
    }
}

/// Scores the detector on a labelled file: overall and by document kind;
/// prints the figures and every disagreement.
fn score(name: &str) -> Score {
    let detector = Detector::default();
    let mut all = Score::default();
    let mut kinds: std::collections::BTreeMap<&str, Score> = Default::default();
    let rows = labelled(name);
    // The sentences of one paragraph are read together, in order, and the
    // paragraphs of one file as one document.
    for file in rows.chunk_by(|a, b| a.file == b.file) {
        let paragraphs: Vec<&[Labelled]> = file.chunk_by(|a, b| a.paragraph == b.paragraph).collect();
        let sentences: Vec<Vec<&str>> =
            paragraphs.iter().map(|p| p.iter().map(|r| r.sentence.as_str()).collect()).collect();
        let sentences: Vec<&[&str]> = sentences.iter().map(Vec::as_slice).collect();
        let found = detector.document(&sentences).into_iter().flatten();
        for (row, found) in file.iter().zip(found) {
            let found = found.map(|f| f.kind);
            all.add(row.kind, found);
            kinds.entry(document_kind(&row.file)).or_default().add(row.kind, found);
            if row.kind != found {
                eprintln!("{:?} labelled, {:?} found: {}", row.kind, found, row.sentence);
            }
        }
    }
    for (kind, s) in &kinds {
        eprintln!("{name} {kind}: {s:?} precision {:.3} recall {:.3}", s.precision(), s.recall());
    }
    eprintln!("{name} overall: {all:?} precision {:.3} recall {:.3}", all.precision(), all.recall());
    all
}

/// The sentences the rules were written against: the UN report and ten FOMC statements.
#[test]
fn detection_reaches_090_precision_and_recall_on_labelled_sentences() {
    let all = score("commitments-labelled.jsonl");
    assert!(all.precision() >= 0.90 && all.recall() >= 0.90, "{all:?}");
}

/// Sentences labelled after the rules were written, by someone who had not
/// seen them: 14 other FOMC statements and parts of the GNU FDL 1.3 and the
/// CA/B Baseline Requirements. The floor guards against regressions; the
/// figures are in the README.
#[test]
fn detection_holds_on_held_out_sentences() {
    let all = score("commitments-heldout.jsonl");
    assert!(all.precision() >= 0.80 && all.recall() >= 0.80, "{all:?}");
}

/// The commitment changes between two shipped FOMC statements, as
/// `(change, trigger old → new, strength, start of the new or old sentence)`.
fn fomc_changes(old: &str, new: &str) -> (String, Vec<(String, String, String, String)>) {
    let mut cmp = editions::classify::compare(
        crate::parse(&format!("fomc-statements/{old}.txt")),
        crate::parse(&format!("fomc-statements/{new}.txt")),
        &Default::default(),
    );
    editions::commitments::compare(&mut cmp, &Detector::default());
    let c = &cmp.commitments;
    let changes = c
        .changes
        .iter()
        .map(|ch| {
            let (o, n) = (ch.old.map(|i| &c.old[i]), ch.new.map(|i| &c.new[i]));
            let trigger = format!("{} → {}", o.map_or("", |x| &x.trigger), n.map_or("", |x| &x.trigger));
            let text = n.or(o).unwrap().text.chars().take(60).collect();
            (ch.kind.name().to_string(), trigger, ch.strength.map_or("", |s| s.name()).to_string(), text)
        })
        .collect();
    (editions::render::commitments::ledger_lines(&cmp).join("\n"), changes)
}

fn has(changes: &[(String, String, String, String)], kind: &str, trigger: &str, strength: &str, start: &str) -> bool {
    changes.iter().any(|c| c.0 == kind && c.1 == trigger && c.2 == strength && c.3.starts_with(start))
}

/// December 2008 to January 2009: the Federal Reserve keeps its pledge to
/// employ all available tools, turns "will purchase" into an ongoing
/// programme it "stands ready to expand", adds a readiness to buy Treasury
/// securities, and drops "the focus … going forward will be" and "is also
/// evaluating the potential benefits of purchasing longer-term Treasury
/// securities" (the readiness to buy them is a new pledge).
#[test]
fn fomc_ledger_2008_12_to_2009_01() {
    let (ledger, changes) = fomc_changes("2008-12-16", "2009-01-28");
    assert_eq!(ledger, "Commitments: 2 new, 2 revised (1 weaker), 3 dropped, 1 unchanged");
    assert!(
        has(&changes, "unchanged", "will → will", "same", "The Federal Reserve will employ all available tools"),
        "{changes:#?}"
    );
    assert!(has(
        &changes,
        "revised",
        "will → stands ready to",
        "weaker",
        "The Federal Reserve continues to purchase large quantities"
    ));
    assert!(has(
        &changes,
        "revised",
        "will → will",
        "same",
        "The Federal Reserve will be implementing the Term Asset-Back"
    ));
    assert!(has(
        &changes,
        "new",
        " → is prepared to",
        "",
        "The Committee also is prepared to purchase longer-term Treas"
    ));
    assert!(has(&changes, "dropped", "will → ", "", "The focus of the Committee's policy going forward will be"));
}

/// March 2009 brings the pledge to hold the rate at 0 to 1/4 percent; June
/// 2011 turns it into a decision taken today ("decided today to keep"), so
/// the pledge is dropped.
#[test]
fn fomc_ledger_forward_guidance_appears_and_goes() {
    let (_, changes) = fomc_changes("2009-01-28", "2009-03-18");
    assert!(
        has(&changes, "new", " → will", "", "The Committee will maintain the target range for the federal"),
        "{changes:#?}"
    );
    let (_, changes) = fomc_changes("2011-04-27", "2011-06-22");
    assert!(
        has(&changes, "dropped", "will → ", "", "The Committee will maintain the target range for the federal"),
        "{changes:#?}"
    );
    // November 2010: the asset purchases are announced as an intention.
    let (_, changes) = fomc_changes("2010-09-21", "2010-11-03");
    assert!(
        has(&changes, "new", " → intends to", "", "In addition, the Committee intends to purchase a further"),
        "{changes:#?}"
    );
    // April 2011: "intends to" becomes "will complete", a stronger pledge.
    let (_, changes) = fomc_changes("2011-03-15", "2011-04-27");
    assert!(changes.iter().any(|c| c.0 == "revised" && c.2 == "stronger"), "{changes:#?}");
}

fn editions(args: &[&str]) -> (i32, String, String) {
    let out = assert_cmd::Command::cargo_bin("editions").unwrap().args(args).env("NO_COLOR", "1").output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn cli_lists_commitments_and_reads_a_lexicon() {
    let un = crate::edition_path("un-trafficking-in-armed-conflict/2018-11-21_S-2018-1042.txt");
    let un = un.to_str().unwrap();
    let (code, out, err) = editions(&["commitments", un]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.starts_with(
            "S-2018-1042 (2018-11-21): 42 commitments (5 pledge, 26 call, 0 obligation, 0 prohibition, 11 reported)\n"
        ),
        "{out}"
    );
    assert!(out.contains("¶77  call (strongly encourage) · Member States\n"), "{out}");

    let (code, out, _) = editions(&["commitments", un, "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!((code, v["schema"].as_str()), (0, Some("editions/commitments/1")));
    let first_call = v["commitments"].as_array().unwrap().iter().find(|c| c["type"] == "call").unwrap();
    assert_eq!(first_call["paragraph"], "10");
    assert_eq!(first_call["trigger"], "call upon");
    assert_eq!(first_call["actor"], "all States");
    assert_eq!(first_call["strength"], 6);

    // A lexicon that extends the default: "applaud" becomes the author's call.
    let dir = tempfile::tempdir().unwrap();
    let lexicon = dir.path().join("extra.txt");
    std::fs::write(&lexicon, "extends default\n[call]\n3 applaud: applaud\n").unwrap();
    let text = dir.path().join("2020-01-01.txt");
    std::fs::write(&text, "I applaud States that ratify the Protocol.\n\nI applaud States to ratify the Protocol.\n")
        .unwrap();
    let (code, out, _) = editions(&["commitments", text.to_str().unwrap(), "--lexicon", lexicon.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("2 commitments (0 pledge, 2 call"), "{out}");
    // One that replaces it: only its own phrases count (a report's `must`
    // binding others is a call; `Such a response must include` binds no one).
    std::fs::write(&lexicon, "[obligation]\n4 must: must\n").unwrap();
    let (_, out, _) = editions(&["commitments", un, "--lexicon", lexicon.to_str().unwrap()]);
    assert!(out.starts_with("S-2018-1042 (2018-11-21): 1 commitments (0 pledge, 1 call, 0 obligation"), "{out}");
    assert!(out.contains("¶78  call (must) · Trafficking victims"), "{out}");

    // Bad lexicons: one line naming the file and the cause, exit 2.
    for (content, cause) in [
        ("[call]\nurge\n", "line 2: expected `RANK name: phrase, …`"),
        ("[nonsense]\nx\n", "line 1: unknown section [nonsense]"),
        ("[hedge]\nlikely\n", "the lexicon has no [call], [pledge], [obligation] or [prohibition] entries"),
    ] {
        std::fs::write(&lexicon, content).unwrap();
        let (code, out, err) = editions(&["commitments", un, "--lexicon", lexicon.to_str().unwrap()]);
        assert_eq!((code, out.as_str(), err.lines().count()), (2, "", 1), "{err}");
        assert!(err.contains(lexicon.to_str().unwrap()) && err.contains(cause), "{err}");
    }
    let (code, _, err) = editions(&["commitments", un, "--lexicon", "/nonexistent/lexicon.txt"]);
    assert_eq!((code, err.lines().count()), (2, 1), "{err}");
}

#[test]
fn cli_diff_shows_the_ledger_and_the_commitments_view() {
    let path = |d: &str| crate::edition_path(&format!("fomc-statements/{d}.txt")).to_str().unwrap().to_string();
    let (a, b) = (path("2008-12-16"), path("2009-01-28"));
    let (code, out, _) = editions(&["diff", &a, &b]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().nth(2), Some("Commitments: 2 new, 2 revised (1 weaker), 3 dropped, 1 unchanged"));
    assert!(out.contains("    ◆ new pledge (is prepared to) · The Committee\n"), "{out}");
    let (code, out, _) = editions(&["diff", &a, &b, "--commitments"]);
    assert_eq!(code, 1);
    assert!(out.starts_with("2008-12-16 → 2009-01-28: 6 → 5 commitments\nCommitments: 2 new"), "{out}");
    assert!(out.contains("¶5 → ¶4  ◆ revised pledge: will → stands ready to, weaker"), "{out}");
    let (_, out, _) = editions(&["diff", &a, &b, "--commitments", "--format", "markdown"]);
    assert!(out.starts_with("# Commitments from 2008-12-16 to 2009-01-28\n"), "{out}");
    assert!(
        out.contains("\n- **¶5 → ¶4** revised pledge: will → stands ready to, weaker: ~~As previously announced,"),
        "{out}"
    );
    let (_, out, _) = editions(&["diff", &a, &b, "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let summary = &v["summary"]["commitments"];
    assert_eq!(
        (summary["new"].as_u64(), summary["weaker"].as_u64(), summary["dropped"].as_u64()),
        (Some(2), Some(1), Some(3))
    );
    let all: Vec<&Value> =
        v["changes"].as_array().unwrap().iter().flat_map(|c| c["commitments"].as_array().unwrap()).collect();
    assert_eq!(all.len(), 8);
    let weaker = all.iter().find(|c| c["strength"] == "weaker").unwrap();
    assert_eq!(
        (weaker["old"]["trigger"].as_str(), weaker["new"]["trigger"].as_str()),
        (Some("will"), Some("stands ready to"))
    );
    assert!(all.iter().filter(|c| c["change"] == "new").all(|c| c["old"].is_null() && c["strength"].is_null()));
}

/// The FOMC's pledge to hold the rate at 0 to 1/4 percent, followed across
/// the whole series: it appears in March 2009, is absent from the
/// unscheduled swap-line statement of 9 May 2010 and restored in June, and
/// is dropped in June 2011, when it became a decision taken that day.
#[test]
fn fomc_timeline_follows_the_rate_pledge() {
    let (code, out, err) = editions(&[
        "commitments",
        crate::edition_path("fomc-statements").to_str().unwrap(),
        "--timeline",
        "--format",
        "json",
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema"], "editions/timeline/1");
    assert_eq!(v["editions"].as_array().unwrap().len(), 160);
    let threads = v["commitments"].as_array().unwrap();
    let rate = threads
        .iter()
        .find(|t| {
            t["steps"][0]["commitment"]["text"].as_str().unwrap().starts_with(
                "The Committee will maintain the target range for the federal funds rate at 0 to 1/4 percent",
            )
        })
        .unwrap();
    assert_eq!(
        (rate["type"].as_str(), rate["first"].as_str(), rate["dropped"].as_str()),
        (Some("pledge"), Some("2009-03-18"), Some("2011-06-22"))
    );
    let steps: Vec<(&str, &str)> = rate["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["change"].as_str().unwrap(), s["edition"].as_str().unwrap()))
        .collect();
    assert_eq!(steps.first(), Some(&("new", "2009-03-18")));
    assert!(steps.contains(&("dropped", "2010-05-09")) && steps.contains(&("restored", "2010-06-23")), "{steps:?}");
    assert_eq!(steps.last(), Some(&("dropped", "2011-06-22")));
    // Every thread's steps are in edition order, and only the last may be a drop.
    for t in threads {
        let steps = t["steps"].as_array().unwrap();
        assert!(steps.windows(2).all(|w| w[0]["edition"].as_str() <= w[1]["edition"].as_str()));
        assert_eq!(t["dropped"].is_null(), steps.last().unwrap()["change"] != "dropped");
    }
    // Those still standing are the commitments of the last statement.
    let standing = threads.iter().filter(|t| t["dropped"].is_null()).count();
    let (_, last, _) =
        editions(&["commitments", crate::edition_path("fomc-statements/2016-09-21.txt").to_str().unwrap()]);
    assert!(last.starts_with(&format!("2016-09-21: {standing} commitments")), "{standing}: {last}");

    let folder = crate::edition_path("fomc-statements");
    let (code, _, err) = editions(&["commitments", folder.to_str().unwrap()]);
    assert_eq!((code, err.lines().count()), (2, 1));
    assert!(err.contains("is a folder: give one edition's file, or --timeline"), "{err}");
    let (code, _, err) = editions(&[
        "commitments",
        crate::edition_path("fomc-statements/2016-09-21.txt").to_str().unwrap(),
        "--timeline",
    ]);
    assert_eq!((code, err.lines().count()), (2, 1), "{err}");
}

/// A commitment moved to another paragraph is matched where it went: the
/// UN report with the call of ¶10 moved to the end of ¶11, unchanged, and
/// "I urge States to expedite the rescue" of ¶75 softened to "encourage".
#[test]
fn a_moved_commitment_is_matched_where_it_went() {
    let path = crate::edition_path("un-trafficking-in-armed-conflict/2018-11-21_S-2018-1042.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let call = "I call upon all States to fully support and cooperate with the investigative team. ";
    assert_eq!(text.matches(call).count(), 1);
    let moved = text.replacen(call, "", 1).replacen(
        "(see A/HRC/39/64).",
        "(see A/HRC/39/64). I call upon all States to fully support and cooperate with the investigative team.",
        1,
    );
    let softened =
        moved.replacen("I urge States to expedite the rescue", "I encourage States to expedite the rescue", 1);
    assert_ne!(softened, moved);
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("2019-11-21_S-2019-0000.txt");
    std::fs::write(&new, softened).unwrap();
    let (code, out, err) = editions(&["diff", path.to_str().unwrap(), new.to_str().unwrap(), "--format", "json"]);
    assert_eq!((code, err.as_str()), (1, ""));
    let v: Value = serde_json::from_str(&out).unwrap();
    let s = &v["summary"]["commitments"];
    assert_eq!(
        (s["new"].as_u64(), s["dropped"].as_u64(), s["revised"].as_u64(), s["weaker"].as_u64()),
        (Some(0), Some(0), Some(1), Some(1)),
        "{s}"
    );
    let moved = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["commitments"].as_array().unwrap())
        .find(|c| c["new"]["text"].as_str().is_some_and(|t| t.starts_with("I call upon all States")))
        .unwrap();
    assert_eq!(
        (moved["change"].as_str(), moved["old"]["paragraph"].as_str(), moved["new"]["paragraph"].as_str()),
        (Some("unchanged"), Some("10"), Some("11"))
    );
}

/// Contractions pass the prefilter and read as their negations.
#[test]
fn contractions_are_commitments_too() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("2020-01-01.txt");
    std::fs::write(
        &file,
        "The Committee won't raise the target range.\n\nThe CA mustn't issue it.\n\nYou shouldn't wait.\n",
    )
    .unwrap();
    let (code, out, _) = editions(&["commitments", file.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    let found: Vec<(&str, &str, bool)> = v["commitments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["type"].as_str().unwrap(), c["trigger"].as_str().unwrap(), c["negated"].as_bool().unwrap()))
        .collect();
    // Three lines do not make a rule text: another's `mustn't` there is a
    // (negated) call, as `All parties mustn't …` in a report is.
    assert_eq!(found, [("pledge", "won't", true), ("call", "mustn't", true), ("call", "shouldn't", true)]);
    std::fs::write(&file, "The CA MUST log it.\n\nThe CA mustn't issue it.\n\nThe CA SHALL revoke it.\n").unwrap();
    let (_, out, _) = editions(&["commitments", file.to_str().unwrap(), "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["commitments"][1]["type"], "prohibition", "in a rule text it forbids: {out}");
}

/// One labelled sentence of `tests/data/commitments/<register>.jsonl`.
struct Registered {
    id: String,
    register: String,
    doc: String,
    heldout: bool,
    sentence: String,
    kind: Option<CommitmentType>,
}

fn registers() -> Vec<Registered> {
    let dir = format!("{}/tests/data/commitments", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    let mut out = Vec::new();
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "jsonl")) {
        for line in std::fs::read_to_string(path).unwrap().lines().filter(|l| !l.trim().is_empty()) {
            let v: Value = serde_json::from_str(line).unwrap();
            let kind = v["type"].as_str().unwrap();
            out.push(Registered {
                id: v["id"].as_str().unwrap().to_string(),
                register: v["register"].as_str().unwrap().to_string(),
                doc: v["doc"].as_str().unwrap().to_string(),
                heldout: v["split"] == "heldout",
                sentence: v["sentence"].as_str().unwrap().to_string(),
                kind: if kind == "none" { None } else { Some(CommitmentType::from_name(kind).unwrap()) },
            });
        }
    }
    out
}

/// Precision and recall on the part of each register kept aside while the
/// rules were written (whole documents; the guide and the sources are in
/// `tests/data/commitments/`). Each document is read as one passage. The
/// floors are the figures reached (README, "Commitments"), so that a rule
/// that helps one register cannot quietly cost another; the goal,
/// 0.90 everywhere, is not reached yet.
#[test]
fn detection_by_register_on_held_out_documents() {
    let detector = Detector::default();
    let rows = registers();
    assert!(rows.len() >= 1500, "{} labelled sentences", rows.len());
    let mut scores: std::collections::BTreeMap<&str, Score> = Default::default();
    for doc in rows.chunk_by(|a, b| a.doc == b.doc && a.register == b.register).filter(|d| d[0].heldout) {
        let sentences: Vec<&str> = doc.iter().map(|r| r.sentence.as_str()).collect();
        for (row, found) in doc.iter().zip(detector.paragraph(&sentences)) {
            scores.entry(row.register.as_str()).or_default().add(row.kind, found.map(|f| f.kind));
        }
    }
    let floors = [
        ("central-bank", 0.86, 0.50),
        ("licences", 0.77, 0.56),
        ("pledges", 0.65, 0.41),
        ("rules", 0.88, 0.70),
        ("speeches", 0.78, 0.66),
        ("un", 0.92, 0.86),
    ];
    assert_eq!(scores.len(), floors.len(), "one floor a register");
    for (register, p, r) in floors {
        let s = &scores[register];
        eprintln!("{register}: {s:?} precision {:.3} recall {:.3}", s.precision(), s.recall());
        assert!(s.precision() >= p && s.recall() >= r, "{register}: {s:?}");
    }
}

/// A second reader labelled a fifth of the sentences (drawn at random in
/// each register) without seeing the first labels: the two agree on the
/// type of 94 % of them, Cohen's kappa 0.90 (README).
#[test]
fn a_second_reader_agrees_with_the_labels() {
    let first: std::collections::HashMap<String, Option<CommitmentType>> =
        registers().into_iter().map(|r| (r.id, r.kind)).collect();
    let path = format!("{}/tests/data/commitments/second-reader/labels.jsonl", env!("CARGO_MANIFEST_DIR"));
    let pairs: Vec<(Option<CommitmentType>, Option<CommitmentType>)> = std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let second = v["type"].as_str().unwrap();
            (first[v["id"].as_str().unwrap()], CommitmentType::from_name(second))
        })
        .collect();
    assert!(pairs.len() * 5 >= first.len() - 5, "a fifth: {} of {}", pairs.len(), first.len());
    let n = pairs.len() as f64;
    let agree = pairs.iter().filter(|(a, b)| a == b).count() as f64 / n;
    let mut by_kind: std::collections::HashMap<Option<CommitmentType>, (f64, f64)> = Default::default();
    for (a, b) in &pairs {
        by_kind.entry(*a).or_default().0 += 1.0;
        by_kind.entry(*b).or_default().1 += 1.0;
    }
    let chance: f64 = by_kind.values().map(|(a, b)| a * b / n / n).sum();
    let kappa = (agree - chance) / (1.0 - chance);
    eprintln!("agreement {agree:.3}, kappa {kappa:.3} on {n} sentences");
    assert!(agree >= 0.93 && kappa >= 0.88, "agreement {agree:.3}, kappa {kappa:.3}");
}

/// A UN report that quotes two decisions binding with `shall`, and says
/// `As noted above`, is neither a rule text nor a news report: the OPCW
/// report's own units still pledge (`The IIT … will issue further reports`)
/// and the decisions it cites are reported (labelled `dev` document
/// `opcw-syria-s-2025-490`, read as one passage).
#[test]
fn a_report_citing_decisions_is_read_as_a_report() {
    let rows: Vec<Registered> = registers().into_iter().filter(|r| r.doc == "opcw-syria-s-2025-490").collect();
    assert!(rows.len() > 100, "{} sentences", rows.len());
    let sentences: Vec<&str> = rows.iter().map(|r| r.sentence.as_str()).collect();
    let found = Detector::default().paragraph(&sentences);
    let kind_of = |id: &str| {
        let at = rows.iter().position(|r| r.id == id).unwrap();
        found[at].as_ref().map(|f| f.kind)
    };
    // `The IIT is continuing its investigations … and will issue further reports in due course.`
    assert_eq!(kind_of("un-0126"), Some(CommitmentType::Pledge));
    // `… the Council decided that the Director-General shall “regularly inform the Council …”`
    assert_eq!(kind_of("un-0052"), Some(CommitmentType::Reported));
    // `… the Council decided that the Secretariat should report on its implementation …`
    assert_eq!(kind_of("un-0048"), Some(CommitmentType::Reported));
}

/// An edition is read as its sentences are read one by one: a permission
/// denied at a sentence's opening, with no trigger word of the prefilter in
/// its paragraph, is found in both (the edition's path once skipped it).
#[test]
fn an_edition_and_its_sentences_are_read_alike() {
    let sentence = "No Modified Version of the Font Software may use the Reserved Font Name.";
    let text = format!("Font rules\n\n1. {sentence}\n\n2. The fonts are free software.\n");
    let edition = editions::parse_bytes(
        std::path::Path::new("ofl.txt"),
        text.into_bytes(),
        &editions::segment::Options::default(),
    )
    .unwrap();
    let detector = Detector::default();
    let found = detector.edition(&edition);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].kind, found[0].text.as_str()), (CommitmentType::Prohibition, sentence));
    let alone = detector.paragraph(&[sentence]);
    assert_eq!(alone[0].as_ref().map(|f| f.kind), Some(CommitmentType::Prohibition));
}
