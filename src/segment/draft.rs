//! What the layout segmenters produce, before footnotes, repairs and sentences.

use crate::model::Heading;

/// A paragraph as a layout segmenter found it.
#[derive(Debug, Clone, Default)]
pub struct DraftParagraph {
    /// The number as printed, for a numbered paragraph.
    pub number: Option<String>,
    /// The key of the section it belongs to, for `<section>:<n>` labels.
    pub section: Option<String>,
    /// The key of the annex or enclosure it belongs to (`annex-II`), which
    /// starts its label.
    pub part: Option<String>,
    /// Indices of the headings it sits under.
    pub headings: Vec<usize>,
    /// Joined text, not yet repaired.
    pub text: String,
    /// 1-based source line where it starts.
    pub line: usize,
    /// 1-based source line where it ends (its last line of text).
    pub end_line: usize,
}

/// An edition's structure as a layout segmenter found it.
#[derive(Debug, Default)]
pub struct Draft {
    pub title: Option<String>,
    pub headings: Vec<Heading>,
    pub paragraphs: Vec<DraftParagraph>,
    pub warnings: Vec<String>,
    /// Blocks left out of the text by the layout segmenter (markup).
    pub skipped: Vec<crate::model::Skipped>,
}

impl Draft {
    /// Opens a heading at `level`, closing deeper or equal ones on `stack`.
    pub fn push_heading(&mut self, stack: &mut Vec<usize>, heading: Heading) -> usize {
        while stack.last().is_some_and(|&i| self.headings[i].level >= heading.level) {
            stack.pop();
        }
        self.headings.push(heading);
        let index = self.headings.len() - 1;
        stack.push(index);
        index
    }
}

/// The text ends a sentence: a full stop, a colon or semicolon, a closing
/// bracket or quote after one, or a footnote mark after one (`1`, `¹`, `*`).
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end();
    let t = t.trim_end_matches(|c: char| c.is_ascii_digit() || c == '*' || is_raised_digit(c));
    let t = t.trim_end();
    t.ends_with(['.', ':', ';', '!', '?', ')', '”', '"', '’'])
}

/// A superscript digit, as the PDF reader writes a footnote marker.
pub fn is_raised_digit(c: char) -> bool {
    matches!(c, '⁰' | '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹')
}
