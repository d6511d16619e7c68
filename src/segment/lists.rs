//! The list rule: which list items are paragraphs of their own.
//!
//! A list's items stay in one paragraph with their lead-in when they
//! complete it:
//!
//! - an item is a fragment (a phrase, a `that …` clause, an item in lower
//!   case or ending in `;`, `,`, `and`, `or` or with no full stop);
//! - the lead-in breaks off at its colon, before a word it needs (`the CA
//!   SHALL:`, `is OPTIONAL in:`, `responsible for:`, `then:`): every item
//!   finishes its sentence;
//! - the lead-in announces its items (`the following actions:`, `these
//!   things:`, `as follows:`) and they say no more than it announces: one
//!   sentence each, or the orders it binds its reader to (`you must do
//!   these things:`, `… shall be used for the following purposes:`).
//!
//! Otherwise each item stands alone, and each is a paragraph of its own,
//! as is its lead-in (with the sentences before it). In a list that stays
//! with its lead-in, an item of several sentences is still a paragraph of
//! its own (unless the lead-in breaks off or binds it), and the items after
//! it start another paragraph. A list after a paragraph that does not end
//! in a colon has no lead-in: it starts a paragraph. Nested lists are judged
//! each on its own, the item above as their lead-in; an item that is only a
//! label or a lead-in for its nested list (`**Method and class
//! comments**:`, `Member Representatives consist of:`) is neither a
//! fragment nor a sentence of the list it is in.

use super::draft::DraftParagraph;
use regex::Regex;
use std::sync::LazyLock;

/// Where a list item starts inside a paragraph's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// The 1-based source line of its marker.
    pub line: usize,
    /// The byte offset in the paragraph's text where it starts.
    pub offset: usize,
    /// Its marker's indentation, in characters.
    pub indent: usize,
    /// The 1-based source line of the paragraph's last text before it:
    /// where a paragraph cut at this item ends.
    pub before: usize,
}

/// The markers an item opens with, bullets and labels (`- (a) `, `1. `,
/// `iv. `, `**Term**: `).
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:[-*+•▪◦]|\(?[a-z]{1,3}\)|\(?[ivxlc]{1,6}[.)]|[0-9]{1,3}[.)]|\([0-9]{1,3}\)|[A-Za-z][.)])\s+)+(?:(?:\*\*|__)[^*_]+(?:\*\*|__):?\s*)?")
        .unwrap()
});

/// Words that cannot end a sentence: a lead-in that breaks off on one
/// (`the CA SHALL:`, `responsible for:`) is finished by its items.
const OPEN_WORDS: &[&str] = &[
    "shall",
    "must",
    "should",
    "may",
    "will",
    "can",
    "could",
    "would",
    "might",
    "is",
    "are",
    "be",
    "was",
    "were",
    "means",
    "include",
    "includes",
    "including",
    "contain",
    "contains",
    "consist",
    "consists",
    "comprise",
    "comprises",
    "to",
    "in",
    "of",
    "for",
    "by",
    "with",
    "from",
    "on",
    "at",
    "as",
    "into",
    "under",
    "within",
    "between",
    "about",
    "than",
    "via",
    "per",
    "that",
    "then",
    "if",
    "unless",
    "when",
    "where",
    "whether",
    "and",
    "or",
    "following",
];

/// Words that open a condition or a time (`Effective March 15, 2027:`,
/// `If the CA follows redirects, the following apply:`, `For the status of
/// …:`): a lead-in that is one such sentence alone scopes every item under
/// it, which read alone would lose it, so the items stay with it. (At the
/// end of a longer paragraph, `… If your docs are in bad shape:`, the
/// reader of the Markdown guide reads its advice items on their own.)
const QUALIFIERS: &[&str] = &[
    "effective",
    "if",
    "when",
    "whenever",
    "where",
    "unless",
    "until",
    "before",
    "after",
    "beginning",
    "starting",
    "prior",
    "for",
];

/// Modal verbs: an item that opens with one has no subject of its own.
const MODALS: &[&str] = &["shall", "must", "should", "may", "will", "can"];

/// Words that bind the reader of a lead-in to its items.
const BINDING: &[&str] = &["must", "shall", "required", "require", "requires"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Only completes its lead-in.
    Fragment,
    /// One sentence.
    Sentence,
    /// Several sentences.
    Several,
    /// A label or a lead-in for its own nested list.
    LeadIn,
}

/// The words of `text` without markup around them, lower case.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// A list item's own text, read alone: a fragment, a sentence or several.
fn kind(text: &str, has_children: bool) -> Kind {
    let body = MARKER.find(text).map_or(text, |m| &text[m.end()..]).trim();
    let end = body.trim_end_matches(['"', '”', '’', '\'', ')', ']', '*', '_', '`']);
    if body.is_empty() || has_children && end.ends_with(':') {
        return Kind::LeadIn;
    }
    let w = words(end);
    let last = w.last().map_or("", String::as_str);
    // `MUST apply …`: a verb with no subject of its own.
    let modal_first = w.first().is_some_and(|x| MODALS.contains(&x.as_str()));
    if body.starts_with(|c: char| c.is_lowercase())
        || modal_first
        || end.ends_with([';', ','])
        || last == "and"
        || last == "or"
        || !end.ends_with(['.', '?', '!', ':'])
    {
        return Kind::Fragment;
    }
    if super::sentences::split(body).len() > 1 { Kind::Several } else { Kind::Sentence }
}

/// How a lead-in (its last sentence) leads into its list.
#[derive(Debug, Clone, Copy, Default)]
struct Lead {
    /// It ends in a colon: the list is its.
    present: bool,
    /// It breaks off before a word it needs.
    open: bool,
    /// It announces its items (`the following`, `these`, `as follows`).
    announces: bool,
    /// It binds its reader to them (`must`, `shall`, `required`).
    binds: bool,
}

fn lead(text: &str) -> Lead {
    let text = text.trim_end();
    let mut sentences = super::sentences::split(text);
    let alone = sentences.len() <= 1;
    let last = sentences.pop().unwrap_or(text);
    let end = last.trim_end_matches(['*', '_', '`', ' ']);
    let w = words(end);
    if !end.ends_with(':') {
        // A lead-in that ends no sentence (`… the following websites`,
        // `for either`) is finished by its list.
        let finished = end.trim_end_matches(['"', '”', '’', '\'', ')', ']']).ends_with(['.', '?', '!', ';']);
        return Lead { present: !end.is_empty() && !finished, open: !end.is_empty() && !finished, ..Lead::default() };
    }
    let announces =
        w.windows(2).any(|p| p == ["the", "following"] || p == ["as", "follows"]) || w.iter().any(|x| x == "these");
    let qualified =
        alone && w.first().is_some_and(|x| QUALIFIERS.contains(&x.as_str())) && w.get(1).is_none_or(|x| x != "example");
    Lead {
        present: true,
        open: qualified || w.last().is_some_and(|x| OPEN_WORDS.contains(&x.as_str())),
        announces,
        binds: w.iter().any(|x| BINDING.contains(&x.as_str())),
    }
}

/// Which of a paragraph's list items start a paragraph of their own, by
/// the list rule. `text` is the paragraph's, its items in order;
/// `opens_with_item`: the paragraph starts with its first item (it has no
/// lead-in text).
pub fn starts(text: &str, items: &[Item], opens_with_item: bool) -> Vec<bool> {
    let n = items.len();
    let end = |k: usize| items.get(k + 1).map_or(text.len(), |i| i.offset);
    let own = |k: usize| &text[items[k].offset..end(k)];
    // Each item's parent: the nearest item before it indented less.
    let parent: Vec<Option<usize>> =
        (0..n).map(|k| (0..k).rev().find(|&j| items[j].indent < items[k].indent)).collect();
    let parent = &parent;
    let children = |p: Option<usize>| (0..n).filter(move |&k| parent[k] == p);
    let mut start = vec![false; n];
    // The lists, each with its lead-in: the paragraph's own text for the
    // outermost one, the item above for a nested one; an item that ends no
    // sentence (a label, `Network Hardening`) passes on its own list's.
    let mut leads: Vec<Lead> = Vec::with_capacity(n);
    let lists = std::iter::once(None).chain((0..n).map(Some));
    for p in lists {
        let lead = match p {
            None if opens_with_item => Lead::default(),
            None => lead(&text[..items[0].offset]),
            Some(p) => {
                let body = own(p).trim_end().trim_end_matches(['"', '”', '’', '\'', ')', ']', '*', '_', '`']);
                let inherited = parent[p].map_or(leads[0], |q| leads[q + 1]);
                if body.ends_with(['.', '?', '!', ':']) || !inherited.present {
                    Lead { present: true, ..lead(own(p)) }
                } else {
                    inherited
                }
            }
        };
        leads.push(lead);
        let list: Vec<usize> = children(p).collect();
        if list.is_empty() {
            continue;
        }
        let kinds: Vec<Kind> = list.iter().map(|&k| kind(own(k), children(Some(k)).next().is_some())).collect();
        let fragment = kinds.contains(&Kind::Fragment);
        let joins = lead.present
            && (fragment
                || lead.open
                || lead.announces && (lead.binds || kinds.iter().all(|k| matches!(k, Kind::Sentence | Kind::LeadIn))));
        if !joins {
            // Each item a paragraph; a list with no lead-in that only
            // completes itself (fragments) is one paragraph of its own.
            for (i, &k) in list.iter().enumerate() {
                start[k] = i == 0 || !fragment || kinds[i] == Kind::Several;
            }
            continue;
        }
        let keeps_several = lead.open || lead.binds;
        for (i, &k) in list.iter().enumerate() {
            if kinds[i] == Kind::Several && !keeps_several {
                start[k] = true;
                // The list goes on in a paragraph after it.
                if let Some(&next) = list.get(i + 1) {
                    start[next] = true;
                }
            }
        }
    }
    // After an item whose nested items were cut off, the list goes on in a
    // paragraph of its own.
    for k in 0..n {
        let subtree_end = (k + 1..n).find(|&j| items[j].indent <= items[k].indent);
        if let Some(next) = subtree_end
            && parent[next] == parent[k]
            && (k + 1..next).any(|j| start[j])
        {
            start[next] = true;
        }
    }
    start
}

/// Cuts `p` where the list rule ([`starts`]) starts a paragraph at one of
/// its `items`: the pieces in order, `p` alone when nothing is cut. Each
/// piece ends on the line before the item that starts the next; the
/// pieces after the first are unnumbered, in `p`'s numbered paragraph (or
/// its section), under its headings.
pub fn cut(mut p: DraftParagraph, items: &[Item], opens_with_item: bool) -> Vec<DraftParagraph> {
    let starts = starts(&p.text, items, opens_with_item);
    let cuts: Vec<&Item> = items.iter().zip(starts).filter(|(i, s)| *s && i.offset > 0).map(|(i, _)| i).collect();
    if cuts.is_empty() {
        return vec![p];
    }
    let section = p.number.clone().or_else(|| p.section.clone());
    let (whole, last) = (std::mem::take(&mut p.text), p.end_line);
    p.text = whole[..cuts[0].offset].trim_end().to_string();
    p.end_line = cuts[0].before;
    let rest = cuts.iter().enumerate().map(|(k, cut)| DraftParagraph {
        section: section.clone(),
        part: p.part.clone(),
        headings: p.headings.clone(),
        text: whole[cut.offset..cuts.get(k + 1).map_or(whole.len(), |c| c.offset)].trim_end().to_string(),
        line: cut.line,
        end_line: cuts.get(k + 1).map_or(last, |c| c.before),
        ..Default::default()
    });
    let rest: Vec<DraftParagraph> = rest.collect();
    std::iter::once(p).chain(rest).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str, indents: &[usize]) -> Vec<Item> {
        let mut out = Vec::new();
        let mut offset = 0;
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.push(Item { line: i + 1, offset, indent: indents[out.len()], before: i });
            }
            offset += line.len() + 1;
        }
        out
    }

    fn cut(text: &str, indents: &[usize]) -> Vec<bool> {
        starts(text, &items(text, indents), false)
    }

    #[test]
    fn kinds_of_items() {
        assert_eq!(kind("* Iterate.", false), Kind::Sentence);
        assert_eq!(kind("- (b) Open. The foundation is open.", false), Kind::Several);
        assert_eq!(kind("a. any file in Source Code Form; or", false), Kind::Fragment);
        assert_eq!(kind("(a) Stewardship of the projects", false), Kind::Fragment);
        assert_eq!(kind("2. **Method and class comments**:", true), Kind::LeadIn);
        assert_eq!(kind("* What is this directory intended to hold?", false), Kind::Sentence);
        assert_eq!(kind("- The one-line docstring should NOT be a signature. Don't do::", false), Kind::Several);
    }

    #[test]
    fn sentences_after_a_label_stand_alone() {
        let text = "Notes:\n- Triple quotes are used. This makes it easy.\n- There's no blank line.";
        assert_eq!(cut(text, &[0, 0]), [true, true]);
    }

    #[test]
    fn items_that_finish_the_lead_in_stay_with_it() {
        // The FOMC's 1994-08-16 statement: announced, one sentence each.
        let text = "The Federal Reserve announced today the following monetary policy actions:\n* The Board approved an increase.\n* The Committee agreed that it would show through.";
        assert_eq!(cut(text, &[0, 0]), [false, false]);
        // The GNU FDL: orders the lead-in binds its reader to.
        let text = "In addition, you must do these things in the Modified Version:\nA. Use a distinct title. You may use the same title with permission.\nB. List on the Title Page the authors.";
        assert_eq!(cut(text, &[5, 5]), [false, false]);
        // A lead-in that breaks off at its colon.
        let text = "For ECDSA key pairs, the CA SHALL:\n* Ensure that the key is valid.";
        assert_eq!(cut(text, &[0]), [false]);
        // Principles of several sentences each stand alone.
        let text = "The CNCF will strive to adhere to the following principles:\n- (a) Fast is better than slow. The foundation enables it.\n- (b) Open. The foundation is open.";
        assert_eq!(cut(text, &[0, 0]), [true, true]);
    }

    #[test]
    fn lead_ins_that_end_no_sentence_and_items_with_no_subject() {
        // FOMC 2008-03-11: a lead-in with no colon that ends no sentence.
        let text = "Information is available at the following websites\n* [Bank of Canada](http://example.org)\n* [Bank of England](http://example.org)";
        assert_eq!(cut(text, &[0, 0]), [false, false]);
        // A list after a finished sentence has no lead-in: its sentences stand alone.
        let text = "Strive for this.\n* Identify what you really need.\n* Delete cruft frequently.";
        assert_eq!(cut(text, &[0, 0]), [true, true]);
        // CA/B 4.9.7: `MUST update …` has no subject of its own.
        let text = "CAs issuing Subscriber Certificates:\n1. MUST update and publish a new CRL.\n2. MUST update it within 24 hours.";
        assert_eq!(cut(text, &[0, 0]), [false, false]);
        // A label item with no stop passes on the lead-in above it (CA/B `MUST:` / `- Network Hardening`).
        let text = "MUST:\n- Network Hardening\n- Rely upon networks that filter traffic.";
        assert_eq!(cut(text, &[0, 2]), [false, false]);
    }

    #[test]
    fn an_item_of_several_sentences_cuts_a_fragment_list() {
        let text = "You may distribute it provided that You meet the following conditions:\n(a) You must give a copy; and\n(b) You must retain notices; and\n(d) If the Work has a notice, include it. You may add yours.";
        assert_eq!(cut(text, &[0, 0, 0]), [false, false, true]);
        // Nested sentences in the middle of a fragment list cut it in two.
        let text = "- (d) Responsibilities:\n- i. approve a budget;\n- ii. elect a Chair;\n(a) The Chair is elected. A vote may be called.\n(b) The Chair shall be elected.\n- iii. vote on decisions;";
        let mut items = items(text, &[1, 1, 3, 3, 1]);
        items.insert(0, Item { line: 1, offset: 0, indent: 0, before: 0 });
        assert_eq!(starts(text, &items, true), [true, false, false, true, true, true]);
    }
}
