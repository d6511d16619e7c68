//! The JSON contracts. Output goes through serialize-only types, so the
//! internal model can change without breaking users; each document names
//! its schema and version.
//!
//! `editions/edition/1`:
//!
//! ```text
//! { "schema": "editions/edition/1",
//!   "path": "editions/…/2018-11-21_S-2018-1042.txt",
//!   "edition": { "label": "S-2018-1042", "date": "2018-11-21" | null,
//!                "date_from": "flag" | "file name" | "front matter" | "text" | null, "title": "…" | null },
//!   "layout": "numbered paragraphs" | "numbered sections" | "sections" | "unnumbered paragraphs",
//!   "headings": [ { "level": 1, "number": "II" | null, "text": "II. Recent developments …", "line": 53 } ],
//!   "paragraphs": [ { "label": "7", "number": "7" | null, "headings": ["II. …", "Overview …"],
//!                     "text": "…", "sentences": ["…"], "footnotes": [ { "mark": "1", "text": "…" } ],
//!                     "line": 142, "end_line": 149 } ],
//!   "warnings": ["…"],
//!   "skipped": [ { "what": "page furniture" | "masthead" | "figure" | "signature" | "links" | "front matter"
//!                  | "markup" | "display line" | "table of contents",
//!                  "lines": [41, 44] } ] }
//! ```
//!
//! A paragraph's `line` and `end_line` are the first and last lines of the
//! source holding its text; a skipped block (a page break, a figure) may
//! lie between them. `skipped` lists the blocks of the source left out of
//! the text, with their first and last lines: with the paragraphs' ranges,
//! headings, footnotes and metadata they account for every line.
//!
//! Labels are strings, unique in an edition. Fields may be added in a later
//! version of the same schema; none will be removed or change meaning.

use crate::commitments::Ledger;
use crate::model::{Commitment, CommitmentChange, Edition, EditionMeta, Footnote, Heading};
use serde::Serialize;
use std::io::Write;

/// The schema name and version of [`EditionJson`].
pub const EDITION_SCHEMA: &str = "editions/edition/1";

/// The edition as JSON.
#[derive(Serialize)]
pub struct EditionJson<'a> {
    schema: &'static str,
    path: &'a str,
    edition: MetaJson<'a>,
    layout: &'static str,
    headings: Vec<HeadingJson<'a>>,
    paragraphs: Vec<ParagraphJson<'a>>,
    warnings: &'a [String],
    skipped: Vec<SkippedJson<'a>>,
}

#[derive(Serialize)]
struct SkippedJson<'a> {
    what: &'a str,
    lines: [usize; 2],
}

#[derive(Serialize)]
struct MetaJson<'a> {
    label: &'a str,
    date: Option<&'a str>,
    date_from: Option<&'a str>,
    title: Option<&'a str>,
}

#[derive(Serialize)]
struct HeadingJson<'a> {
    level: usize,
    number: Option<&'a str>,
    text: &'a str,
    line: usize,
}

#[derive(Serialize)]
struct ParagraphJson<'a> {
    label: &'a str,
    number: Option<&'a str>,
    headings: Vec<&'a str>,
    text: &'a str,
    sentences: Vec<&'a str>,
    footnotes: Vec<FootnoteJson<'a>>,
    line: usize,
    end_line: usize,
}

#[derive(Serialize)]
struct FootnoteJson<'a> {
    mark: &'a str,
    text: &'a str,
}

fn meta(m: &EditionMeta) -> MetaJson<'_> {
    MetaJson { label: &m.label, date: m.date.as_deref(), date_from: m.date_from.as_deref(), title: m.title.as_deref() }
}

fn heading(h: &Heading) -> HeadingJson<'_> {
    HeadingJson { level: h.level, number: h.number.as_deref(), text: &h.text, line: h.line }
}

fn footnote(f: &Footnote) -> FootnoteJson<'_> {
    FootnoteJson { mark: &f.mark, text: &f.text }
}

impl<'a> EditionJson<'a> {
    /// The JSON view of `edition`.
    pub fn new(edition: &'a Edition) -> Self {
        EditionJson {
            schema: EDITION_SCHEMA,
            path: &edition.path,
            edition: meta(&edition.meta),
            layout: edition.layout.name(),
            headings: edition.headings.iter().map(heading).collect(),
            // On two threads: splitting the sentences was 5 % of parsing a
            // long edition. (Mapped by reference, the views borrow the edition.)
            paragraphs: crate::parallel::map(&edition.paragraphs.iter().collect::<Vec<_>>(), |&p| ParagraphJson {
                label: &p.label,
                number: p.number.as_deref(),
                headings: edition.heading_texts(p),
                text: &p.text,
                sentences: p.sentences(),
                footnotes: p.footnotes.iter().map(footnote).collect(),
                line: p.line,
                end_line: p.end_line,
            }),
            warnings: &edition.warnings,
            skipped: edition
                .skipped
                .iter()
                .map(|k| SkippedJson { what: &k.what, lines: [k.first_line, k.last_line] })
                .collect(),
        }
    }
}

/// Writes `edition` as pretty-printed JSON and a final newline.
pub fn write_edition(out: &mut impl Write, edition: &Edition) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &EditionJson::new(edition))?;
    writeln!(out)
}

/// The schema name and version of [`DiffJson`].
///
/// `editions/diff/1`:
///
/// ```text
/// { "schema": "editions/diff/1",
///   "old": { "path": "…", "edition": { "label", "date", "title" }, "paragraphs": 83,
///            "warnings": [ "line 212: paragraph 16 skips numbers (expected 15)" ] },
///   "new": { … },
///   "summary": { "unchanged": 70, "revised": 5, "moved": 1, "split": 0, "merged": 0, "new": 3, "dropped": 2,
///                "commitments": { "new": 1, "revised": 2, "stronger": 1, "weaker": 0, "dropped": 1, "unchanged": 20,
///                                 "reported": { "new": 0, "revised": 0, "stronger": 0, "weaker": 0, "dropped": 0, "unchanged": 9 } } },
///   "changes": [ { "kind": "revised", "old": ["12"], "new": ["14"], "similarity": 0.93, "renumbered": true,
///                  "headings": ["II. …"],
///                  "edits": [ { "op": "equal" | "delete" | "insert", "text": "…" } ],
///                  "commitments": [ { "change": "new" | "dropped" | "revised" | "unchanged",
///                                     "old": COMMITMENT | null, "new": COMMITMENT | null,
///                                     "strength": "stronger" | "weaker" | "same" | null,
///                                     "type_changed": false, "polarity_flipped": false, "actor_changed": false,
///                                     "edits": [ … the sentence's word diff, for a revised one … ] } ] } ] }
/// ```
///
/// A COMMITMENT is `{ "paragraph": "14", "sentence": 2, "text": "…", "type": "pledge" | "call" |
/// "obligation" | "prohibition" | "reported", "actor": "Member States" | null, "trigger": "strongly
/// encourage", "level": "strongly encourage", "strength": 5, "negated": false }`: `sentence` counts
/// from 0 in the paragraph's sentences; `strength` is the rank on its type's scale (calls: invite 2 <
/// encourage 4 < call upon 6 < urge 8 < demand 10, `strongly` +1, `would` −1; pledges: intend 2 <
/// will 4 < commit 6; obligations and prohibitions: should 2 < must 4; reported ones 0). A commitment
/// that moved to another paragraph is listed under the change where it went. `strength` of a change
/// compares ranks of the same type; it is null for new and dropped ones and when the type changed.
/// With `--no-commitments`, `summary.commitments` is null and every `commitments` list empty.
///
/// Every paragraph of both editions is in exactly one change; changes come in
/// the new edition's order, a dropped paragraph where it stood. `old` and
/// `new` hold labels (strings), empty where there is none. `edits` rebuild
/// both texts exactly (the paragraphs of a split or merge joined by a blank
/// line) and are empty for unchanged, new and dropped paragraphs.
pub const DIFF_SCHEMA: &str = "editions/diff/1";

/// A comparison as JSON.
#[derive(Serialize)]
pub struct DiffJson<'a> {
    schema: &'static str,
    old: SideJson<'a>,
    new: SideJson<'a>,
    summary: SummaryJson,
    changes: Vec<ChangeJson<'a>>,
}

#[derive(Serialize)]
struct SummaryJson {
    unchanged: usize,
    revised: usize,
    moved: usize,
    split: usize,
    merged: usize,
    new: usize,
    dropped: usize,
    commitments: Option<LedgerJson>,
}

/// Counts of commitment changes, as the JSON contracts write them.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CountsJson {
    new: usize,
    revised: usize,
    stronger: usize,
    weaker: usize,
    dropped: usize,
    unchanged: usize,
}

#[derive(Serialize)]
struct LedgerJson {
    #[serde(flatten)]
    own: CountsJson,
    reported: CountsJson,
}

/// The JSON form of a [`Ledger`].
pub(crate) fn counts(l: Ledger) -> CountsJson {
    CountsJson {
        new: l.new,
        revised: l.revised,
        stronger: l.stronger,
        weaker: l.weaker,
        dropped: l.dropped,
        unchanged: l.unchanged,
    }
}

/// A commitment as JSON.
#[derive(Serialize, Clone, Copy, PartialEq)]
pub struct CommitmentJson<'a> {
    paragraph: &'a str,
    sentence: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    actor: Option<&'a str>,
    trigger: &'a str,
    level: &'a str,
    strength: i32,
    negated: bool,
}

impl<'a> CommitmentJson<'a> {
    /// The JSON view of commitment `c` of `edition`.
    pub fn new(edition: &'a Edition, c: &'a Commitment) -> Self {
        CommitmentJson {
            paragraph: &edition.paragraphs[c.paragraph].label,
            sentence: c.sentence,
            text: &c.text,
            kind: c.kind.name(),
            actor: c.actor.as_deref(),
            trigger: &c.trigger,
            level: &c.level,
            strength: c.strength,
            negated: c.negated,
        }
    }
}

/// The fields of a [`CommitmentChangeJson`] after its sides.
#[derive(Serialize)]
struct CommitmentChangeTail<'a> {
    strength: Option<&'static str>,
    type_changed: bool,
    polarity_flipped: bool,
    actor_changed: bool,
    edits: Vec<EditJson<'a>>,
}

impl<'a> CommitmentChangeTail<'a> {
    fn new(c: &'a CommitmentChange) -> Self {
        CommitmentChangeTail {
            strength: c.strength.map(|s| s.name()),
            type_changed: c.type_changed,
            polarity_flipped: c.polarity_flipped,
            actor_changed: c.actor_changed,
            edits: edits(&c.edits),
        }
    }
}

#[derive(Serialize)]
struct CommitmentChangeJson<'a> {
    change: &'static str,
    old: Option<CommitmentJson<'a>>,
    new: Option<CommitmentJson<'a>>,
    #[serde(flatten)]
    tail: CommitmentChangeTail<'a>,
}

#[derive(Serialize)]
struct SideJson<'a> {
    path: &'a str,
    edition: MetaJson<'a>,
    paragraphs: usize,
    warnings: &'a [String],
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    kind: &'static str,
    old: Vec<&'a str>,
    new: Vec<&'a str>,
    similarity: f64,
    renumbered: bool,
    headings: Vec<&'a str>,
    edits: Vec<EditJson<'a>>,
    commitments: Vec<CommitmentChangeJson<'a>>,
}

#[derive(Serialize)]
struct EditJson<'a> {
    op: &'static str,
    text: &'a str,
}

impl<'a> DiffJson<'a> {
    /// The JSON view of `cmp`, with the changes `keep` accepts.
    pub fn new(cmp: &'a crate::model::Comparison, keep: impl Fn(&crate::model::Change) -> bool) -> Self {
        let by_change = super::commitments::by_change(cmp);
        let DiffHead { schema, old, new, summary } = DiffHead::new(cmp);
        let changes = (0..cmp.changes.len())
            .filter(|&i| keep(&cmp.changes[i]))
            .map(|i| change_json(cmp, i, &by_change[i]))
            .collect();
        DiffJson { schema, old, new, summary, changes }
    }
}

/// [`DiffJson`] without its changes, which [`write_diff`] writes apart.
#[derive(Serialize)]
struct DiffHead<'a> {
    schema: &'static str,
    old: SideJson<'a>,
    new: SideJson<'a>,
    summary: SummaryJson,
}

impl<'a> DiffHead<'a> {
    fn new(cmp: &'a crate::model::Comparison) -> Self {
        let side = |e: &'a Edition| SideJson {
            path: &e.path,
            edition: meta(&e.meta),
            paragraphs: e.paragraphs.len(),
            warnings: &e.warnings,
        };
        DiffHead {
            schema: DIFF_SCHEMA,
            old: side(&cmp.old),
            new: side(&cmp.new),
            summary: {
                let [unchanged, revised, moved, split, merged, new, dropped] = cmp.summary().map(|(_, n)| n);
                let commitments = cmp.commitments.searched.then(|| LedgerJson {
                    own: counts(Ledger::of(&cmp.commitments, false)),
                    reported: counts(Ledger::of(&cmp.commitments, true)),
                });
                SummaryJson { unchanged, revised, moved, split, merged, new, dropped, commitments }
            },
        }
    }
}

/// The JSON view of change `i` of `cmp`, whose commitment changes are `commitments`.
fn change_json<'a>(
    cmp: &'a crate::model::Comparison,
    i: usize,
    commitments: &[&'a CommitmentChange],
) -> ChangeJson<'a> {
    let c = &cmp.changes[i];
    let labels = |e: &'a Edition, ix: &[usize]| ix.iter().map(|&i| e.paragraphs[i].label.as_str()).collect();
    let commitment_change = |c: &'a CommitmentChange| CommitmentChangeJson {
        change: c.kind.name(),
        old: c.old.map(|o| CommitmentJson::new(&cmp.old, &cmp.commitments.old[o])),
        new: c.new.map(|n| CommitmentJson::new(&cmp.new, &cmp.commitments.new[n])),
        tail: CommitmentChangeTail::new(c),
    };
    ChangeJson {
        kind: c.kind.name(),
        old: labels(&cmp.old, &c.old),
        new: labels(&cmp.new, &c.new),
        similarity: (c.similarity * 1000.0).round() / 1000.0,
        renumbered: c.renumbered,
        headings: super::diff::headings(cmp, c),
        edits: edits(&c.edits),
        commitments: commitments.iter().map(|c| commitment_change(c)).collect(),
    }
}

/// Writes change `i` of `cmp` as its [`ChangeJson`] serialises, the
/// commitment changes field by field: the new side of a commitment that
/// differs from its old side only in its paragraph reuses the old side's
/// bytes after the label (most commitments are unchanged, and writing
/// their sentences twice was most of the JSON's cost).
fn write_change(
    out: &mut dyn Write,
    cmp: &crate::model::Comparison,
    i: usize,
    commitments: &[&CommitmentChange],
    scratch: &mut Vec<u8>,
) -> std::io::Result<()> {
    scratch.clear();
    serde_json::to_writer(&mut *scratch, &change_json(cmp, i, &[]))?;
    // `commitments` is the last field: `…,"commitments":[]}`.
    let open = scratch.len() - b"]}".len();
    out.write_all(&scratch[..open])?;
    for (k, c) in commitments.iter().enumerate() {
        out.write_all(if k == 0 { b"{\"change\":" } else { b",{\"change\":" })?;
        serde_json::to_writer(&mut *out, c.kind.name())?;
        let old = c.old.map(|o| CommitmentJson::new(&cmp.old, &cmp.commitments.old[o]));
        let new = c.new.map(|n| CommitmentJson::new(&cmp.new, &cmp.commitments.new[n]));
        scratch.clear();
        serde_json::to_writer(&mut *scratch, &old)?;
        out.write_all(b",\"old\":")?;
        out.write_all(scratch)?;
        out.write_all(b",\"new\":")?;
        match (old, new) {
            (Some(o), Some(n)) if CommitmentJson { paragraph: o.paragraph, ..n } == o => {
                // The label is the first field; `,"sentence":` cannot occur
                // inside it, where every quote is escaped.
                let rest = memchr::memmem::find(scratch, b",\"sentence\":").unwrap_or(scratch.len());
                out.write_all(b"{\"paragraph\":")?;
                serde_json::to_writer(&mut *out, n.paragraph)?;
                out.write_all(&scratch[rest..])?;
            }
            _ => serde_json::to_writer(&mut *out, &new)?,
        }
        scratch.clear();
        serde_json::to_writer(&mut *scratch, &CommitmentChangeTail::new(c))?;
        // `{"strength":…}` without its opening brace.
        out.write_all(b",")?;
        out.write_all(&scratch[1..])?;
    }
    out.write_all(b"]}")
}

fn edits(edits: &[crate::model::Edit]) -> Vec<EditJson<'_>> {
    use crate::model::EditOp;
    edits
        .iter()
        .map(|e| EditJson {
            op: match e.op {
                EditOp::Equal => "equal",
                EditOp::Delete => "delete",
                EditOp::Insert => "insert",
            },
            text: &e.text,
        })
        .collect()
}

/// The schema name and version of [`CommitmentsJson`].
///
/// `editions/commitments/1`:
///
/// ```text
/// { "schema": "editions/commitments/1", "path": "…", "edition": { "label", "date", "title" },
///   "commitments": [ COMMITMENT ] }
/// ```
///
/// COMMITMENT as in `editions/diff/1`.
pub const COMMITMENTS_SCHEMA: &str = "editions/commitments/1";

/// The commitments of one edition as JSON.
#[derive(Serialize)]
pub struct CommitmentsJson<'a> {
    schema: &'static str,
    path: &'a str,
    edition: MetaJson<'a>,
    commitments: Vec<CommitmentJson<'a>>,
}

/// Writes the commitments of one edition as pretty-printed JSON.
pub fn write_commitments(out: &mut impl Write, edition: &Edition, commitments: &[Commitment]) -> std::io::Result<()> {
    let doc = CommitmentsJson {
        schema: COMMITMENTS_SCHEMA,
        path: &edition.path,
        edition: meta(&edition.meta),
        commitments: commitments.iter().map(|c| CommitmentJson::new(edition, c)).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// Writes a comparison as JSON (compact: diffs of large editions are large)
/// and a final newline.
pub fn write_diff(
    out: &mut impl Write,
    cmp: &crate::model::Comparison,
    keep: impl Fn(&crate::model::Change) -> bool,
) -> std::io::Result<()> {
    // The same bytes as serialising a DiffJson whole: its head without the
    // closing brace, then the changes, a piece at a time. A second thread
    // writes every other piece into a buffer while this one writes the
    // rest, so no more than a few pieces are held at once.
    const PIECE: usize = 256;
    let mut head = serde_json::to_vec(&DiffHead::new(cmp))?;
    head.pop();
    out.write_all(&head)?;
    out.write_all(b",\"changes\":[")?;
    let by_change = super::commitments::by_change(cmp);
    let kept: Vec<usize> = (0..cmp.changes.len()).filter(|&i| keep(&cmp.changes[i])).collect();
    let pieces: Vec<&[usize]> = kept.chunks(PIECE).collect();
    let write_piece = |out: &mut dyn Write, piece: &[usize]| -> std::io::Result<()> {
        let mut scratch = Vec::new();
        for (k, &i) in piece.iter().enumerate() {
            if k > 0 {
                out.write_all(b",")?;
            }
            write_change(out, cmp, i, &by_change[i], &mut scratch)?;
        }
        Ok(())
    };
    let (pieces, write_piece) = (&pieces, &write_piece);
    std::thread::scope(|s| {
        let (send, receive) = std::sync::mpsc::sync_channel::<std::io::Result<Vec<u8>>>(2);
        s.spawn(move || {
            for piece in pieces.iter().skip(1).step_by(2) {
                let mut buffer = Vec::new();
                let written = write_piece(&mut buffer, piece).map(|()| buffer);
                // The receiver is gone only when writing failed: stop.
                if send.send(written).is_err() {
                    return;
                }
            }
        });
        for (p, piece) in pieces.iter().enumerate() {
            if p > 0 {
                out.write_all(b",")?;
            }
            if p % 2 == 0 {
                write_piece(out, piece)?;
            } else {
                let buffer = receive.recv().map_err(std::io::Error::other)??;
                out.write_all(&buffer)?;
            }
        }
        Ok::<(), std::io::Error>(())
    })?;
    out.write_all(b"]}")?;
    writeln!(out)
}

/// The schema name and version of a series' commitment timeline.
///
/// `editions/timeline/1`:
///
/// ```text
/// { "schema": "editions/timeline/1",
///   "editions": [ { "label": "2008-12-16", "date": "2008-12-16", "title": null, "path": "…" } ],
///   "commitments": [ { "type": "pledge", "actor": "The Committee", "first": "2009-03-18",
///                      "last": "2011-04-27", "dropped": "2011-06-22" | null,
///                      "steps": [ { "change": "new" | "revised" | "dropped" | "restored", "edition": "2009-03-18",
///                                   "commitment": COMMITMENT, "strength": "stronger" | "weaker" | "same" | null,
///                                   "type_changed": false, "polarity_flipped": false, "edits": [ … ] } ] } ] }
/// ```
///
/// `first`, `last` and `dropped` are edition labels; `last` is the last
/// edition the commitment stands in. A dropped step's COMMITMENT is the one
/// it last was, in the edition before; a commitment dropped and back within
/// two editions is `restored`, not new. COMMITMENT as in `editions/diff/1`.
pub const TIMELINE_SCHEMA: &str = "editions/timeline/1";

#[derive(Serialize)]
struct TimelineJson<'a> {
    schema: &'static str,
    editions: Vec<TimelineEditionJson<'a>>,
    commitments: Vec<ThreadJson<'a>>,
}

#[derive(Serialize)]
struct TimelineEditionJson<'a> {
    label: &'a str,
    date: Option<&'a str>,
    title: Option<&'a str>,
    path: &'a str,
}

#[derive(Serialize)]
struct ThreadJson<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    actor: Option<&'a str>,
    first: &'a str,
    last: &'a str,
    dropped: Option<&'a str>,
    steps: Vec<StepJson<'a>>,
}

#[derive(Serialize)]
struct StepJson<'a> {
    change: &'static str,
    edition: &'a str,
    commitment: CommitmentJson<'a>,
    strength: Option<&'static str>,
    type_changed: bool,
    polarity_flipped: bool,
    edits: Vec<EditJson<'a>>,
}

/// Writes a series' commitment timeline as JSON.
pub fn write_timeline(
    out: &mut impl Write,
    editions: &[Edition],
    threads: &[crate::commitments::timeline::Thread],
) -> std::io::Result<()> {
    let label = |i: usize| editions[i].meta.label.as_str();
    let doc = TimelineJson {
        schema: TIMELINE_SCHEMA,
        editions: editions
            .iter()
            .map(|e| TimelineEditionJson {
                label: &e.meta.label,
                date: e.meta.date.as_deref(),
                title: e.meta.title.as_deref(),
                path: &e.path,
            })
            .collect(),
        commitments: threads
            .iter()
            .map(|t| ThreadJson {
                kind: t.latest().kind.name(),
                actor: t.latest().actor.as_deref(),
                first: label(t.first()),
                last: label(t.last),
                dropped: t.dropped().map(label),
                steps: t
                    .steps
                    .iter()
                    .map(|s| StepJson {
                        change: s.kind.name(),
                        edition: label(s.edition),
                        commitment: CommitmentJson::new(&editions[s.read_in()], &s.commitment),
                        strength: s.strength.map(|x| x.name()),
                        type_changed: s.type_changed,
                        polarity_flipped: s.polarity_flipped,
                        edits: edits(&s.edits),
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `write_diff` writes its pieces and commitments by hand: the bytes
    /// must be those of serialising the whole `DiffJson`.
    #[test]
    fn the_diff_written_in_pieces_is_the_diff_serialised_whole() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let detector = crate::commitments::Detector::default();
        let pairs = [
            ("tests/fixtures/generated/old_1000.txt", "tests/fixtures/generated/new_1000.txt"),
            ("editions/fomc-statements/2008-12-16.txt", "editions/fomc-statements/2009-01-28.txt"),
            ("editions/fomc-statements/2009-01-28.txt", "editions/fomc-statements/2008-12-16.txt"),
        ];
        for (old, new) in pairs {
            let cmp =
                crate::compare_files(&root.join(old), &root.join(new), &Default::default(), Some(&detector)).unwrap();
            assert!(cmp.commitments.changes.len() > 5, "{old}");
            let keep = |c: &crate::model::Change| c.kind != crate::model::ChangeKind::Moved;
            for keep in [&(|_: &crate::model::Change| true) as &dyn Fn(&crate::model::Change) -> bool, &keep] {
                let mut written = Vec::new();
                write_diff(&mut written, &cmp, keep).unwrap();
                let whole = serde_json::to_string(&DiffJson::new(&cmp, keep)).unwrap() + "\n";
                assert!(written == whole.as_bytes(), "{old} → {new}");
            }
        }
    }
}
