//! The plain data types every stage passes on: an edition and its parts.

/// How an edition numbers its paragraphs, as the segmenter recognised it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Paragraphs numbered `1.`, `2.`, … under chapter and section headings
    /// (UN reports). A paragraph's label is its number as printed.
    NumberedParagraphs,
    /// Numbered section headings (`4.2.1 Title`, `### 4.2.1 Title`,
    /// `4. MODIFICATIONS`) with unnumbered body paragraphs, labelled
    /// `<section>:<n>` (rule books, licences).
    NumberedSections,
    /// No numbering: blank-line paragraphs labelled by ordinal (statements).
    Unnumbered,
    /// Section headings without numbers, written in markup (`## Scope`,
    /// an underlined reStructuredText title), with blank-line paragraphs
    /// labelled `<section>:<n>` after the heading's words (`scope:2`).
    Sections,
}

impl Layout {
    /// The name used in output.
    pub fn name(self) -> &'static str {
        match self {
            Layout::NumberedParagraphs => "numbered paragraphs",
            Layout::NumberedSections => "numbered sections",
            Layout::Unnumbered => "unnumbered paragraphs",
            Layout::Sections => "sections",
        }
    }
}

/// Which edition of a document this is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EditionMeta {
    /// A short name for the edition, unique within its series (`v2.1.2`, `2016-09-21`).
    pub label: String,
    /// The edition's date, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` when the text gives no more).
    pub date: Option<String>,
    /// Where the date was found: `flag` (`--date`), `file name`, `front
    /// matter` or `text`; `None` with no date.
    pub date_from: Option<String>,
    /// The document's title, when it has one.
    pub title: Option<String>,
}

/// A heading: a chapter, a section, or an unnumbered sub-heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// Depth: 1 for chapters and top-level sections, 2 below them, and so on.
    pub level: usize,
    /// The number or letter as printed (`III`, `A`, `4.2.1`), if any.
    pub number: Option<String>,
    /// The heading's text as printed, number included, lines joined.
    pub text: String,
    /// The 1-based line of the source where the heading starts.
    pub line: usize,
}

/// A footnote attached to the paragraph whose sentence cites it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Footnote {
    /// The mark as printed (`1`).
    pub mark: String,
    /// The footnote's text, lines joined.
    pub text: String,
}

/// A paragraph of an edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The label, unique in its edition: the number as printed (`12`), or
    /// `<section>:<n>` in a sectioned document, or the ordinal.
    pub label: String,
    /// The number as printed, for a numbered paragraph.
    pub number: Option<String>,
    /// Indices into [`Edition::headings`] of the headings it sits under, outermost first.
    pub headings: Vec<usize>,
    /// The text with extraction noise removed (wrapping, page breaks,
    /// footnote markers, split words); list items and table rows stay on
    /// lines of their own. [`Paragraph::sentences`] splits it.
    pub text: String,
    /// The footnotes its sentences cite.
    pub footnotes: Vec<Footnote>,
    /// The 1-based line of the source where the paragraph starts.
    pub line: usize,
    /// The 1-based line of the source where it ends: its last line of
    /// text. Skipped blocks (a page break, a figure) may lie between.
    pub end_line: usize,
}

impl Paragraph {
    /// The paragraph's sentences, in order: derived from the text when
    /// asked for, so reading and comparing editions do not pay for them.
    pub fn sentences(&self) -> Vec<&str> {
        crate::segment::sentences::split(&self.text)
    }
}

/// A block of the source left out of the edition's text, and why: page
/// furniture, a figure, a masthead, a signature, link lines, a front
/// matter. With the paragraphs, headings, footnotes and metadata, these
/// account for every line of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Why it was left out (`page furniture`, `figure`, …).
    pub what: String,
    /// Its first line in the source, from 1.
    pub first_line: usize,
    /// Its last line.
    pub last_line: usize,
}

/// One edition of a document, segmented.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edition {
    /// The file it was read from, as given.
    pub path: String,
    /// Label, date and title.
    pub meta: EditionMeta,
    /// How its paragraphs are numbered.
    pub layout: Layout,
    /// Every heading, in document order.
    pub headings: Vec<Heading>,
    /// Every paragraph, in document order.
    pub paragraphs: Vec<Paragraph>,
    /// What the reader and segmenter had to guess or could not resolve.
    pub warnings: Vec<String>,
    /// What of the source was left out of the text, and why.
    pub skipped: Vec<Skipped>,
}

impl Edition {
    /// The paragraph with `label`, if any.
    pub fn paragraph(&self, label: &str) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.label == label)
    }

    /// The heading texts a paragraph sits under, outermost first.
    pub fn heading_texts(&self, paragraph: &Paragraph) -> Vec<&str> {
        paragraph.headings.iter().map(|&i| self.headings[i].text.as_str()).collect()
    }

    /// All footnotes, in document order.
    pub fn footnote_count(&self) -> usize {
        self.paragraphs.iter().map(|p| p.footnotes.len()).sum()
    }
}

/// What happened to a paragraph (or a group of them) between two editions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    /// The same text, after normalising extraction noise.
    Unchanged,
    /// The same paragraph with edited wording.
    Revised,
    /// The counterpart sits out of order relative to the rest (possibly also edited).
    Moved,
    /// One old paragraph became two or more new ones.
    Split,
    /// Two or more old paragraphs became one.
    Merged,
    /// No counterpart in the old edition.
    New,
    /// No counterpart in the new edition.
    Dropped,
}

impl ChangeKind {
    /// All kinds, in the order summaries list them.
    pub const ALL: [ChangeKind; 7] = [
        ChangeKind::Unchanged,
        ChangeKind::Revised,
        ChangeKind::Moved,
        ChangeKind::Split,
        ChangeKind::Merged,
        ChangeKind::New,
        ChangeKind::Dropped,
    ];

    /// The name used in output and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Unchanged => "unchanged",
            ChangeKind::Revised => "revised",
            ChangeKind::Moved => "moved",
            ChangeKind::Split => "split",
            ChangeKind::Merged => "merged",
            ChangeKind::New => "new",
            ChangeKind::Dropped => "dropped",
        }
    }

    /// The kind with this name.
    pub fn from_name(name: &str) -> Option<ChangeKind> {
        ChangeKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// One step of a word diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditOp {
    /// Text in both.
    Equal,
    /// Text only in the old edition.
    Delete,
    /// Text only in the new edition.
    Insert,
}

/// A run of text and what happened to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// What happened.
    pub op: EditOp,
    /// The text.
    pub text: String,
}

/// One change: paragraphs of the old edition and their counterparts in the new.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// What happened.
    pub kind: ChangeKind,
    /// Indices into the old edition's paragraphs (empty for `New`).
    pub old: Vec<usize>,
    /// Indices into the new edition's paragraphs (empty for `Dropped`).
    pub new: Vec<usize>,
    /// Word similarity of the two sides, 0 to 1 (1 for unchanged; 0 for new and dropped).
    pub similarity: f64,
    /// The labels differ (`¶12 → ¶14`).
    pub renumbered: bool,
    /// The word diff from the old text to the new. Joined, they give both
    /// texts exactly (several paragraphs are joined with a blank line).
    /// Empty for unchanged, new and dropped paragraphs.
    pub edits: Vec<Edit>,
}

/// Two editions and what changed between them.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The earlier edition.
    pub old: Edition,
    /// The later edition.
    pub new: Edition,
    /// Every paragraph of both editions in exactly one change, in the new
    /// edition's order (a dropped paragraph where it stood).
    pub changes: Vec<Change>,
    /// The commitments of both editions and what became of each (empty
    /// until [`crate::commitments::compare`] fills it).
    pub commitments: Commitments,
}

impl Comparison {
    /// How many changes of each kind, in [`ChangeKind::ALL`] order.
    pub fn summary(&self) -> [(ChangeKind, usize); 7] {
        ChangeKind::ALL.map(|k| (k, self.changes.iter().filter(|c| c.kind == k).count()))
    }

    /// Anything but unchanged paragraphs.
    pub fn has_differences(&self) -> bool {
        self.changes.iter().any(|c| c.kind != ChangeKind::Unchanged)
    }
}

/// The type of a commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CommitmentType {
    /// The author or an institution states its own future action (`The Committee will …`).
    Pledge,
    /// The author asks or recommends that others act (`I urge Member States to …`).
    Call,
    /// A rule binding an actor (`The CA SHALL …`, `You must …`).
    Obligation,
    /// A rule forbidding an act (`MUST NOT`, `You may not …`).
    Prohibition,
    /// A commitment made elsewhere that the sentence reports (`the Council called upon States to …`).
    Reported,
}

impl CommitmentType {
    /// The name used in output.
    pub fn name(self) -> &'static str {
        match self {
            CommitmentType::Pledge => "pledge",
            CommitmentType::Call => "call",
            CommitmentType::Obligation => "obligation",
            CommitmentType::Prohibition => "prohibition",
            CommitmentType::Reported => "reported",
        }
    }

    /// The type with this name.
    pub fn from_name(name: &str) -> Option<CommitmentType> {
        [Self::Pledge, Self::Call, Self::Obligation, Self::Prohibition, Self::Reported]
            .into_iter()
            .find(|t| t.name() == name)
    }
}

/// A sentence that binds an actor to act or asks an actor to act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commitment {
    /// Index into the edition's paragraphs.
    pub paragraph: usize,
    /// Index into the paragraph's [`Paragraph::sentences`].
    pub sentence: usize,
    /// The sentence.
    pub text: String,
    /// Its type.
    pub kind: CommitmentType,
    /// Who is bound or asked, as printed, when the sentence names them.
    pub actor: Option<String>,
    /// The words that make it a commitment, as printed (`strongly encourage`).
    pub trigger: String,
    /// The level on its type's scale (`strongly encourage`, `will`, `must not`); empty for reported ones.
    pub level: String,
    /// The rank on its type's scale: higher is stronger (0 for reported ones).
    pub strength: i32,
    /// Negated: `will not`, `no longer`, `should not`.
    pub negated: bool,
}

/// What happened to a commitment between two editions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CommitmentChangeKind {
    /// The same sentence (after normalising extraction noise).
    Unchanged,
    /// The sentence changed.
    Revised,
    /// Only in the new edition.
    New,
    /// Only in the old edition.
    Dropped,
}

impl CommitmentChangeKind {
    /// The name used in output.
    pub fn name(self) -> &'static str {
        match self {
            CommitmentChangeKind::Unchanged => "unchanged",
            CommitmentChangeKind::Revised => "revised",
            CommitmentChangeKind::New => "new",
            CommitmentChangeKind::Dropped => "dropped",
        }
    }
}

/// How a revised commitment's strength moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrengthChange {
    /// Higher on its scale (`encourage` → `urge`).
    Stronger,
    /// Lower on its scale (`will` → `intends to`).
    Weaker,
    /// The same level.
    Same,
}

impl StrengthChange {
    /// The name used in output.
    pub fn name(self) -> &'static str {
        match self {
            StrengthChange::Stronger => "stronger",
            StrengthChange::Weaker => "weaker",
            StrengthChange::Same => "same",
        }
    }
}

/// One commitment of either edition and what became of it.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentChange {
    /// What happened.
    pub kind: CommitmentChangeKind,
    /// Index into [`Comparison::changes`] of the paragraph change it belongs
    /// to: where the new sentence is, or where a dropped one stood.
    pub change: usize,
    /// Index into [`Commitments::old`].
    pub old: Option<usize>,
    /// Index into [`Commitments::new`].
    pub new: Option<usize>,
    /// For a revised commitment of the same type: stronger, weaker or the same.
    pub strength: Option<StrengthChange>,
    /// The type changed (`should` → `must` is call → obligation).
    pub type_changed: bool,
    /// Negated in one edition and not the other.
    pub polarity_flipped: bool,
    /// The actor reads differently.
    pub actor_changed: bool,
    /// The word diff of the sentence, for a revised commitment.
    pub edits: Vec<Edit>,
}

/// The commitments of two editions and what became of each.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Commitments {
    /// Whether commitments were looked for at all.
    pub searched: bool,
    /// The old edition's, in document order.
    pub old: Vec<Commitment>,
    /// The new edition's, in document order.
    pub new: Vec<Commitment>,
    /// Every commitment of both in exactly one change, in the order of [`Comparison::changes`].
    pub changes: Vec<CommitmentChange>,
}
