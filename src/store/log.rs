//! What `editions log` lists: each series' editions, with dates and change counts.

use super::record::Summary;
use super::{Store, check_series};
use crate::error::Result;

/// A stored edition in a series' log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    /// Its label.
    pub label: String,
    /// Its date as the edition gives it.
    pub date: Option<String>,
    /// The commit holding it.
    pub commit: String,
    /// Its paragraphs, counted.
    pub paragraphs: usize,
    /// Counts of each kind of change against the previous edition (none
    /// for the first edition).
    pub summary: Option<Summary>,
}

/// A series and its editions, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesLog {
    /// The series' name.
    pub series: String,
    /// Its editions, oldest first.
    pub editions: Vec<LogEntry>,
}

impl Store {
    /// The log of `series`, or of every series.
    pub fn log(&self, series: Option<&str>) -> Result<Vec<SeriesLog>> {
        let names = match series {
            Some(s) => {
                check_series(s)?;
                vec![s.to_string()]
            }
            None => self.series()?,
        };
        names
            .into_iter()
            .map(|name| {
                let editions = self
                    .editions(&name)?
                    .iter()
                    .map(|s| {
                        let brief = self.brief(&name, s)?;
                        Ok(LogEntry {
                            label: s.label.clone(),
                            date: brief.edition.edition.date,
                            commit: s.commit.clone(),
                            paragraphs: brief.edition.paragraphs,
                            summary: brief.summary,
                        })
                    })
                    .collect::<Result<Vec<_>>>()?;
                Ok(SeriesLog { series: name, editions })
            })
            .collect()
    }
}
