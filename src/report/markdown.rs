//! The Markdown report, in the order management reads it, as the HTML report: the first
//! section (organisation, scope, dates, assessors, the level per part with its name, the legend
//! of level versus score, key findings, the roadmap in brief), the findings linked to the
//! roadmap phases they explain, the roadmap, the sign-off (or "Draft — not signed off"), then
//! the results, radar and per-requirement answers as an appendix. The content of the first
//! pages is gathered once for both formats (`pages.rs`). Times are shown as people read them
//! (local time in reports written for a person), and no table cell is left empty.
//!
//! User text is kept as written, except that `<` is escaped (no raw HTML), `![` is escaped (no
//! images, which a viewer would fetch) and table cells escape `|` and line breaks.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::data::{PartReport, PracticeReport, ReportData, RequirementReport};
use super::pages::{Brief, Pages, SignOff, explaining, phase_line};
use super::roadmap::Roadmap;
use crate::i18n::fill;
use crate::i18n::report::Labels;

/// Renders the whole report as Markdown.
pub fn render(data: &ReportData, l: &Labels) -> String {
    let pages = Pages::gather(data, l);
    let t = l.lang().texts().deliverable;
    let mut md = String::new();
    let _ = writeln!(md, "> {}\n", inline(&pages.confidential));
    let _ = writeln!(md, "# {}\n\n**{}**\n", inline(&pages.heading), pages.state);
    if data.redacted {
        let _ = writeln!(md, "> {}\n", l.redacted_notice);
    }
    cover(&mut md, &pages, l);
    findings(&mut md, data, &pages, l);
    roadmaps(&mut md, data, l);
    sign_off(&mut md, &pages, l);
    // The results and each part's radar, as in the HTML; then the appendix.
    results(&mut md, data, l);
    for part in &data.parts {
        part_heading(&mut md, part);
        radar_md(&mut md, part, l);
    }
    let _ = writeln!(md, "\n---\n\n# {}", t.appendix);
    for part in &data.parts {
        answers_md(&mut md, data, part, l);
    }
    lists(&mut md, data, l);
    super::workshop::agenda_markdown(&mut md, &data.lang, &data.agenda);
    let _ = writeln!(
        md,
        "\n---\n\n{}\n\n{}\n\n> {}",
        l.authored_legend,
        l.generated_by,
        inline(&pages.confidential)
    );
    md
}

/// The first section: facts, the level per part with its name, the legend, the key findings
/// and the roadmap in brief.
fn cover(md: &mut String, pages: &Pages, l: &Labels) {
    let t = l.lang().texts().deliverable;
    let labelled = |label: &str, value: &str| {
        fill(
            t.labelled,
            &[("label", &format!("**{label}**")), ("value", value)],
        )
    };
    for (label, value) in &pages.facts {
        let _ = writeln!(md, "- {}", labelled(label, &inline(value)));
    }
    let _ = writeln!(
        md,
        "\n## {}\n\n| {} | {} | {} | {} | {} |\n|---|---|---:|---|---:|",
        t.level_per_part, l.part, l.level, l.score, l.target, l.progress
    );
    for r in &pages.levels {
        let _ = writeln!(
            md,
            "| {} | **{}** | {:.2} | {} | {}/{} |",
            cell(&r.part),
            cell(&r.level),
            r.score,
            cell(&r.target),
            r.answered,
            r.total
        );
    }
    let _ = writeln!(md, "\n{}", labelled(pages.legend.0, pages.legend.1));
    let _ = writeln!(md, "\n## {}\n", t.key_findings);
    if pages.key_findings.is_empty() {
        let _ = writeln!(md, "{}", t.no_findings);
    }
    for (i, f) in pages.key_findings.iter().enumerate() {
        let mut line = format!(
            "{}. **{}** {} — {}",
            i + 1,
            f.id,
            f.severity_label,
            or_dash(&f.title)
        );
        for extra in [&f.owner, &f.due] {
            if !extra.trim().is_empty() {
                let _ = write!(line, " · {}", inline(extra));
            }
        }
        let _ = writeln!(md, "{line}");
    }
    if let Some(more) = &pages.more_findings {
        let _ = writeln!(md, "\n{more}");
    }
    let _ = writeln!(md, "\n## {}\n", t.roadmap_brief);
    for plan in &pages.plans {
        let brief = match &plan.brief {
            Brief::NoTarget => l.roadmap_no_target.to_string(),
            Brief::Reached => l.roadmap_reached.to_string(),
            Brief::Phases(phases) => phases
                .iter()
                .map(|(_, line)| line.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        };
        let label = format!("**{}**", inline(&plan.part.result.name));
        let line = crate::i18n::fill(t.labelled, &[("label", &label), ("value", &brief)]);
        let _ = writeln!(md, "- {line}");
    }
}

/// Every finding with its owner, due date, what it is about and the roadmap phases it
/// explains; description and recommendation under its title.
fn findings(md: &mut String, data: &ReportData, pages: &Pages, l: &Labels) {
    let t = l.lang().texts().deliverable;
    let w = &l.workshop;
    let _ = writeln!(md, "\n## {}\n", w.findings);
    if pages.findings.is_empty() {
        let _ = writeln!(md, "{}", t.no_findings);
        return;
    }
    let c = w.columns;
    let _ = writeln!(
        md,
        "| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|",
        c[0], c[1], c[2], c[3], c[4], c[5], t.in_roadmap
    );
    for (f, phases) in &pages.findings {
        let mut title = format!("**{}**", or_dash(&f.title));
        for (label, text) in super::workshop::finding_details(&data.lang, f) {
            let values = [("label", format!("*{label}*")), ("value", cell(text))];
            let values = values.each_ref().map(|(k, v)| (*k, v.as_str()));
            let _ = write!(title, "<br>{}", crate::i18n::fill(t.labelled, &values));
        }
        let roadmap: Vec<String> = phases
            .iter()
            .map(|(part, phase)| format!("{part} {} {phase}", l.phase))
            .collect();
        let about = super::workshop::tie_word(l, f.tie_kind);
        let _ = writeln!(
            md,
            "| {} | {} | {title} | {} | {} | {about} `{}` | {} |",
            f.id,
            f.severity_label,
            or_dash(&f.owner),
            or_dash(&f.due),
            f.tie,
            if roadmap.is_empty() {
                "–".to_string()
            } else {
                roadmap.join("<br>")
            }
        );
    }
}

/// The roadmap of every part by phase, each domain with the findings that explain it.
fn roadmaps(md: &mut String, data: &ReportData, l: &Labels) {
    let _ = writeln!(md, "\n## {}", l.roadmap);
    for part in &data.parts {
        let _ = writeln!(
            md,
            "\n### {} ({})\n",
            inline(&part.result.name),
            part.result.id
        );
        match &part.roadmap {
            None => {
                let _ = writeln!(md, "{}", l.roadmap_no_target);
            }
            Some(roadmap) => roadmap_md(md, data, roadmap, l),
        }
    }
}

/// Who signed off, when and the content hash; or the draft mark with lines to sign.
fn sign_off(md: &mut String, pages: &Pages, l: &Labels) {
    let t = l.lang().texts().deliverable;
    let _ = writeln!(md, "\n## {}\n", t.sign_off);
    match &pages.sign_off {
        SignOff::Signed { by_at, hash } => {
            let _ = writeln!(
                md,
                "**{}** — {}\n\n{}: `{hash}`",
                t.signed_off,
                inline(by_at),
                t.content_hash
            );
        }
        SignOff::Draft { note, approval } => {
            let _ = writeln!(md, "**{}**\n\n{note}\n", t.draft);
            for line in approval {
                let _ = writeln!(
                    md,
                    "- {}",
                    fill(
                        t.labelled,
                        &[("label", line), ("value", "______________________________")]
                    )
                );
            }
        }
    }
}

fn results(md: &mut String, data: &ReportData, l: &Labels) {
    let _ = writeln!(md, "\n## {}\n", l.results);
    // A session with a baseline gets one more column: the baseline's level → this one's.
    let baseline = data.parts.iter().any(|p| p.result.then.is_some());
    let (extra_head, extra_rule) = if baseline {
        (format!(" {} |", l.then_now), "---:|")
    } else {
        (String::new(), "")
    };
    let _ = writeln!(
        md,
        "| {} / {} | {} | {} | {} | {} | {} |{extra_head}\n|---|---:|---:|---:|---:|---:|{extra_rule}",
        l.part, l.domain, l.level, l.score, l.target, l.gap, l.progress
    );
    let extra = |r: &crate::summary::ResultRow| match (baseline, crate::report::then_now(r)) {
        (false, _) => String::new(),
        (true, Some(t)) => format!(" {t} |"),
        (true, None) => " – |".to_string(),
    };
    for part in &data.parts {
        let r = &part.result;
        let target = r.target.map_or("–".to_string(), |t| t.to_string());
        let _ = writeln!(
            md,
            "| **{}** | **{}** | {:.2} | {target} | {} | {}/{} |{}",
            cell(&r.name),
            r.level,
            r.score,
            r.gap,
            r.answered,
            r.total,
            extra(r)
        );
        for d in &part.domains {
            let r = &d.result;
            let _ = writeln!(
                md,
                "| {} | {} | {:.2} | {target} | {} | {}/{} |{}",
                cell(&r.name),
                r.level,
                r.score,
                r.gap,
                r.answered,
                r.total,
                extra(r)
            );
        }
    }
}

fn part_heading(md: &mut String, part: &PartReport) {
    let _ = writeln!(
        md,
        "\n## {} ({})\n",
        inline(&part.result.name),
        part.result.id
    );
}

/// A part's answers per requirement, by domain and practice (the appendix).
fn answers_md(md: &mut String, data: &ReportData, part: &PartReport, l: &Labels) {
    part_heading(md, part);
    let _ = writeln!(md, "### {}", l.answers);
    for domain in &part.domains {
        let _ = writeln!(
            md,
            "\n#### {} ({})",
            inline(&domain.result.name),
            domain.result.id
        );
        for practice in &domain.practices {
            practice_md(md, data, practice, l);
        }
    }
}

/// The radar as text: per domain, the level, the score and the target as a bar (4 cells a
/// level: `█` up to the level, `▓` on to the score, `░` on to the target), then the legend.
fn radar_md(md: &mut String, part: &PartReport, l: &Labels) {
    let t = &l.lang().texts().radar;
    let _ = writeln!(md, "### {}\n\n```text", l.radar);
    let axes = part.radar_axes();
    let width = axes.iter().map(|a| a.name.width()).max().unwrap_or(0);
    for a in &axes {
        let pad = width - a.name.width();
        let target = a.target.map_or(String::new(), |t| format!(" → L{t}"));
        let _ = writeln!(
            md,
            "{}{:pad$}  {}  L{} {:.2}{target}",
            a.name,
            "",
            bar(a.level, a.score, a.target, a.max),
            a.level,
            a.score
        );
    }
    let _ = writeln!(
        md,
        "```\n\n█ {} · ▓ {} · ░ {} · → {}\n\n{}\n",
        t.level, t.score, l.gap, t.target, t.explain
    );
}

/// 4 cells per level of the model (20 for CAICT's five, 12 for SAMM's three): the level, then
/// the score, then the target.
fn bar(level: u8, score: f64, target: Option<u8>, max: f64) -> String {
    // Rims are whole levels (1..=5): truncation keeps them; whole cells only.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let top = max.round().clamp(1.0, 5.0) as u8;
    let filled = usize::from(level.min(top)) * 4;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let scored = (score.clamp(0.0, f64::from(top)) * 4.0).floor() as usize;
    let shaded = usize::from(target.unwrap_or(0).min(top)) * 4;
    (0..usize::from(top) * 4)
        .map(|i| match i {
            i if i < filled => '█',
            i if i < scored => '▓',
            i if i < shaded => '░',
            _ => '·',
        })
        .collect()
}

fn roadmap_md(md: &mut String, data: &ReportData, roadmap: &Roadmap, l: &Labels) {
    let t = l.lang().texts().deliverable;
    if roadmap.phases.is_empty() {
        let _ = writeln!(md, "{}", l.roadmap_reached);
        return;
    }
    let _ = writeln!(
        md,
        "{} ({})",
        l.roadmap_intro,
        l.requirements(roadmap.total)
    );
    for phase in &roadmap.phases {
        let _ = writeln!(md, "\n**{}**\n", phase_line(data, l, phase));
        for domain in &phase.domains {
            let linked: Vec<&str> = explaining(data, &domain.id)
                .into_iter()
                .map(|f| f.id.as_str())
                .collect();
            let linked = if linked.is_empty() {
                String::new()
            } else {
                format!(" — {}: {}", t.explained_by, linked.join(", "))
            };
            let _ = writeln!(
                md,
                "- *{}* ({}){linked}",
                inline(&domain.name),
                domain.count
            );
            for item in &domain.requirements {
                let status = item.status.map_or(String::new(), |s| {
                    format!(" — {}", l.answer(&item.label, Some(s)))
                });
                let _ = writeln!(
                    md,
                    "  - `{}` L{} {}: {}{status}",
                    item.id,
                    item.level,
                    inline(&item.practice),
                    inline(&item.text)
                );
            }
        }
    }
}

fn practice_md(md: &mut String, data: &ReportData, p: &PracticeReport, l: &Labels) {
    let own = l.provenance_mark(p.authored, p.draft);
    let authored = own.map_or(String::new(), |m| format!(" *[{m}]*"));
    let _ = writeln!(
        md,
        "\n##### {} (`{}`){authored}\n\n{} {} · {} {:.2} · {} {}/{}\n",
        inline(&p.name),
        p.id,
        l.level,
        p.level,
        l.score,
        p.score,
        l.progress,
        p.answered,
        p.total
    );
    for r in &p.requirements {
        requirement_md(md, data, r, own, l);
    }
}

/// One requirement as a list item, marked only where its provenance differs from its
/// practice's mark (`practice`).
fn requirement_md(
    md: &mut String,
    data: &ReportData,
    r: &RequirementReport,
    practice: Option<&str>,
    l: &Labels,
) {
    let a = &r.answer;
    let mut authored = match l.provenance_mark(r.authored, r.draft) {
        Some(m) if Some(m) != practice => format!(" *[{m}]*"),
        _ => String::new(),
    };
    if r.own {
        let mark = crate::i18n::Lang::from_code(&data.lang)
            .texts()
            .models
            .own_mark;
        authored.push_str(&format!(" *[{mark}]*"));
    }
    let head = if r.level == 0 {
        // An orphaned answer: the model no longer has its level or text.
        format!("`{}`", r.id)
    } else {
        format!("**L{}** `{}` {}{authored}", r.level, r.id, inline(&r.text))
    };
    let mut meta = vec![format!("**{}**", l.answer(&a.label, a.status))];
    meta.extend(
        [inline(&a.by), data.time(&a.at)]
            .into_iter()
            .filter(|s| !s.is_empty()),
    );
    if a.flagged {
        meta.push(format!("⚑ {}", l.flagged));
    }
    if !a.decided_by.is_empty() {
        meta.push(format!("{}: {}", l.decided_by, a.decided_by));
    }
    if let Some(r) = &a.reviewed {
        meta.push(
            format!("{} {} {}", l.reviewed_by, inline(&r.by), data.time(&r.at))
                .trim()
                .to_string(),
        );
    }
    let mut lines = vec![head, meta.join(" · ")];
    lines.extend(details(
        data,
        (a.justification.as_deref(), a.not_applicable),
        &a.note,
        l,
    ));
    if !a.discussion.is_empty() {
        lines.push(format!("{}: {}", l.discussion, block(&a.discussion)));
    }
    if !a.evidence.is_empty() {
        lines.push(format!("{}: {}", l.evidence, a.evidence.join(", ")));
    }
    item(md, &lines);
}

/// The justification (and whether its answer is not applicable) and note lines of an
/// answer, when present.
fn details(
    data: &ReportData,
    (justification, na): (Option<&str>, bool),
    note: &str,
    l: &Labels,
) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(j) = data.justification_text(justification, l) {
        lines.push(format!("{}: {}", l.justification_of(na), block(&j)));
    }
    if !note.is_empty() {
        lines.push(format!("{}: {}", l.note, block(note)));
    }
    lines
}

/// A list item whose lines are kept apart by hard breaks.
fn item(md: &mut String, lines: &[String]) {
    let _ = writeln!(md, "- {}", lines.join("  \n  "));
}

fn lists(md: &mut String, data: &ReportData, l: &Labels) {
    for (title, items) in [
        (l.not_applicable, &data.not_applicable),
        (l.flagged_items, &data.flagged),
    ] {
        let _ = writeln!(md, "\n## {title}\n");
        if items.is_empty() {
            let _ = writeln!(md, "{}", l.none);
        }
        for h in items {
            let mut lines = vec![format!(
                "`{}` {}: {} — **{}**",
                h.id,
                inline(&h.practice),
                inline(&h.text),
                l.answer(&h.label, h.status)
            )];
            lines.extend(details(
                data,
                (h.justification.as_deref(), h.not_applicable),
                &h.note,
                l,
            ));
            item(md, &lines);
        }
    }
    review_md(md, data, l);
    let _ = writeln!(md, "\n## {}\n", l.evidence_register);
    if data.evidence.is_empty() {
        let _ = writeln!(md, "{}", l.none);
    } else {
        let _ = writeln!(
            md,
            "| ID | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|",
            l.title, l.kind, l.location, l.by, l.used_by
        );
    }
    for e in &data.evidence {
        let used: Vec<String> = e.used_by.iter().map(|u| format!("`{u}`")).collect();
        let mut location = or_dash(&e.location);
        if let Some(hash) = &e.sha256 {
            location.push_str(&format!("<br>`{hash}`"));
        }
        if let Some(size) = e.size {
            location.push_str(&format!(" · {size} B"));
        }
        if let Some(check) = e.check {
            location.push_str(&format!("<br>{}: **{}**", l.file_check, l.check(check)));
        }
        let who: Vec<String> = [e.added_by.clone(), data.time(&e.added_at)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        let used = if used.is_empty() {
            "–".to_string()
        } else {
            used.join(", ")
        };
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {used} |",
            e.id,
            or_dash(&e.title),
            l.evidence_kind(e.kind),
            location,
            or_dash(&who.join(" · ")),
        );
    }
    let _ = writeln!(md, "\n## {}\n", l.orphaned);
    if data.orphaned.is_empty() {
        let _ = writeln!(md, "{}", l.none);
        return;
    }
    let _ = writeln!(md, "{}\n", l.orphaned_intro);
    for o in &data.orphaned {
        let r = RequirementReport {
            id: o.id.clone(),
            level: 0,
            text: String::new(),
            authored: false,
            draft: false,
            own: false,
            answer: o.answer.clone(),
        };
        requirement_md(md, data, &r, None, l);
    }
}

/// The review counts: how many requirements each review filter matches.
fn review_md(md: &mut String, data: &ReportData, l: &Labels) {
    let _ = writeln!(md, "\n## {}\n", l.review);
    for c in &data.review {
        let _ = writeln!(md, "- {}: {}", l.review_filter(c.filter, c.label), c.count);
    }
}

/// Authored text made inert: no raw HTML (`<` escaped) and no images (`![` escaped), so a
/// rendered report never fetches anything (a remote image could carry data out in its address).
fn inert(s: &str) -> String {
    s.replace('<', "&lt;").replace("![", "!\\[")
}

/// Inline text: no raw HTML, no images, no line breaks.
fn inline(s: &str) -> String {
    inert(s).replace(['\r', '\n'], " ")
}

/// Multi-line text inside a list item: continuation lines indented, hard breaks kept.
fn block(s: &str) -> String {
    inert(s)
        .replace("\r\n", "\n")
        .trim_end()
        .replace('\n', "  \n  ")
}

/// A table cell's text, or a dash: no cell is left empty.
fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "–".to_string()
    } else {
        cell(s)
    }
}

/// A table cell: no raw HTML, `|` escaped, line breaks as `<br>`.
fn cell(s: &str) -> String {
    inert(s)
        .replace('|', "\\|")
        .replace("\r\n", "\n")
        .replace('\n', "<br>")
}
