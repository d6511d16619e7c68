//! Word diffs that a person can read: words and the spaces between them are
//! the tokens, patience alignment keeps common words from pairing across a
//! rewrite, and short runs of equal text inside a rewrite are absorbed so a
//! changed phrase reads as one deletion and one insertion. A very long
//! paragraph is diffed in bounded time ([`crate::align::sequence`]).

use crate::align::sequence;
use crate::model::{Edit, EditOp};
use rustc_hash::FxHashMap;
use similar::{Algorithm, DiffOp};

/// Splits text into runs of whitespace and runs of everything else.
fn tokens(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 3);
    let mut start = 0;
    let mut space: Option<bool> = None;
    let mut i = 0;
    while i < bytes.len() {
        // ASCII without decoding: `char::is_whitespace` there is space and \t..=\r.
        let (s, len) = if bytes[i] < 0x80 {
            (matches!(bytes[i], b' ' | b'\t'..=b'\r'), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if space.is_some_and(|prev| prev != s) {
            out.push(&text[start..i]);
            start = i;
        }
        space = Some(s);
        i += len;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The tokens of both sides as numbers, equal where the texts are: the
/// diff then hashes and compares numbers, not strings (it did so several
/// times over for each token). Only equality matters to the algorithm, so
/// the diff is the same.
fn interned<'t>(a: &[&'t str], b: &[&'t str]) -> (Vec<u32>, Vec<u32>) {
    let mut ids: FxHashMap<&'t str, u32> = FxHashMap::default();
    ids.reserve(a.len() + b.len());
    let mut id = |t: &'t str| {
        let next = u32::try_from(ids.len()).expect("fewer than 2^32 tokens in a paragraph");
        *ids.entry(t).or_insert(next)
    };
    (a.iter().map(|&t| id(t)).collect(), b.iter().map(|&t| id(t)).collect())
}

/// An equal run this short (in characters, spaces included) between two
/// changes is shown as part of the change: `[-a big-] {+one small+}` rather
/// than `[-a-] {+one+} [-big-]{+small+}`.
const ABSORB: usize = 4;

/// The word diff from `old` to `new`. Joining the equal and deleted texts
/// gives `old`; joining the equal and inserted texts gives `new`.
pub fn word_diff(old: &str, new: &str) -> Vec<Edit> {
    let (a, b) = (tokens(old), tokens(new));
    let (ia, ib) = interned(&a, &b);
    let ops = sequence::diff(Algorithm::Patience, &ia, &ib);
    // (op, token range) steps, then readable grouping.
    let mut steps: Vec<(EditOp, String)> = Vec::new();
    for op in ops {
        match op {
            DiffOp::Equal { old_index, len, .. } => steps.push((EditOp::Equal, a[old_index..old_index + len].concat())),
            DiffOp::Delete { old_index, old_len, .. } => {
                steps.push((EditOp::Delete, a[old_index..old_index + old_len].concat()))
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                steps.push((EditOp::Insert, b[new_index..new_index + new_len].concat()))
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                steps.push((EditOp::Delete, a[old_index..old_index + old_len].concat()));
                steps.push((EditOp::Insert, b[new_index..new_index + new_len].concat()));
            }
        }
    }
    let last = steps.len().saturating_sub(1);
    let mut out: Vec<Edit> = Vec::new();
    let mut pending_del = String::new();
    let mut pending_ins = String::new();
    for (i, (op, text)) in steps.into_iter().enumerate() {
        let absorbed =
            op == EditOp::Equal && i > 0 && i < last && (text.trim().is_empty() || text.chars().count() <= ABSORB);
        match op {
            EditOp::Delete => pending_del.push_str(&text),
            EditOp::Insert => pending_ins.push_str(&text),
            EditOp::Equal if absorbed => {
                pending_del.push_str(&text);
                pending_ins.push_str(&text);
            }
            EditOp::Equal => {
                flush(&mut out, &mut pending_del, &mut pending_ins);
                out.push(Edit { op: EditOp::Equal, text });
            }
        }
    }
    flush(&mut out, &mut pending_del, &mut pending_ins);
    out
}

fn flush(out: &mut Vec<Edit>, del: &mut String, ins: &mut String) {
    if del == ins {
        // Only absorbed equal text: it was equal after all.
        if !del.is_empty() {
            match out.last_mut() {
                Some(Edit { op: EditOp::Equal, text }) => text.push_str(del),
                _ => out.push(Edit { op: EditOp::Equal, text: std::mem::take(del) }),
            }
        }
        del.clear();
        ins.clear();
        return;
    }
    // Equal text at both ends of the change stays equal.
    let common_prefix: usize =
        del.chars().zip(ins.chars()).take_while(|(x, y)| x == y).map(|(c, _)| c.len_utf8()).sum();
    let prefix = &del[..common_prefix];
    let prefix = &prefix[..prefix.rfind(char::is_whitespace).map_or(0, |i| i + 1)];
    if !prefix.is_empty() {
        match out.last_mut() {
            Some(Edit { op: EditOp::Equal, text }) => text.push_str(prefix),
            _ => out.push(Edit { op: EditOp::Equal, text: prefix.to_string() }),
        }
    }
    let n = prefix.len();
    if del.len() > n {
        out.push(Edit { op: EditOp::Delete, text: del[n..].to_string() });
    }
    if ins.len() > n {
        out.push(Edit { op: EditOp::Insert, text: ins[n..].to_string() });
    }
    del.clear();
    ins.clear();
}

/// The old and new texts an edit list stands for.
pub fn sides(edits: &[Edit]) -> (String, String) {
    let mut old = String::new();
    let mut new = String::new();
    for e in edits {
        if e.op != EditOp::Insert {
            old.push_str(&e.text);
        }
        if e.op != EditOp::Delete {
            new.push_str(&e.text);
        }
    }
    (old, new)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(edits: &[Edit]) -> String {
        edits
            .iter()
            .map(|e| match e.op {
                EditOp::Equal => e.text.clone(),
                EditOp::Delete => format!("[-{}-]", e.text),
                EditOp::Insert => format!("{{+{}+}}", e.text),
            })
            .collect()
    }

    #[test]
    fn readable_and_exact() {
        let old = "The Committee will maintain the target range at 0 to 1/4 percent for some time.";
        let new = "The Committee decided to raise the target range to 1/4 to 1/2 percent for some time.";
        let edits = word_diff(old, new);
        assert_eq!(sides(&edits), (old.to_string(), new.to_string()));
        assert_eq!(
            show(&edits),
            "The Committee [-will maintain-]{+decided to raise+} the target range [-at 0 -]to 1/4 {+to 1/2 +}percent for some time."
        );
    }

    #[test]
    fn tokens_split_at_every_kind_of_space() {
        let t = "a  b\u{0B}c\u{A0}d\u{2003}\u{2003}é\t\r\nf";
        let by_chars: Vec<&str> = {
            let mut out = Vec::new();
            let mut start = 0;
            let mut space: Option<bool> = None;
            for (i, c) in t.char_indices() {
                if space.is_some_and(|prev| prev != c.is_whitespace()) {
                    out.push(&t[start..i]);
                    start = i;
                }
                space = Some(c.is_whitespace());
            }
            out.push(&t[start..]);
            out
        };
        assert_eq!(tokens(t), by_chars);
    }

    #[test]
    fn insertion_and_deletion_only() {
        let edits = word_diff("a b c", "a b x c");
        assert_eq!(show(&edits), "a b {+x +}c");
        assert_eq!(show(&word_diff("one two three", "one three")), "one [-two -]three");
        assert_eq!(word_diff("same", "same"), [Edit { op: EditOp::Equal, text: "same".into() }]);
        assert_eq!(sides(&word_diff("", "new text")), (String::new(), "new text".to_string()));
    }
}
