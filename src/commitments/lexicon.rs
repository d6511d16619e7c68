//! The commitment lexicon: the words that make a sentence a commitment,
//! kept as data (`lexicon.txt`, the default) that a user can extend or
//! replace. The file format is described at the top of `lexicon.txt`.

use super::tokens::{Token, tokenize};
use crate::error::{Error, ErrorKind, Result};
use crate::model::CommitmentType;
use rustc_hash::FxHashMap;
use std::path::Path;

/// The default English lexicon, as shipped.
pub const DEFAULT_LEXICON: &str = include_str!("lexicon.txt");

/// A phrase as lower-case words (or as printed, for RFC 2119 keywords).
pub type Phrase = Vec<String>;

/// A list of phrases, indexed by their first and last words so that the
/// reader looks up a word instead of trying every phrase.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Phrases {
    list: Vec<Phrase>,
    by_first: FxHashMap<String, Vec<usize>>,
    by_last: FxHashMap<String, Vec<usize>>,
    /// The shapes of the keys of `by_first` and `by_last`: most words
    /// start or end no phrase, and are told so without hashing.
    first_shapes: Shapes,
    last_shapes: Shapes,
}

/// For each ASCII first byte (its low six bits), a bit per word length (31
/// and longer share the last): a word whose bit is clear is none of the
/// words added. A word starting with another byte, or empty, may be any.
#[derive(Debug, Clone, PartialEq)]
struct Shapes([u32; 64]);

impl Default for Shapes {
    fn default() -> Self {
        Shapes([0; 64])
    }
}

impl Shapes {
    fn add(&mut self, word: &str) {
        if let Some(&first) = word.as_bytes().first().filter(|b| b.is_ascii()) {
            self.0[usize::from(first & 63)] |= 1u32 << word.len().min(31);
        }
    }

    #[inline]
    fn may_hold(&self, word: &str) -> bool {
        match word.as_bytes().first() {
            Some(&first) if first.is_ascii() => self.0[usize::from(first & 63)] & 1u32 << word.len().min(31) != 0,
            _ => true,
        }
    }
}

impl Phrases {
    /// The phrases of `list`, indexed.
    pub fn new(list: Vec<Phrase>) -> Phrases {
        let mut p = Phrases::default();
        p.extend(list);
        p
    }

    /// Adds phrases.
    pub fn extend(&mut self, more: impl IntoIterator<Item = Phrase>) {
        for phrase in more {
            let (Some(first), Some(last)) = (phrase.first(), phrase.last()) else {
                continue;
            };
            self.first_shapes.add(first);
            self.last_shapes.add(last);
            self.by_first.entry(first.clone()).or_default().push(self.list.len());
            self.by_last.entry(last.clone()).or_default().push(self.list.len());
            self.list.push(phrase);
        }
    }

    /// The phrases that start with `word`.
    pub fn starting<'a>(&'a self, word: &str) -> impl Iterator<Item = &'a Phrase> + 'a {
        let found = if self.first_shapes.may_hold(word) { self.by_first.get(word) } else { None };
        found.into_iter().flatten().map(|&i| &self.list[i])
    }

    /// The phrases that end with `word`.
    pub fn ending<'a>(&'a self, word: &str) -> impl Iterator<Item = &'a Phrase> + 'a {
        let found = if self.last_shapes.may_hold(word) { self.by_last.get(word) } else { None };
        found.into_iter().flatten().map(|&i| &self.list[i])
    }

    /// Whether the one-word phrase `word` is in the list.
    pub fn has_word(&self, word: &str) -> bool {
        self.starting(word).any(|p| p.len() == 1)
    }
}

impl std::ops::Deref for Phrases {
    type Target = [Phrase];
    fn deref(&self) -> &[Phrase] {
        &self.list
    }
}

/// One level of a type's strength scale and the phrases that express it.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    /// The type of commitment this level belongs to.
    pub kind: CommitmentType,
    /// Its rank on the type's scale: higher is stronger.
    pub rank: i32,
    /// Its name (`encourage`, `call upon`, `will`, `must not`).
    pub name: String,
    /// Phrases in the document's own voice.
    pub own: Phrases,
    /// Phrases that report someone else's commitment.
    pub reported: Phrases,
    /// Phrases matched only when printed in capitals (RFC 2119).
    pub capitals: bool,
}

/// A modifier of a call's strength (`strongly` +1, `would` −1).
#[derive(Debug, Clone, PartialEq)]
pub struct Modifier {
    /// What it adds to the rank.
    pub delta: i32,
    /// The phrases.
    pub phrases: Phrases,
}

/// A parsed lexicon.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {
    /// Who speaks in the document's own voice.
    pub self_actors: Phrases,
    /// Call verbs after the author (`I urge`).
    pub calls: Vec<Level>,
    /// Strength modifiers between the author and a call verb.
    pub call_modifiers: Vec<Modifier>,
    /// Words allowed between the author and a call verb.
    pub call_fillers: Phrases,
    /// Modals that make a recommendation to others (`States should`).
    pub call_modals: Vec<Level>,
    /// Pledge phrases (`will`, `intends to`, `commit to`).
    pub pledges: Vec<Level>,
    /// Obligations (`must`, `shall`, `is required to`) and RFC 2119 keywords.
    pub obligations: Vec<Level>,
    /// Prohibitions (`must not`, `may not`).
    pub prohibitions: Vec<Level>,
    /// Negations (`not`, `no longer`).
    pub negations: Phrases,
    /// Words before a `will` or `should` that make it a forecast.
    pub hedges: Phrases,
    /// Verbs after `will` or `should` that make it a forecast.
    pub forecast_verbs: Phrases,
    /// Subjects whose `will` is a forecast.
    pub forecast_subjects: Phrases,
    /// Subjects that can be asked to act (`States should`).
    pub agents: Phrases,
    /// Frames that report someone else's words.
    pub report_frames: Phrases,
    /// `[conduct]`: the document's own standing conduct (`seeks to`,
    /// `continues to`): a pledge only when one of `[self]` is the subject.
    pub conduct: Vec<Level>,
    /// `[exhortation]`: a call that opens its sentence (`let us`).
    pub exhortations: Phrases,
    /// `[ask-verb]`: `expects CAs to`: the object is asked; a level of a
    /// call or obligation type.
    pub asks: Vec<Level>,
    /// `[inanimate]`: subjects that cannot act (`this License`, `rights`).
    pub inanimate: Phrases,
    /// `[stative-verb]`: verbs that, after a modal, state no act (`shall survive`).
    pub stative_verbs: Phrases,
    /// `[permission]`: words that grant (`may`, `are permitted to`).
    pub permissions: Phrases,
    /// `[condition]`: words that bind a permission's holder (`provided that`).
    pub conditions: Phrases,
    /// `[limit]`: a bound that forbids going past it (`at most`, `no more than`).
    pub limits: Phrases,
    /// `[imperative]`: verbs whose bare form opening a sentence of a rule
    /// text is an order (`Set`, `Include`).
    pub imperatives: Phrases,
}

const SECTIONS: &[&str] = &[
    "self",
    "call",
    "call-modifier",
    "call-filler",
    "call-modal",
    "pledge",
    "obligation",
    "prohibition",
    "rfc2119",
    "negation",
    "hedge",
    "forecast-verb",
    "forecast-subject",
    "agent",
    "report-frame",
    "conduct",
    "exhortation",
    "ask-verb",
    "inanimate",
    "stative-verb",
    "permission",
    "condition",
    "limit",
    "imperative",
];

fn phrase(text: &str, capitals: bool) -> Phrase {
    tokenize(text)
        .into_iter()
        .filter(Token::is_word)
        .map(|t| if capitals { t.text.to_string() } else { t.lower.into_owned() })
        .collect()
}

fn phrases(list: &str, capitals: bool) -> Phrases {
    Phrases::new(list.split(',').map(str::trim).filter(|p| !p.is_empty()).map(|p| phrase(p, capitals)).collect())
}

impl Lexicon {
    /// The default English lexicon.
    pub fn english() -> Lexicon {
        Lexicon::parse(DEFAULT_LEXICON).expect("the shipped lexicon parses")
    }

    /// Reads a lexicon file: one that starts with `extends default` adds to
    /// the default lexicon, any other replaces it.
    pub fn from_file(path: &Path) -> Result<Lexicon> {
        let bytes =
            std::fs::read(path).map_err(|e| Error::file(ErrorKind::Io, path, format!("cannot read lexicon: {e}")))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| Error::file(ErrorKind::NotText, path, "the lexicon is not UTF-8 text"))?;
        let first = text.lines().map(|l| l.split('#').next().unwrap_or("").trim()).find(|l| !l.is_empty());
        let result = if first == Some("extends default") {
            Lexicon::parse(DEFAULT_LEXICON).and_then(|mut base| {
                let body = text.replacen("extends default", "", 1);
                base.extend(Lexicon::parse(&body)?);
                Ok(base)
            })
        } else {
            Lexicon::parse(&text)
        };
        let lexicon = result
            .map_err(|(line, message)| Error::file(ErrorKind::Invalid, path, format!("line {line}: {message}")))?;
        if lexicon.calls.is_empty()
            && lexicon.pledges.is_empty()
            && lexicon.obligations.is_empty()
            && lexicon.prohibitions.is_empty()
            && lexicon.call_modals.is_empty()
        {
            return Err(Error::file(
                ErrorKind::Invalid,
                path,
                "the lexicon has no [call], [pledge], [obligation] or [prohibition] entries",
            ));
        }
        Ok(lexicon)
    }

    /// Every phrase that makes a sentence a commitment, own and reported, of every level.
    pub fn trigger_phrases(&self) -> impl Iterator<Item = &Phrase> {
        self.calls
            .iter()
            .chain(&self.call_modals)
            .chain(&self.pledges)
            .chain(&self.obligations)
            .chain(&self.prohibitions)
            .chain(&self.conduct)
            .chain(&self.asks)
            .flat_map(|l| l.own.iter().chain(l.reported.iter()))
            .chain(self.exhortations.iter())
            .chain(self.conditions.iter())
            .chain(self.limits.iter())
    }

    /// Adds another lexicon's entries to this one.
    pub fn extend(&mut self, other: Lexicon) {
        self.self_actors.extend(other.self_actors.list);
        self.calls.extend(other.calls);
        self.call_modifiers.extend(other.call_modifiers);
        self.call_fillers.extend(other.call_fillers.list);
        self.call_modals.extend(other.call_modals);
        self.pledges.extend(other.pledges);
        self.obligations.extend(other.obligations);
        self.prohibitions.extend(other.prohibitions);
        self.negations.extend(other.negations.list);
        self.hedges.extend(other.hedges.list);
        self.forecast_verbs.extend(other.forecast_verbs.list);
        self.forecast_subjects.extend(other.forecast_subjects.list);
        self.agents.extend(other.agents.list);
        self.report_frames.extend(other.report_frames.list);
        self.conduct.extend(other.conduct);
        self.exhortations.extend(other.exhortations.list);
        self.asks.extend(other.asks);
        self.inanimate.extend(other.inanimate.list);
        self.stative_verbs.extend(other.stative_verbs.list);
        self.permissions.extend(other.permissions.list);
        self.conditions.extend(other.conditions.list);
        self.limits.extend(other.limits.list);
        self.imperatives.extend(other.imperatives.list);
    }

    /// Parses lexicon text; an error is the 1-based line and its cause.
    pub fn parse(text: &str) -> std::result::Result<Lexicon, (usize, String)> {
        let mut lex = Lexicon::default();
        let mut section = String::new();
        for (n, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |m: String| (n + 1, m);
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name.trim().to_string();
                if !SECTIONS.contains(&section.as_str()) {
                    return Err(err(format!("unknown section [{section}]")));
                }
                continue;
            }
            match section.as_str() {
                "self" => lex.self_actors.extend(phrases(line, false).list),
                "call-filler" => lex.call_fillers.extend(phrases(line, false).list),
                "negation" => lex.negations.extend(phrases(line, false).list),
                "hedge" => lex.hedges.extend(phrases(line, false).list),
                "forecast-verb" => lex.forecast_verbs.extend(phrases(line, false).list),
                "forecast-subject" => lex.forecast_subjects.extend(phrases(line, false).list),
                "agent" => lex.agents.extend(phrases(line, false).list),
                "report-frame" => lex.report_frames.extend(phrases(line, false).list),
                "exhortation" => lex.exhortations.extend(phrases(line, false).list),
                "inanimate" => lex.inanimate.extend(phrases(line, false).list),
                "stative-verb" => lex.stative_verbs.extend(phrases(line, false).list),
                "permission" => lex.permissions.extend(phrases(line, false).list),
                "condition" => lex.conditions.extend(phrases(line, false).list),
                "limit" => lex.limits.extend(phrases(line, false).list),
                "imperative" => lex.imperatives.extend(phrases(line, false).list),
                "conduct" => lex.conduct.push(level(CommitmentType::Pledge, line, false).map_err(err)?),
                "ask-verb" => {
                    let (kind, rest) =
                        line.split_once(' ').ok_or_else(|| err("expected `call 4 expect: expects`".into()))?;
                    let kind = match kind {
                        "call" => CommitmentType::Call,
                        "obligation" => CommitmentType::Obligation,
                        other => return Err(err(format!("'{other}': expected call or obligation"))),
                    };
                    lex.asks.push(level(kind, rest.trim(), false).map_err(err)?);
                }
                "call-modifier" => {
                    let (delta, list) = line.split_once(':').ok_or_else(|| err("expected `+1: phrase, …`".into()))?;
                    let delta = delta.trim().parse().map_err(|_| err(format!("'{}' is not a number", delta.trim())))?;
                    lex.call_modifiers.push(Modifier { delta, phrases: phrases(list, false) });
                }
                "call" | "call-modal" | "pledge" | "obligation" | "prohibition" => {
                    let kind = match section.as_str() {
                        "call" | "call-modal" => CommitmentType::Call,
                        "pledge" => CommitmentType::Pledge,
                        "obligation" => CommitmentType::Obligation,
                        _ => CommitmentType::Prohibition,
                    };
                    let level = level(kind, line, false).map_err(err)?;
                    match section.as_str() {
                        "call" => lex.calls.push(level),
                        "call-modal" => lex.call_modals.push(level),
                        "pledge" => lex.pledges.push(level),
                        "obligation" => lex.obligations.push(level),
                        _ => lex.prohibitions.push(level),
                    }
                }
                "rfc2119" => {
                    let (kind, rest) =
                        line.split_once(' ').ok_or_else(|| err("expected `obligation 4 must: MUST`".into()))?;
                    let kind = match kind {
                        "obligation" => CommitmentType::Obligation,
                        "prohibition" => CommitmentType::Prohibition,
                        other => return Err(err(format!("'{other}': expected obligation or prohibition"))),
                    };
                    let level = level(kind, rest.trim(), true).map_err(err)?;
                    if kind == CommitmentType::Obligation {
                        lex.obligations.push(level);
                    } else {
                        lex.prohibitions.push(level);
                    }
                }
                "" => return Err(err("an entry before any [section]".into())),
                other => return Err(err(format!("unknown section [{other}]"))),
            }
        }
        Ok(lex)
    }
}

/// `RANK name: phrase, … | reported, …`.
fn level(kind: CommitmentType, line: &str, capitals: bool) -> std::result::Result<Level, String> {
    let (head, list) = line.split_once(':').ok_or("expected `RANK name: phrase, …`")?;
    let (rank, name) = head.trim().split_once(' ').ok_or("expected `RANK name: phrase, …`")?;
    let rank = rank.parse().map_err(|_| format!("'{rank}' is not a rank"))?;
    let (own, reported) = list.split_once('|').unwrap_or((list, ""));
    Ok(Level {
        kind,
        rank,
        name: name.trim().to_string(),
        own: phrases(own, capitals),
        reported: phrases(reported, capitals),
        capitals,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_lexicon_parses_with_every_section() {
        let lex = Lexicon::english();
        assert_eq!(
            lex.calls.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(),
            ["invite", "encourage", "call upon", "urge", "demand"]
        );
        assert!(lex.self_actors.contains(&vec!["the".to_string(), "committee".to_string()]));
        assert!(lex.obligations.iter().any(|l| l.capitals && l.own.contains(&vec!["MUST".to_string()])));
        assert!(!lex.hedges.is_empty() && !lex.forecast_verbs.is_empty() && !lex.report_frames.is_empty());
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(Lexicon::parse("[call]\nurge urge").unwrap_err().0, 2);
        assert_eq!(Lexicon::parse("\n\n[nonsense]\nx").unwrap_err(), (3, "unknown section [nonsense]".to_string()));
        assert_eq!(Lexicon::parse("will").unwrap_err().0, 1);
    }
}
