//! Commitments read from the shape of the clause rather than from a modal
//! or a call verb: the document's own standing conduct (`The Committee
//! seeks to`), exhortations (`Let us`), verbs that ask their object to act
//! (`Mozilla expects CAs to`), permissions bound by a condition (`You may
//! …, provided that`), limits (`may be at most five words`, `Only one …
//! may`), withheld permissions (`does not give you permission`), decisions
//! that bind the future (`decided to continue … until`) and orders in the
//! bare imperative in rule texts (`Set the flag to 0.`).

use super::{Candidate, Found, Reader, ShapeLists, phrase_at, subject};
use crate::model::CommitmentType;

/// Words that may open a sentence before its verb without being its subject.
const LEADS: &[&str] = &["so", "and", "now", "then", "but", "together", "first", "second", "third", "finally", "also"];

/// Verbs of a decision that binds the future when a time to come is named.
const CONTINUING: &[&str] = &[
    "continue",
    "maintain",
    "keep",
    "extend",
    "complete",
    "reinvest",
    "purchase",
    "increase",
    "reduce",
    "slow",
    "conclude",
    "end",
    "begin",
    "undertake",
    "hold",
];

/// Verbs of a decision that starts or changes a programme: a pledge
/// whenever the document's own voice decides them (`decided to launch`).
const PROGRAMME: &[&str] = &[
    "launch",
    "extend",
    "reinvest",
    "purchase",
    "complete",
    "introduce",
    "start",
    "begin",
    "conduct",
    "establish",
    "undertake",
    "expand",
    "reduce",
    "increase",
    "slow",
    "end",
    "conclude",
    "continue",
    "implement",
    "create",
];

/// Nouns that name what the speaker sets out to do: `our goal is to`.
pub(in crate::commitments) const GOALS: &[&str] = &[
    "goal",
    "aim",
    "ambition",
    "mission",
    "task",
    "priority",
    "objective",
    "target",
    "intention",
    "determination",
    "commitment",
    "plan",
    "purpose",
];

/// Nouns that name a commitment made (`a commitment to halve …`).
pub(in crate::commitments) const PROMISES: &[&str] = &["commitment", "commitments", "promise", "promises", "pledge"];

/// Verbs that often follow a commitment's `to` besides `[imperative]`
/// (`a commitment to halve`, `to be net-zero`, `to decarbonize`).
const PROMISED_VERBS: &[&str] = &[
    "be",
    "become",
    "halve",
    "achieve",
    "operate",
    "meet",
    "decarbonize",
    "decarbonise",
    "dismantle",
    "electrify",
    "triple",
    "phase",
    "hold",
    "respect",
    "uphold",
    "implement",
    "protect",
    "return",
    "increase",
    "expand",
];

/// Words of a target stated without a verb (`42% absolute reduction in …`,
/// `net zero by 2040`): the prefilter lets a sentence with one through.
pub(in crate::commitments) const TARGETS: &[&str] = &["reduction", "reductions", "zero", "neutral", "negative"];

/// Verbs in `-ing` that tell a state of mind, not conduct (`we are seeing`).
const MINDS: &[&str] = &[
    "seeing",
    "hoping",
    "thinking",
    "expecting",
    "anticipating",
    "looking",
    "saying",
    "talking",
    "feeling",
    "being",
    "having",
    "getting",
    "hearing",
    "wondering",
    "waiting",
    "trying",
    "asking",
    "facing",
    "living",
    "meeting",
    "concerned",
    "pleased",
    "telling",
    "reporting",
    "observing",
    "noting",
];

/// Words in `-ing` that are no verb: prepositions (`During …`,
/// `Following a request …`), adjectives (`Ongoing conflict …`) and nouns.
const NOT_GERUNDS: &[&str] = &[
    "during",
    "following",
    "according",
    "regarding",
    "concerning",
    "including",
    "notwithstanding",
    "pending",
    "ongoing",
    "underlying",
    "existing",
    "nothing",
    "something",
    "everything",
    "anything",
    "morning",
    "evening",
    "string",
    "spring",
];

/// Whether a word in `-ing` (in lower case) opens no aim: a state of mind
/// or no verb at all ([`MINDS`], [`NOT_GERUNDS`]).
pub(in crate::commitments) fn no_aim(word: &str) -> bool {
    MINDS.contains(&word) || NOT_GERUNDS.contains(&word)
}

/// Participles that grant a permission after `is`, `are`, `be` (`No other … are permitted`).
const PERMITTED: &[&str] = &["allowed", "permitted", "authorized", "authorised"];

/// Prepositions that may follow an intransitive verb (`intensified between`).
const PREPOSITIONS: &[&str] =
    &["between", "in", "on", "at", "across", "from", "with", "into", "over", "after", "during", "throughout", "among"];

/// Words after which a decision names a time to come (`until`, `at least through`).
const FUTURE: &[&str] = &["until", "till", "through", "over", "going", "for", "by", "in", "at"];

impl Reader<'_> {
    fn candidate(
        &self,
        kind: CommitmentType,
        actor: Option<String>,
        trigger: std::ops::Range<usize>,
        rank: i32,
        priority: u8,
    ) -> Candidate {
        let negated = kind == CommitmentType::Prohibition;
        let trigger_text = self.trigger(trigger.clone());
        Candidate {
            found: Found {
                kind,
                actor,
                level: trigger_text.to_lowercase(),
                trigger: trigger_text,
                strength: rank,
                negated,
            },
            at: trigger.start,
            priority,
        }
    }

    /// The first token of the sentence's own words: past a list marker
    /// (`3.`, `(a)`, `-`), a step name (`Step 2:`) and words such as `So`.
    pub(super) fn opening(&self) -> usize {
        let t = &self.tokens;
        let mut i = 0;
        // `(a)`, `a)`, `3.`, `-`, `Step 2:`
        while i < t.len() && i < 6 {
            let word = &t[i];
            let marker = !word.is_word()
                || word.text.len() <= 3 && t.get(i + 1).is_some_and(|n| matches!(n.text, ")" | "." | ":"))
                || word.lower == "step" && t.get(i + 1).is_some_and(|n| n.text.chars().all(|c| c.is_ascii_digit()));
            if !marker {
                break;
            }
            i += 1;
        }
        while i < t.len() && LEADS.contains(&t[i].lower.as_ref()) {
            i += 1;
            if t.get(i).is_some_and(|n| n.text == ",") {
                i += 1;
            }
        }
        i
    }

    /// Every commitment the clause's shape makes, added to `out`.
    pub(super) fn shapes(&self, out: &mut Vec<Candidate>) {
        let lex = self.lex;
        let open = self.opening();
        out.extend(self.imperative(open));
        out.extend(self.aim(open));
        out.extend(self.target());
        out.extend(self.denied(open));
        for i in 0..self.tokens.len() {
            if !self.tokens[i].is_word() {
                continue;
            }
            let Some(lists) = self.starts.shape_lists(&self.tokens[i].lower) else {
                continue;
            };
            if lists.has(ShapeLists::EXHORTATIONS)
                && let Some(n) = phrase_at(&self.tokens, i, &lex.exhortations, false)
            {
                out.push(self.candidate(CommitmentType::Call, None, i..i + n, 4, 5));
            }
            if matches!(self.tokens[i].lower.as_ref(), "am" | "is" | "are") {
                out.extend(self.progressive(i));
                out.extend(self.destined(i));
            }
            if GOALS.contains(&self.tokens[i].lower.as_ref()) {
                out.extend(self.goal(i));
            }
            if PROMISES.contains(&self.tokens[i].lower.as_ref()) {
                out.extend(self.promised(i));
            }
            for (j, level) in lex.conduct.iter().enumerate() {
                if !lists.has(ShapeLists::CONDUCT + j) {
                    continue;
                }
                let Some(n) = phrase_at(&self.tokens, i, &level.own, false) else {
                    continue;
                };
                let subject = subject(&self.tokens, i);
                if self.context.news && self.speaks_for_self(subject.clone()).is_none() && self.acts(&subject) {
                    // `Google wants to run …` in a report about others.
                    out.push(super::reported(self.trigger(i..i + n), self.actor(subject.clone()), i));
                }
                let personal = matches!(self.head(&subject), Some("i" | "we"));
                if let Some(actor) = self.speaks_for_self(subject)
                    && !self.hedged_before(i)
                    && !self.thinks(i + n, personal)
                {
                    // Below a pledge's phrase in the same sentence: `continues to
                    // purchase …, and it stands ready to expand` pledges readiness.
                    let mut c = self.candidate(CommitmentType::Pledge, self.actor(actor), i..i + n, level.rank, 2);
                    c.found.level = level.name.clone();
                    c.found.negated = false;
                    out.push(c);
                }
            }
            for (j, level) in lex.asks.iter().enumerate() {
                if lists.has(ShapeLists::CONDUCT + lex.conduct.len() + j)
                    && let Some(n) = phrase_at(&self.tokens, i, &level.own, false)
                {
                    out.extend(self.ask(i, n, level));
                }
            }
            if lists.has(ShapeLists::CONDITIONS)
                && let Some(n) = phrase_at(&self.tokens, i, &lex.conditions, false)
            {
                out.extend(self.condition(i, n));
            }
            if lists.has(ShapeLists::LIMITS)
                && let Some(n) = phrase_at(&self.tokens, i, &lex.limits, false)
            {
                out.extend(self.limit(i, n));
            }
            if self.tokens[i].lower == "not" {
                out.extend(self.withheld(i));
            }
            if matches!(self.tokens[i].lower.as_ref(), "decided" | "decides" | "decide")
                && self.tokens.get(i + 1).is_some_and(|t| t.lower == "to")
            {
                out.extend(self.decision(i));
            }
        }
    }

    /// Whether the verb at `i` is one of thinking, not doing (`continues to
    /// believe`, `continues to see`): a view, not conduct. After an
    /// institution, a verb of how the world goes is one too (`the Committee
    /// continues to weigh`); after `I` or `we` (`personal`) it is the
    /// speaker's own act (`I want to expand tutoring`).
    fn thinks(&self, i: usize, personal: bool) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            matches!(
                t.lower.as_ref(),
                "believe"
                    | "see"
                    | "expect"
                    | "anticipate"
                    | "judge"
                    | "view"
                    | "think"
                    | "feel"
                    | "regard"
                    | "consider"
                    | "be"
                    | "have"
                    | "remain"
            ) || !personal && self.lex.forecast_verbs.has_word(&t.lower) && t.lower != "make"
        })
    }

    /// `I'm ending it`, `The Committee is monitoring …`, `We are investing
    /// in …`: the document's own voice in the present progressive tells
    /// its standing conduct.
    fn progressive(&self, i: usize) -> Option<Candidate> {
        let t = &self.tokens;
        let mut v = i + 1;
        // `is in the process of planning`: the progressive spelt out.
        let spelt = ["in", "the", "process", "of"];
        if t.get(v..v + 4).is_some_and(|w| w.iter().zip(spelt).all(|(w, s)| w.lower == s)) {
            v += 4;
        }
        while t.get(v).is_some_and(|w| super::is_adverb(w) || w.lower == "not") {
            v += 1;
        }
        let verb = t.get(v)?;
        if !(verb.lower.len() > 5 && verb.lower.ends_with("ing")) || MINDS.contains(&verb.lower.as_ref()) {
            return None;
        }
        if verb.lower == "going" && t.get(v + 1).is_none_or(|w| w.lower != "to") {
            return None;
        }
        if self.hedged_before(i) {
            return None;
        }
        let Some(actor) = self.speaks_for_self(subject(t, i)) else {
            // `Apple is investing in forests …` in a report about others.
            let subject = subject(t, i);
            let named = self.context.news && self.acts(&subject);
            return named.then(|| super::reported(self.trigger(i..v + 1), self.actor(subject), i));
        };
        let mut c = self.candidate(CommitmentType::Pledge, self.actor(actor), i..v + 1, 3, 2);
        c.found.level = "seek".to_string();
        c.found.negated = t[i + 1..v].iter().any(|w| w.lower == "not");
        Some(c)
    }

    /// `the Secretariat is to report to the Council monthly`, `the report is
    /// also to be submitted to the Security Council`: what an actor is
    /// bound to do by another's decision, reported (in a rule text, an
    /// obligation). The subject must be one that can act.
    fn destined(&self, i: usize) -> Option<Candidate> {
        let t = &self.tokens;
        let mut to = i + 1;
        while t.get(to).is_some_and(|w| w.lower == "also" || w.lower == "then") {
            to += 1;
        }
        if t.get(to)?.lower != "to" {
            return None;
        }
        let verb = t.get(to + 1).filter(|w| w.is_word())?;
        if verb.lower == "be" {
            // `is to be submitted` binds; `is to be expected`, `is to be welcomed` remark.
            let next = t.get(to + 2)?.lower.as_ref();
            if !self.passive_after(to + 1)
                || matches!(next, "expected" | "welcomed" | "commended" | "noted" | "seen" | "found" | "hoped")
            {
                return None;
            }
        }
        // `are to be interpreted as described`: how a text is read.
        if self.stative_after(to + 1) {
            return None;
        }
        let subject = subject(t, i);
        if subject.is_empty() || !self.can_act(&subject) || self.is_forecast_subject(&subject) || self.hedged_before(i)
        {
            return None;
        }
        // `The goals of the Open Font License (OFL) are to …`: an aim, not a duty.
        let aim = |w: &str| GOALS.contains(&w) || w.strip_suffix('s').is_some_and(|w| GOALS.contains(&w));
        if t[..i].iter().any(|w| aim(&w.lower)) {
            return None;
        }
        // `If the Subject Identity Information is to include …, the CA SHALL`: a condition.
        let conditional = (0..subject.start)
            .rev()
            .take_while(|&k| !matches!(t[k].text, ";" | "."))
            .any(|k| matches!(t[k].lower.as_ref(), "if" | "when" | "where" | "unless" | "whether" | "whenever"));
        if conditional {
            return None;
        }
        let actor = self.actor(subject);
        if self.context.rules {
            // Below a modal's rule in the same sentence (priority 3).
            let mut c = self.candidate(CommitmentType::Obligation, actor, i..to + 1, 4, 3);
            c.found.level = "must".to_string();
            return Some(c);
        }
        Some(super::reported(self.trigger(i..to + 1), actor, i))
    }

    /// `Our goal is to …`, `it is our strong determination to …`, `It is
    /// Labour's number one priority`: the aim the speaker sets itself.
    fn goal(&self, i: usize) -> Option<Candidate> {
        let t = &self.tokens;
        let owner = (i.saturating_sub(4)..i).rev().find(|&k| {
            matches!(t[k].lower.as_ref(), "our" | "my" | "its" | "the")
                || t[k].lower.ends_with("'s")
                || t[k].lower.ends_with("’s")
        })?;
        if (owner + 1..i).any(|k| !t[k].is_word()) {
            return None;
        }
        // `our goal is to`, `our aim remains to`, or `it is our goal to`.
        let after = t.get(i + 1).map_or("", |w| w.lower.as_ref());
        let next = t.get(i + 2).map_or("", |w| w.lower.as_ref());
        let predicate = matches!(after, "is" | "remains" | "was") && matches!(next, "to" | "that" | "clear")
            || after == "to" && owner >= 2 && t[owner - 1].lower == "is" && t[owner - 2].lower == "it";
        let priority_is =
            t[i].lower == "priority" && owner >= 1 && matches!(t[owner - 1].lower.as_ref(), "is" | "remains");
        if !(predicate || priority_is) {
            return None;
        }
        if t[owner].lower == "the"
            && (i == 0 || owner > 0 && !matches!(t[owner - 1].lower.as_ref(), "is"))
            && owner != self.opening()
        {
            return None;
        }
        let mut c = self.candidate(CommitmentType::Pledge, None, owner..i + 1, 3, 3);
        c.found.level = "intend".to_string();
        c.found.negated = false;
        Some(c)
    }

    /// `Mozilla expects CAs to …`: the object, one that can act, is asked.
    fn ask(&self, i: usize, n: usize, level: &crate::commitments::lexicon::Level) -> Option<Candidate> {
        let start = i + n;
        let to = (start..self.tokens.len().min(start + 10))
            .find(|&k| !self.tokens[k].is_word() || self.tokens[k].lower == "to")?;
        if self.tokens[to].lower != "to" || to == start {
            return None;
        }
        let object = start..to;
        if !self.is_agent(&object) || self.hedged_before(i) {
            return None;
        }
        let verb = self.tokens.get(to + 1).filter(|t| t.is_word())?;
        if self.lex.forecast_verbs.has_word(&verb.lower) && verb.lower != "make" {
            return None;
        }
        let mut c = self.candidate(level.kind, self.actor(object), i..i + n, level.rank, 4);
        c.found.level = level.name.clone();
        Some(c)
    }

    /// `You may …, provided that …`: a permission bound by a condition binds its holder.
    fn condition(&self, i: usize, n: usize) -> Option<Candidate> {
        let t = &self.tokens;
        // `provided` alone is a condition only after a comma (`, provided you`),
        // not in `the information provided by`.
        if n == 1 && t[i].lower == "provided" && !(i > 0 && matches!(t[i - 1].text, "," | ";" | "(")) {
            return None;
        }
        let permission = (0..i).find(|&k| phrase_at(t, k, &self.lex.permissions, false).is_some())?;
        if self.negation_at(permission + 1).is_some() {
            return None;
        }
        // `provided the MMC is eligible`: a state of things, not an act.
        let clause: Vec<_> = t[i + n..].iter().take_while(|w| !matches!(w.text, "." | ";" | ",")).collect();
        let state = clause.iter().position(|w| matches!(w.lower.as_ref(), "is" | "are")).is_some_and(|k| {
            clause.get(k + 1).is_none_or(|w| !(w.lower.ends_with("ed") || w.lower.ends_with("en") || w.lower == "not"))
        });
        if state {
            return None;
        }
        let holder = subject(t, permission);
        let actor = if holder.is_empty() { None } else { self.actor(holder) };
        // `only on Your own behalf`, `only in the courts of`: a permission
        // narrowed forbids the rest; `as long as they are not sold` forbids.
        let narrowed = t[i].lower == "only" && t.get(i + 1).is_some_and(|w| w.lower != "if") || t[i].lower == "solely";
        let negative = t[i + n..]
            .iter()
            .take_while(|w| !matches!(w.text, "." | ";" | ","))
            .any(|w| w.lower == "not" || w.lower == "no");
        let kind = if narrowed || negative { CommitmentType::Prohibition } else { CommitmentType::Obligation };
        let mut c = self.candidate(kind, actor, i..i + n, 4, 4);
        c.found.level = if kind == CommitmentType::Prohibition { "must not" } else { "provided that" }.to_string();
        Some(c)
    }

    /// `may be at most five words`, `Only one … may`: a limit forbids going past it.
    fn limit(&self, i: usize, n: usize) -> Option<Candidate> {
        let t = &self.tokens;
        let permits = |k: usize| matches!(t[k].lower.as_ref(), "may" | "can");
        if t[i].lower == "up" && !self.context.rules {
            return None;
        }
        let only_one = t[i].lower == "only";
        let modal = if only_one {
            (i + n..t.len().min(i + n + 16)).find(|&k| permits(k))
        } else {
            (i.saturating_sub(4)..i).rev().find(|&k| permits(k))
        }?;
        if self.negation_at(modal + 1).is_some() {
            return None;
        }
        let actor = if only_one { None } else { self.actor(subject(t, modal)) };
        let mut c = self.candidate(CommitmentType::Prohibition, actor, i..i + n, 4, 4);
        c.found.level = "must not".to_string();
        Some(c)
    }

    /// `No other literal names are allowed.`, `Neither the Font Software nor
    /// … may be sold`, `No use … is authorized`: a permission granted to no
    /// one forbids. The subject opens the sentence with `no` or `neither`,
    /// and the permission follows in its clause.
    fn denied(&self, open: usize) -> Option<Candidate> {
        let t = &self.tokens;
        if !matches!(t.get(open)?.lower.as_ref(), "no" | "neither" | "nothing" | "none") {
            return None;
        }
        // `No, …` and `No one knows`: no subject of a permission.
        if t.get(open + 1).is_none_or(|w| !w.is_word()) {
            return None;
        }
        let clause = (open + 1..t.len()).take_while(|&k| !matches!(t[k].text, "." | ";" | ":"));
        for k in clause {
            let word = t[k].lower.as_ref();
            let granted = match word {
                // `No one company can do this alone` is ability, outside a rule text.
                "may" => true,
                "can" => self.context.rules,
                _ if PERMITTED.contains(&word) => k > 0 && matches!(t[k - 1].lower.as_ref(), "is" | "are" | "be"),
                _ => false,
            };
            if granted {
                let actor = self.actor(open..k);
                let mut c = self.candidate(CommitmentType::Prohibition, actor, open..open + 1, 4, 4);
                c.found.trigger = format!("{} … {}", self.trigger(open..open + 1), self.trigger(k..k + 1));
                c.found.level = "must not".to_string();
                return Some(c);
            }
            // A finite verb of its own ends the subject (`No one has the right`).
            let permits_next = t.get(k + 1).is_some_and(|w| PERMITTED.contains(&w.lower.as_ref()));
            if matches!(word, "has" | "have" | "is" | "are" | "was" | "were" | "will" | "shall" | "must")
                && !permits_next
            {
                return None;
            }
        }
        None
    }

    /// `This includes a commitment to halve …`, `a milestone promise to
    /// decarbonize …`: a commitment named as a noun, with `to` and a verb
    /// within a few words after it. It is the document's own pledge, but
    /// reported in a report about others, after a verb in the past or of
    /// reporting whose subject is not the speaker (`Amazon co-founded The
    /// Climate Pledge—a commitment to …`, `the Minister reaffirmed the
    /// commitment of the authorities to …`), or when a name owns it
    /// (`the Government’s commitment to …`).
    fn promised(&self, i: usize) -> Option<Candidate> {
        let t = &self.tokens;
        // `the credibility of the Committee's commitment to …`: a commitment
        // spoken of, not made.
        if self.context.rules || (i.saturating_sub(3)..i).any(|k| t[k].lower == "of") {
            return None;
        }
        let to = (i + 1..t.len().min(i + 8)).find(|&k| !t[k].is_word() || t[k].lower == "to")?;
        // `the commitments of the strategy is to be found`: `to` belongs to another verb.
        let finite = |k: usize| matches!(t[k].lower.as_ref(), "is" | "are" | "was" | "were" | "has" | "have" | "will");
        if t[to].lower != "to" || (i + 1..to).any(finite) {
            return None;
        }
        let verb = t.get(to + 1).filter(|w| w.is_word())?;
        let lower = verb.lower.as_ref();
        let verb_like = PROMISED_VERBS.contains(&lower)
            || lower.len() > 5 && lower.ends_with("ing")
            || self.lex.imperatives.has_word(lower);
        if !verb_like || verb.text.starts_with(char::is_uppercase) {
            return None;
        }
        let determiner = |k: usize| {
            k > 0
                && matches!(
                    t[k - 1].lower.as_ref(),
                    "a" | "an" | "the" | "its" | "their" | "our" | "his" | "her" | "this"
                )
        };
        // A verb in the past or of reporting before the noun, with a subject of its own.
        let past = (0..i).rev().find(|&k| {
            let w = t[k].lower.as_ref();
            t[k].is_word() && (super::REPORTING.contains(&w) || w.len() > 4 && w.ends_with("ed") && !determiner(k))
        });
        let reported_by_other = past.is_some_and(|k| {
            let s = subject(t, k);
            !s.is_empty() && self.speaks_for_self(s).is_none()
        });
        // `the Government’s commitment`, `their unwavering commitment`: owned
        // by another than the speaker.
        let owner = (i.saturating_sub(4)..i).any(|k| {
            t[k].lower.ends_with("'s") && self.speaks_for_self(k.saturating_sub(2)..k + 1).is_none()
                || matches!(t[k].lower.as_ref(), "their" | "his" | "her")
        });
        if self.context.news || reported_by_other || owner {
            return Some(super::reported(self.trigger(i..to + 1), None, i));
        }
        let mut c = self.candidate(CommitmentType::Pledge, None, i..to + 1, 6, 2);
        c.found.level = "commit".to_string();
        c.found.negated = false;
        Some(c)
    }

    /// `does not give you permission to …`: a permission withheld forbids.
    fn withheld(&self, i: usize) -> Option<Candidate> {
        let t = &self.tokens;
        if !(i > 0 && matches!(t[i - 1].lower.as_ref(), "does" | "do" | "is" | "are")) {
            return None;
        }
        let verb = t.get(i + 1)?;
        if !matches!(
            verb.lower.as_ref(),
            "give" | "grant" | "confer" | "convey" | "permit" | "allow" | "granted" | "permitted" | "allowed"
        ) {
            return None;
        }
        let rest = &t[i + 2..t.len().min(i + 8)];
        let object = matches!(verb.lower.as_ref(), "permit" | "allow" | "permitted" | "allowed")
            || rest
                .iter()
                .any(|w| matches!(w.lower.as_ref(), "permission" | "right" | "rights" | "license" | "licence"));
        if !object {
            return None;
        }
        let mut c = self.candidate(CommitmentType::Prohibition, None, i - 1..i + 2, 4, 4);
        c.found.level = "must not".to_string();
        Some(c)
    }

    /// `The Committee decided to continue … until …`: a decision of the
    /// document's own voice that binds a time to come.
    fn decision(&self, i: usize) -> Option<Candidate> {
        let t = &self.tokens;
        let actor = self.speaks_for_self(subject(t, i))?;
        let mut v = i + 2;
        while t.get(v).is_some_and(|w| super::is_adverb(w)) {
            v += 1;
        }
        let verb = t.get(v)?;
        // `decided to increase the degree of pressure` sets today's policy;
        // `decided to reduce the pace of its asset purchases` changes a programme.
        let changes_pace = matches!(verb.lower.as_ref(), "increase" | "reduce" | "slow");
        let of_programme = t[v..].iter().any(|w| {
            w.lower.starts_with("purchase") || w.lower.starts_with("programme") || w.lower.starts_with("program")
        });
        let programme = PROGRAMME.contains(&verb.lower.as_ref()) && (!changes_pace || of_programme);
        if !programme && !CONTINUING.contains(&verb.lower.as_ref()) {
            return None;
        }
        // The time to come must be named in the decision's own clause.
        let end = (i + 3..t.len())
            .find(|&k| {
                t[k].text == ";"
                    || t[k].lower == "and"
                        && (t[k - 1].text == ","
                            || t.get(k + 1).is_some_and(|n| {
                                matches!(
                                    n.lower.as_ref(),
                                    "currently" | "anticipates" | "expects" | "judges" | "will" | "intends" | "also"
                                )
                            }))
            })
            .unwrap_or(t.len());
        let future = (i + 3..end).any(|k| {
            let w = t[k].lower.as_ref();
            let next = t.get(k + 1).map_or("", |n| n.lower.as_ref());
            let after = t.get(k + 2).map_or("", |n| n.lower.as_ref());
            FUTURE.contains(&w)
                && match w {
                    "until" | "till" => true,
                    "through" => {
                        next.starts_with(|c: char| c.is_ascii_digit())
                            || matches!(next, "mid-2013" | "late" | "early" | "mid" | "the" | "at")
                            || next.starts_with("mid-")
                    }
                    "over" => {
                        matches!(next, "the" | "coming") && matches!(after, "coming" | "next" | "months" | "quarters")
                    }
                    "going" => next == "forward",
                    "for" => matches!(next, "some" | "an") && matches!(after, "time" | "extended"),
                    "by" => next == "the" && after == "end",
                    "in" => next == "coming",
                    "at" => next == "least",
                    _ => false,
                }
        });
        if !(future || programme && verb.lower != "continue") {
            return None;
        }
        let mut c = self.candidate(CommitmentType::Pledge, self.actor(actor), i..v + 1, 4, 3);
        c.found.level = "will".to_string();
        c.found.negated = false;
        Some(c)
    }

    /// `Striving towards 100% renewable energy …`, `Conserving 30% of
    /// America’s lands and waters by 2030.`: outside rules and reports, a
    /// sentence that opens with a verb in `-ing` and has no verb of its own
    /// (no finite verb, no clause with its own subject) states an aim of the
    /// document's own programme. Headings (`Storing carbon`, `Going beyond
    /// the IKEA value chain`) are shorter, or end without a full stop and
    /// name no target.
    fn aim(&self, open: usize) -> Option<Candidate> {
        let t = &self.tokens;
        // Where an institution of `[self]` speaks (a central bank, the UN),
        // `Turning to the economic analysis, …` opens a discussion.
        if self.context.rules || self.context.news {
            return None;
        }
        let verb = t.get(open)?;
        let gerund = verb.is_word()
            && verb.lower.len() >= 6
            && verb.lower.ends_with("ing")
            && verb.text.starts_with(char::is_uppercase)
            && !no_aim(&verb.lower);
        let words = t[open..].iter().filter(|w| w.is_word()).count();
        if !gerund || words < 6 || self.finite_verb() {
            return None;
        }
        // `Fighting intensified between …`: the gerund is the subject of a
        // verb in the past.
        let past = t.get(open + 1).is_some_and(|w| w.lower.len() > 4 && w.lower.ends_with("ed"))
            && t.get(open + 2).is_some_and(|w| PREPOSITIONS.contains(&w.lower.as_ref()));
        if past {
            return None;
        }
        // `Taking into account …, the Committee decided`: a clause with its own subject.
        let clause = t.windows(2).any(|w| {
            w[0].text == ","
                && (matches!(w[1].lower.as_ref(), "the" | "we" | "i" | "it" | "they" | "our" | "this" | "these")
                    || w[1].text.starts_with(char::is_uppercase))
        });
        let stop = t.last().is_some_and(|w| w.text == ".");
        if clause || !(stop || self.names_target()) || self.institution_before() {
            return None;
        }
        let mut c = self.candidate(CommitmentType::Pledge, None, open..open + 1, 4, 3);
        c.found.level = "will".to_string();
        Some(c)
    }

    /// `42% absolute reduction in Scope 3 emissions (vs 2021)`, `Net zero
    /// by 2040`: outside rules and reports, a sentence without a verb that
    /// names a target (a percentage with a reduction or increase, or net
    /// zero, carbon neutral or negative, by a year to come) states one.
    fn target(&self) -> Option<Candidate> {
        let t = &self.tokens;
        if self.context.rules || self.context.news {
            return None;
        }
        // The target opens the sentence: `42% …`, `Net zero by 2040`.
        let open = self.opening();
        let first = t.get(open)?;
        if !(first.text.starts_with(|c: char| c.is_ascii_digit())
            || matches!(first.lower.as_ref(), "net" | "net-zero" | "carbon"))
        {
            return None;
        }
        let change = t.iter().position(|w| {
            matches!(w.lower.as_ref(), "reduction" | "reductions" | "cut" | "cuts" | "increase" | "decrease")
        });
        let percent = t.iter().any(|w| w.text == "%" || w.lower == "percent" || w.text.ends_with('%'));
        let goal = t.windows(2).position(|w| {
            matches!(
                (w[0].lower.as_ref(), w[1].lower.as_ref()),
                ("net", "zero") | ("net-zero", _) | ("carbon", "neutral" | "negative")
            )
        });
        let opens = first.text.starts_with(|c: char| c.is_ascii_digit()) || goal == Some(open);
        let at = match (change, goal) {
            (Some(at), _) if percent && opens => at,
            (_, Some(at)) if self.names_target() && opens => at,
            _ => return None,
        };
        if self.finite_verb() {
            return None;
        }
        let mut c = self.candidate(CommitmentType::Pledge, None, at..at + 1, 4, 3);
        c.found.level = "will".to_string();
        Some(c)
    }

    /// Whether the sentence names a year to come as a deadline (`by 2030`).
    fn names_target(&self) -> bool {
        self.tokens.windows(2).any(|w| {
            matches!(w[0].lower.as_ref(), "by" | "until" | "before")
                && w[1].text.len() == 4
                && w[1].text.starts_with("20")
                && w[1].text.chars().all(|c| c.is_ascii_digit())
        })
    }

    /// Whether the sentence has a finite verb of its own: an auxiliary or a modal.
    fn finite_verb(&self) -> bool {
        self.tokens.iter().any(|w| {
            matches!(
                w.lower.as_ref(),
                "is" | "are"
                    | "was"
                    | "were"
                    | "am"
                    | "has"
                    | "have"
                    | "had"
                    | "will"
                    | "would"
                    | "shall"
                    | "should"
                    | "must"
                    | "can"
                    | "could"
                    | "may"
                    | "might"
                    | "does"
                    | "do"
                    | "did"
                    | "means"
                    | "includes"
                    | "remains"
                    | "continues"
                    | "requires"
                    | "involves"
                    | "seems"
                    | "appears"
                    | "needs"
                    | "helps"
                    | "makes"
                    | "takes"
                    | "represents"
                    | "constitutes"
                    | "poses"
                    | "becomes"
                    | "provides"
                    | "plays"
                    | "affects"
                    | "leads"
                    | "allows"
                    | "gives"
                    | "offers"
                    | "enables"
                    | "remained"
                    | "continued"
                    | "became"
                    | "proved"
                    | "seemed"
                    | "appeared"
            )
        })
    }

    /// `Set the flag to 0.`, `Do not remove …`, `If there is none, create
    /// one`: an order in a rule text, opening the sentence or after an
    /// introductory clause.
    fn imperative(&self, open: usize) -> Option<Candidate> {
        self.order_at(open).or_else(|| {
            let t = &self.tokens;
            let intro = t.get(open).is_some_and(|w| {
                matches!(
                    w.lower.as_ref(),
                    "if" | "to"
                        | "when"
                        | "where"
                        | "unless"
                        | "in"
                        | "for"
                        | "once"
                        | "after"
                        | "before"
                        | "otherwise"
                )
            });
            let comma = (open + 1..t.len()).find(|&k| t[k].text == ",")?;
            intro.then(|| self.order_at(comma + 1)).flatten()
        })
    }

    fn order_at(&self, open: usize) -> Option<Candidate> {
        let t = &self.tokens;
        let mut i = open;
        let mut negated = false;
        if t.get(i).is_some_and(|w| w.lower == "always") {
            i += 1;
        } else if t.get(i).is_some_and(|w| w.lower == "never") {
            negated = true;
            i += 1;
        } else if t.get(i).is_some_and(|w| w.lower == "do") && t.get(i + 1).is_some_and(|w| w.lower == "not") {
            negated = true;
            i += 2;
        }
        let verb = t.get(i)?;
        // Capitalised when it opens the sentence (`Set`), not a heading in capitals.
        let first = i == open && open == self.opening();
        if !verb.is_word()
            || first && !verb.text.starts_with(char::is_uppercase)
            || verb.text.len() > 1 && verb.text == verb.text.to_uppercase()
        {
            return None;
        }
        // `Do not retitle …`: any verb after `do not` is an order.
        if !negated && !self.lex.imperatives.has_word(&verb.lower) {
            return None;
        }
        // `Use of the Marks is …`, `Copies are …`: a noun, not an order.
        let next = t.get(i + 1)?;
        // `Measure and report …`: two orders joined, not a noun.
        let joined = next.lower == "and" && t.get(i + 2).is_some_and(|w| self.lex.imperatives.has_word(&w.lower));
        let noun = !joined && matches!(
            next.lower.as_ref(),
            "of" | "is" | "are" | "was" | "were" | "has" | "have" | "and" | "or" | "will" | "shall" | "may" | "must" | "can" | "should" | "would" | "could"
        ) || matches!(next.text, ":" | "." | ";" | ")")
            // `Support provided by UNODC …`: a participle after it makes it a noun.
            || next.lower.len() > 4 && next.lower.ends_with("ed");
        // `Contact information … is available`, `Log entries MUST include`:
        // a finite verb before the clause ends makes the word a noun.
        let finite =
            t[i + 1..].iter().take_while(|w| w.is_word() || matches!(w.text, "-" | "'" | "’")).take(6).any(|w| {
                matches!(
                    w.lower.as_ref(),
                    "is" | "are"
                        | "was"
                        | "were"
                        | "has"
                        | "have"
                        | "will"
                        | "shall"
                        | "may"
                        | "must"
                        | "can"
                        | "should"
                        | "would"
                        | "could"
                        | "does"
                        | "do"
                ) && w.lower != t[i].lower
            });
        if (noun || finite) && !negated {
            return None;
        }
        if !self.context.rules {
            // Outside rules an order is a call (`Pass my plan!`), or, naming
            // a target (`Reduce our emissions by 42% by 2030`), a pledge.
            let target = t.iter().any(|w| w.text == "%" || w.lower == "percent")
                || t.windows(2).any(|w| w[0].lower == "by" && w[1].text.len() == 4 && w[1].text.starts_with("20"));
            let kind = if target { CommitmentType::Pledge } else { CommitmentType::Call };
            let mut c = self.candidate(kind, None, open..i + 1, 4, 4);
            c.found.level = if target { "will" } else { "urge" }.to_string();
            c.found.negated = negated;
            return Some(c);
        }
        let kind = if negated { CommitmentType::Prohibition } else { CommitmentType::Obligation };
        let mut c = self.candidate(kind, None, open..i + 1, 4, 4);
        c.found.level = if negated { "must not" } else { "must" }.to_string();
        c.found.negated = negated;
        Some(c)
    }
}
