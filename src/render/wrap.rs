//! Filling styled text to a width.

use super::palette::{Palette, Role};

/// Fills `pieces` into lines of at most `width` columns (a word longer than
/// that gets a line of its own), each line starting with `indent`, and
/// paints them. A line feed in a piece starts a new line. Ends without a
/// line feed.
pub fn fill(pieces: &[(Role, &str)], palette: &Palette, width: usize, indent: &str) -> String {
    let room = width.saturating_sub(indent.chars().count()).max(20);
    let mut out = String::from(indent);
    let mut col = 0;
    let mut pending_space = false;
    for &(role, text) in pieces {
        let (open, close) = palette.markers(role);
        let words: Vec<(usize, &str)> = text.split(' ').enumerate().filter(|(_, w)| !w.is_empty()).collect();
        let count = words.len();
        if text.starts_with(char::is_whitespace) {
            pending_space = true;
        }
        for (k, (i, word)) in words.into_iter().enumerate() {
            if i > 0 {
                pending_space = true;
            }
            for (j, part) in word.split('\n').enumerate() {
                if j > 0 {
                    out.push('\n');
                    out.push_str(indent);
                    col = 0;
                    pending_space = false;
                }
                if part.is_empty() {
                    continue;
                }
                let mut visible = String::new();
                if k == 0 && j == 0 {
                    visible.push_str(open);
                }
                visible.push_str(part);
                let last_part = word.rfind('\n').is_none_or(|p| part.as_ptr() as usize - word.as_ptr() as usize > p);
                if k + 1 == count && last_part {
                    visible.push_str(close);
                }
                let w = visible.chars().count();
                if col > 0 && col + usize::from(pending_space) + w > room {
                    out.push('\n');
                    out.push_str(indent);
                    col = 0;
                } else if col > 0 && pending_space {
                    out.push(' ');
                    col += 1;
                }
                pending_space = false;
                out.push_str(&palette.paint(role, &visible));
                col += w;
            }
        }
        if text.ends_with(char::is_whitespace) {
            pending_space = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_and_marks() {
        let p = Palette::new(false);
        let pieces = [
            (Role::Plain, "The Committee "),
            (Role::Deleted, "will maintain"),
            (Role::Inserted, "decided to raise"),
            (Role::Plain, " the target range at 0 to 1/4 percent."),
        ];
        assert_eq!(
            fill(&pieces, &p, 40, "  "),
            "  The Committee [-will maintain-]\n  {+decided to raise+} the target range\n  at 0 to 1/4 percent."
        );
        assert_eq!(
            fill(&[(Role::Plain, "intro:\n(a) one;\n(b) two")], &p, 80, "> "),
            "> intro:\n> (a) one;\n> (b) two"
        );
    }
}
