//! Self-contained HTML pages: `editions diff --format html` (the
//! comparison, [`diff`]), `editions commitments --timeline --format
//! html` ([`timeline`]) and `editions blame --format html` ([`blame`]). A page needs nothing else: its style and script
//! are inline (`style.css`, `script.js`), nothing is fetched, and it reads
//! with scripts off (views, filters and collapsed runs are CSS and
//! `<details>`; the script only adds keys and opens the addressed paragraph).
//! Every piece of edition text goes through [`escape`].

pub mod blame;
pub mod diff;
pub mod timeline;

pub use blame::write_blame_html;
pub use diff::{HtmlView, write_diff};
pub use timeline::write_timeline;

use crate::classify::PARAGRAPH_JOIN;
use crate::model::{Edit, EditOp};
use std::io::Write;

/// The page's style: light and dark schemes, the two views, print.
pub const STYLE: &str = include_str!("style.css");

/// The page's script: keys `n`/`p`, the address opening a collapsed
/// paragraph, and a record of script errors on `<html data-script>`.
pub const SCRIPT: &str = include_str!("script.js");

/// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped: safe in element
/// content and in quoted attribute values alike.
pub fn escape_into(out: &mut String, text: &str) {
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&text[start..]);
}

/// `text` escaped (see [`escape_into`]).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(&mut out, text);
    out
}

/// Appends edition text: escaped, a line break inside a paragraph (a list
/// item, a table row) as `<br>`.
fn text_into(out: &mut String, text: &str) {
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push_str("<br>");
        }
        escape_into(out, line);
    }
}

/// Appends a deleted (`del`) or inserted (`ins`) text; a paragraph break
/// inside it (made or removed by a split or merge) shows as a marked `¶`.
fn changed_into(out: &mut String, tag: &str, text: &str) {
    for (k, part) in text.split(PARAGRAPH_JOIN).enumerate() {
        if k > 0 {
            out.push_str(&format!("<{tag} class=\"pb\">¶<br></{tag}>"));
        }
        if !part.is_empty() {
            out.push_str(&format!("<{tag}>"));
            text_into(out, part);
            out.push_str(&format!("</{tag}>"));
        }
    }
}

/// A word diff as one text: deletions struck through, insertions underlined.
fn inline_diff(edits: &[Edit]) -> String {
    let mut out = String::new();
    for e in edits {
        match e.op {
            EditOp::Equal => text_into(&mut out, &e.text),
            EditOp::Delete => changed_into(&mut out, "del", &e.text),
            EditOp::Insert => changed_into(&mut out, "ins", &e.text),
        }
    }
    out
}

/// Writes the document's start: doctype, head (title, style, a policy that
/// forbids fetching anything), body open.
fn write_head(out: &mut impl Write, title: &str) -> std::io::Result<()> {
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
         <meta name=\"generator\" content=\"editions {}\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n",
        env!("CARGO_PKG_VERSION"),
        escape(title)
    )
}

/// Writes the script and closes the document.
fn write_tail(out: &mut impl Write) -> std::io::Result<()> {
    write!(out, "<script>\n{SCRIPT}</script>\n</body>\n</html>\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_leaves_no_markup() {
        let hostile =
            r#"<script>alert(1)</script> <img src=x onerror='alert(2)'> </style> <a href="javascript:alert(3)">&amp;"#;
        let escaped = escape(hostile);
        assert!(!escaped.contains('<') && !escaped.contains('>') && !escaped.contains('"'));
        assert!(!escaped.contains('\''));
        assert_eq!(
            escaped,
            "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=&#39;alert(2)&#39;&gt; &lt;/style&gt; \
             &lt;a href=&quot;javascript:alert(3)&quot;&gt;&amp;amp;"
        );
    }

    #[test]
    fn a_paragraph_break_in_an_insertion_is_marked() {
        let edits = vec![
            Edit { op: EditOp::Equal, text: "One. ".into() },
            Edit { op: EditOp::Insert, text: "Two.\n\nThree".into() },
        ];
        assert_eq!(inline_diff(&edits), "One. <ins>Two.</ins><ins class=\"pb\">¶<br></ins><ins>Three</ins>");
    }

    /// The colours the style sheet pairs meet WCAG AA (4.5:1 for text) in
    /// both schemes.
    #[test]
    fn colours_meet_wcag_aa() {
        fn channel(hex: &str) -> f64 {
            let c = f64::from(u8::from_str_radix(hex, 16).unwrap()) / 255.0;
            if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        }
        fn luminance(colour: &str) -> f64 {
            let h = colour.trim_start_matches('#');
            0.2126 * channel(&h[0..2]) + 0.7152 * channel(&h[2..4]) + 0.0722 * channel(&h[4..6])
        }
        fn contrast(a: &str, b: &str) -> f64 {
            let (x, y) = (luminance(a), luminance(b));
            (x.max(y) + 0.05) / (x.min(y) + 0.05)
        }
        // Each scheme is a block of `--name: #rrggbb;` custom properties.
        let schemes: Vec<&str> = STYLE.split("/* scheme */").skip(1).collect();
        assert_eq!(schemes.len(), 2, "a light and a dark scheme");
        for scheme in schemes {
            let var = |name: &str| {
                let at = scheme.find(&format!("--{name}:")).unwrap_or_else(|| panic!("no --{name}"));
                let rest = scheme[at..].split_once('#').unwrap().1;
                format!("#{}", &rest[..6])
            };
            for (fg, bg) in [
                ("fg", "bg"),
                ("dim", "bg"),
                ("link", "bg"),
                ("del-fg", "del-bg"),
                ("ins-fg", "ins-bg"),
                ("fg", "panel"),
                ("link", "panel"),
                ("dim", "panel"),
                ("new", "bg"),
                ("dropped", "bg"),
                ("revised", "bg"),
                ("moved", "bg"),
                ("weaker", "bg"),
                ("stronger", "bg"),
                ("age0", "bg"),
                ("age1", "bg"),
                ("age2", "bg"),
                ("age3", "bg"),
                ("age0", "panel"),
                ("age1", "panel"),
                ("age2", "panel"),
                ("age3", "panel"),
            ] {
                let ratio = contrast(&var(fg), &var(bg));
                assert!(ratio >= 4.5, "--{fg} on --{bg}: {ratio:.2}");
            }
        }
    }
}
