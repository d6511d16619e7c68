//! Series names, edition labels and `SERIES@EDITION` references: checked
//! before anything is written, so that no name can leave the store or make
//! a ref that git rejects.

use crate::error::{Error, ErrorKind, Result};

/// What a series name or a stored edition's label may hold, for messages.
pub const ALLOWED: &str = "letters, digits, '.', '_' and '-', not starting with '.' or '-', \
    not ending with '.' or '.lock', no '..', up to 100 characters";

/// Whether `name` is a safe ref component: ASCII letters, digits, `.`, `_`,
/// `-`; not starting with `.` or `-`; not ending with `.` or `.lock`; no
/// `..`; 1 to 100 characters.
fn is_safe(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 100
        && !name.starts_with(['.', '-'])
        && !name.ends_with('.')
        && !name.ends_with(".lock")
        && !name.contains("..")
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// Shows a rejected name with control characters escaped.
fn shown(name: &str) -> String {
    name.escape_debug().to_string()
}

/// Checks a series name (it names the branch `refs/heads/<series>`; git
/// refuses a branch named `HEAD`).
pub fn check_series(series: &str) -> Result<()> {
    if series == "HEAD" {
        return Err(Error::new(ErrorKind::Invalid, "invalid series name 'HEAD': git refuses it as a branch name"));
    }
    if is_safe(series) {
        Ok(())
    } else {
        Err(Error::new(ErrorKind::Invalid, format!("invalid series name '{}': use {ALLOWED}", shown(series))))
    }
}

/// Checks an edition label for the store (it names the tag `<series>/<label>`).
pub fn check_label(label: &str) -> Result<()> {
    if is_safe(label) {
        Ok(())
    } else {
        Err(Error::new(ErrorKind::Invalid, format!("invalid edition label '{}': use {ALLOWED}", shown(label))))
    }
}

/// A stored edition named on the command line: `SERIES@EDITION`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditionRef {
    /// The series.
    pub series: String,
    /// The edition's label.
    pub label: String,
}

impl std::fmt::Display for EditionRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}@{}", self.series, self.label)
    }
}

/// Reads `SERIES@EDITION`; both parts are checked.
pub fn parse_ref(text: &str) -> Result<EditionRef> {
    let Some((series, label)) = text.split_once('@') else {
        return Err(Error::new(
            ErrorKind::Invalid,
            format!("invalid stored edition '{}': expected SERIES@EDITION", shown(text)),
        ));
    };
    check_series(series)?;
    check_label(label)?;
    Ok(EditionRef { series: series.to_string(), label: label.to_string() })
}

/// `refs/heads/<series>`.
pub fn branch(series: &str) -> String {
    format!("refs/heads/{series}")
}

/// `refs/tags/<series>/<label>`.
pub fn tag(series: &str, label: &str) -> String {
    format!("refs/tags/{series}/{label}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_names() {
        for good in ["fomc-statements", "v2.1.2", "2016-09-21", "S-2018-1042", "GFDL-1.3-only", "a_b"] {
            assert!(check_series(good).is_ok(), "{good}");
            assert!(check_label(good).is_ok(), "{good}");
            assert!(git2::Reference::is_valid_name(&tag(good, good)), "{good}");
        }
        for bad in ["../x", "a/b", "a b", "a\u{1}b", "x.lock", "-x", ".x", "x.", "a..b", "", "a@b", "a:b", "a~1", "é"]
        {
            assert!(check_series(bad).is_err(), "{bad:?}");
            assert!(check_label(bad).is_err(), "{bad:?}");
        }
        assert!(check_series(&"a".repeat(101)).is_err());
        assert!(check_series("HEAD").is_err());
        assert!(check_label("HEAD").is_ok());
    }

    #[test]
    fn refs_parsed() {
        assert_eq!(
            parse_ref("fomc@2016-09-21").unwrap(),
            EditionRef { series: "fomc".into(), label: "2016-09-21".into() }
        );
        assert!(parse_ref("fomc").is_err());
        assert!(parse_ref("../x@y").is_err());
        assert!(parse_ref("x@y@z").is_err());
        assert_eq!(
            check_label("a\u{7}").unwrap_err().to_string(),
            format!("invalid edition label 'a\\u{{7}}': use {ALLOWED}")
        );
    }
}
