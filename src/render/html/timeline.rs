//! `editions commitments SERIES --timeline --format html`: each commitment
//! a row across the series' editions (first seen, revised stronger or
//! weaker, dropped, restored, standing), each mark linking to the
//! commitment's text as it read in that edition, listed under the table.
//!
//! Rows are `<tr class="thread" id="t-N" data-type="…">`; a cell of an
//! edition the commitment stands in (or was dropped from) carries
//! `data-state` (`new`, `stronger`, `weaker`, `revised`, `dropped`,
//! `restored`, `standing`) and links to `#t-N-S`, the step it reads as.

use super::{escape, escape_into, inline_diff, write_head, write_tail};
use crate::commitments::timeline::{StepKind, Thread};
use crate::model::{Edition, StrengthChange};
use crate::render::commitments::describe;
use crate::render::diff::edition_name;
use std::io::Write;

/// What a cell of the table shows, with its symbol (told apart without colour).
fn state(kind: StepKind, strength: Option<StrengthChange>) -> (&'static str, &'static str) {
    match (kind, strength) {
        (StepKind::New, _) => ("new", "●"),
        (StepKind::Revised, Some(StrengthChange::Stronger)) => ("stronger", "▲"),
        (StepKind::Revised, Some(StrengthChange::Weaker)) => ("weaker", "▼"),
        (StepKind::Revised, _) => ("revised", "◆"),
        (StepKind::Dropped, _) => ("dropped", "✕"),
        (StepKind::Restored, _) => ("restored", "○"),
    }
}

/// Writes a series' commitment timeline as one self-contained HTML page;
/// only the commitments `show` keeps.
pub fn write_timeline(
    out: &mut impl Write,
    editions: &[Edition],
    threads: &[Thread],
    show: impl Fn(&Thread) -> bool,
) -> std::io::Result<()> {
    let title = match (editions.first(), editions.last()) {
        (Some(a), Some(b)) => format!("Commitments, {} → {}", edition_name(a), edition_name(b)),
        _ => "Commitments".to_string(),
    };
    write_head(out, &title)?;
    let mut page = String::from("<body class=\"timeline\">\n<header>\n<h1>");
    escape_into(&mut page, &title);
    page.push_str("</h1>\n");
    let standing = threads.iter().filter(|t| t.dropped().is_none()).count();
    let kept: Vec<(usize, &Thread)> = threads.iter().enumerate().filter(|(_, t)| show(t)).collect();
    page.push_str(&format!(
        "<p class=\"summary\">{} editions: {} commitments, {standing} still standing in the last{}</p>\n",
        editions.len(),
        threads.len(),
        if kept.len() < threads.len() { format!("; {} shown", kept.len()) } else { String::new() }
    ));
    page.push_str(
        "<p class=\"legend\"><span class=\"st-new\">● new</span> <span class=\"st-stronger\">▲ revised, stronger</span> \
         <span class=\"st-weaker\">▼ revised, weaker</span> <span class=\"st-revised\">◆ revised</span> \
         <span class=\"st-dropped\">✕ dropped</span> <span class=\"st-restored\">○ restored</span> \
         <span class=\"st-standing\">— standing</span></p>\n</header>\n<main>\n",
    );
    page.push_str("<div class=\"strip\"><table class=\"tl\"><thead><tr><th scope=\"col\">commitment</th>");
    for e in editions {
        page.push_str("<th scope=\"col\" class=\"ed\"><span>");
        escape_into(&mut page, &e.meta.label);
        page.push_str("</span></th>");
    }
    page.push_str("</tr></thead><tbody>\n");
    for &(t, thread) in &kept {
        let latest = thread.latest();
        page.push_str(&format!(
            "<tr class=\"thread\" id=\"t-{t}\" data-type=\"{}\"><th scope=\"row\"><a href=\"#c-{t}\">",
            latest.kind.name()
        ));
        escape_into(&mut page, &describe(latest));
        page.push_str("</a></th>");
        // The step each edition reads as: the latest at or before it.
        let mut step: Option<usize> = None;
        for (e, edition) in editions.iter().enumerate() {
            while step.map_or(0, |s| s + 1) < thread.steps.len() && thread.steps[step.map_or(0, |s| s + 1)].edition <= e
            {
                step = Some(step.map_or(0, |s| s + 1));
            }
            let Some(s) = step else {
                page.push_str("<td></td>");
                continue;
            };
            let at = &thread.steps[s];
            let gone = at.kind == StepKind::Dropped;
            let (name, symbol) = if at.edition == e {
                state(at.kind, at.strength)
            } else if gone {
                page.push_str("<td></td>");
                continue;
            } else {
                ("standing", "")
            };
            page.push_str(&format!(
                "<td data-state=\"{name}\" class=\"st-{name}\"><a href=\"#c-{t}-{s}\" title=\"{}: {name}\">{symbol}</a></td>",
                escape(&edition.meta.label)
            ));
        }
        page.push_str("</tr>\n");
    }
    page.push_str("</tbody></table></div>\n");
    out.write_all(page.as_bytes())?;

    for &(t, thread) in &kept {
        page.clear();
        let latest = thread.latest();
        let span = match thread.dropped() {
            Some(d) => format!("{} → dropped {}", edition_name(&editions[thread.first()]), edition_name(&editions[d])),
            None => format!("{} → standing", edition_name(&editions[thread.first()])),
        };
        page.push_str(&format!("<section class=\"thread-steps\" id=\"c-{t}\"><h2><a href=\"#t-{t}\">◆</a> "));
        escape_into(&mut page, &describe(latest));
        page.push_str(" <small>");
        escape_into(&mut page, &span);
        page.push_str("</small></h2>\n<ol>\n");
        for (s, step) in thread.steps.iter().enumerate() {
            let (name, symbol) = state(step.kind, step.strength);
            let read = &editions[step.read_in()];
            let label = &read.paragraphs[step.commitment.paragraph].label;
            page.push_str(&format!("<li id=\"c-{t}-{s}\" class=\"st-{name}\"><span class=\"step\">{symbol} {name} "));
            escape_into(&mut page, &edition_name(&editions[step.edition]));
            page.push_str(" ¶");
            escape_into(&mut page, label);
            if step.kind == StepKind::Dropped {
                page.push_str(" (as it read in ");
                escape_into(&mut page, &edition_name(read));
                page.push(')');
            }
            if step.kind == StepKind::Revised {
                page.push_str(" (");
                escape_into(&mut page, &step.commitment.trigger);
                page.push(')');
                if step.type_changed {
                    page.push_str(&format!(", now a {}", step.commitment.kind.name()));
                }
                if step.polarity_flipped {
                    page.push_str(if step.commitment.negated { ", now negated" } else { ", no longer negated" });
                }
            }
            page.push_str("</span><br>");
            match step.kind {
                StepKind::Revised if !step.edits.is_empty() => page.push_str(&inline_diff(&step.edits)),
                StepKind::Dropped => {
                    page.push_str("<del>");
                    escape_into(&mut page, &step.commitment.text);
                    page.push_str("</del>");
                }
                _ => escape_into(&mut page, &step.commitment.text),
            }
            page.push_str("</li>\n");
        }
        page.push_str("</ol></section>\n");
        out.write_all(page.as_bytes())?;
    }
    out.write_all(b"</main>\n")?;
    write_tail(out)
}
