//! `editions blame --format html`: the blamed edition paragraph by
//! paragraph, each sentence beside a gutter naming the edition since which
//! the series carries its wording (coloured by age as in a terminal, and
//! marked by a symbol that says the same without colour); under a sentence
//! that replaced another or came back, a `<details>` with the wording
//! before, the word diff and where its oldest ancestor first appeared.
//!
//! The contract for scripts and tests: each sentence of `editions/blame/1`
//! is exactly one element with `class="bs"`, `data-since` (the label of
//! its `since` edition) and `data-paragraph` (its paragraph's label), in
//! the order of the JSON's paragraphs and sentences; its text is the one
//! `<span class="tx">` inside it. A paragraph is `<section id="p-LABEL">`;
//! a sentence's `id` is `s-LABEL-N` (N its place among the paragraph's
//! sentences, from 1).

use super::{escape, escape_into, inline_diff, text_into, write_head, write_tail};
use crate::blame::{Blame, SentenceBlame};
use crate::render::blame::age;
use crate::store::record::EditionName;
use std::io::Write;

/// The symbol of each age (see [`age`]): full for wording new in the
/// edition, emptier the older it is.
const GLYPHS: [&str; 4] = ["●", "◕", "◑", "○"];

/// An edition's label, with its date when that says something more.
fn name(e: &EditionName) -> String {
    match &e.date {
        Some(d) if d != &e.label => format!("{} ({d})", e.label),
        _ => e.label.clone(),
    }
}

fn plural(n: usize, one: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {one}s") }
}

/// Writes the blame as one self-contained HTML page.
pub fn write_blame_html(out: &mut impl Write, b: &Blame) -> std::io::Result<()> {
    let target = &b.editions[b.target];
    let title = format!("Blame of {}", name(target));
    write_head(out, &title)?;
    let sentences: Vec<&SentenceBlame> = b.paragraphs.iter().flat_map(|p| &p.sentences).collect();
    let new = sentences.iter().filter(|s| s.since == b.target).count();
    let changed = sentences.iter().filter(|s| s.changed.is_some()).count();
    let restored = sentences.iter().filter(|s| s.restored.is_some()).count();

    let mut page = String::from("<body class=\"blame\">\n<header>\n<h1>");
    escape_into(&mut page, &title);
    page.push_str("</h1>\n<p class=\"edition\">Edition <strong>");
    escape_into(&mut page, &target.label);
    page.push_str("</strong>");
    if let Some(date) = &target.date {
        page.push_str(", dated ");
        escape_into(&mut page, date);
    }
    page.push_str(&format!("; {} read", plural(b.editions.len(), "edition")));
    if let Some(first) = b.editions.first().filter(|_| b.editions.len() > 1) {
        page.push_str(", ");
        escape_into(&mut page, &name(first));
        page.push_str(" → ");
        escape_into(&mut page, &name(target));
    }
    page.push_str(&format!(
        "</p>\n<p class=\"summary\">{}: {new} new in it, {changed} reworded from an earlier one, {restored} back after a gap</p>\n",
        plural(sentences.len(), "sentence")
    ));
    write_legend(&mut page, b, &sentences);
    page.push_str(
        "<p class=\"keys\"><kbd>n</kbd> / <kbd>p</kbd> next / previous sentence new in this edition</p>\n</header>\n",
    );
    // The gutter is as wide as the longest label, with its symbol.
    let gutter = b.editions.iter().map(|e| e.label.chars().count()).max().unwrap_or(0) + 3;
    page.push_str(&format!("<main style=\"--gutter: {gutter}ch\">\n"));
    out.write_all(page.as_bytes())?;

    let mut buf = String::new();
    for p in &b.paragraphs {
        buf.clear();
        let label = escape(&p.label);
        buf.push_str(&format!(
            "<section class=\"bp\" id=\"p-{label}\"><h2 class=\"plbl\"><a href=\"#p-{label}\">¶{label}</a> <small>its lineage from "
        ));
        escape_into(&mut buf, &name(&b.editions[p.first]));
        buf.push_str("</small></h2>\n");
        for s in &p.sentences {
            write_sentence(&mut buf, b, &p.label, s);
        }
        buf.push_str("</section>\n");
        out.write_all(buf.as_bytes())?;
    }
    out.write_all(b"</main>\n")?;
    write_tail(out)
}

/// The legend: each age's symbol, the editions it covers, and how many
/// sentences are of it.
fn write_legend(page: &mut String, b: &Blame, sentences: &[&SentenceBlame]) {
    const WHAT: [&str; 4] = [
        "new in this edition",
        "the most recent quarter of the editions before it",
        "the quarter before that",
        "older",
    ];
    page.push_str("<p class=\"legend\">");
    for (a, (glyph, what)) in GLYPHS.iter().zip(WHAT).enumerate() {
        let ages: Vec<usize> = (0..=b.target).filter(|&i| usize::from(age(i, b.target)) == a).collect();
        let (Some(&first), Some(&last)) = (ages.first(), ages.last()) else { continue };
        let n = sentences.iter().filter(|s| usize::from(age(s.since, b.target)) == a).count();
        page.push_str(&format!("<span class=\"age a{a}\"><span class=\"gl\" aria-hidden=\"true\">{glyph}</span> "));
        page.push_str(what);
        if a > 0 {
            page.push_str(" (");
            escape_into(page, &b.editions[first].label);
            if last != first {
                page.push_str(" → ");
                escape_into(page, &b.editions[last].label);
            }
            page.push(')');
        }
        page.push_str(&format!(": {}</span> ", plural(n, "sentence")));
    }
    page.push_str("</p>\n");
}

/// One sentence: the gutter, the text, and its provenance when it has one.
fn write_sentence(buf: &mut String, b: &Blame, paragraph: &str, s: &SentenceBlame) {
    let since = &b.editions[s.since];
    let a = usize::from(age(s.since, b.target));
    let paragraph = escape(paragraph);
    let hint = if s.since == b.target {
        "new in this edition".to_string()
    } else {
        format!("worded so since {}", name(since))
    };
    buf.push_str(&format!(
        "<div class=\"bs a{a}\" id=\"s-{paragraph}-{}\" data-since=\"{}\" data-paragraph=\"{paragraph}\">\
         <span class=\"since\" title=\"{}\"><span class=\"gl\" aria-hidden=\"true\">{}</span> ",
        s.index + 1,
        escape(&since.label),
        escape(&hint),
        GLYPHS[a],
    ));
    escape_into(buf, &since.label);
    buf.push_str("</span><div class=\"sx\"><span class=\"tx\">");
    text_into(buf, &s.text);
    buf.push_str("</span>");
    let descended = |from: usize| match s.origin.filter(|&o| o < from) {
        Some(o) => format!(", descended from {}", name(&b.editions[o])),
        None => String::new(),
    };
    if let Some(r) = &s.restored {
        let gap = &b.editions[r.from + 1..s.since];
        buf.push_str("<details class=\"prov bk\"><summary>back: was ¶");
        escape_into(buf, &r.label);
        buf.push_str(" in ");
        escape_into(buf, &name(&b.editions[r.from]));
        escape_into(buf, &descended(r.from));
        buf.push_str("</summary><p>The same wording stood in ¶");
        escape_into(buf, &r.label);
        buf.push_str(" of ");
        escape_into(buf, &name(&b.editions[r.from]));
        buf.push_str(&format!("; left out of {}: ", plural(gap.len(), "edition")));
        let labels: Vec<&str> = gap.iter().map(|e| e.label.as_str()).collect();
        escape_into(buf, &labels.join(", "));
        buf.push_str(".</p></details>");
    }
    if let Some(c) = &s.changed {
        buf.push_str("<details class=\"prov rw\"><summary>was ¶");
        escape_into(buf, &c.label);
        buf.push_str(" in ");
        escape_into(buf, &name(&b.editions[c.from]));
        escape_into(buf, &descended(c.from));
        buf.push_str("</summary><p class=\"before\"><span class=\"k\">before</span> ");
        text_into(buf, &c.before);
        buf.push_str("</p><p class=\"wd\"><span class=\"k\">word diff</span> ");
        buf.push_str(&inline_diff(&c.edits));
        buf.push_str("</p></details>");
    }
    buf.push_str("</div></div>\n");
}
