//! Edition metadata: a label and a date, from the file name or the text.

use crate::error::{Error, ErrorKind, Result};
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

static NAME_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{4})-?([0-9]{2})-?([0-9]{2})(?:[_ .-]+(.+))?$").unwrap());
static DAY_MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)([0-9]{1,2})[ -]([A-Za-z]{3,9})[ -]([0-9]{4})(?-u:\b)").unwrap());
static MONTH_DAY_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)([A-Za-z]{3,9}) ([0-9]{1,2}), ([0-9]{4})(?-u:\b)").unwrap());
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)([A-Za-z]{3,9}),? ([0-9]{4})(?-u:\b)").unwrap());
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)([0-9]{4})-([0-9]{2})-([0-9]{2})(?-u:\b)").unwrap());
static VALID_DATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$").unwrap());

fn month(name: &str) -> Option<u32> {
    let name = name.to_lowercase();
    MONTHS.iter().position(|m| m.starts_with(&name) && name.len() >= 3).map(|i| i as u32 + 1)
}

/// The number of days in month `m` (1–12) of year `y`.
pub fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn ymd(y: &str, m: u32, d: Option<u32>) -> Option<String> {
    let y: u32 = y.parse().ok()?;
    if !(1000..=9999).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    match d {
        Some(d) if (1..=days_in_month(y, m)).contains(&d) => Some(format!("{y:04}-{m:02}-{d:02}")),
        Some(_) => None,
        None => Some(format!("{y:04}-{m:02}")),
    }
}

/// Label and date from a file name: `2018-11-21_S-2018-1042.txt` gives
/// (`S-2018-1042`, `2018-11-21`); `2016-09-21.txt` gives (`2016-09-21`,
/// `2016-09-21`); `GFDL-1.3-only.txt` gives (`GFDL-1.3-only`, none).
pub fn from_file_name(path: &Path) -> (String, Option<String>) {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    if let Some(c) = NAME_DATE.captures(&stem)
        && let Some(date) = ymd(&c[1], c[2].parse().unwrap_or(0), c[3].parse().ok())
    {
        let label = c.get(4).map_or_else(|| date.clone(), |m| m.as_str().to_string());
        return (label, Some(date));
    }
    // A date elsewhere in the name (`pep-0008_2013-08-01.rst`), or a year
    // standing as a word of it (`style-guide-2019.rst`, not `rfc2019`): the
    // name is the label.
    static NAME_ISO: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|[^0-9])([0-9]{4})-([0-9]{2})-([0-9]{2})(?:$|[^0-9])").unwrap());
    if let Some(c) = NAME_ISO.captures(&stem)
        && let Some(date) = ymd(&c[1], c[2].parse().unwrap_or(0), c[3].parse().ok())
    {
        return (stem, Some(date));
    }
    let year = stem
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_string);
    (stem, year)
}

/// The first date written in `head` (the start of the text): `3 November
/// 2008`, `December 3, 2015`, `31-March-2026`, `2015-12-03`, `March 2000`.
pub fn date_in_text(head: &str) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    let mut consider = |at: usize, date: Option<String>| {
        if let Some(date) = date
            && best.as_ref().is_none_or(|b| at < b.0)
        {
            best = Some((at, date));
        }
    };
    for c in DAY_MONTH_YEAR.captures_iter(head) {
        consider(c.get(0).unwrap().start(), month(&c[2]).and_then(|m| ymd(&c[3], m, c[1].parse().ok())));
    }
    for c in MONTH_DAY_YEAR.captures_iter(head) {
        consider(c.get(0).unwrap().start(), month(&c[1]).and_then(|m| ymd(&c[3], m, c[2].parse().ok())));
    }
    for c in ISO.captures_iter(head) {
        consider(c.get(0).unwrap().start(), ymd(&c[1], c[2].parse().unwrap_or(0), c[3].parse().ok()));
    }
    let mut month_only = MONTH_YEAR.captures_iter(head).filter_map(|c| month(&c[1]).and_then(|m| ymd(&c[2], m, None)));
    best.map(|b| b.1).or_else(|| month_only.next())
}

/// Checks a date given by the user: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
pub fn check_date(date: &str) -> Result<String> {
    let ok = VALID_DATE.is_match(date) && {
        let parts: Vec<u32> = date.split('-').map(|p| p.parse().unwrap_or(0)).collect();
        let month_ok = parts.get(1).is_none_or(|m| (1..=12).contains(m));
        month_ok && parts.get(2).is_none_or(|d| (1..=days_in_month(parts[0], parts[1])).contains(d))
    };
    if ok {
        Ok(date.to_string())
    } else {
        Err(Error::new(
            ErrorKind::Invalid,
            format!("invalid date '{date}': expected a real date, YYYY-MM-DD, YYYY-MM or YYYY"),
        ))
    }
}

/// Checks an edition label given by the user: letters, digits, `.`, `_`,
/// `-`, not starting with `.` or `-`, at most 100 characters.
pub fn check_label(label: &str) -> Result<String> {
    let ok = !label.is_empty()
        && label.len() <= 100
        && !label.starts_with(['.', '-'])
        && !label.contains("..")
        && label.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(label.to_string())
    } else {
        Err(Error::new(
            ErrorKind::Invalid,
            format!(
                "invalid edition label '{label}': use letters, digits, '.', '_' and '-' (not first), up to 100 characters"
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names() {
        let f = |n: &str| from_file_name(Path::new(n));
        assert_eq!(f("a/2018-11-21_S-2018-1042.txt"), ("S-2018-1042".into(), Some("2018-11-21".into())));
        assert_eq!(f("2016-09-21.txt"), ("2016-09-21".into(), Some("2016-09-21".into())));
        assert_eq!(f("2024-12-16_v2.1.2.txt"), ("v2.1.2".into(), Some("2024-12-16".into())));
        assert_eq!(f("GFDL-1.3-only.txt"), ("GFDL-1.3-only".into(), None));
        assert_eq!(f("20160921.txt"), ("2016-09-21".into(), Some("2016-09-21".into())));
    }

    #[test]
    fn dates_in_text() {
        assert_eq!(date_in_text("Version 1.3, 3 November 2008\n").as_deref(), Some("2008-11-03"));
        assert_eq!(date_in_text("Version 1.1, March 2000").as_deref(), Some("2000-03"));
        assert_eq!(date_in_text("**December 3, 2015**").as_deref(), Some("2015-12-03"));
        assert_eq!(date_in_text("date: 31-March-2026").as_deref(), Some("2026-03-31"));
        assert_eq!(date_in_text("resolution 2388 (2017)"), None);
    }

    #[test]
    fn user_values_checked() {
        assert!(check_date("2018-11-21").is_ok());
        assert!(check_date("2018-13-01").is_err());
        assert!(check_date("2016-02-31").is_err() && check_date("2015-02-29").is_err());
        assert!(check_date("2016-02-29").is_ok() && check_date("2000-02-29").is_ok());
        assert!(check_date("yesterday").is_err());
        assert!(check_label("v2.1.2").is_ok());
        for bad in ["../x", "a/b", "a b", "", "-x", "a\u{7}"] {
            assert!(check_label(bad).is_err(), "{bad:?}");
        }
    }
}
