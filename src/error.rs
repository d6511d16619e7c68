//! The one error type of the library, with the exit status each error maps to.

use std::fmt;
use std::path::{Path, PathBuf};

/// Exit statuses, as `diff` has them.
pub mod exit {
    /// The command ran and found no differences.
    pub const SAME: i32 = 0;
    /// The command ran and found differences.
    pub const DIFFERENT: i32 = 1;
    /// The command could not do its job: bad input, bad usage, I/O failure.
    pub const TROUBLE: i32 = 2;
}

/// What went wrong, for callers that want to tell causes apart.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be opened or read.
    Io,
    /// The path names a directory or something else that is not a file.
    NotAFile,
    /// The bytes are not text (NUL bytes, control characters, bad UTF-16).
    NotText,
    /// The file is larger than the reader accepts.
    TooLarge,
    /// A value given by the user is not valid (a date, a label, a format).
    Invalid,
    /// Writing the output failed.
    Output,
    /// The edition store is not a git repository, is damaged, or git failed.
    Store,
    /// The request conflicts with the stored history (an edition older than
    /// the series' newest, a label stored with other text).
    Conflict,
    /// No such series, stored edition or paragraph.
    NotFound,
    /// The file holds text, but no paragraph was found in it.
    NoParagraphs,
}

/// An error with the file it concerns and a one-line cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    path: Option<PathBuf>,
    message: String,
}

impl Error {
    /// An error about the file at `path`.
    pub fn file(kind: ErrorKind, path: &Path, message: impl Into<String>) -> Self {
        Error { kind, path: Some(path.to_path_buf()), message: message.into() }
    }

    /// An error that concerns no file.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, path: None, message: message.into() }
    }

    /// What kind of error this is.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The file the error concerns, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The exit status a command should end with for this error.
    pub fn code(&self) -> i32 {
        exit::TROUBLE
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(path) => write!(f, "{}: {}", path.display(), self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}

/// The library's result type.
pub type Result<T> = std::result::Result<T, Error>;
