//! Property tests: the reader, the segmenter and the commitment detector
//! never panic, whatever the bytes, and every paragraph gets a unique label;
//! in mixtures of the plain-text layouts every non-blank line is accounted
//! for (a paragraph's range, a heading, a skipped block, the title);
//! word diffs of long paragraphs of a few words finish and rebuild both texts.

use editions::{read, segment};
use proptest::prelude::*;
use std::collections::HashSet;
use std::path::Path;

fn check(bytes: &[u8]) {
    if let Ok(source) = read::decode(Path::new("p.txt"), bytes) {
        let e = segment::segment(&source, &segment::Options::default());
        let labels: HashSet<&str> = e.paragraphs.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels.len(), e.paragraphs.len());
        for c in DETECTOR.edition(&e) {
            assert!(e.paragraphs[c.paragraph].text.contains(&c.text));
        }
    }
}

static DETECTOR: std::sync::LazyLock<editions::commitments::Detector> = std::sync::LazyLock::new(Default::default);

/// Sentences made of the words that steer the commitment detector.
fn commitment_sentence() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "I",
        "we",
        "We",
        "it",
        "It",
        "they",
        "who",
        "which",
        "that",
        "and",
        ",",
        ";",
        ":",
        "(",
        ")",
        "the",
        "Committee",
        // The clause shapes: conditions, limits, orders, clitics, decisions, goals.
        "provided",
        "only",
        "Only",
        "one",
        "at",
        "most",
        "Do",
        "Set",
        "Include",
        "let's",
        "we'll",
        "I'm",
        "it's",
        "decided",
        "until",
        "goal",
        "our",
        "is",
        "are",
        "seeks",
        "continues",
        "expects",
        "permission",
        "\"",
        "MUST",
        "NOT",
        "may",
        "If",
        "Federal",
        "Reserve",
        "States",
        "Member",
        "the CA",
        "CAs",
        "you",
        "You",
        "will",
        "shall",
        "must",
        "should",
        "may",
        "not",
        "no longer",
        "never",
        "won't",
        "shouldn't",
        "can't",
        "MUST",
        "NOT",
        "SHALL",
        "SHOULD",
        "urge",
        "strongly",
        "would",
        "encourage",
        "encouraged",
        "invite",
        "call upon",
        "called on",
        "were encouraged",
        "to",
        "by",
        "be",
        "used",
        "remain",
        "likely",
        "expects that",
        "believed that",
        "in that document",
        "intends to",
        "commit to",
        "agreed to",
        "is required to",
        "may not be",
        "A.",
        "(b)",
        "-",
        "Do not",
        "1.",
        "also",
        "hereby",
        "therefore",
        "’",
        "é",
        "\u{A0}",
        ".",
        "?",
        "should",
        "should NOT",
        "Should",
        "IN NO EVENT SHALL",
        "be liable",
        "said",
        "Apple",
        "announced",
        "“",
        "\"",
        "Conserving",
        "30%",
        "reduction",
        "Net zero",
        "by 2030",
        "5. Trademarks.",
        "is committed to",
        "are not allowed",
    ]);
    prop::collection::vec(words, 0..24).prop_map(|v| v.join(" "))
}

/// Lines made of the pieces that steer the segmenter: numbers, headings,
/// footnote rules, URLs, list markers, Markdown, odd whitespace.
fn noisy_line() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "1. ",
        "2. ",
        "12. ",
        " 3. ",
        "I. ",
        "II. ",
        "A. ",
        "B. ",
        "### 4.2.1 ",
        "# 1. ",
        "4.2 ",
        "__________________",
        " 1  See",
        "https://undocs.org/S/2018/250",
        "www.x.org/",
        "(a) ",
        "* ",
        "| a | b |",
        "```",
        "---",
        "**Bold**",
        "recrui tment",
        "post -conflict",
        "money-",
        "word",
        "The Council",
        "urge States.",
        "e.g.",
        "U.S.",
        "(see (S/2018/250).",
        ".2 In",
        "2018.4 In",
        ", 3 ",
        "  ",
        "\t",
        "\u{A0}",
        "\u{AD}",
        "\u{FB01}",
        "\x0C",
        "–",
        "\u{E000}",
        "é",
        "”",
        "title: x",
    ]);
    prop::collection::vec(pieces, 0..8).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        check(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        check(text.as_bytes());
    }

    #[test]
    fn commitment_sentences_never_panic(sentences in prop::collection::vec(commitment_sentence(), 0..12)) {
        let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
        let found = DETECTOR.paragraph(&refs);
        prop_assert_eq!(found.len(), refs.len());
        check(sentences.join(" ").as_bytes());
        check(sentences.join("\n").as_bytes());
    }

    #[test]
    fn noisy_documents_never_panic(lines in prop::collection::vec(noisy_line(), 0..60), blank in any::<bool>()) {
        let sep = if blank { "\n\n" } else { "\n" };
        check(lines.join(sep).as_bytes());
    }
}

/// A paragraph of `len` words from the first `vocabulary` of eight, drawn by
/// SplitMix64 from `seed`, and the same with `edits` made in turn: at a
/// position (a share of the length), replace, insert or delete a run of
/// one to eight words, drawn from the same words.
fn long_pair(vocabulary: usize, len: usize, seed: u64, edits: &[(f64, u8, usize)]) -> (String, String) {
    const WORDS: [&str; 8] = ["the", "of", "and", "to", "in", "a", "is", "that"];
    let mut state = seed;
    let mut word = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        WORDS[((z ^ (z >> 31)) % vocabulary as u64) as usize]
    };
    let old: Vec<&str> = (0..len).map(|_| word()).collect();
    let mut new = old.clone();
    for &(at, kind, run) in edits {
        let at = ((new.len() as f64 * at) as usize).min(new.len());
        let end = (at + run).min(new.len());
        match kind % 3 {
            0 => new[at..end].iter_mut().for_each(|w| *w = word()),
            1 => new.splice(at..at, (0..run).map(|_| word()).collect::<Vec<_>>()).for_each(drop),
            _ => new.drain(at..end).for_each(drop),
        }
    }
    (old.join(" "), new.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, .. ProptestConfig::default() })]

    /// Above `align::sequence::EXACT` tokens the diff is bounded: it must
    /// still be an exact edit list, and the similarity a share.
    #[test]
    fn long_paragraphs_of_few_words_diff_exactly(
        vocabulary in 1usize..=8,
        len in 10_000usize..30_000,
        seed in any::<u64>(),
        edits in prop::collection::vec((0.0f64..1.0, any::<u8>(), 1usize..=8), 1..6),
    ) {
        let (old, new) = long_pair(vocabulary, len, seed, &edits);
        let edits = editions::classify::words::word_diff(&old, &new);
        let (a, b) = editions::classify::words::sides(&edits);
        prop_assert!(a == old && b == new, "the edits do not rebuild the texts");
        let similarity = editions::align::words::text_similarity(&old, &new);
        prop_assert!((0.0..=1.0).contains(&similarity), "{}", similarity);
    }
}

/// The smallest shared PDF, read once.
static PDF: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/editions/opcw-syria-chemical-weapons/2025-01-28_S-2025-63.pdf"))
        .unwrap()
});

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, .. ProptestConfig::default() })]

    /// A real PDF with bytes changed or cut off: read or refused with an
    /// error, never a panic; what is read keeps its labels unique.
    #[test]
    fn damaged_pdfs_never_panic(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..24),
        cut in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let mut bytes = PDF.clone();
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        if let Some(cut) = cut {
            bytes.truncate(cut.index(bytes.len()).max(5));
        }
        if let Ok(source) = read::read_any(Path::new("p.pdf"), bytes)
            && let Ok(e) = segment::segment_owned(source, &segment::Options::default())
        {
            let labels: HashSet<&str> = e.paragraphs.iter().map(|p| p.label.as_str()).collect();
            prop_assert_eq!(labels.len(), e.paragraphs.len());
        }
    }
}

/// A block of one of the layouts the segmenter reads: its lines.
fn layout_block() -> impl Strategy<Value = Vec<String>> {
    let words = prop::sample::select(vec![
        "the",
        "Licensor",
        "shall",
        "grant",
        "You",
        "a",
        "licence",
        "to",
        "use",
        "Work",
        "under",
        "terms",
        "of",
        "this",
        "document",
        "and",
        "each",
        "Contributor",
        "may",
        "not",
    ]);
    let sentence = prop::collection::vec(words, 3..14).prop_map(|w| {
        let mut s = w.join(" ");
        s[..1].make_ascii_uppercase();
        s + "."
    });
    let title = prop::collection::vec(prop::sample::select(vec!["Scope", "Grant", "Terms", "Notices", "Use"]), 1..4)
        .prop_map(|w| w.join(" "));
    prop_oneof![
        // A prose paragraph, wrapped.
        prop::collection::vec(sentence.clone(), 1..6).prop_map(|s| wrap(&s.join(" "), 70)),
        // One paragraph per line.
        prop::collection::vec(sentence.clone(), 4..9).prop_map(|s| vec![s.join(" ")]),
        title.clone().prop_map(|t| vec![format!("## {t}")]),
        title.clone().prop_map(|t| vec![t.clone(), "=".repeat(t.len())]),
        title.clone().prop_map(|t| vec![t.clone(), "-".repeat(t.len())]),
        title.clone().prop_map(|t| vec![t.to_uppercase()]),
        (1..20u32, title.clone()).prop_map(|(n, t)| vec![format!("{n}. {t}")]),
        (1..20u32, sentence.clone()).prop_map(|(n, s)| vec![format!("{n}) {s}")]),
        (1..20u32, 1..9u32, sentence.clone()).prop_map(|(a, b, s)| wrap(&format!("{a}.{b} {s}"), 70)),
        prop::collection::vec(sentence.clone(), 1..4).prop_map(|s| s
            .iter()
            .zip('a'..)
            .map(|(s, c)| format!("({c}) {s}"))
            .collect()),
        prop::collection::vec(sentence.clone(), 1..4).prop_map(|s| s.iter().map(|s| format!("- {s}")).collect()),
        Just(vec![
            "```".to_string(),
            "let x = 1;".to_string(),
            String::new(),
            "x += 1;".to_string(),
            "```".to_string()
        ]),
        Just(vec!["| a | b |".to_string(), "|---|---|".to_string(), "| 1 | 2 |".to_string()]),
        (2..40u32).prop_map(|p| vec![
            format!("Crockford                    Informational                    [Page {p}]"),
            "\x0C".to_string(),
            "RFC 4627                          JSON                          July 2006".to_string(),
        ]),
        Just(vec![
            "   1. Introduction ......... 2".to_string(),
            "   2. Scope ........ 3".to_string(),
            "   3. Terms ....... 4".to_string()
        ]),
        Just(vec!["    https://example.org/LICENSE-2.0".to_string()]),
        Just(vec!["Copyright (c) 2011 Example Foundation".to_string()]),
        Just(vec![".. _s1.2:".to_string()]),
    ]
}

/// `text` wrapped at `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for w in text.split(' ') {
        let last = lines.last_mut().unwrap();
        if !last.is_empty() && last.len() + 1 + w.len() > width {
            lines.push(w.to_string());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(w);
        }
    }
    lines
}

/// The non-blank lines of `text` that no paragraph's range, heading (with
/// its underline or overline), skipped block or the title accounts for.
fn lost_lines(text: &str) -> Vec<(usize, String)> {
    let source = read::decode(Path::new("p.txt"), text.as_bytes()).unwrap();
    let e = segment::segment(&source, &segment::Options::default());
    let lines: Vec<&str> = text.split('\n').collect();
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = words(e.meta.title.as_deref().unwrap_or(""));
    let is_rule = |t: &str| {
        t.len() >= 3 && t.chars().all(|c| c == t.chars().next().unwrap()) && !t.starts_with(char::is_alphanumeric)
    };
    let mut lost = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let n = i + 1;
        let t = l.trim_matches(|c: char| c.is_whitespace() || c == '\x0C');
        if t.is_empty() {
            continue;
        }
        let in_paragraph = e.paragraphs.iter().any(|p| p.line <= n && n <= p.end_line);
        // A heading has no end line: a line it took into its text (a
        // wrapped title) comes after its first, before the next paragraph
        // or heading, and its words are the heading's.
        let next = |line: usize| {
            let starts = e.paragraphs.iter().map(|p| p.line).chain(e.headings.iter().map(|h| h.line));
            starts.filter(|&s| s > line).min().unwrap_or(usize::MAX)
        };
        let heading = e.headings.iter().any(|h| {
            h.line == n
                || is_rule(t) && h.line.abs_diff(n) == 1
                || h.line < n && n < next(h.line) && words(&h.text).contains(&words(t))
        });
        let skipped = e.skipped.iter().any(|k| k.first_line <= n && n <= k.last_line);
        // The title comes first, after copyright lines only.
        let titled = e.headings.iter().all(|h| n < h.line)
            && e.paragraphs.iter().filter(|p| p.line < n).all(|p| p.text.starts_with("Copyright"))
            && !title.is_empty()
            && title.contains(&words(t));
        if !(in_paragraph || heading || skipped || titled) {
            lost.push((n, l.to_string()));
        }
    }
    lost
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, .. ProptestConfig::default() })]

    /// Mixtures of the layouts never panic, and every non-blank line is
    /// accounted for: in a paragraph's line range, a heading, a skipped
    /// block or the title.
    #[test]
    fn every_line_of_mixed_layouts_is_accounted_for(
        blocks in prop::collection::vec(layout_block(), 1..14),
        gaps in prop::collection::vec(any::<bool>(), 14),
    ) {
        let mut text = String::new();
        for (b, gap) in blocks.iter().zip(&gaps) {
            if !text.is_empty() {
                text.push_str(if *gap { "\n\n" } else { "\n" });
            }
            text.push_str(&b.join("\n"));
        }
        text.push('\n');
        check(text.as_bytes());
        let lost = lost_lines(&text);
        prop_assert!(lost.is_empty(), "lost {:?} of\n{}", lost, text);
    }
}
