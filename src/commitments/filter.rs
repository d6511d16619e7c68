//! What `--only` selects among commitments: the changes of a comparison
//! (`editions diff --commitments`) or the threads of a series' timeline
//! (`editions commitments FOLDER --timeline`).

use super::timeline::{StepKind, Thread};
use crate::model::{CommitmentChange, CommitmentChangeKind, StrengthChange};

/// A kind of commitment to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommitmentFilter {
    /// Between two editions: only in the new one. In a timeline: first
    /// appeared after the series' first edition.
    New,
    /// Its sentence changed (in a timeline: at least once).
    Revised,
    /// Revised to a higher level on its scale (in a timeline: at least once).
    Stronger,
    /// Revised to a lower level on its scale (in a timeline: at least once).
    Weaker,
    /// Between two editions: only in the old one. In a timeline: dropped
    /// and not back by the last edition.
    Dropped,
    /// Between two editions: the same sentence. In a timeline: never revised.
    Unchanged,
    /// In a timeline: dropped and later restored.
    Restored,
    /// In a timeline: standing in the last edition.
    Standing,
}

impl CommitmentFilter {
    /// The kinds `editions diff --commitments --only` takes.
    pub const CHANGE_NAMES: &str = "new, revised, stronger, weaker, dropped or unchanged";
    /// The kinds `editions commitments --timeline --only` takes.
    pub const THREAD_NAMES: &str = "new, revised, stronger, weaker, dropped, unchanged, restored or standing";

    /// The kind named `name` (as in `--only`).
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "new" => CommitmentFilter::New,
            "revised" => CommitmentFilter::Revised,
            "stronger" => CommitmentFilter::Stronger,
            "weaker" => CommitmentFilter::Weaker,
            "dropped" => CommitmentFilter::Dropped,
            "unchanged" => CommitmentFilter::Unchanged,
            "restored" => CommitmentFilter::Restored,
            "standing" => CommitmentFilter::Standing,
            _ => return None,
        })
    }

    /// Whether the kind says something of a change between two editions
    /// (`restored` and `standing` are about a series).
    pub fn applies_to_changes(self) -> bool {
        !matches!(self, CommitmentFilter::Restored | CommitmentFilter::Standing)
    }

    /// Whether a commitment change between two editions is of this kind.
    pub fn matches_change(self, c: &CommitmentChange) -> bool {
        let revised = c.kind == CommitmentChangeKind::Revised;
        match self {
            CommitmentFilter::New => c.kind == CommitmentChangeKind::New,
            CommitmentFilter::Revised => revised,
            CommitmentFilter::Stronger => revised && c.strength == Some(StrengthChange::Stronger),
            CommitmentFilter::Weaker => revised && c.strength == Some(StrengthChange::Weaker),
            CommitmentFilter::Dropped => c.kind == CommitmentChangeKind::Dropped,
            CommitmentFilter::Unchanged => c.kind == CommitmentChangeKind::Unchanged,
            CommitmentFilter::Restored | CommitmentFilter::Standing => false,
        }
    }

    /// Whether a commitment followed across a series is of this kind.
    pub fn matches_thread(self, t: &Thread) -> bool {
        let revised = |strength: Option<StrengthChange>| {
            t.steps.iter().any(|s| s.kind == StepKind::Revised && (strength.is_none() || s.strength == strength))
        };
        match self {
            CommitmentFilter::New => t.first() > 0,
            CommitmentFilter::Revised => revised(None),
            CommitmentFilter::Stronger => revised(Some(StrengthChange::Stronger)),
            CommitmentFilter::Weaker => revised(Some(StrengthChange::Weaker)),
            CommitmentFilter::Dropped => t.dropped().is_some(),
            CommitmentFilter::Unchanged => !revised(None),
            CommitmentFilter::Restored => t.steps.iter().any(|s| s.kind == StepKind::Restored),
            CommitmentFilter::Standing => t.dropped().is_none(),
        }
    }
}

/// Which commitment changes of a comparison to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommitmentView {
    /// Show unchanged commitments too.
    pub all: bool,
    /// Show only these kinds (when not empty; `all` is then moot).
    pub only: Vec<CommitmentFilter>,
}

impl CommitmentView {
    /// Whether the view shows `c`.
    pub fn shows(&self, c: &CommitmentChange) -> bool {
        if self.only.is_empty() {
            self.all || c.kind != CommitmentChangeKind::Unchanged
        } else {
            self.only.iter().any(|f| f.matches_change(c))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commitments::timeline::Step;
    use crate::model::{Commitment, CommitmentType};

    fn step(edition: usize, kind: StepKind, strength: Option<StrengthChange>) -> Step {
        Step {
            edition,
            kind,
            commitment: Commitment {
                paragraph: 0,
                sentence: 0,
                kind: CommitmentType::Pledge,
                trigger: "will".into(),
                level: "will".into(),
                strength: 2,
                actor: None,
                negated: false,
                text: "The Committee will act.".into(),
            },
            strength,
            type_changed: false,
            polarity_flipped: false,
            edits: Vec::new(),
        }
    }

    #[test]
    fn threads_by_kind() {
        let weakened = Thread {
            steps: vec![step(0, StepKind::New, None), step(2, StepKind::Revised, Some(StrengthChange::Weaker))],
            last: 5,
        };
        let gone = Thread { steps: vec![step(1, StepKind::New, None), step(3, StepKind::Dropped, None)], last: 2 };
        let back = Thread {
            steps: vec![
                step(1, StepKind::New, None),
                step(2, StepKind::Dropped, None),
                step(3, StepKind::Restored, None),
            ],
            last: 5,
        };
        let names = |t: &Thread| {
            ["new", "revised", "stronger", "weaker", "dropped", "unchanged", "restored", "standing"]
                .into_iter()
                .filter(|n| CommitmentFilter::from_name(n).unwrap().matches_thread(t))
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&weakened), ["revised", "weaker", "standing"]);
        assert_eq!(names(&gone), ["new", "dropped", "unchanged"]);
        assert_eq!(names(&back), ["new", "unchanged", "restored", "standing"]);
        assert_eq!(CommitmentFilter::from_name("moved"), None);
    }
}
