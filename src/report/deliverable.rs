//! The HTML report's management pages: the first page (organisation, scope, dates, assessors,
//! the level per part with its name, the radar, the key findings and the roadmap in brief), the
//! findings linked to the roadmap phases they explain, the roadmap by phase, the sign-off block
//! and the confidentiality line printed on every page.

use std::fmt::Write as _;

use super::data::{PartReport, ReportData};
use super::html::escape;
use super::svg;
use super::workshop::FindingEntry;
use crate::i18n::fill;
use crate::i18n::report::Labels;

/// How many findings the first page lists.
const KEY_FINDINGS: usize = 5;

/// A value or a dash, so no table cell is left empty.
fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "–".to_string()
    } else {
        escape(s)
    }
}

fn confidential_text(data: &ReportData, l: &Labels) -> String {
    let t = l.lang().texts().deliverable;
    if data.redacted {
        t.confidential_redacted.to_string()
    } else {
        fill(
            t.confidential,
            &[("organisation", &data.session.organisation)],
        )
    }
}

/// The confidentiality line as a banner on screen.
pub fn confidential(h: &mut String, data: &ReportData, l: &Labels) {
    let text = confidential_text(data, l);
    let _ = writeln!(h, "<div class=\"confidential\">{}</div>", escape(&text));
}

/// The print rule that puts the confidentiality line and the page number in the bottom margin
/// of every printed page.
pub fn page_margins(data: &ReportData, l: &Labels) -> String {
    format!(
        "@page {{ @bottom-left {{ content: \"{}\"; font-size: 7.5pt; color: #5d6776; }} @bottom-right {{ content: counter(page) \" / \" counter(pages); font-size: 7.5pt; color: #5d6776; }} }}",
        css_string(&confidential_text(data, l))
    )
}

/// Text inside a CSS string: quotes and backslashes escaped, no line breaks, and no `<`, so
/// it can never close the style element.
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '"' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("\\3C "),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The sign-off state in a word or two: "Signed off" or "Draft — not signed off".
pub fn state_word(data: &ReportData, l: &Labels) -> &'static str {
    let t = l.lang().texts().deliverable;
    if data.session.sign_off.is_some() {
        t.signed_off
    } else {
        t.draft
    }
}

/// The first page.
pub fn cover(h: &mut String, data: &ReportData, l: &Labels) {
    let t = l.lang().texts().deliverable;
    let state = if data.session.sign_off.is_some() {
        "final"
    } else {
        "draft"
    };
    let _ = writeln!(
        h,
        "<section class=\"cover\">\n<h1>{}</h1>\n<p class=\"state state-{state}\">{}</p>",
        escape(&data.heading(l)),
        escape(state_word(data, l))
    );
    if data.redacted {
        let _ = writeln!(h, "<p class=\"notice\">{}</p>", escape(l.redacted_notice));
    }
    h.push_str("<dl class=\"meta\">\n");
    for (label, value) in cover_facts(data, l) {
        let _ = writeln!(h, "<dt>{}</dt><dd>{}</dd>", escape(label), escape(&value));
    }
    h.push_str("</dl>\n");
    levels_table(h, data, l);
    let _ = writeln!(
        h,
        "<p class=\"legend\"><b>{}:</b> {}</p>",
        escape(t.level_and_score),
        escape(l.lang().texts().radar.explain)
    );
    cover_radars(h, data, l);
    key_findings(h, data, l);
    roadmap_brief(h, data, l);
    h.push_str("</section>\n");
}

/// Organisation, scope, assessment dates, report date, assessors, model.
fn cover_facts(data: &ReportData, l: &Labels) -> Vec<(&'static str, String)> {
    let t = l.lang().texts().deliverable;
    let s = &data.session;
    let (from, to) = (data.date(&s.created), data.date(&s.updated));
    let dates = if from == to {
        from
    } else {
        fill(t.date_range, &[("from", &from), ("to", &to)])
    };
    let rows = [
        (l.organisation, s.organisation.clone()),
        (l.scope, s.scope.clone()),
        (t.assessment_dates, dates),
        (
            t.report_date,
            data.generated
                .as_deref()
                .map_or(String::new(), |g| data.date(g)),
        ),
        (l.assessors, s.assessors.join(", ")),
        (l.participants, data.participants_text()),
        (
            l.model,
            format!(
                "{} ({} {})",
                data.model.name, data.model.id, data.model.version
            ),
        ),
        (l.answered, format!("{}/{}", data.answered, data.total)),
    ];
    rows.into_iter().filter(|(_, v)| !v.is_empty()).collect()
}

/// Part, level with its name, score, target with its name, answered.
fn levels_table(h: &mut String, data: &ReportData, l: &Labels) {
    let t = l.lang().texts().deliverable;
    let _ = writeln!(
        h,
        "<h2>{}</h2>\n<table class=\"levels\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        escape(t.level_per_part),
        escape(l.part),
        escape(l.level),
        escape(l.score),
        escape(l.target),
        escape(l.progress)
    );
    for p in &data.parts {
        let r = &p.result;
        let target = r.target.map_or("–".to_string(), |t| data.level_name(t));
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td class=\"level-name\">{}</td><td class=\"num\">{:.2}</td><td class=\"level-name\">{}</td><td class=\"num\">{}/{}</td></tr>",
            escape(&r.name),
            escape(&data.level_name(r.level)),
            r.score,
            escape(&target),
            r.answered,
            r.total
        );
    }
    h.push_str("</tbody></table>\n");
}

/// One radar over the parts when there are three or more, else each part's domains.
fn cover_radars(h: &mut String, data: &ReportData, l: &Labels) {
    h.push_str("<div class=\"cover-radars\">\n");
    if data.parts.len() >= 3 {
        let axes = crate::summary::radar_axes(data.parts.iter().map(|p| &p.result));
        let title = format!("{} — {}", data.heading(l), l.radar);
        let _ = writeln!(
            h,
            "<figure class=\"radar\">{}</figure>",
            svg::radar(&axes, &title, l.lang())
        );
    } else {
        for p in &data.parts {
            let title = format!("{} — {}", p.result.name, l.radar);
            let _ = writeln!(
                h,
                "<figure class=\"radar\">{}</figure>",
                svg::radar(&p.radar_axes(), &title, l.lang())
            );
        }
    }
    h.push_str("</div>\n");
}

fn key_findings(h: &mut String, data: &ReportData, l: &Labels) {
    let t = l.lang().texts().deliverable;
    let _ = writeln!(h, "<h2>{}</h2>", escape(t.key_findings));
    if data.findings.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(t.no_findings));
        return;
    }
    h.push_str("<ol class=\"key-findings\">\n");
    for f in data.findings.iter().take(KEY_FINDINGS) {
        let due = if f.due.is_empty() {
            String::new()
        } else {
            format!(" · {}", escape(&f.due))
        };
        let owner = if f.owner.is_empty() {
            String::new()
        } else {
            format!(" · {}", escape(&f.owner))
        };
        let _ = writeln!(
            h,
            "<li class=\"sev-{}\"><a href=\"#finding-{}\">{}</a> <span class=\"sev\">{}</span> {}{owner}{due}</li>",
            f.severity,
            escape(&f.id),
            escape(&f.id),
            escape(f.severity_label),
            or_dash(&f.title)
        );
    }
    h.push_str("</ol>\n");
    if data.findings.len() > KEY_FINDINGS {
        let more = (data.findings.len() - KEY_FINDINGS).to_string();
        let _ = writeln!(
            h,
            "<p class=\"more\">{}</p>",
            escape(&fill(t.more_findings, &[("count", &more)]))
        );
    }
}

/// A phase in brief: "Phase 1: reach L3 Comprehensive — 12 requirements".
fn phase_line(data: &ReportData, l: &Labels, phase: &super::Phase) -> String {
    let t = l.lang().texts().deliverable;
    fill(
        t.phase_brief,
        &[
            ("phase", &phase.phase.to_string()),
            ("level", &data.level_name(phase.reaches_level)),
            ("count", &phase.count.to_string()),
        ],
    )
}

fn roadmap_brief(h: &mut String, data: &ReportData, l: &Labels) {
    let t = l.lang().texts().deliverable;
    let _ = writeln!(
        h,
        "<h2>{}</h2>\n<ul class=\"roadmap-brief\">",
        escape(t.roadmap_brief)
    );
    for p in &data.parts {
        let brief = match &p.roadmap {
            None => escape(l.roadmap_no_target),
            Some(r) if r.phases.is_empty() => escape(l.roadmap_reached),
            Some(r) => r
                .phases
                .iter()
                .map(|ph| {
                    format!(
                        "<a href=\"#roadmap-{}-{}\">{}</a>",
                        escape(&p.result.id),
                        ph.phase,
                        escape(&phase_line(data, l, ph))
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
        };
        let _ = writeln!(h, "<li><b>{}</b>: {brief}</li>", escape(&p.result.name));
    }
    h.push_str("</ul>\n");
}

/// Whether finding `f` is about domain `domain` (its id, or anything under it).
fn explains(f: &FindingEntry, domain: &str) -> bool {
    f.tie == domain || f.tie.starts_with(&format!("{domain}."))
}

/// The roadmap phases (part id, phase) a finding explains.
fn phases_of<'a>(data: &'a ReportData, f: &FindingEntry) -> Vec<(&'a PartReport, u8)> {
    data.parts
        .iter()
        .flat_map(|p| {
            p.roadmap
                .iter()
                .flat_map(|r| &r.phases)
                .filter(|ph| ph.domains.iter().any(|d| explains(f, &d.id)))
                .map(move |ph| (p, ph.phase))
        })
        .collect()
}

/// The findings, each with its owner, due date and links to the roadmap phases it explains.
pub fn findings(h: &mut String, data: &ReportData, l: &Labels) {
    let t = l.lang().texts().deliverable;
    let c = super::workshop::finding_columns(&data.lang);
    let _ = writeln!(
        h,
        "<section class=\"findings\" id=\"findings\">\n<h2>{}</h2>",
        escape(super::workshop::findings_title(&data.lang))
    );
    if data.findings.is_empty() {
        let _ = writeln!(h, "<p>{}</p>\n</section>", escape(t.no_findings));
        return;
    }
    h.push_str("<table class=\"findings\"><thead><tr>");
    for col in c.iter().chain([&t.in_roadmap]) {
        let _ = write!(h, "<th>{}</th>", escape(col));
    }
    h.push_str("</tr></thead><tbody>\n");
    for f in &data.findings {
        let mut detail = String::new();
        for (label, text) in super::workshop::finding_details(&data.lang, f) {
            let text = escape(text).replace('\n', "<br>");
            let _ = write!(detail, "<div><em>{}:</em> {text}</div>", escape(label));
        }
        let links: Vec<String> = phases_of(data, f)
            .into_iter()
            .map(|(p, phase)| {
                format!(
                    "<a href=\"#roadmap-{0}-{phase}\">{0} {1} {phase}</a>",
                    escape(&p.result.id),
                    escape(l.phase)
                )
            })
            .collect();
        let _ = writeln!(
            h,
            "<tr class=\"sev-{}\" id=\"finding-{}\"><td><code>{}</code></td><td class=\"nowrap\">{}</td><td><strong>{}</strong>{detail}</td><td>{}</td><td class=\"nowrap\">{}</td><td>{} <code>{}</code></td><td class=\"nowrap\">{}</td></tr>",
            f.severity,
            escape(&f.id),
            escape(&f.id),
            escape(f.severity_label),
            or_dash(&f.title),
            or_dash(&f.owner),
            or_dash(&f.due),
            escape(f.tie_kind),
            escape(&f.tie),
            if links.is_empty() {
                "–".to_string()
            } else {
                links.join("<br>")
            }
        );
    }
    h.push_str("</tbody></table>\n</section>\n");
}

/// The roadmap of every part by phase, each domain with the findings that explain it.
pub fn roadmaps(h: &mut String, data: &ReportData, l: &Labels) {
    let _ = writeln!(
        h,
        "<section class=\"roadmaps\" id=\"roadmap\">\n<h2>{}</h2>",
        escape(l.roadmap)
    );
    for p in &data.parts {
        let _ = writeln!(
            h,
            "<h3>{} <span class=\"id\">{}</span></h3>",
            escape(&p.result.name),
            escape(&p.result.id)
        );
        match &p.roadmap {
            None => {
                let _ = writeln!(h, "<p>{}</p>", escape(l.roadmap_no_target));
            }
            Some(r) if r.phases.is_empty() => {
                let _ = writeln!(h, "<p>{}</p>", escape(l.roadmap_reached));
            }
            Some(r) => roadmap_phases(h, data, p, r, l),
        }
    }
    h.push_str("</section>\n");
}

fn roadmap_phases(
    h: &mut String,
    data: &ReportData,
    part: &PartReport,
    roadmap: &super::Roadmap,
    l: &Labels,
) {
    let t = l.lang().texts().deliverable;
    let _ = writeln!(
        h,
        "<p>{} ({})</p>\n<ol class=\"roadmap\">",
        escape(l.roadmap_intro),
        escape(&l.requirements(roadmap.total))
    );
    for phase in &roadmap.phases {
        let _ = writeln!(
            h,
            "<li id=\"roadmap-{}-{}\"><h4>{}</h4>",
            escape(&part.result.id),
            phase.phase,
            escape(&phase_line(data, l, phase))
        );
        for domain in &phase.domains {
            let linked: Vec<String> = data
                .findings
                .iter()
                .filter(|f| explains(f, &domain.id))
                .map(|f| format!("<a href=\"#finding-{0}\">{0}</a>", escape(&f.id)))
                .collect();
            let linked = if linked.is_empty() {
                String::new()
            } else {
                format!(
                    " <span class=\"explained\">{}: {}</span>",
                    escape(t.explained_by),
                    linked.join(", ")
                )
            };
            let _ = writeln!(
                h,
                "<h5>{} <span class=\"count\">{}</span>{linked}</h5><ul>",
                escape(&domain.name),
                escape(&l.requirements(domain.count))
            );
            for item in &domain.requirements {
                let status = item.status.map_or(String::new(), |s| {
                    let code = super::data::status_code(s);
                    format!(
                        " <span class=\"st st-{code}\">{}</span>",
                        escape(l.answer(&item.label, Some(s)))
                    )
                });
                let _ = writeln!(
                    h,
                    "<li><code>{}</code> L{} {}: {}{status}</li>",
                    escape(&item.id),
                    item.level,
                    escape(&item.practice),
                    escape(&item.text)
                );
            }
            h.push_str("</ul>\n");
        }
        h.push_str("</li>\n");
    }
    h.push_str("</ol>\n");
}

/// Who signed off, when and the content hash; or the draft mark with lines to approve it.
pub fn sign_off(h: &mut String, data: &ReportData, l: &Labels) {
    let t = l.lang().texts().deliverable;
    let _ = writeln!(
        h,
        "<section class=\"signoff\" id=\"sign-off\">\n<h2>{}</h2>",
        escape(t.sign_off)
    );
    match &data.session.sign_off {
        Some(s) => {
            let text = fill(
                t.signed_off_by_at,
                &[("by", &s.by), ("at", &data.time(&s.at))],
            );
            let _ = writeln!(
                h,
                "<p class=\"state state-final\">{}</p>\n<p>{}</p>\n<p>{}: <code class=\"hash\">{}</code></p>",
                escape(t.signed_off),
                escape(&text),
                escape(t.content_hash),
                escape(&s.hash)
            );
        }
        None => {
            let _ = writeln!(
                h,
                "<p class=\"state state-draft\">{}</p>\n<p>{}</p>\n<table class=\"approval\"><tbody>",
                escape(t.draft),
                escape(t.draft_note)
            );
            for line in t.approval {
                let _ = writeln!(
                    h,
                    "<tr><th>{}</th><td class=\"blank\">&nbsp;</td></tr>",
                    escape(line)
                );
            }
            h.push_str("</tbody></table>\n");
        }
    }
    h.push_str("</section>\n");
}
