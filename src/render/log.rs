//! `editions log`: each series' stored editions with dates and change
//! counts, for a person (text) or a program (`editions/log/1` JSON).
//!
//! ```text
//! { "schema": "editions/log/1",
//!   "series": [ { "name": "fomc-statements",
//!                 "editions": [ { "label": "2016-09-21", "date": "2016-09-21", "commit": "…",
//!                                 "paragraphs": 7,
//!                                 "summary": { "unchanged": 2, "revised": 5, … } | null } ] } ] }
//! ```

use crate::store::log::SeriesLog;
use crate::store::record::Summary;
use serde::Serialize;
use std::io::Write;

/// The schema name and version of the log JSON.
pub const LOG_SCHEMA: &str = "editions/log/1";

/// Writes the log for a person: per series a line, then one line per
/// edition, oldest first: commit, date, label, paragraphs, changes.
pub fn write_log(out: &mut impl Write, log: &[SeriesLog]) -> std::io::Result<()> {
    for (k, s) in log.iter().enumerate() {
        if k > 0 {
            writeln!(out)?;
        }
        let range = match (s.editions.first(), s.editions.last()) {
            (Some(a), Some(b)) => {
                format!(", {} to {}", a.date.as_deref().unwrap_or(&a.label), b.date.as_deref().unwrap_or(&b.label))
            }
            _ => String::new(),
        };
        let n = s.editions.len();
        writeln!(out, "{}: {n} edition{}{range}", s.series, if n == 1 { "" } else { "s" })?;
        let lw = s.editions.iter().map(|e| e.label.chars().count()).max().unwrap_or(0);
        let pw = s.editions.iter().map(|e| e.paragraphs.to_string().len()).max().unwrap_or(1);
        for e in &s.editions {
            let changes = e.summary.as_ref().map_or_else(|| "first edition".to_string(), Summary::brief);
            writeln!(
                out,
                "{}  {:<10}  {:<lw$}  {:>pw$} ¶  {changes}",
                &e.commit[..10.min(e.commit.len())],
                e.date.as_deref().unwrap_or("-"),
                e.label,
                e.paragraphs
            )?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct LogJson<'a> {
    schema: &'static str,
    series: Vec<SeriesJson<'a>>,
}

#[derive(Serialize)]
struct SeriesJson<'a> {
    name: &'a str,
    editions: Vec<EntryJson<'a>>,
}

#[derive(Serialize)]
struct EntryJson<'a> {
    label: &'a str,
    date: Option<&'a str>,
    commit: &'a str,
    paragraphs: usize,
    summary: Option<&'a Summary>,
}

/// Writes the log as `editions/log/1` JSON and a final newline.
pub fn write_log_json(out: &mut impl Write, log: &[SeriesLog]) -> std::io::Result<()> {
    let doc = LogJson {
        schema: LOG_SCHEMA,
        series: log
            .iter()
            .map(|s| SeriesJson {
                name: &s.series,
                editions: s
                    .editions
                    .iter()
                    .map(|e| EntryJson {
                        label: &e.label,
                        date: e.date.as_deref(),
                        commit: &e.commit,
                        paragraphs: e.paragraphs,
                        summary: e.summary.as_ref(),
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
