//! Colour, decided once: a palette whose methods are named by purpose.
//! Without colour, deletions and insertions stay visible as `[-…-]` and
//! `{+…+}`, as `git diff --word-diff=plain` shows them.

use crate::model::ChangeKind;
use owo_colors::{OwoColorize, Style};

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    /// Colour when writing to a terminal, unless `NO_COLOR` is set or
    /// `TERM` is `dumb`; `CLICOLOR_FORCE` forces it.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Decides, given whether the output is a terminal and the environment
    /// variable lookup `env`.
    pub fn resolve(self, is_terminal: bool, env: impl Fn(&str) -> Option<String>) -> bool {
        let set = |name: &str| env(name).is_some_and(|v| !v.is_empty() && v != "0");
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto if set("CLICOLOR_FORCE") => true,
            ColorChoice::Auto if env("NO_COLOR").is_some_and(|v| !v.is_empty()) => false,
            ColorChoice::Auto if env("TERM").is_some_and(|v| v == "dumb") => false,
            ColorChoice::Auto => is_terminal,
        }
    }
}

/// How a piece of output is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Ordinary text.
    Plain,
    /// Text only in the old edition.
    Deleted,
    /// Text only in the new edition.
    Inserted,
    /// A paragraph label.
    Label,
    /// A heading.
    Heading,
    /// Context and elisions.
    Dim,
    /// The name of a change kind.
    Kind(ChangeKind),
    /// A warning about how an edition was read.
    Warning,
    /// How old a sentence's wording is (`editions blame`): 0 new in the
    /// edition shown, 1 the most recent quarter of the series, 2 the
    /// quarter before, 3 older.
    Age(u8),
}

/// Styles for each role, or none.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    color: bool,
}

impl Palette {
    /// A palette that colours (`true`) or marks with brackets (`false`).
    pub fn new(color: bool) -> Self {
        Palette { color }
    }

    /// Whether this palette colours.
    pub fn colors(&self) -> bool {
        self.color
    }

    fn style(role: Role) -> Style {
        match role {
            Role::Plain => Style::new(),
            Role::Deleted => Style::new().red().strikethrough(),
            Role::Inserted => Style::new().green().bold(),
            Role::Label => Style::new().bold(),
            Role::Heading => Style::new().bold().underline(),
            Role::Dim => Style::new().dimmed(),
            Role::Warning => Style::new().yellow().bold(),
            Role::Age(0) => Style::new().green().bold(),
            Role::Age(1) => Style::new().yellow(),
            Role::Age(2) => Style::new().cyan(),
            Role::Age(_) => Style::new().dimmed(),
            Role::Kind(k) => match k {
                ChangeKind::Unchanged => Style::new().dimmed(),
                ChangeKind::Revised => Style::new().yellow(),
                ChangeKind::Moved => Style::new().magenta(),
                ChangeKind::Split | ChangeKind::Merged => Style::new().cyan(),
                ChangeKind::New => Style::new().green(),
                ChangeKind::Dropped => Style::new().red(),
            },
        }
    }

    /// The markers that surround a piece when there is no colour.
    pub fn markers(&self, role: Role) -> (&'static str, &'static str) {
        match (self.color, role) {
            (false, Role::Deleted) => ("[-", "-]"),
            (false, Role::Inserted) => ("{+", "+}"),
            _ => ("", ""),
        }
    }

    /// `text` shown in `role`.
    pub fn paint(&self, role: Role, text: &str) -> String {
        if self.color { text.style(Self::style(role)).to_string() } else { text.to_string() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| vars.iter().find(|v| v.0 == k).map(|v| v.1.to_string())
    }

    #[test]
    fn color_conventions() {
        assert!(ColorChoice::Auto.resolve(true, env(&[])));
        assert!(!ColorChoice::Auto.resolve(false, env(&[])));
        assert!(!ColorChoice::Auto.resolve(true, env(&[("NO_COLOR", "1")])));
        assert!(ColorChoice::Auto.resolve(false, env(&[("CLICOLOR_FORCE", "1")])));
        assert!(!ColorChoice::Auto.resolve(false, env(&[("CLICOLOR_FORCE", "0")])));
        assert!(ColorChoice::Always.resolve(false, env(&[("NO_COLOR", "1")])));
        assert!(!ColorChoice::Never.resolve(true, env(&[("CLICOLOR_FORCE", "1")])));
        assert!(!ColorChoice::Auto.resolve(true, env(&[("TERM", "dumb")])));
        assert!(ColorChoice::Auto.resolve(true, env(&[("TERM", "xterm-256color")])));
        assert!(ColorChoice::Always.resolve(true, env(&[("TERM", "dumb")])));
        assert!(ColorChoice::Auto.resolve(false, env(&[("TERM", "dumb"), ("CLICOLOR_FORCE", "1")])));
    }

    #[test]
    fn plain_marks_and_colour_paints() {
        let plain = Palette::new(false);
        assert_eq!(plain.markers(Role::Deleted), ("[-", "-]"));
        assert_eq!(plain.paint(Role::Deleted, "x"), "x");
        assert_eq!(Palette::new(true).paint(Role::Inserted, "x"), "\u{1b}[32;1mx\u{1b}[0m");
    }
}
