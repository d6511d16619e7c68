//! Generated edition pairs with a known truth, made from a real report.
//!
//! The old edition has P numbered paragraphs, seed paragraph `i mod S` for
//! paragraph `i` (S paragraphs in the seed), every copy after the first
//! cycle perturbed (years shifted, other numbers drawn again, countries
//! swapped, sentences shuffled, a word substituted) so that no two are the
//! same; the seed's headings come again before the paragraphs they preceded.
//! The new edition revises 10 % of the old paragraphs (word substitutions,
//! insertions and deletions in 1–3 sentences), drops 5 %, moves 3 % (half
//! near their place, half anywhere; a third of them also revised), splits
//! 2 % at a sentence boundary, merges 2 % with the paragraph after them,
//! inserts 5 % new ones (sentences of the seed, perturbed), and numbers the
//! paragraphs again from 1. Both are printed as text extracted from a PDF:
//! lines broken greedily in a fixed column of a proportional (Times-like)
//! font, a blank line after each, page breaks every 20–24 lines with the
//! `https://undocs.org/…` lines of the symbols the page cited. [`Truth`]
//! maps each old paragraph number to its new numbers and its kind of edit.
//!
//! A port of the project's first generator, a Python script, with its rates
//! and rules; its random numbers come from [`Rng`], so the pairs differ from
//! the script's, but the same arguments always give the same bytes. The tests
//! include this file as a module; `examples/gen_editions.rs` includes it with
//! `#[path]` and writes the pairs to files for the benchmark scripts.

use regex::{Captures, NoExpand, Regex};
use serde::{Serialize, Serializer};
use std::collections::HashSet;
use std::path::Path;
use std::sync::LazyLock;

/// The seed report, from the crate's folder.
pub const SEED_REPORT: &str = "editions/un-trafficking-in-armed-conflict/2018-11-21_S-2018-1042.txt";

/// The random seed of every pair made so far.
pub const DEFAULT_SEED: u64 = 20240611;

/// SplitMix64 (Steele, Lea and Flood 2014), seeded from a key by FNV-1a:
/// deterministic on every platform, and no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(key: &str) -> Rng {
        let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
        Rng(hash)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in [0, 1).
    pub fn random(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A number in `lo..=hi` (Python's `randint`), by Lemire's multiply and shift.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        assert!(lo <= hi, "empty range {lo}..={hi}");
        let span = (hi - lo) as u128 + 1;
        lo + ((u128::from(self.next_u64()) * span) >> 64) as usize
    }

    pub fn choice<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() - 1)]
    }

    /// Fisher–Yates, from the end as Python's `shuffle`.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.range(0, i));
        }
    }

    /// `k` distinct numbers below `n`, in random order.
    pub fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        for i in 0..k {
            let j = self.range(i, n - 1);
            all.swap(i, j);
        }
        all.truncate(k);
        all
    }
}

/// The kinds of edit an old paragraph undergoes, as the truth names them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Unchanged,
    Revised,
    Dropped,
    Moved,
    MovedRevised,
    Split,
    /// This paragraph absorbs the next one.
    Merged,
    /// Absorbed by the paragraph before.
    MergedIntoPrev,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Unchanged => "unchanged",
            Kind::Revised => "revised",
            Kind::Dropped => "dropped",
            Kind::Moved => "moved",
            Kind::MovedRevised => "moved+revised",
            Kind::Split => "split",
            Kind::Merged => "merged",
            Kind::MergedIntoPrev => "merged_into_prev",
        }
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// The true mapping, written as `truth_P.json` in the shape the Python
/// generator wrote (`bench/eval-truth.py` and the tests read it).
#[derive(Serialize, Debug)]
pub struct Truth {
    #[serde(rename = "P_old")]
    pub p_old: usize,
    #[serde(rename = "P_new")]
    pub p_new: usize,
    pub rng_seed: u64,
    /// Kinds in the order the old paragraphs are first met in the new edition.
    #[serde(serialize_with = "map_in_order")]
    pub kind_counts_old: Vec<(Kind, usize)>,
    pub inserted_count: usize,
    /// Old paragraph number → its new numbers (two for a split, the same
    /// one for both parts of a merge, none when dropped) and kind.
    #[serde(serialize_with = "map_in_order")]
    pub old_to_new: Vec<(usize, Target)>,
    pub inserted_new: Vec<usize>,
}

#[derive(Serialize, Debug)]
pub struct Target {
    pub new: Vec<usize>,
    pub kind: Kind,
}

fn map_in_order<S: Serializer, K: Serialize, V: Serialize>(pairs: &[(K, V)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}

/// An old and a new edition as text, and what became of each paragraph.
pub struct Pair {
    pub old: String,
    pub new: String,
    pub truth: Truth,
}

impl Pair {
    /// Writes `old_P.txt`, `new_P.txt` and `truth_P.json` into `dir`.
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        let p = self.truth.p_old;
        std::fs::create_dir_all(dir)?;
        std::fs::write(dir.join(format!("old_{p}.txt")), &self.old)?;
        std::fs::write(dir.join(format!("new_{p}.txt")), &self.new)?;
        let json = serde_json::to_string_pretty(&self.truth).expect("the truth serialises");
        std::fs::write(dir.join(format!("truth_{p}.json")), json + "\n")
    }
}

struct Patterns {
    para: Regex,
    heading: Regex,
    url: Regex,
    rule: Regex,
    spaces: Regex,
    year: Regex,
    number: Regex,
    symbol: Regex,
    numbered_heading: Regex,
    countries: Vec<Regex>,
}

static RE: LazyLock<Patterns> = LazyLock::new(|| {
    let re = |p: &str| Regex::new(p).expect("a valid pattern");
    Patterns {
        para: re(r"^ ?(\d{1,6})\.\s+(\S.*)$"),
        heading: re(r"^(?:\s+(?:[IVX]+|[A-H])\.\s+\S|\s{2,}\S)"),
        url: re(r"^https?://"),
        rule: re(r"^_{5,}"),
        spaces: re(r"\s+"),
        year: re(r"\b(19[5-9][0-9]|20[0-4][0-9])\b"),
        number: re(r"\b[0-9]{1,3}(?:,[0-9]{3})+\b|\b[0-9]+\b"),
        symbol: re(r"\b(?:S|A)/(?:RES/|HRC/|PV\.)?[0-9](?:[0-9A-Za-z./\x{2013}-]*[0-9A-Za-z])?(?:\([0-9]{4}\))?"),
        numbered_heading: re(r"^(?:[IVX]+|[A-H])\.\s"),
        countries: COUNTRIES.iter().map(|c| re(&format!(r"\b{c}\b"))).collect(),
    }
});

const COUNTRIES: [&str; 24] = [
    "Libya",
    "Iraq",
    "Nigeria",
    "Somalia",
    "Myanmar",
    "Kenya",
    "Mali",
    "Yemen",
    "Afghanistan",
    "Colombia",
    "Sudan",
    "Chad",
    "Niger",
    "Cameroon",
    "Ukraine",
    "Haiti",
    "Lebanon",
    "Jordan",
    "Ethiopia",
    "Mozambique",
    "Burundi",
    "Uganda",
    "Guatemala",
    "Honduras",
];

const SYNONYMS: [(&str, [&str; 2]); 24] = [
    ("States", ["Governments", "countries"]),
    ("report", ["study", "document"]),
    ("continued", ["persisted", "went on"]),
    ("increase", ["strengthen", "expand"]),
    ("important", ["essential", "critical"]),
    ("support", ["assistance", "help"]),
    ("efforts", ["initiatives", "measures"]),
    ("welcome", ["commend", "appreciate"]),
    ("encourage", ["urge", "invite"]),
    ("victims", ["survivors", "persons affected"]),
    ("children", ["minors", "young people"]),
    ("women", ["adult women", "females"]),
    ("developed", ["prepared", "established"]),
    ("several", ["some", "a number of"]),
    ("many", ["numerous", "various"]),
    ("reported", ["indicated", "noted"]),
    ("including", ["notably", "such as"]),
    ("measures", ["steps", "actions"]),
    ("conflict", ["armed conflict", "hostilities"]),
    ("groups", ["factions", "entities"]),
    ("significant", ["considerable", "substantial"]),
    ("ensure", ["guarantee", "secure"]),
    ("strengthen", ["reinforce", "enhance"]),
    ("issue", ["matter", "question"]),
];

const INSERT_PHRASES: [&str; 13] = [
    "also",
    "further",
    "in particular",
    "as appropriate",
    "where possible",
    "notably",
    "increasingly",
    "in this regard",
    "in close cooperation with regional partners",
    "systematically",
    "in line with international standards",
    "once again",
    "jointly",
];

/// What the generator takes from the seed report.
pub struct Seed {
    /// The numbered paragraphs' texts, without their numbers.
    paras: Vec<String>,
    /// The headings printed before each paragraph.
    heads_before: Vec<Vec<String>>,
    /// Lower-case words of five letters or more, sorted: substitutes.
    vocab: Vec<String>,
    /// Sentences longer than 40 characters: what new paragraphs are made of.
    sentences: Vec<String>,
}

impl Seed {
    pub fn read(path: &Path) -> std::io::Result<Seed> {
        Ok(Seed::parse(&std::fs::read_to_string(path)?))
    }

    pub fn parse(text: &str) -> Seed {
        let (paras, heads_before) = parse_seed(text);
        let words: HashSet<&str> = paras
            .iter()
            .flat_map(|p| p.split(' '))
            .filter(|w| is_alpha(w) && w.chars().count() >= 5 && is_lower(w))
            .collect();
        let mut vocab: Vec<String> = words.into_iter().map(String::from).collect();
        vocab.sort();
        let sentences = paras
            .iter()
            .flat_map(|p| split_sentences(p))
            .filter(|s| s.chars().count() > 40)
            .map(String::from)
            .collect();
        Seed { paras, heads_before, vocab, sentences }
    }

    /// `seed: 83 paragraphs, 20 headings, …`
    pub fn summary(&self) -> String {
        format!(
            "seed: {} paragraphs, {} headings, {} vocab words, {} sentences",
            self.paras.len(),
            self.heads_before.iter().map(Vec::len).sum::<usize>(),
            self.vocab.len(),
            self.sentences.len()
        )
    }
}

/// The pair of `p` paragraphs for `rng_seed`; `pages`: with page breaks and URL blocks.
pub fn generate(seed: &Seed, p: usize, rng_seed: u64, pages: bool) -> Pair {
    let old = build_old(seed, p, rng_seed);
    let (new, truth) = build_new(seed, &old, p, rng_seed);
    Pair { old: render(&old, pages, rng_seed), new: render(&new, pages, rng_seed + 1), truth }
}

// ---------------------------------------------------------------------------
// Reading the seed
// ---------------------------------------------------------------------------

/// Python's `str.splitlines`: the line ends it knows, `\r\n` as one.
fn split_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}') {
            out.push(&text[start..i]);
            start = i + c.len_utf8();
            if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                chars.next();
                start += 1;
            }
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Wrapped lines joined with spaces, except after a dash or slash.
fn join(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        if !out.is_empty() && !out.ends_with(['\u{2013}', '/']) {
            out.push(' ');
        }
        out.push_str(part);
    }
    RE.spaces.replace_all(&out, " ").trim().to_string()
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Pre,
    Para,
    Heading,
    /// In a footnote block, until the page's URL lines.
    Skip,
}

/// The seed's numbered paragraphs ("N. " at a line start, in sequence) and
/// the headings before each; footnote blocks and URL lines left out.
fn parse_seed(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut paras = Vec::new();
    let mut heads_before = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut para: Option<Vec<&str>> = None;
    let mut heading: Option<Vec<&str>> = None;
    let (mut mode, mut saved) = (Mode::Pre, Mode::Pre);
    let mut expected = 1;
    let flush = |para: &mut Option<Vec<&str>>,
                 heading: &mut Option<Vec<&str>>,
                 paras: &mut Vec<String>,
                 pending: &mut Vec<String>| {
        if let Some(lines) = para.take() {
            paras.push(join(&lines));
        }
        if let Some(lines) = heading.take() {
            let h = join(&lines);
            if !h.is_empty() {
                pending.push(h);
            }
        }
    };
    for raw in split_lines(text) {
        let line = raw.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        if RE.url.is_match(line) {
            if mode == Mode::Skip {
                mode = saved;
            }
            continue;
        }
        if RE.rule.is_match(line) {
            if mode != Mode::Skip {
                saved = mode;
            }
            mode = Mode::Skip;
            continue;
        }
        if let Some(m) = RE.para.captures(line)
            && m[1].parse::<usize>() == Ok(expected)
        {
            flush(&mut para, &mut heading, &mut paras, &mut pending);
            heads_before.push(std::mem::take(&mut pending));
            para = Some(vec![m.get(2).map_or("", |g| g.as_str())]);
            expected += 1;
            mode = Mode::Para;
            continue;
        }
        if mode == Mode::Skip {
            continue;
        }
        if RE.heading.is_match(line) {
            flush(&mut para, &mut heading, &mut paras, &mut pending);
            heading = Some(vec![line]);
            mode = Mode::Heading;
            continue;
        }
        match mode {
            Mode::Para => para.get_or_insert_with(Vec::new).push(line),
            Mode::Heading | Mode::Pre => {
                heading.get_or_insert_with(Vec::new).push(line);
                mode = Mode::Heading;
            }
            Mode::Skip => {}
        }
    }
    flush(&mut para, &mut heading, &mut paras, &mut pending);
    (paras, heads_before)
}

/// Splits where whitespace follows `.`, `!`, `?` or `;` and comes before a
/// capital, `“` or `(`.
fn split_sentences(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut k = 1;
    while k < chars.len() {
        if chars[k].1.is_whitespace() && matches!(chars[k - 1].1, '.' | '!' | '?' | ';') {
            let mut end = k;
            while end < chars.len() && chars[end].1.is_whitespace() {
                end += 1;
            }
            if end < chars.len() && (chars[end].1.is_ascii_uppercase() || matches!(chars[end].1, '\u{201c}' | '(')) {
                out.push(&text[start..chars[k].0]);
                start = chars[end].0;
            }
            k = end;
        } else {
            k += 1;
        }
    }
    out.push(&text[start..]);
    out.retain(|s| !s.is_empty());
    out
}

fn is_alpha(w: &str) -> bool {
    !w.is_empty() && w.chars().all(char::is_alphabetic)
}

/// Python's `islower`: some cased letter, none upper case.
fn is_lower(w: &str) -> bool {
    w.chars().any(char::is_lowercase) && !w.chars().any(|c| c.is_uppercase())
}

// ---------------------------------------------------------------------------
// Perturbing and editing
// ---------------------------------------------------------------------------

/// Years moved by `year_delta`; each other number, at even odds, drawn again
/// with as many digits.
fn shift_numbers(text: &str, rng: &mut Rng, year_delta: i64) -> String {
    let text =
        RE.year.replace_all(text, |c: &Captures| (c[1].parse::<i64>().expect("digits") + year_delta).to_string());
    RE.number
        .replace_all(&text, |c: &Captures| {
            let s = &c[0];
            let digits = s.bytes().filter(|&b| b != b',').count();
            if digits == 4 && (s.starts_with("19") || s.starts_with("20")) {
                return s.to_string(); // a year, already handled
            }
            if rng.random() < 0.5 {
                return s.to_string();
            }
            // Uniform over the numbers with this many digits.
            let mut v = String::with_capacity(digits);
            v.push(char::from(b'0' + rng.range(1, 9) as u8));
            for _ in 1..digits {
                v.push(char::from(b'0' + rng.range(0, 9) as u8));
            }
            if s.contains(',') { thousands(&v) } else { v }
        })
        .into_owned()
}

/// `1234567` → `1,234,567`.
fn thousands(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Each country named, at 60 %, becomes another everywhere.
fn swap_countries(text: &str, rng: &mut Rng) -> String {
    let present: Vec<usize> = (0..COUNTRIES.len()).filter(|&i| text.contains(COUNTRIES[i])).collect();
    let mut text = text.to_string();
    for i in present {
        if rng.random() < 0.6 {
            let others: Vec<&str> = COUNTRIES.iter().copied().filter(|&c| c != COUNTRIES[i]).collect();
            let other = *rng.choice(&others);
            text = RE.countries[i].replace_all(&text, NoExpand(other)).into_owned();
        }
    }
    text
}

/// One word of four letters or more becomes a synonym, or else a word of the seed.
fn substitute_word(words: &mut [String], rng: &mut Rng, vocab: &[String]) {
    let candidates: Vec<usize> =
        (0..words.len()).filter(|&i| words[i].chars().count() > 3 && is_alpha(&words[i])).collect();
    if candidates.is_empty() {
        return;
    }
    let i = *rng.choice(&candidates);
    words[i] = match SYNONYMS.iter().find(|(w, _)| *w == words[i]) {
        Some((_, synonyms)) => rng.choice(synonyms).to_string(),
        None => rng.choice(vocab).clone(),
    };
}

fn words(text: &str) -> Vec<String> {
    text.split(' ').map(String::from).collect()
}

/// A variant of a seed paragraph for a later cycle.
fn perturb(text: &str, rng: &mut Rng, vocab: &[String]) -> String {
    let delta = *rng.choice(&[-3, -2, -1, 1, 2, 3, 4, 5]);
    let text = shift_numbers(text, rng, delta);
    let text = swap_countries(&text, rng);
    let mut sentences = split_sentences(&text);
    if sentences.len() >= 2 && rng.random() < 0.8 {
        rng.shuffle(&mut sentences);
    }
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut w = words(s);
        if rng.random() < 0.5 {
            substitute_word(&mut w, rng, vocab);
        }
        out.push(w.join(" "));
    }
    out.join(" ")
}

/// Word substitutions, insertions and deletions in 1 to `max_sentences`
/// sentences, tried again until the text really changes.
fn revise(text: &str, rng: &mut Rng, vocab: &[String], max_sentences: usize) -> String {
    for _ in 0..20 {
        let out = revise_once(text, rng, vocab, max_sentences);
        if out != text {
            return out;
        }
    }
    let phrase = rng.choice(&INSERT_PHRASES);
    let mut chars = phrase.chars();
    let first = chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
    format!("{text} {first}{}.", chars.as_str().to_lowercase())
}

fn revise_once(text: &str, rng: &mut Rng, vocab: &[String], max_sentences: usize) -> String {
    let mut sentences: Vec<String> = split_sentences(text).into_iter().map(String::from).collect();
    if sentences.is_empty() {
        return text.to_string();
    }
    let k = rng.range(1, max_sentences.min(sentences.len()));
    for si in rng.sample(sentences.len(), k) {
        let mut w = words(&sentences[si]);
        for _ in 0..rng.range(1, 3) {
            let op = rng.random();
            if op < 0.45 && w.len() > 1 {
                substitute_word(&mut w, rng, vocab);
            } else if op < 0.75 {
                let at = rng.range(1, w.len());
                let phrase = rng.choice(&INSERT_PHRASES);
                w.splice(at..at, phrase.split(' ').map(String::from));
            } else if w.len() > 4 {
                let at = rng.range(1, w.len() - 2);
                w.remove(at);
            }
        }
        sentences[si] = if rng.random() < 0.2 { shift_numbers(&w.join(" "), rng, 1) } else { w.join(" ") };
    }
    sentences.join(" ")
}

/// Two to six sentences of the seed, numbers shifted, a word or three substituted.
fn new_paragraph(rng: &mut Rng, seed: &Seed) -> String {
    let n = rng.range(2, 6);
    let text = (0..n).map(|_| rng.choice(&seed.sentences).as_str()).collect::<Vec<_>>().join(" ");
    let delta = *rng.choice(&[1, 2, 3]);
    let mut w = words(&shift_numbers(&text, rng, delta));
    for _ in 0..rng.range(1, 3) {
        substitute_word(&mut w, rng, &seed.vocab);
    }
    w.join(" ")
}

// ---------------------------------------------------------------------------
// The editions
// ---------------------------------------------------------------------------

/// An edition's content: headings and numbered paragraphs in order.
enum Item {
    Heading(String),
    Para(usize, String),
}

/// A paragraph of the new edition before numbering: the old paragraphs it
/// comes from (none when inserted).
enum Draft {
    Heading(String),
    Para { origins: Vec<usize>, text: String, inserted: bool },
}

fn build_old(seed: &Seed, p: usize, rng_seed: u64) -> Vec<Item> {
    let s = seed.paras.len();
    let mut items = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for i in 0..p {
        let (k, cycle) = (i % s, i / s);
        for h in &seed.heads_before[k] {
            items.push(Item::Heading(if cycle == 0 { h.clone() } else { format!("{h} ({})", cycle + 1) }));
        }
        let mut text = seed.paras[k].clone();
        if cycle > 0 {
            let mut rng = Rng::new(&format!("{rng_seed}-old-{i}"));
            text = perturb(&text, &mut rng, &seed.vocab);
            let mut tries = 0;
            while seen.contains(&text) {
                tries += 1;
                let mut w = words(&text);
                substitute_word(&mut w, &mut rng, &seed.vocab);
                text = w.join(" ");
                if tries > 50 {
                    text.push_str(&format!(" (ref. {i})"));
                }
            }
        }
        seen.insert(text.clone());
        items.push(Item::Para(i + 1, text));
    }
    items
}

fn build_new(seed: &Seed, old: &[Item], p: usize, rng_seed: u64) -> (Vec<Item>, Truth) {
    let mut rng = Rng::new(&format!("{rng_seed}-edit-{p}"));
    let vocab = &seed.vocab;
    let para_pos: Vec<usize> = (0..old.len()).filter(|&j| matches!(old[j], Item::Para(..))).collect();
    let mut text_of: Vec<&str> = vec![""; p + 2];
    for item in old {
        if let Item::Para(n, text) = item {
            text_of[*n] = text;
        }
    }
    // Python's round(), half to even.
    let share = |rate: f64| (rate * p as f64).round_ties_even() as usize;
    let (n_revised, n_dropped, n_moved) = (share(0.10), share(0.05), share(0.03));
    let (mut n_split, mut n_merged, n_inserted) = (share(0.02), share(0.02), share(0.05));
    let mut kind: Vec<Option<Kind>> = vec![None; p + 2];

    // Merges: old n absorbs old n + 1 when no heading stands between them.
    let mut candidates: Vec<usize> = (1..p).filter(|&n| para_pos[n] == para_pos[n - 1] + 1).collect();
    rng.shuffle(&mut candidates);
    for n in candidates {
        if n_merged == 0 {
            break;
        }
        if kind[n].is_some() || kind[n + 1].is_some() {
            continue;
        }
        kind[n] = Some(Kind::Merged);
        kind[n + 1] = Some(Kind::MergedIntoPrev);
        n_merged -= 1;
    }
    // Splits need two sentences.
    let mut order: Vec<usize> = (1..=p).collect();
    rng.shuffle(&mut order);
    for &n in &order {
        if n_split == 0 {
            break;
        }
        if kind[n].is_none() && split_sentences(text_of[n]).len() >= 2 {
            kind[n] = Some(Kind::Split);
            n_split -= 1;
        }
    }
    let rest: Vec<usize> = order.iter().copied().filter(|&n| kind[n].is_none()).collect();
    let mut at = 0;
    for (k, count) in [(Kind::Revised, n_revised), (Kind::Dropped, n_dropped), (Kind::Moved, n_moved)] {
        for &n in &rest[at.min(rest.len())..(at + count).min(rest.len())] {
            kind[n] = Some(k);
        }
        at += count;
    }
    let mut kind: Vec<Kind> = kind.into_iter().map(|k| k.unwrap_or(Kind::Unchanged)).collect();
    let moved: Vec<usize> = (1..=p).filter(|&n| kind[n] == Kind::Moved).collect();
    for &n in moved.iter().step_by(3) {
        kind[n] = Kind::MovedRevised;
    }

    // Walk the old edition.
    let mut seq: Vec<Draft> = Vec::new();
    let mut pending_moves: Vec<(usize, Draft)> = Vec::new();
    let para = |origins: Vec<usize>, text: String| Draft::Para { origins, text, inserted: false };
    for item in old {
        let (n, text) = match item {
            Item::Heading(h) => {
                seq.push(Draft::Heading(h.clone()));
                continue;
            }
            Item::Para(n, text) => (*n, text),
        };
        match kind[n] {
            Kind::Unchanged => seq.push(para(vec![n], text.clone())),
            Kind::Revised => seq.push(para(vec![n], revise(text, &mut rng, vocab, 3))),
            Kind::Dropped | Kind::MergedIntoPrev => {}
            Kind::Moved => pending_moves.push((n, para(vec![n], text.clone()))),
            Kind::MovedRevised => pending_moves.push((n, para(vec![n], revise(text, &mut rng, vocab, 1)))),
            Kind::Split => {
                let sentences = split_sentences(text);
                // Half way, give or take one sentence.
                let half = (sentences.len() / 2 + rng.range(0, 2)).saturating_sub(1);
                let cut = half.min(sentences.len() - 1).max(1);
                seq.push(para(vec![n], sentences[..cut].join(" ")));
                seq.push(para(vec![n], sentences[cut..].join(" ")));
            }
            Kind::Merged => seq.push(para(vec![n, n + 1], format!("{text} {}", text_of[n + 1]))),
        }
    }

    // Moved and new paragraphs go in at places drawn against the sequence
    // without them, merged in in one pass.
    let mut inserts: Vec<(usize, usize, Draft)> = Vec::new();
    for (j, (n, draft)) in pending_moves.into_iter().enumerate() {
        let dest = if j % 2 == 0 {
            // Near its place: 2 to 20 paragraphs away.
            let anchor = (seq.len() * (n - 1) / p).min(seq.len()) as isize;
            let sign = *rng.choice(&[-1, 1]);
            (anchor + sign * rng.range(2, 20) as isize).clamp(0, seq.len() as isize) as usize
        } else {
            rng.range(0, seq.len())
        };
        inserts.push((dest, inserts.len(), draft));
    }
    for _ in 0..n_inserted {
        let dest = rng.range(0, seq.len());
        let text = new_paragraph(&mut rng, seed);
        inserts.push((dest, inserts.len(), Draft::Para { origins: vec![], text, inserted: true }));
    }
    inserts.sort_by_key(|&(dest, k, _)| (dest, k));
    let mut inserts = inserts.into_iter().peekable();
    let mut drafts = Vec::with_capacity(seq.len() + inserts.len());
    let len = seq.len();
    let mut seq = seq.into_iter();
    for pos in 0..=len {
        while let Some((_, _, draft)) = inserts.next_if(|&(dest, _, _)| dest == pos) {
            drafts.push(draft);
        }
        drafts.extend(seq.next());
    }

    // Number again.
    let mut new = Vec::with_capacity(drafts.len());
    let mut targets: Vec<Vec<usize>> = vec![Vec::new(); p + 1];
    let mut met: Vec<usize> = Vec::with_capacity(p);
    let mut inserted = Vec::new();
    let mut num = 0;
    for draft in drafts {
        match draft {
            Draft::Heading(h) => new.push(Item::Heading(h)),
            Draft::Para { origins, text, inserted: is_new } => {
                num += 1;
                new.push(Item::Para(num, text));
                if is_new {
                    inserted.push(num);
                }
                for o in origins {
                    if targets[o].is_empty() {
                        met.push(o);
                    }
                    targets[o].push(num);
                }
            }
        }
    }
    met.extend((1..=p).filter(|&n| targets[n].is_empty()));
    let mut kind_counts_old: Vec<(Kind, usize)> = Vec::new();
    for n in met {
        match kind_counts_old.iter_mut().find(|(k, _)| *k == kind[n]) {
            Some((_, count)) => *count += 1,
            None => kind_counts_old.push((kind[n], 1)),
        }
    }
    let truth = Truth {
        p_old: p,
        p_new: num,
        rng_seed,
        kind_counts_old,
        inserted_count: inserted.len(),
        old_to_new: (1..=p).map(|n| (n, Target { new: std::mem::take(&mut targets[n]), kind: kind[n] })).collect(),
        inserted_new: inserted,
    };
    (new, truth)
}

// ---------------------------------------------------------------------------
// Printing as a PDF extraction prints
// ---------------------------------------------------------------------------

/// Times-Roman advance widths (em/1000). PDF text is set in a proportional
/// font in a fixed column, so lines hold about 75–95 characters and a break
/// depends only on the words before it: an edit reflows its own line and
/// those after it, and a new number ("9." → "10.") can reflow a paragraph.
fn char_width(c: char) -> u32 {
    match c {
        'i' | 'l' | '.' | ',' | ';' | ':' | '\'' | '!' | '|' | '`' => 278,
        'j' | 'f' | 't' | '(' | ')' | '[' | ']' | '/' | '-' | '\u{2013}' | ' ' | 'r' => 333,
        's' | 'z' | '"' | '?' => 389,
        'a' | 'c' | 'e' | 'v' | 'x' | 'y' | '*' => 444,
        'E' | 'L' | 'T' | 'Z' | 'F' | 'J' => 611,
        'B' | 'C' | 'R' | 'S' | 'A' | 'P' | 'I' | 'V' | 'X' | 'Y' => 667,
        'D' | 'G' | 'H' | 'K' | 'N' | 'O' | 'U' | 'Q' => 722,
        'm' | 'w' | '%' | '&' => 778,
        'M' => 889,
        'W' | '\u{2014}' => 944,
        _ => 500,
    }
}

/// Lines of about 82 characters (the seed's median); 416 is the seed's mean character width.
const COLUMN: u32 = 86 * 416;

/// Greedy line breaking in the column.
fn wrap(text: &str) -> Vec<String> {
    let space = char_width(' ');
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut width = 0;
    for word in text.split(' ') {
        let w: u32 = word.chars().map(char_width).sum();
        if line.is_empty() {
            line = word.to_string();
            width = w;
        } else if width + space + w <= COLUMN {
            line.push(' ');
            line.push_str(word);
            width += space + w;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
            width = w;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

struct Pages {
    rng: Rng,
    out: String,
    pages: bool,
    lines_on_page: usize,
    page_len: usize,
    symbols: Vec<String>,
    start_of_page: bool,
}

impl Pages {
    /// The page's URL lines; the next line starts with a space, as in the seed.
    fn page_break(&mut self) {
        for s in self.symbols.drain(..) {
            self.out.push_str(&format!("https://undocs.org/{s}\n"));
        }
        self.lines_on_page = 0;
        self.page_len = self.rng.range(20, 24);
        self.start_of_page = true;
    }

    /// A text line: a space after it (two after a paragraph's last), then a blank line.
    fn emit(&mut self, line: &str, last: bool) {
        if std::mem::take(&mut self.start_of_page) {
            self.out.push(' ');
        }
        self.out.push_str(line);
        self.out.push_str(if last { "  \n\n" } else { " \n\n" });
        self.lines_on_page += 1;
        if self.pages {
            self.symbols.extend(RE.symbol.find_iter(line).map(|m| m.as_str().to_string()));
            if self.lines_on_page >= self.page_len {
                self.page_break();
            }
        }
    }
}

fn render(items: &[Item], pages: bool, page_seed: u64) -> String {
    let mut rng = Rng::new(&page_seed.to_string());
    let page_len = rng.range(20, 24);
    let mut out =
        Pages { rng, out: String::new(), pages, lines_on_page: 0, page_len, symbols: Vec::new(), start_of_page: false };
    for item in items {
        match item {
            Item::Heading(h) => {
                let lines = wrap(h);
                // As in the seed: " I. Title", " A. Title"; other headings indented three.
                let lead = if RE.numbered_heading.is_match(&lines[0]) { " " } else { "   " };
                out.out.push_str(&format!("{lead}{} \n", lines[0]));
                for l in &lines[1..] {
                    out.out.push_str(&format!("{l} \n"));
                }
                out.out.push_str(" \n\n \n\n");
                out.lines_on_page += 2;
            }
            Item::Para(num, text) => {
                let lines = wrap(&format!("{num}. {text}"));
                for (j, l) in lines.iter().enumerate() {
                    out.emit(l, j + 1 == lines.len());
                }
            }
        }
    }
    if pages && !out.symbols.is_empty() {
        out.page_break();
    }
    out.out.push_str(" \n\n");
    out.out
}
