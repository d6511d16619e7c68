//! The edition store: an ordinary bare git repository, written with libgit2,
//! that plain `git` can read and check.
//!
//! One branch per series (`refs/heads/<series>`), one commit per edition
//! in date order, its author and committer date the edition's date, and a
//! tag `<series>/<label>` on it. Each commit's tree holds `source.txt` (the
//! edition file byte for byte; `source.pdf` for a PDF), `edition.json` (see [`record`]) and
//! `paragraphs/<lineage-id>.txt`, one sentence per line (see [`lineage`]).
//!
//! Writing is safe with several writers and against a kill at any moment:
//! objects are written first and the branch last, by compare-and-swap
//! (retried when another writer moved it), then the tag. The same edition
//! gives the same commit wherever it is stored (a fixed signature, the
//! edition's date, the file's name without its folder), so two writers of
//! the same editions agree, and anyone can check a store by snapshotting
//! the same files again.

pub mod history;
pub mod lineage;
pub mod log;
pub mod message;
pub mod names;
pub mod record;

use crate::align::AlignOptions;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Edition, Paragraph};
use crate::{classify, read, segment};
use git2::{ErrorCode, ObjectType, Oid, Repository};
use record::{Lineage, Record};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use names::{EditionRef, check_label, check_series, parse_ref};

/// The name and e-mail of every commit the store writes.
pub const AUTHOR: (&str, &str) = ("editions", "editions@localhost");

/// How long a writer waits for others to release a ref it must update.
const WAIT: Duration = Duration::from_secs(20);

/// A ref lock this old was left by a writer that was killed (a writer
/// holds one for the time of a small file write).
const STALE_LOCK: Duration = Duration::from_secs(10);

/// An open store.
pub struct Store {
    repo: Repository,
    path: PathBuf,
    /// Finds the commitments recorded with each edition (the default lexicon).
    detector: std::sync::OnceLock<crate::commitments::Detector>,
}

/// The name of a stored edition file in a commit's tree: text, or a PDF
/// (so that `git show TAG:source.txt` always gives text).
const SOURCE_TEXT: &str = "source.txt";
const SOURCE_PDF: &str = "source.pdf";

/// An edition read and checked, ready to be stored.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The file as given.
    pub path: PathBuf,
    /// Its bytes, stored as `source.txt`, or `source.pdf` for a PDF.
    pub bytes: Vec<u8>,
    /// The edition parsed from them.
    pub edition: Edition,
    /// Its date, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).
    pub date: String,
    /// The commit time: the date at 00:00 UTC, in seconds since 1970.
    pub time: i64,
}

/// An edition file to store, with the label and date the user gave.
#[derive(Debug, Clone, Default)]
pub struct Input {
    /// The file (for bytes given, the name to store them under).
    pub path: PathBuf,
    /// The edition's bytes when they are not to be read from `path`
    /// (standard input).
    pub bytes: Option<Vec<u8>>,
    /// The label (default: from the file name).
    pub label: Option<String>,
    /// The date (default: from the file name or the text).
    pub date: Option<String>,
}

/// What storing one edition did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The edition's label.
    pub label: String,
    /// Its date.
    pub date: String,
    /// The commit that holds it.
    pub commit: String,
    /// The commit's subject: what changed against the previous edition.
    pub subject: String,
    /// It was stored already, with the same text: nothing was written.
    pub already: bool,
}

/// A stored edition, as the branch lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// Its label.
    pub label: String,
    /// The commit.
    pub commit: String,
    /// The commit time (the edition's date at 00:00 UTC).
    pub time: i64,
}

/// Reads, parses and checks edition files for `series`, before anything
/// is written: the series name, each label, each date. Editions come out
/// in date order (the given order among equal dates); a file given twice
/// is kept once.
pub fn prepare(series: &str, inputs: &[Input]) -> Result<Vec<Prepared>> {
    prepare_with(series, inputs, &mut |_| {})
}

/// [`prepare`], calling `read(k)` after the `k`th input is read (from 0),
/// for a progress bar.
pub fn prepare_with(series: &str, inputs: &[Input], read: &mut dyn FnMut(usize)) -> Result<Vec<Prepared>> {
    check_series(series)?;
    let mut out: Vec<Prepared> = Vec::with_capacity(inputs.len());
    for (k, input) in inputs.iter().enumerate() {
        read(k);
        let bytes = match &input.bytes {
            Some(bytes) => bytes.clone(),
            None => read::read_bytes(&input.path)?,
        };
        let source = read::read_any(&input.path, bytes.clone())?;
        let options = segment::Options { label: input.label.clone(), date: input.date.clone() };
        let mut edition = segment::segment_owned(source, &options)?;
        // The file's name, not its folder: the same files make the same
        // commits wherever they are snapshotted from.
        if let Some(name) = input.path.file_name() {
            edition.path = name.to_string_lossy().into_owned();
        }
        let label = &edition.meta.label;
        check_label(label)
            .map_err(|e| Error::file(ErrorKind::Invalid, &input.path, format!("{e}; give another with --edition")))?;
        let date = edition.meta.date.clone().ok_or_else(|| {
            Error::file(ErrorKind::Invalid, &input.path, "has no date in its name or its text; give one with --date")
        })?;
        let time = date_time(&date).ok_or_else(|| {
            Error::file(
                ErrorKind::Invalid,
                &input.path,
                format!("invalid date '{date}': a stored edition needs a real date from 1970 on (git keeps no earlier commit times)"),
            )
        })?;
        if let Some(twin) = out.iter().find(|p| p.edition.meta.label == *label) {
            if twin.bytes == bytes {
                continue;
            }
            return Err(Error::file(
                ErrorKind::Conflict,
                &input.path,
                format!("gives edition label '{label}', as {} does, with other text", twin.path.display()),
            ));
        }
        out.push(Prepared { path: input.path.clone(), bytes, edition, date, time });
    }
    out.sort_by_key(|p| p.time);
    Ok(out)
}

/// Seconds since 1970 of `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`: the first
/// day) at 00:00 UTC.
pub fn date_time(date: &str) -> Option<i64> {
    let mut parts = date.split('-').map(|p| p.parse::<i64>().ok());
    let y = parts.next()??;
    let m = parts.next().unwrap_or(Some(1))?;
    let d = parts.next().unwrap_or(Some(1))?;
    // git keeps times from 1970 on; a day must exist in its month.
    let days = crate::segment::meta::days_in_month(u32::try_from(y).ok()?, u32::try_from(m).ok()?);
    if y < 1970 || !(1..=12).contains(&m) || !(1..=i64::from(days)).contains(&d) || parts.next().is_some() {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some((era * 146_097 + doe - 719_468) * 86_400)
}

/// `YYYY-MM-DD` of a time written by [`date_time`].
pub fn time_date(time: i64) -> String {
    let z = time.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A paragraph's file: one sentence per line, then its footnotes after a
/// blank line, `[mark] text`, one per line.
pub fn paragraph_file(p: &Paragraph) -> String {
    let mut text = String::with_capacity(p.text.len() + 16);
    for s in p.sentences() {
        text.push_str(s);
        text.push('\n');
    }
    if !p.footnotes.is_empty() {
        text.push('\n');
        for f in &p.footnotes {
            text.push_str(&format!("[{}] {}\n", f.mark, f.text));
        }
    }
    text
}

/// Editions built in memory before their objects are written as one pack.
const CHUNK: usize = 16;

/// What the writer plans for an edition of a chunk.
enum Planned {
    /// It is on the branch already, as this commit.
    Stored(Oid),
    /// A new commit, on the commit given (none: the branch's first).
    New(Option<Oid>, Box<Built>),
}

/// A commit written for an edition (not yet on the branch), its subject,
/// and the edition and lineage the next edition is compared with.
type Built = (Oid, String, (Edition, Lineage));

/// The commit and time of each stored edition, by label.
type ByLabel = HashMap<String, (Oid, i64)>;

/// What the writer knows of a branch: its head, the editions on it by
/// label, and the head's edition and lineage.
struct Tip {
    head: Option<Oid>,
    head_time: i64,
    by_label: ByLabel,
    previous: Option<(Edition, Lineage)>,
}

impl Store {
    /// Opens the store at `path`, which must exist.
    pub fn open(path: &Path) -> Result<Store> {
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Error::file(
                ErrorKind::NotFound,
                path,
                "no edition store here; `editions snapshot` creates one (or give --store DIR)",
            )),
            Err(e) => Err(Error::file(ErrorKind::Store, path, e.to_string())),
            Ok(_) => Store::open_existing(path),
        }
    }

    /// Opens the store at `path`, creating a bare repository there when
    /// nothing (or an empty folder) is there. Anything else that is not a
    /// bare git repository is refused and left as it is.
    pub fn open_or_create(path: &Path) -> Result<Store> {
        if path.as_os_str().is_empty() {
            return Err(Error::new(ErrorKind::Invalid, "the store's path is empty"));
        }
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Store::create(path),
            Err(e) => Err(Error::file(ErrorKind::Store, path, e.to_string())),
            Ok(m) if m.is_dir() && is_empty_dir(path) => {
                Repository::init_bare(path).map_err(|e| git_error(path, "cannot create a git repository", &e))?;
                Store::open_existing(path)
            }
            Ok(_) => Store::open_existing(path),
        }
    }

    /// A new repository is made beside `path` and renamed into place, so
    /// that a concurrent writer sees none or a whole one.
    fn create(path: &Path) -> Result<Store> {
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| Error::file(ErrorKind::Store, parent, e.to_string()))?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "store".into());
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
        let temp = parent.join(format!(".{name}.new-{}-{nanos}", std::process::id()));
        Repository::init_bare(&temp).map_err(|e| git_error(path, "cannot create a git repository", &e))?;
        if std::fs::rename(&temp, path).is_err() {
            // Another writer created it first.
            let _ = std::fs::remove_dir_all(&temp);
        }
        Store::open_existing(path)
    }

    fn open_existing(path: &Path) -> Result<Store> {
        let meta = std::fs::metadata(path).map_err(|e| Error::file(ErrorKind::Store, path, e.to_string()))?;
        if !meta.is_dir() {
            return Err(Error::file(
                ErrorKind::Store,
                path,
                "is not a folder; an edition store is a bare git repository",
            ));
        }
        check_layout(path)?;
        let repo = Repository::open_bare(path).map_err(|e| {
            Error::file(
                ErrorKind::Store,
                path,
                format!(
                    "is not a bare git repository or is damaged ({}); it was left untouched",
                    e.message().trim_end_matches('.')
                ),
            )
        })?;
        // `Repository::open_bare` calls any repository bare, even the `.git`
        // of a work tree: its configuration says what it is.
        let bare = repo.config().and_then(|c| c.get_bool("core.bare")).unwrap_or(true);
        if !repo.is_bare() || !bare {
            return Err(Error::file(
                ErrorKind::Store,
                path,
                "is a git work tree; an edition store is a bare repository",
            ));
        }
        Ok(Store { repo, path: path.to_path_buf(), detector: std::sync::OnceLock::new() })
    }

    /// Where the store is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, what: &str, e: &git2::Error) -> Error {
        git_error(&self.path, what, e)
    }

    /// The series in the store, by name.
    pub fn series(&self) -> Result<Vec<String>> {
        let mut names = Vec::new();
        let branches = self.repo.references_glob("refs/heads/*").map_err(|e| self.err("cannot list series", &e))?;
        for r in branches {
            let r = r.map_err(|e| self.err("cannot list series", &e))?;
            if let Some(name) = r.name().ok().and_then(|n| n.strip_prefix("refs/heads/"))
                && check_series(name).is_ok()
            {
                names.push(name.to_string());
            }
        }
        names.sort();
        Ok(names)
    }

    fn head(&self, series: &str) -> Result<Option<Oid>> {
        match self.repo.refname_to_id(&names::branch(series)) {
            Ok(id) => Ok(Some(id)),
            Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
            Err(e) => Err(self.err(&format!("cannot read the branch of series {series}"), &e)),
        }
    }

    /// The editions of `series`, oldest first.
    pub fn editions(&self, series: &str) -> Result<Vec<Stored>> {
        check_series(series)?;
        let Some(head) = self.head(series)? else {
            return Err(self.no_series(series));
        };
        self.walk(series, head)
    }

    fn no_series(&self, series: &str) -> Error {
        Error::file(ErrorKind::NotFound, &self.path, format!("has no series '{series}'; `editions log` lists them"))
    }

    fn detector(&self) -> &crate::commitments::Detector {
        self.detector.get_or_init(Default::default)
    }

    /// The branch's first-parent history from `head`, oldest first.
    fn walk(&self, series: &str, head: Oid) -> Result<Vec<Stored>> {
        let mut out = Vec::new();
        let mut at = Some(head);
        while let Some(id) = at {
            let what = || format!("cannot read commit {id} of series {series}");
            let commit = self.repo.find_commit(id).map_err(|e| self.err(&what(), &e))?;
            let msg = commit.message_raw_bytes();
            let label = std::str::from_utf8(msg)
                .ok()
                .and_then(|m| message::label_in_subject(series, m))
                .ok_or_else(|| {
                    Error::file(
                        ErrorKind::Store,
                        &self.path,
                        format!("commit {id} on series {series} was not written by editions (its subject does not name an edition)"),
                    )
                })?;
            out.push(Stored { label: label.to_string(), commit: id.to_string(), time: commit.time().seconds() });
            at = commit.parent_ids().next();
        }
        out.reverse();
        Ok(out)
    }

    /// The commit of `series@label`.
    fn find(&self, edition: &EditionRef) -> Result<Oid> {
        let stored = self.editions(&edition.series)?;
        stored.iter().find(|s| s.label == edition.label).map(|s| Oid::from_str(&s.commit).unwrap()).ok_or_else(|| {
            Error::file(
                ErrorKind::NotFound,
                &self.path,
                format!(
                    "series {} has no edition '{}'; `editions log {}` lists them",
                    edition.series, edition.label, edition.series
                ),
            )
        })
    }

    fn blob_at(&self, commit: Oid, file: &str, what: &str) -> Result<Option<Vec<u8>>> {
        let err = |e: git2::Error| self.err(&format!("cannot read {file} of {what}"), &e);
        let tree = self.repo.find_commit(commit).and_then(|c| c.tree()).map_err(err)?;
        let entry = match tree.get_path(Path::new(file)) {
            Ok(entry) => entry,
            Err(e) if e.code() == ErrorCode::NotFound => return Ok(None),
            Err(e) => return Err(err(e)),
        };
        let blob = self.repo.find_blob(entry.id()).map_err(err)?;
        Ok(Some(blob.content().to_vec()))
    }

    fn record_at(&self, commit: Oid, what: &str) -> Result<Record> {
        let bytes = self
            .blob_at(commit, "edition.json", what)?
            .ok_or_else(|| Error::file(ErrorKind::Store, &self.path, format!("{what} has no edition.json")))?;
        record::read(&bytes, what)
    }

    /// The stored record of `series@label`.
    pub fn record(&self, edition: &EditionRef) -> Result<Record> {
        let commit = self.find(edition)?;
        let mut r = self.record_at(commit, &edition.to_string())?;
        r.edition.path = edition.to_string();
        Ok(r)
    }

    /// The stored records of `series`, oldest first, up to and including
    /// the edition labelled `upto` (every one when `None`): one walk of the
    /// branch, the records read on two threads.
    pub fn records(&self, series: &str, upto: Option<&str>) -> Result<Vec<Record>> {
        let stored = self.editions(series)?;
        let end = match upto {
            None => stored.len(),
            Some(label) => {
                stored.iter().position(|s| s.label == label).ok_or_else(|| {
                    Error::file(
                        ErrorKind::NotFound,
                        &self.path,
                        format!("series {series} has no edition '{label}'; `editions log {series}` lists them"),
                    )
                })? + 1
            }
        };
        let mut blobs = Vec::with_capacity(end);
        for s in &stored[..end] {
            let what = format!("{series}@{}", s.label);
            let commit = Oid::from_str(&s.commit).map_err(|e| self.err("bad commit id", &e))?;
            let bytes = self
                .blob_at(commit, "edition.json", &what)?
                .ok_or_else(|| Error::file(ErrorKind::Store, &self.path, format!("{what} has no edition.json")))?;
            blobs.push((what, bytes));
        }
        crate::parallel::map(&blobs, |(what, bytes)| {
            let mut r = record::read(bytes, what)?;
            r.edition.path.clone_from(what);
            Ok(r)
        })
        .into_iter()
        .collect()
    }

    /// The stored `edition.json` of `series@label`, byte for byte.
    pub fn record_bytes(&self, edition: &EditionRef) -> Result<Vec<u8>> {
        let commit = self.find(edition)?;
        self.blob_at(commit, "edition.json", &edition.to_string())?
            .ok_or_else(|| Error::file(ErrorKind::Store, &self.path, format!("{edition} has no edition.json")))
    }

    /// The counts `editions log` shows for a stored edition.
    pub fn brief(&self, series: &str, stored: &Stored) -> Result<record::Brief> {
        let what = format!("{series}@{}", stored.label);
        let commit = Oid::from_str(&stored.commit).map_err(|e| self.err("bad commit id", &e))?;
        let bytes = self
            .blob_at(commit, "edition.json", &what)?
            .ok_or_else(|| Error::file(ErrorKind::Store, &self.path, format!("{what} has no edition.json")))?;
        record::read_brief(&bytes, &what)
    }

    /// The stored edition file of `series@label`, byte for byte.
    pub fn source(&self, edition: &EditionRef) -> Result<Vec<u8>> {
        let commit = self.find(edition)?;
        self.source_at(commit, &edition.to_string())?
            .ok_or_else(|| Error::file(ErrorKind::Store, &self.path, format!("{edition} has no source.txt")))
    }

    /// The edition file stored in `commit`: `source.txt`, or `source.pdf`.
    fn source_at(&self, commit: Oid, what: &str) -> Result<Option<Vec<u8>>> {
        match self.blob_at(commit, SOURCE_TEXT, what)? {
            Some(bytes) => Ok(Some(bytes)),
            None => self.blob_at(commit, SOURCE_PDF, what),
        }
    }

    /// The commit id of `series@label`.
    pub fn commit_of(&self, edition: &EditionRef) -> Result<String> {
        self.find(edition).map(|id| id.to_string())
    }

    fn tip(&self, series: &str, head: Option<Oid>) -> Result<Tip> {
        let Some(head) = head else {
            return Ok(Tip { head: None, head_time: i64::MIN, by_label: HashMap::new(), previous: None });
        };
        let stored = self.walk(series, head)?;
        let by_label = stored.iter().map(|s| (s.label.clone(), (Oid::from_str(&s.commit).unwrap(), s.time))).collect();
        let what = format!("{series}@{}", stored.last().map_or("", |s| s.label.as_str()));
        let r = self.record_at(head, &what)?;
        Ok(Tip {
            head: Some(head),
            head_time: stored.last().map_or(i64::MIN, |s| s.time),
            by_label,
            previous: Some((r.edition, r.lineage)),
        })
    }

    /// Checks `editions` against what `series` holds, writing nothing: an
    /// edition stored with other text, or older than the newest stored
    /// edition, is refused.
    pub fn check(&self, series: &str, editions: &[Prepared]) -> Result<()> {
        let tip = self.tip_light(series)?;
        for p in editions {
            self.check_one(series, p, &tip.0, tip.1)?;
        }
        Ok(())
    }

    /// The branch's editions by label and the newest time, without the head's record.
    fn tip_light(&self, series: &str) -> Result<(ByLabel, i64)> {
        let Some(head) = self.head(series)? else {
            return Ok((HashMap::new(), i64::MIN));
        };
        let stored = self.walk(series, head)?;
        let newest = stored.last().map_or(i64::MIN, |s| s.time);
        Ok((stored.into_iter().map(|s| (s.label, (Oid::from_str(&s.commit).unwrap(), s.time))).collect(), newest))
    }

    /// Whether `p` is stored already (`Some(commit)`), may be appended
    /// (`None`), or is refused.
    fn check_one(&self, series: &str, p: &Prepared, by_label: &ByLabel, newest: i64) -> Result<Option<Oid>> {
        let label = &p.edition.meta.label;
        if let Some(&(commit, _)) = by_label.get(label) {
            let what = format!("{series}@{label}");
            let stored = self.source_at(commit, &what)?;
            let same = stored.is_some_and(|s| {
                Oid::hash_object(ObjectType::Blob, &s).ok() == Oid::hash_object(ObjectType::Blob, &p.bytes).ok()
            });
            if same {
                return Ok(Some(commit));
            }
            return Err(Error::file(
                ErrorKind::Conflict,
                &p.path,
                format!(
                    "series {series} already has an edition '{label}' with other text; stored history is never rewritten: give this one another label with --edition"
                ),
            ));
        }
        // A tag of that name that is not this series' own would stop the
        // snapshot after the branch has moved: refuse before writing.
        let tag = names::tag(series, label);
        if let Ok(id) = self.repo.refname_to_id(&tag) {
            // Another writer may have stored this very edition since the
            // branch was read: then it is stored already.
            let what = format!("{series}@{label}");
            let same = self.source_at(id, &what).ok().flatten().is_some_and(|s| s == p.bytes);
            if same {
                return Ok(Some(id));
            }
            return Err(Error::file(
                ErrorKind::Conflict,
                &self.path,
                format!(
                    "holds a tag {series}/{label} ({id}) that is not an edition of series {series}; remove it with `git tag -d {series}/{label}` or give this edition another label with --edition"
                ),
            ));
        }
        if p.time < newest {
            return Err(Error::file(
                ErrorKind::Conflict,
                &p.path,
                format!(
                    "edition {label} ({}) is older than the newest edition of series {series} ({}); stored history is never rewritten: to insert it, snapshot the whole series in date order into a new series (--series NAME) or a new store (--store DIR)",
                    p.date,
                    time_date(newest)
                ),
            ));
        }
        Ok(None)
    }

    /// Stores `editions` (from [`prepare`]) on the branch of `series`, in
    /// order, after checking them all ([`Store::check`]). `report` hears
    /// of each edition as it is done (its index and the outcome).
    ///
    /// Editions are written in chunks: the chunk's objects go to memory,
    /// then into one pack file (a few files rather than thousands of loose
    /// objects), then the branch moves to each new commit in turn by
    /// compare-and-swap, and each gets its tag. When another writer moved
    /// the branch, the rest is built again on what it wrote.
    pub fn snapshot(
        &self,
        series: &str,
        editions: Vec<Prepared>,
        options: &AlignOptions,
        report: &mut dyn FnMut(usize, &Outcome),
    ) -> Result<Vec<Outcome>> {
        check_series(series)?;
        self.check(series, &editions)?;
        let branch = names::branch(series);
        let odb = self.repo.odb().map_err(|e| self.err("cannot open the object database", &e))?;
        let mempack = odb.add_new_mempack_backend(1000).map_err(|e| self.err("cannot write objects", &e))?;
        let mut tip = self.tip(series, self.head(series)?)?;
        let mut outcomes = Vec::with_capacity(editions.len());
        let mut rest: &[Prepared] = &editions;
        let mut deadline = Instant::now() + WAIT;
        while !rest.is_empty() {
            let head = self.head(series)?;
            if head != tip.head {
                tip = self.tip(series, head)?;
            }
            let chunk = &rest[..rest.len().min(CHUNK)];
            let mut planned: Vec<Planned> = Vec::with_capacity(chunk.len());
            let (mut on, mut newest) = (tip.head, tip.head_time);
            for p in chunk {
                if let Some(commit) = self.check_one(series, p, &tip.by_label, newest)? {
                    planned.push(Planned::Stored(commit));
                    continue;
                }
                let previous = planned
                    .iter()
                    .rev()
                    .find_map(|x| if let Planned::New(_, b) = x { Some(&b.2) } else { None })
                    .or(tip.previous.as_ref());
                let built = self.write_commit(series, p, on, previous, options)?;
                planned.push(Planned::New(on, Box::new(built)));
                on = planned.last().and_then(|x| if let Planned::New(_, b) = x { Some(b.0) } else { None });
                newest = p.time;
            }
            if planned.iter().any(|x| matches!(x, Planned::New(..))) {
                self.flush(&odb, &mempack)?;
            }
            let mut done = 0;
            for (p, plan) in chunk.iter().zip(planned) {
                let label = p.edition.meta.label.clone();
                let outcome = match plan {
                    Planned::Stored(commit) => {
                        self.tag(series, &label, commit)?;
                        let subject = self.subject(commit)?;
                        Outcome { label, date: p.date.clone(), commit: commit.to_string(), subject, already: true }
                    }
                    Planned::New(parent, built) => {
                        let (commit, subject, next) = *built;
                        let log = format!("editions snapshot: {subject}");
                        let moved = match parent {
                            None => self.repo.reference(&branch, commit, false, &log),
                            Some(h) => self.repo.reference_matching(&branch, commit, true, h, &log),
                        };
                        if let Err(e) = moved {
                            // Another writer moved the branch or holds its lock: read it again.
                            self.wait_for_ref(&branch, &e, deadline)?;
                            break;
                        }
                        if parent.is_none() {
                            self.point_head_at(&branch);
                        }
                        self.tag(series, &label, commit)?;
                        tip.head = Some(commit);
                        tip.head_time = p.time;
                        tip.by_label.insert(label.clone(), (commit, p.time));
                        tip.previous = Some(next);
                        Outcome { label, date: p.date.clone(), commit: commit.to_string(), subject, already: false }
                    }
                };
                report(outcomes.len(), &outcome);
                outcomes.push(outcome);
                done += 1;
            }
            if done > 0 {
                deadline = Instant::now() + WAIT;
            }
            rest = &rest[done..];
        }
        Ok(outcomes)
    }

    /// Moves the objects written to memory into one new pack file.
    fn flush(&self, odb: &git2::Odb, mempack: &git2::Mempack) -> Result<()> {
        let err = |e: git2::Error| self.err("cannot write a pack of objects", &e);
        let mut pack = git2::Buf::new();
        mempack.dump(&self.repo, &mut pack).map_err(err)?;
        // The header's object count: an empty pack is not written.
        if pack.len() >= 12 && pack[8..12] != [0, 0, 0, 0] {
            let mut writer = odb.packwriter().map_err(err)?;
            std::io::Write::write_all(&mut writer, &pack).map_err(|e| {
                Error::file(ErrorKind::Store, &self.path, format!("cannot write a pack of objects: {e}"))
            })?;
            writer.commit().map_err(err)?;
        }
        mempack.reset().map_err(err)
    }

    /// After a failed update of `refname`: whether to try again (another
    /// writer moved it or holds its lock), after a pause; an error when the
    /// failure is of another kind or lasts past `deadline`. A lock older
    /// than [`STALE_LOCK`] is left by a writer that was killed, and removed.
    fn wait_for_ref(&self, refname: &str, e: &git2::Error, deadline: Instant) -> Result<()> {
        let lock = self.path.join(format!("{refname}.lock"));
        let raced =
            matches!(e.code(), ErrorCode::Exists | ErrorCode::Modified | ErrorCode::Locked | ErrorCode::NotFound);
        if !raced && !lock.exists() {
            return Err(self.err(&format!("cannot update {refname}"), e));
        }
        let age = std::fs::metadata(&lock).and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
        if age.is_some_and(|a| a > STALE_LOCK) {
            let _ = std::fs::remove_file(&lock);
        } else if Instant::now() > deadline {
            return Err(Error::file(
                ErrorKind::Store,
                &self.path,
                format!(
                    "cannot update {refname}: {}; another writer holds {} (if none is running, remove that file)",
                    e.message().trim_end_matches('.'),
                    lock.display()
                ),
            ));
        }
        std::thread::sleep(Duration::from_millis(5));
        Ok(())
    }

    fn subject(&self, commit: Oid) -> Result<String> {
        let c = self.repo.find_commit(commit).map_err(|e| self.err("cannot read a commit", &e))?;
        Ok(String::from_utf8_lossy(c.message_raw_bytes()).lines().next().unwrap_or("").to_string())
    }

    /// A fresh store's HEAD names a branch that does not exist; point it at
    /// the first series, so that `git log` in the store shows something.
    fn point_head_at(&self, branch: &str) {
        if self.repo.head().is_err() {
            let _ = self.repo.set_head(branch);
        }
    }

    /// Tags `commit` as `<series>/<label>`; an existing tag must agree.
    fn tag(&self, series: &str, label: &str, commit: Oid) -> Result<()> {
        let name = names::tag(series, label);
        let deadline = Instant::now() + WAIT;
        loop {
            let e = match self.repo.reference(&name, commit, false, "editions snapshot") {
                Ok(_) => return Ok(()),
                Err(e) => e,
            };
            match self.repo.refname_to_id(&name) {
                Ok(id) if id == commit => return Ok(()),
                Ok(id) => {
                    return Err(Error::file(
                        ErrorKind::Conflict,
                        &self.path,
                        format!(
                            "tag {series}/{label} points to {id}, not to the edition's commit {commit} on the branch; remove the stray tag with `git tag -d {series}/{label}`"
                        ),
                    ));
                }
                // Not there yet: another writer of the same tag holds its lock.
                Err(_) => self.wait_for_ref(&name, &e, deadline)?,
            }
        }
    }

    /// Writes the objects of `p`'s commit on `head` (none referenced yet).
    fn write_commit(
        &self,
        series: &str,
        p: &Prepared,
        head: Option<Oid>,
        previous: Option<&(Edition, Lineage)>,
        options: &AlignOptions,
    ) -> Result<Built> {
        let label = &p.edition.meta.label;
        let err = |e: git2::Error| self.err(&format!("cannot write edition {label} of series {series}"), &e);
        let (edition, lineage, json, msg) = match previous {
            None => {
                let lineage = lineage::first(&p.edition);
                let found = self.detector().edition(&p.edition);
                let json = record::write(series, &p.edition, None, &lineage, &found);
                (p.edition.clone(), lineage, json, message::message(series, &p.edition, None, &found))
            }
            Some((old, old_lineage)) => {
                let mut cmp = classify::compare(old.clone(), p.edition.clone(), options);
                crate::commitments::compare(&mut cmp, self.detector());
                let lineage = lineage::next(&cmp, old_lineage);
                let json = record::write(series, &cmp.new, Some(&cmp), &lineage, &cmp.commitments.new);
                let msg = message::message(series, &cmp.new, Some(&cmp), &[]);
                (cmp.new, lineage, json, msg)
            }
        };
        let repo = &self.repo;
        let mut paragraphs = repo.treebuilder(None).map_err(err)?;
        for (para, entry) in edition.paragraphs.iter().zip(&lineage.paragraphs) {
            let blob = repo.blob(paragraph_file(para).as_bytes()).map_err(err)?;
            paragraphs.insert(format!("{}.txt", entry.id), blob, 0o100644).map_err(err)?;
        }
        let mut root = repo.treebuilder(None).map_err(err)?;
        let name = if read::is_pdf(&p.bytes) { SOURCE_PDF } else { SOURCE_TEXT };
        root.insert(name, repo.blob(&p.bytes).map_err(err)?, 0o100644).map_err(err)?;
        root.insert("edition.json", repo.blob(&json).map_err(err)?, 0o100644).map_err(err)?;
        if !paragraphs.is_empty() {
            root.insert("paragraphs", paragraphs.write().map_err(err)?, 0o040000).map_err(err)?;
        }
        let tree = repo.find_tree(root.write().map_err(err)?).map_err(err)?;
        let sig = git2::Signature::new(AUTHOR.0, AUTHOR.1, &git2::Time::new(p.time, 0)).map_err(err)?;
        let parent = head.map(|h| repo.find_commit(h)).transpose().map_err(err)?;
        let parents: Vec<&git2::Commit> = parent.iter().collect();
        let commit = repo.commit(None, &sig, &sig, &msg, &tree, &parents).map_err(err)?;
        let subject = msg.lines().next().unwrap_or("").to_string();
        Ok((commit, subject, (edition, lineage)))
    }
}

/// What git itself checks before it takes a folder for a bare repository
/// (libgit2 is more lenient): a `HEAD` naming a ref or a commit, and the
/// `objects` and `refs` folders.
fn check_layout(path: &Path) -> Result<()> {
    let refuse = |why: &str| Err(Error::file(ErrorKind::Store, path, format!("{why}; it was left untouched")));
    if path.join(".git").exists() {
        return refuse("is a git work tree; an edition store is a bare repository (git init --bare)");
    }
    let parts = ["HEAD", "objects", "refs"].map(|p| path.join(p).exists());
    if !parts.iter().any(|&p| p) {
        return refuse("is not a bare git repository (it has no HEAD, objects or refs)");
    }
    let head = std::fs::read_to_string(path.join("HEAD")).unwrap_or_default();
    let head = head.trim_end();
    let head_ok =
        head.strip_prefix("ref: ").is_some_and(|r| r.starts_with("refs/") && git2::Reference::is_valid_name(r))
            || ((head.len() == 40 || head.len() == 64) && head.bytes().all(|b| b.is_ascii_hexdigit()));
    if !head_ok {
        return refuse("is a damaged git repository (its HEAD names no ref)");
    }
    if !path.join("objects").is_dir() || !path.join("refs").is_dir() {
        return refuse("is a damaged git repository (it lacks the objects or refs folder)");
    }
    Ok(())
}

fn is_empty_dir(path: &Path) -> bool {
    std::fs::read_dir(path).is_ok_and(|mut d| d.next().is_none())
}

fn git_error(store: &Path, what: &str, e: &git2::Error) -> Error {
    Error::file(ErrorKind::Store, store, format!("{what}: {}", e.message().trim_end_matches('.')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times() {
        assert_eq!(date_time("1970-01-01"), Some(0));
        assert_eq!(date_time("2016-09-21"), Some(1_474_416_000));
        assert_eq!(date_time("2000-03"), date_time("2000-03-01"));
        // git writes earlier times as unsigned numbers: refused.
        assert_eq!(date_time("1969-12-31"), None);
        assert_eq!(date_time("2016-13-01"), None);
        assert_eq!(date_time("2016-02-30"), None);
        assert_eq!(date_time("2015-02-29"), None);
        assert_eq!(date_time("soon"), None);
        for d in ["1994-02-04", "2000-02-29", "2016-02-29", "2026-04-01"] {
            assert_eq!(time_date(date_time(d).unwrap()), d);
        }
    }
}
