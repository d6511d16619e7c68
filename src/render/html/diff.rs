//! `editions diff --format html`: the two editions, the summary, the
//! commitment ledger, a navigation pane of headings with counts, then every
//! change in document order, unchanged runs collapsed.
//!
//! The contract for scripts and tests: each change of the comparison is
//! exactly one element with `class="chg"`, `data-kind`, `data-old` and
//! `data-new` (labels separated by spaces), in the order of the JSON
//! contract's `changes`; the views restyle the same elements. A change's
//! `id` is `p-LABEL` (its first new label) or `o-LABEL` (a dropped one's
//! first old label); every other label of it has an empty anchor of the
//! same form, so `#p-14` opens at new paragraph 14 and `#o-12` at old 12.

use super::{changed_into, escape, escape_into, inline_diff, text_into, write_head, write_tail};
use crate::classify::PARAGRAPH_JOIN;
use crate::model::{
    Change, ChangeKind, CommitmentChange, CommitmentChangeKind, Comparison, Edit, EditOp, Edition, Footnote,
    StrengthChange,
};
use crate::render::commitments::{by_change, ledger_lines, mark};
use crate::render::diff::{edition_name, labels};
use crate::segment::sentences;
use std::collections::HashMap;
use std::io::Write;

/// What the page starts with.
#[derive(Debug, Clone, Default)]
pub struct HtmlView {
    /// The kinds of change shown when the page opens (all when empty); the
    /// others are on the page, filtered out until the reader ticks them.
    pub only: Vec<ChangeKind>,
}

/// Which edition a heading belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Side {
    Old,
    New,
}

/// A heading line of the page, in body order.
struct NavEntry {
    side: Side,
    index: usize,
    level: usize,
    id: String,
    /// Changes other than unchanged under it.
    count: usize,
}

/// One item of the body, in order.
enum Item {
    Heading(usize),
    Change(usize),
    /// Where moved change `.0` stood in the old edition.
    MovedFrom(usize),
}

/// The body's order: headings when the path changes, changes, and the old
/// places of moved paragraphs.
struct Plan {
    nav: Vec<NavEntry>,
    items: Vec<Item>,
    /// For a moved change, the old label before its old place (`None` at the start).
    moved_after: HashMap<usize, Option<String>>,
}

fn heading_path(cmp: &Comparison, change: &Change) -> (Side, Vec<usize>) {
    match (change.new.first(), change.old.first()) {
        (Some(&n), _) => (Side::New, cmp.new.paragraphs[n].headings.clone()),
        (None, Some(&o)) => (Side::Old, cmp.old.paragraphs[o].headings.clone()),
        _ => (Side::New, Vec::new()),
    }
}

fn edition(cmp: &Comparison, side: Side) -> &Edition {
    match side {
        Side::Old => &cmp.old,
        Side::New => &cmp.new,
    }
}

fn plan(cmp: &Comparison) -> Plan {
    // Where each old paragraph is: the change that holds it.
    let mut holder = vec![usize::MAX; cmp.old.paragraphs.len()];
    for (i, c) in cmp.changes.iter().enumerate() {
        for &o in &c.old {
            holder[o] = i;
        }
    }
    // Moved changes, by the change after which their old place comes.
    let mut places: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut at_start = Vec::new();
    let mut moved_after = HashMap::new();
    for (i, c) in cmp.changes.iter().enumerate().filter(|(_, c)| c.kind == ChangeKind::Moved) {
        let Some(&first) = c.old.first() else { continue };
        if first == 0 {
            at_start.push(i);
            moved_after.insert(i, None);
        } else {
            places.entry(holder[first - 1]).or_default().push(i);
            moved_after.insert(i, Some(cmp.old.paragraphs[first - 1].label.clone()));
        }
    }
    let mut nav: Vec<NavEntry> = Vec::new();
    let mut items: Vec<Item> = at_start.into_iter().map(Item::MovedFrom).collect();
    let mut emitted: HashMap<(Side, usize), usize> = HashMap::new();
    // The headings shown, outermost first: (text, nav entry).
    let mut shown: Vec<(&str, usize)> = Vec::new();
    for (i, change) in cmp.changes.iter().enumerate() {
        let (side, path) = heading_path(cmp, change);
        let e = edition(cmp, side);
        let texts: Vec<&str> = path.iter().map(|&h| e.headings[h].text.as_str()).collect();
        let common = shown.iter().zip(&texts).take_while(|((a, _), b)| a == *b).count();
        shown.truncate(common);
        for (&h, &text) in path.iter().zip(&texts).skip(common) {
            let times = emitted.entry((side, h)).or_insert(0);
            *times += 1;
            let prefix = if side == Side::New { "h" } else { "oh" };
            let id = if *times == 1 { format!("{prefix}-{h}") } else { format!("{prefix}-{h}-{times}") };
            nav.push(NavEntry { side, index: h, level: e.headings[h].level, id, count: 0 });
            items.push(Item::Heading(nav.len() - 1));
            shown.push((text, nav.len() - 1));
        }
        if change.kind != ChangeKind::Unchanged {
            for &(_, entry) in &shown {
                nav[entry].count += 1;
            }
        }
        items.push(Item::Change(i));
        if let Some(moved) = places.remove(&i) {
            items.extend(moved.into_iter().map(Item::MovedFrom));
        }
    }
    Plan { nav, items, moved_after }
}

/// The id of change `c`: `p-` its first new label, else `o-` its first old one.
fn change_id(cmp: &Comparison, c: &Change) -> String {
    match (c.new.first(), c.old.first()) {
        (Some(&n), _) => format!("p-{}", cmp.new.paragraphs[n].label),
        (None, Some(&o)) => format!("o-{}", cmp.old.paragraphs[o].label),
        _ => String::new(),
    }
}

fn label_list(e: &Edition, ix: &[usize]) -> String {
    ix.iter().map(|&i| e.paragraphs[i].label.as_str()).collect::<Vec<_>>().join(" ")
}

/// Writes the comparison as one self-contained HTML page.
pub fn write_diff(out: &mut impl Write, cmp: &Comparison, view: &HtmlView) -> std::io::Result<()> {
    let title = format!("Changes from {} to {}", edition_name(&cmp.old), edition_name(&cmp.new));
    write_head(out, &title)?;
    let plan = plan(cmp);
    let summary = cmp.summary();
    let shows = |k: ChangeKind| view.only.is_empty() || view.only.contains(&k);

    // The controls come first: the views and filters are CSS on their state.
    let mut page = String::from("<body>\n");
    page.push_str("<input type=\"radio\" name=\"view\" id=\"view-inline\" class=\"ctl\" checked>");
    page.push_str("<input type=\"radio\" name=\"view\" id=\"view-side\" class=\"ctl\">");
    for (k, _) in summary {
        let checked = if shows(k) { " checked" } else { "" };
        page.push_str(&format!("<input type=\"checkbox\" id=\"f-{0}\" class=\"ctl\"{checked}>", k.name()));
    }
    page.push('\n');
    write_header(&mut page, cmp, &title);
    page.push_str("<div class=\"toolbar\"><span class=\"group\" role=\"group\" aria-label=\"View\">View ");
    page.push_str("<label for=\"view-inline\">inline</label><label for=\"view-side\">side by side</label></span> ");
    page.push_str("<span class=\"group\" role=\"group\" aria-label=\"Show\">Show ");
    for (k, n) in summary {
        page.push_str(&format!(
            "<label for=\"f-{0}\" class=\"k-{0}\"><span class=\"box\"></span>{0} {n}</label>",
            k.name()
        ));
    }
    page.push_str("</span> <span class=\"keys\"><kbd>n</kbd> / <kbd>p</kbd> next / previous change</span></div>\n");
    page.push_str(if plan.nav.is_empty() { "<div class=\"layout flat\">\n" } else { "<div class=\"layout\">\n" });
    write_nav(&mut page, cmp, &plan);
    page.push_str("<main>\n<div class=\"sidehead\" aria-hidden=\"true\"><span>");
    escape_into(&mut page, &edition_name(&cmp.old));
    page.push_str("</span><span>");
    escape_into(&mut page, &edition_name(&cmp.new));
    page.push_str("</span></div>\n");
    out.write_all(page.as_bytes())?;

    let marks = by_change(cmp);
    let mut run: Vec<usize> = Vec::new();
    let mut buf = String::new();
    for item in &plan.items {
        buf.clear();
        match item {
            Item::Change(i) if cmp.changes[*i].kind == ChangeKind::Unchanged => {
                run.push(*i);
                continue;
            }
            _ => write_run(&mut buf, cmp, &mut run, &marks),
        }
        match *item {
            Item::Heading(h) => {
                let entry = &plan.nav[h];
                let e = edition(cmp, entry.side);
                let tag = format!("h{}", (entry.level + 1).min(6));
                let class = if entry.side == Side::Old { "hd old" } else { "hd" };
                buf.push_str(&format!("<{tag} class=\"{class}\" id=\"{}\">", escape(&entry.id)));
                escape_into(&mut buf, &e.headings[entry.index].text);
                if entry.side == Side::Old {
                    buf.push_str(" <small>(old edition)</small>");
                }
                buf.push_str(&format!("</{tag}>\n"));
            }
            Item::Change(i) => write_change(&mut buf, cmp, i, &marks[i], plan.moved_after.get(&i)),
            Item::MovedFrom(i) => write_moved_from(&mut buf, cmp, i),
        }
        out.write_all(buf.as_bytes())?;
    }
    buf.clear();
    write_run(&mut buf, cmp, &mut run, &marks);
    buf.push_str("</main>\n</div>\n");
    out.write_all(buf.as_bytes())?;
    write_tail(out)
}

/// A run of unchanged paragraphs, collapsed: a click opens it.
fn write_run(buf: &mut String, cmp: &Comparison, run: &mut Vec<usize>, marks: &[Vec<&CommitmentChange>]) {
    if run.is_empty() {
        return;
    }
    let footnotes = run.iter().filter(|&&i| footnotes_changed(cmp, &cmp.changes[i])).count();
    let n = run.len();
    let mut summary = if n == 1 { "1 unchanged paragraph".to_string() } else { format!("{n} unchanged paragraphs") };
    let first = &cmp.changes[run[0]];
    let last = &cmp.changes[run[n - 1]];
    summary.push_str(&format!(" <span class=\"lbls\">{}", escape(&labels(cmp, first))));
    if n > 1 {
        summary.push_str(&format!(" – {}", escape(&labels(cmp, last))));
    }
    summary.push_str("</span>");
    if footnotes > 0 {
        summary.push_str(&format!(", <span class=\"fnnote\">{footnotes} with a footnote changed</span>"));
    }
    buf.push_str(&format!("<details class=\"same\"><summary>{summary}</summary>\n"));
    for &i in run.iter() {
        write_change(buf, cmp, i, &marks[i], None);
    }
    buf.push_str("</details>\n");
    run.clear();
}

fn write_header(page: &mut String, cmp: &Comparison, title: &str) {
    page.push_str("<header>\n<h1>");
    escape_into(page, title);
    page.push_str("</h1>\n<table class=\"eds\"><thead><tr><th></th><th>label</th><th>date</th><th>title</th><th>paragraphs</th></tr></thead><tbody>\n");
    for (name, e) in [("old", &cmp.old), ("new", &cmp.new)] {
        page.push_str(&format!("<tr><th>{name}</th><td>"));
        escape_into(page, &e.meta.label);
        page.push_str("</td><td>");
        escape_into(page, e.meta.date.as_deref().unwrap_or("—"));
        page.push_str("</td><td>");
        escape_into(page, e.meta.title.as_deref().unwrap_or("—"));
        page.push_str(&format!("</td><td class=\"num\">{}</td></tr>\n", e.paragraphs.len()));
    }
    page.push_str("</tbody></table>\n<p class=\"summary\">");
    let parts: Vec<String> =
        cmp.summary().iter().map(|(k, n)| format!("<span class=\"k-{0}\">{n} {0}</span>", k.name())).collect();
    page.push_str(&parts.join(", "));
    page.push_str("</p>\n");
    for e in [&cmp.old, &cmp.new] {
        if !e.warnings.is_empty() {
            page.push_str(&format!(
                "<details class=\"warnings\"><summary>{} warning{} reading {}</summary><ul>",
                e.warnings.len(),
                if e.warnings.len() == 1 { "" } else { "s" },
                escape(&edition_name(e))
            ));
            for w in &e.warnings {
                page.push_str("<li>");
                escape_into(page, w);
                page.push_str("</li>");
            }
            page.push_str("</ul></details>\n");
        }
    }
    if cmp.commitments.searched {
        write_ledger(page, cmp);
    }
    page.push_str("</header>\n");
}

/// Which group of the ledger a commitment change goes in, if any.
fn ledger_group(c: &CommitmentChange) -> Option<usize> {
    match (c.kind, c.strength) {
        (CommitmentChangeKind::New, _) => Some(0),
        (CommitmentChangeKind::Revised, Some(StrengthChange::Stronger)) => Some(1),
        (CommitmentChangeKind::Revised, Some(StrengthChange::Weaker)) => Some(2),
        (CommitmentChangeKind::Revised, _) => Some(3),
        (CommitmentChangeKind::Dropped, _) => Some(4),
        (CommitmentChangeKind::Unchanged, _) => None,
    }
}

fn write_ledger(page: &mut String, cmp: &Comparison) {
    page.push_str("<section class=\"ledger\" aria-label=\"Commitments\">\n<h2>Commitments</h2>\n");
    for line in ledger_lines(cmp) {
        page.push_str("<p>");
        escape_into(page, &line);
        page.push_str("</p>\n");
    }
    /// Groups of the ledger up to this long start open.
    const LEDGER_OPEN: usize = 12;
    const GROUPS: [(&str, &str); 5] = [
        ("new", "New"),
        ("stronger", "Revised, stronger"),
        ("weaker", "Revised, weaker"),
        ("revised", "Revised"),
        ("dropped", "Dropped"),
    ];
    for (g, (class, name)) in GROUPS.iter().enumerate() {
        let entries: Vec<&CommitmentChange> =
            cmp.commitments.changes.iter().filter(|c| ledger_group(c) == Some(g)).collect();
        if entries.is_empty() {
            continue;
        }
        // Long groups start closed, so the changes stay near the top.
        let open = if entries.len() <= LEDGER_OPEN { " open" } else { "" };
        page.push_str(&format!(
            "<details class=\"cmg\"{open}><summary class=\"cm-{class}\">{name} ({})</summary>\n<ul class=\"cms\">\n",
            entries.len()
        ));
        for c in entries {
            let change = &cmp.changes[c.change];
            let sentence = c
                .new
                .map(|n| &cmp.commitments.new[n])
                .or(c.old.map(|o| &cmp.commitments.old[o]))
                .map_or("", |x| x.text.as_str());
            page.push_str(&format!(
                "<li class=\"cm-{class}\"><a href=\"#{}\">{}</a> ",
                escape(&change_id(cmp, change)),
                escape(&crate::render::commitments::place(cmp, c))
            ));
            escape_into(page, &mark(cmp, c));
            page.push_str("<br><q>");
            escape_into(page, &excerpt(sentence, 160));
            page.push_str("</q></li>\n");
        }
        page.push_str("</ul></details>\n");
    }
    page.push_str("</section>\n");
}

/// The first `max` characters of `text`, cut at a word, with `…`.
fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut} …")
}

fn write_nav(page: &mut String, cmp: &Comparison, plan: &Plan) {
    if plan.nav.is_empty() {
        return;
    }
    page.push_str("<nav aria-label=\"Headings\"><h2>Headings</h2>\n<ul>\n");
    for entry in &plan.nav {
        let e = edition(cmp, entry.side);
        let class = if entry.side == Side::Old { " old" } else { "" };
        page.push_str(&format!("<li class=\"l{}{class}\"><a href=\"#{}\">", entry.level.min(6), escape(&entry.id)));
        escape_into(page, &e.headings[entry.index].text);
        page.push_str("</a>");
        if entry.side == Side::Old {
            page.push_str(" <small>(dropped section)</small>");
        }
        if entry.count > 0 {
            page.push_str(&format!(
                " <span class=\"count\" title=\"{0} change{1}\">{0}</span>",
                entry.count,
                if entry.count == 1 { "" } else { "s" }
            ));
        }
        page.push_str("</li>\n");
    }
    page.push_str("</ul>\n</nav>\n");
}

fn write_moved_from(buf: &mut String, cmp: &Comparison, i: usize) {
    let c = &cmp.changes[i];
    let old = &cmp.old.paragraphs[c.old[0]].label;
    buf.push_str(&format!(
        "<p class=\"was\" id=\"was-{0}\">¶{0} of the old edition stood here; moved to <a class=\"to\" href=\"#{1}\">{2}</a></p>\n",
        escape(old),
        escape(&change_id(cmp, c)),
        escape(&labels(cmp, c)),
    ));
}

/// One row of a word diff: the old side (shown side by side only) and the
/// new side, which holds the deletions too (shown inline only).
#[derive(Default)]
struct Row {
    old: String,
    new: String,
    /// Where the row's text starts in the old and new texts.
    old_at: usize,
    new_at: usize,
    /// The row starts a paragraph on both sides.
    paragraph: bool,
}

/// The rows of a word diff, cut where both sides start a sentence or a
/// paragraph, so the side-by-side view keeps each sentence level with its
/// counterpart.
fn rows(edits: &[Edit]) -> Vec<Row> {
    let mut rows = vec![Row::default()];
    let (mut old_at, mut new_at) = (0, 0);
    for e in edits {
        match e.op {
            EditOp::Delete => {
                let row = rows.last_mut().expect("a row");
                changed_into(&mut row.old, "del", &e.text);
                changed_into(&mut row.new, "del", &e.text);
                old_at += e.text.len();
            }
            EditOp::Insert => {
                changed_into(&mut rows.last_mut().expect("a row").new, "ins", &e.text);
                new_at += e.text.len();
            }
            EditOp::Equal => {
                let mut cuts: Vec<(usize, bool)> = Vec::new();
                let mut from = 0;
                for (k, part) in e.text.split(PARAGRAPH_JOIN).enumerate() {
                    if k > 0 {
                        cuts.push((from, true));
                    }
                    for span in sentences::spans(part) {
                        let start = from + span.start as usize;
                        if span.start > 0 {
                            cuts.push((start, false));
                        }
                    }
                    from += part.len() + PARAGRAPH_JOIN.len();
                }
                let mut start = 0;
                for (cut, paragraph) in cuts.into_iter().chain([(e.text.len(), false)]) {
                    let piece = &e.text[start..cut];
                    let piece = if paragraph { piece.trim_end_matches('\n') } else { piece };
                    let row = rows.last_mut().expect("a row");
                    text_into(&mut row.old, piece);
                    text_into(&mut row.new, piece);
                    if cut < e.text.len() {
                        rows.push(Row { old_at: old_at + cut, new_at: new_at + cut, paragraph, ..Row::default() });
                    }
                    start = cut;
                }
                old_at += e.text.len();
                new_at += e.text.len();
            }
        }
    }
    rows.retain(|r| !r.old.is_empty() || !r.new.is_empty());
    rows
}

/// The index of the row that holds byte `at` of a side (rows are in order).
fn row_at(rows: &[Row], at: usize, old: bool) -> usize {
    rows.iter().rposition(|r| (if old { r.old_at } else { r.new_at }) <= at).unwrap_or(0)
}

fn joined(e: &Edition, ix: &[usize]) -> String {
    ix.iter().map(|&i| e.paragraphs[i].text.as_str()).collect::<Vec<_>>().join(PARAGRAPH_JOIN)
}

/// The footnotes of a change's paragraphs on one side.
fn footnotes<'a>(e: &'a Edition, ix: &[usize]) -> Vec<&'a Footnote> {
    ix.iter().flat_map(|&i| &e.paragraphs[i].footnotes).collect()
}

fn footnotes_changed(cmp: &Comparison, c: &Change) -> bool {
    let (a, b) = (footnotes(&cmp.old, &c.old), footnotes(&cmp.new, &c.new));
    a.len() != b.len() || a.iter().zip(&b).any(|(x, y)| x.text != y.text)
}

/// `strength weaker` and the like: what a row mark says of a commitment change.
fn badge(cmp: &Comparison, c: &CommitmentChange) -> (String, String) {
    let side = c.new.map(|n| &cmp.commitments.new[n]).or(c.old.map(|o| &cmp.commitments.old[o]));
    let kind = side.map_or("", |s| s.kind.name());
    let mut text = format!("◆ {} {kind}", c.kind.name());
    let mut class = format!("cm-{}", c.kind.name());
    if let Some(s) = c.strength.filter(|&s| s != StrengthChange::Same) {
        text.push_str(&format!(", {}", s.name()));
        class = format!("cm-{}", s.name());
    }
    (text, class)
}

/// Writes change `i`; `moved_after` is a moved change's old neighbour (the
/// label before its old place, `None` at the start).
fn write_change(
    buf: &mut String,
    cmp: &Comparison,
    i: usize,
    marks: &[&CommitmentChange],
    moved_after: Option<&Option<String>>,
) {
    let c = &cmp.changes[i];
    let id = change_id(cmp, c);
    buf.push_str(&format!(
        "<div class=\"chg\" id=\"{}\" data-kind=\"{}\" data-old=\"{}\" data-new=\"{}\">",
        escape(&id),
        c.kind.name(),
        escape(&label_list(&cmp.old, &c.old)),
        escape(&label_list(&cmp.new, &c.new)),
    ));
    // Anchors for the other labels of the change.
    for (prefix, e, ix) in [("p", &cmp.new, &c.new), ("o", &cmp.old, &c.old)] {
        for &p in ix.iter() {
            let anchor = format!("{prefix}-{}", e.paragraphs[p].label);
            if anchor != id {
                buf.push_str(&format!("<span class=\"anchor\" id=\"{}\"></span>", escape(&anchor)));
            }
        }
    }
    buf.push_str(&format!("<p class=\"head\"><a class=\"lbl\" href=\"#{}\">", escape(&id)));
    escape_into(buf, &labels(cmp, c));
    buf.push_str("</a>");
    // An unchanged paragraph says so in its run's summary: its markup is
    // kept short, most paragraphs of a long edition are unchanged.
    if c.kind != ChangeKind::Unchanged {
        buf.push_str(&format!(" <span class=\"kind k-{0}\">{0}</span>", c.kind.name()));
    }
    if !matches!(c.kind, ChangeKind::New | ChangeKind::Dropped | ChangeKind::Unchanged) {
        buf.push_str(&format!(" <span class=\"sim\">similarity {:.2}</span>", c.similarity));
    }
    if c.kind == ChangeKind::Unchanged && c.renumbered {
        buf.push_str(" <span class=\"sim\">renumbered</span>");
    }
    if c.kind == ChangeKind::Moved {
        let old = &cmp.old.paragraphs[c.old[0]].label;
        let after = match moved_after {
            Some(Some(label)) => format!(", after ¶{}", escape(label)),
            Some(None) => ", at the start".to_string(),
            None => String::new(),
        };
        buf.push_str(&format!(
            " <span class=\"from\">came from <a class=\"from\" href=\"#was-{0}\">¶{0}'s old place</a>{after}</span>",
            escape(old)
        ));
    }
    buf.push_str("</p>");

    // The body: rows of the word diff, or the whole text.
    let shown: Vec<&&CommitmentChange> = marks.iter().filter(|m| m.kind != CommitmentChangeKind::Unchanged).collect();
    match c.kind {
        ChangeKind::New => {
            buf.push_str("<div class=\"rows\"><div class=\"r add\">");
            push_badges(buf, cmp, &shown);
            buf.push_str("<div class=\"n\">");
            changed_into(buf, "ins", &joined(&cmp.new, &c.new));
            buf.push_str("</div></div></div>");
        }
        ChangeKind::Dropped => {
            buf.push_str("<div class=\"rows\"><div class=\"r gone\">");
            push_badges(buf, cmp, &shown);
            buf.push_str("<div class=\"d\">");
            changed_into(buf, "del", &joined(&cmp.old, &c.old));
            buf.push_str("</div></div></div>");
        }
        ChangeKind::Unchanged => {
            buf.push_str("<p class=\"u\">");
            push_badges(buf, cmp, &shown);
            text_into(buf, &joined(&cmp.new, &c.new).replace(PARAGRAPH_JOIN, "\n"));
            buf.push_str("</p>");
        }
        _ if c.edits.is_empty() => {
            buf.push_str("<div class=\"rows\"><div class=\"r same\">");
            push_badges(buf, cmp, &shown);
            buf.push_str("<div class=\"n\">");
            text_into(buf, &joined(&cmp.new, &c.new).replace(PARAGRAPH_JOIN, "\n"));
            buf.push_str("</div></div></div>");
        }
        _ => {
            let rows = rows(&c.edits);
            // Which row each shown commitment's sentence starts in.
            let (old_text, new_text) = crate::classify::words::sides(&c.edits);
            let mut row_marks: Vec<Vec<&CommitmentChange>> = vec![Vec::new(); rows.len()];
            let mut loose: Vec<&&CommitmentChange> = Vec::new();
            for m in &shown {
                let found = match (m.new, m.old) {
                    (Some(n), _) => new_text.find(&cmp.commitments.new[n].text).map(|at| row_at(&rows, at, false)),
                    (None, Some(o)) => old_text.find(&cmp.commitments.old[o].text).map(|at| row_at(&rows, at, true)),
                    _ => None,
                };
                match found {
                    Some(r) => row_marks[r].push(m),
                    None => loose.push(m),
                }
            }
            buf.push_str("<div class=\"rows\">");
            push_badges(buf, cmp, &loose);
            for (row, marks) in rows.iter().zip(&row_marks) {
                let mut class = String::from("r");
                if row.paragraph {
                    class.push_str(" para");
                }
                if !marks.is_empty() {
                    class.push_str(" cmr");
                }
                buf.push_str(&format!("<div class=\"{class}\">"));
                let marks: Vec<&&CommitmentChange> = marks.iter().collect();
                push_badges(buf, cmp, &marks);
                buf.push_str("<div class=\"o\">");
                buf.push_str(&row.old);
                buf.push_str("</div><div class=\"n\">");
                buf.push_str(&row.new);
                buf.push_str("</div></div>");
            }
            buf.push_str("</div>");
        }
    }
    write_footnotes(buf, cmp, c);
    if !shown.is_empty() {
        buf.push_str("<ul class=\"marks\">");
        for m in &shown {
            let (_, class) = badge(cmp, m);
            buf.push_str(&format!("<li class=\"{class}\">"));
            escape_into(buf, &mark(cmp, m));
            buf.push_str("</li>");
        }
        buf.push_str("</ul>");
    }
    buf.push_str("</div>\n");
}

fn push_badges(buf: &mut String, cmp: &Comparison, marks: &[&&CommitmentChange]) {
    for m in marks {
        let (text, class) = badge(cmp, m);
        buf.push_str(&format!("<span class=\"badge {class}\">"));
        escape_into(buf, &text);
        buf.push_str("</span>");
    }
}

/// A change's footnotes: the same once; changed ones as a word diff,
/// added and removed ones inserted and deleted.
fn write_footnotes(buf: &mut String, cmp: &Comparison, c: &Change) {
    let (old, new) = (footnotes(&cmp.old, &c.old), footnotes(&cmp.new, &c.new));
    if old.is_empty() && new.is_empty() {
        return;
    }
    let changed = footnotes_changed(cmp, c);
    buf.push_str(if changed { "<div class=\"fns changed\">" } else { "<div class=\"fns\">" });
    if changed {
        buf.push_str("<p class=\"fnhead\">footnotes changed</p>");
    }
    // Pair by mark, then by position among the rest.
    let mut used = vec![false; old.len()];
    let mut pairs: Vec<(Option<&Footnote>, Option<&Footnote>)> = Vec::new();
    for n in &new {
        let at = old.iter().enumerate().position(|(k, o)| !used[k] && o.mark == n.mark);
        if let Some(k) = at {
            used[k] = true;
        }
        pairs.push((at.map(|k| old[k]), Some(n)));
    }
    for (o, _) in old.iter().zip(&used).filter(|(_, used)| !**used) {
        pairs.push((Some(o), None));
    }
    for (o, n) in pairs {
        buf.push_str("<p class=\"fn\"><sup>");
        escape_into(buf, n.or(o).map_or("", |f| f.mark.as_str()));
        buf.push_str("</sup> ");
        match (o, n) {
            (Some(a), Some(b)) if a.text == b.text => text_into(buf, &b.text),
            (Some(a), Some(b)) => buf.push_str(&inline_diff(&crate::classify::words::word_diff(&a.text, &b.text))),
            (None, Some(b)) => changed_into(buf, "ins", &b.text),
            (Some(a), None) => changed_into(buf, "del", &a.text),
            (None, None) => {}
        }
        buf.push_str("</p>");
    }
    buf.push_str("</div>");
}
