//! One paragraph's whole life in a series: every stored edition in which
//! its lineage appears, with its label there, the change that brought it,
//! and the word diff from the step before.

use super::names::EditionRef;
use super::{Store, record};
use crate::classify::words::word_diff;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{ChangeKind, Edit, Footnote};
use git2::{ErrorCode, Oid};
use std::path::Path;

/// One edition in a paragraph's life.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The edition.
    pub edition: record::EditionName,
    /// The commit holding it.
    pub commit: String,
    /// The paragraph's label in it.
    pub label: String,
    /// The change that brought it here from the previous edition; `New`
    /// for its first appearance (also in a series' first edition).
    pub kind: ChangeKind,
    /// The previous edition's labels on the other side of that change.
    pub from: Vec<String>,
    /// Word similarity to the previous step's text (1 when equal).
    pub similarity: f64,
    /// The paragraph's text.
    pub text: String,
    /// Its footnotes.
    pub footnotes: Vec<Footnote>,
    /// The word diff from the previous step's text (empty at the first
    /// step and when the text did not change).
    pub edits: Vec<Edit>,
}

/// How a lineage ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct End {
    /// The first edition without it.
    pub edition: record::EditionName,
    /// `dropped` or `merged`.
    pub how: String,
    /// For a merge, the lineage it went into.
    pub into: Option<String>,
}

/// A paragraph's lineage across the stored editions of a series.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    /// The series.
    pub series: String,
    /// The lineage id.
    pub id: String,
    /// The lineages it came from when it first appeared (a split's other
    /// parts name the paragraph they split from), else empty.
    pub parents: Vec<String>,
    /// Every edition in which it appears, oldest first.
    pub steps: Vec<Step>,
    /// How it ended, if it did.
    pub end: Option<End>,
}

impl Store {
    /// The lineage of paragraph `label` of `edition`, across the series.
    pub fn history(&self, edition: &EditionRef, label: &str) -> Result<History> {
        let start = self.record(edition)?;
        let Some(entry) = start.lineage.paragraphs.iter().find(|e| e.label == label) else {
            return Err(Error::file(
                ErrorKind::NotFound,
                &self.path,
                format!("{edition} has no paragraph '{label}'; `editions show {edition}` lists them"),
            ));
        };
        let id = entry.id.clone();
        let file = format!("paragraphs/{id}.txt");
        let mut history = History {
            series: edition.series.clone(),
            id: id.clone(),
            parents: Vec::new(),
            steps: Vec::new(),
            end: None,
        };
        for stored in self.editions(&edition.series)? {
            let commit = Oid::from_str(&stored.commit).map_err(|e| self.err("bad commit id", &e))?;
            let what = format!("{}@{}", edition.series, stored.label);
            let present = self.has_path(commit, &file, &what)?;
            if !present && history.steps.is_empty() {
                continue;
            }
            let r = self.record_at(commit, &what)?;
            let name = record::EditionName { label: r.edition.meta.label.clone(), date: r.edition.meta.date.clone() };
            if !present {
                if let Some(ended) = r.lineage.ended.iter().find(|e| e.id == id) {
                    history.end = Some(End { edition: name, how: ended.how.clone(), into: ended.into.clone() });
                }
                break;
            }
            let Some(k) = r.lineage.paragraphs.iter().position(|e| e.id == id) else {
                return Err(Error::file(
                    ErrorKind::Store,
                    &self.path,
                    format!("{what}: {file} is in the tree but not in edition.json's lineage"),
                ));
            };
            let entry = &r.lineage.paragraphs[k];
            let paragraph = &r.edition.paragraphs[k];
            let change = r.changes.iter().find(|c| c.new.contains(&entry.label));
            let (kind, from) = match (history.steps.last(), change) {
                (None, Some(c)) if c.kind != "new" => {
                    history.parents = entry.parents.clone();
                    (ChangeKind::from_name(&c.kind).unwrap_or(ChangeKind::New), c.old.clone())
                }
                (None, _) => (ChangeKind::New, Vec::new()),
                (Some(_), Some(c)) => (ChangeKind::from_name(&c.kind).unwrap_or(ChangeKind::Revised), c.old.clone()),
                (Some(_), None) => (ChangeKind::Revised, Vec::new()),
            };
            let (similarity, edits) = match history.steps.last() {
                None => (1.0, Vec::new()),
                Some(prev) if prev.text == paragraph.text => (1.0, Vec::new()),
                Some(prev) => (
                    crate::align::words::text_similarity(&prev.text, &paragraph.text),
                    word_diff(&prev.text, &paragraph.text),
                ),
            };
            history.steps.push(Step {
                edition: name,
                commit: stored.commit.clone(),
                label: entry.label.clone(),
                kind,
                from,
                similarity,
                text: paragraph.text.clone(),
                footnotes: paragraph.footnotes.clone(),
                edits,
            });
        }
        Ok(history)
    }

    fn has_path(&self, commit: Oid, file: &str, what: &str) -> Result<bool> {
        let err = |e: git2::Error| self.err(&format!("cannot read {what}"), &e);
        let tree = self.repo.find_commit(commit).and_then(|c| c.tree()).map_err(err)?;
        match tree.get_path(Path::new(file)) {
            Ok(_) => Ok(true),
            Err(e) if e.code() == ErrorCode::NotFound => Ok(false),
            Err(e) => Err(err(e)),
        }
    }
}
