//! The HTML report's management pages, laid out from what `pages.rs` gathered: the first page
//! (organisation, scope, dates, assessors, the level per part with its name, the radar, the key
//! findings and the roadmap in brief), the findings linked to the roadmap phases they explain,
//! the roadmap by phase, the sign-off block and the confidentiality line printed on every page.

use std::fmt::Write as _;

use super::data::{PartReport, ReportData};
use super::html::escape;
use super::pages::{Brief, Pages, SignOff, explaining, phase_line};
use super::svg;
use crate::i18n::report::Labels;

/// A value or a dash, so no table cell is left empty.
fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "–".to_string()
    } else {
        escape(s)
    }
}

/// The confidentiality line as a banner on screen.
pub fn confidential(h: &mut String, pages: &Pages) {
    let _ = writeln!(
        h,
        "<div class=\"confidential\">{}</div>",
        escape(&pages.confidential)
    );
}

/// The print rule that puts the confidentiality line and the page number in the bottom margin
/// of every printed page.
pub fn page_margins(pages: &Pages) -> String {
    format!(
        "@page {{ @bottom-left {{ content: \"{}\"; font-size: 7.5pt; color: #5d6776; }} @bottom-right {{ content: counter(page) \" / \" counter(pages); font-size: 7.5pt; color: #5d6776; }} }}",
        css_string(&pages.confidential)
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

/// The first page.
pub fn cover(h: &mut String, data: &ReportData, pages: &Pages, l: &Labels) {
    let state = if pages.signed { "final" } else { "draft" };
    let _ = writeln!(
        h,
        "<section class=\"cover\">\n<h1>{}</h1>\n<p class=\"state state-{state}\">{}</p>",
        escape(&pages.heading),
        escape(pages.state)
    );
    if data.redacted {
        let _ = writeln!(h, "<p class=\"notice\">{}</p>", escape(l.redacted_notice));
    }
    h.push_str("<dl class=\"meta\">\n");
    for (label, value) in &pages.facts {
        let _ = writeln!(h, "<dt>{}</dt><dd>{}</dd>", escape(label), escape(value));
    }
    h.push_str("</dl>\n");
    levels_table(h, pages, l);
    let _ = writeln!(
        h,
        "<p class=\"legend\"><b>{}:</b> {}</p>",
        escape(pages.legend.0),
        escape(pages.legend.1)
    );
    cover_radars(h, data, l);
    key_findings(h, pages, l);
    roadmap_brief(h, pages, l);
    h.push_str("</section>\n");
}

/// Part, level with its name, score, target with its name, answered.
fn levels_table(h: &mut String, pages: &Pages, l: &Labels) {
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
    for r in &pages.levels {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td class=\"level-name\">{}</td><td class=\"num\">{:.2}</td><td class=\"level-name\">{}</td><td class=\"num\">{}/{}</td></tr>",
            escape(&r.part),
            escape(&r.level),
            r.score,
            escape(&r.target),
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

fn key_findings(h: &mut String, pages: &Pages, l: &Labels) {
    let t = l.lang().texts().deliverable;
    let _ = writeln!(h, "<h2>{}</h2>", escape(t.key_findings));
    if pages.key_findings.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(t.no_findings));
        return;
    }
    h.push_str("<ol class=\"key-findings\">\n");
    for f in pages.key_findings {
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
    if let Some(more) = &pages.more_findings {
        let _ = writeln!(h, "<p class=\"more\">{}</p>", escape(more));
    }
}

fn roadmap_brief(h: &mut String, pages: &Pages, l: &Labels) {
    let t = l.lang().texts().deliverable;
    let _ = writeln!(
        h,
        "<h2>{}</h2>\n<ul class=\"roadmap-brief\">",
        escape(t.roadmap_brief)
    );
    for plan in &pages.plans {
        let id = &plan.part.result.id;
        let brief = match &plan.brief {
            Brief::NoTarget => escape(l.roadmap_no_target),
            Brief::Reached => escape(l.roadmap_reached),
            Brief::Phases(phases) => phases
                .iter()
                .map(|(phase, line)| {
                    format!(
                        "<a href=\"#roadmap-{}-{phase}\">{}</a>",
                        escape(id),
                        escape(line)
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
        };
        let _ = writeln!(
            h,
            "<li><b>{}</b>: {brief}</li>",
            escape(&plan.part.result.name)
        );
    }
    h.push_str("</ul>\n");
}

/// The findings, each with its owner, due date and links to the roadmap phases it explains.
pub fn findings(h: &mut String, data: &ReportData, pages: &Pages, l: &Labels) {
    let t = l.lang().texts().deliverable;
    let c = super::workshop::finding_columns(&data.lang);
    let _ = writeln!(
        h,
        "<section class=\"findings\" id=\"findings\">\n<h2>{}</h2>",
        escape(super::workshop::findings_title(&data.lang))
    );
    if pages.findings.is_empty() {
        let _ = writeln!(h, "<p>{}</p>\n</section>", escape(t.no_findings));
        return;
    }
    h.push_str("<table class=\"findings\"><thead><tr>");
    for col in c.iter().chain([&t.in_roadmap]) {
        let _ = write!(h, "<th>{}</th>", escape(col));
    }
    h.push_str("</tr></thead><tbody>\n");
    for (f, phases) in &pages.findings {
        let mut detail = String::new();
        for (label, text) in super::workshop::finding_details(&data.lang, f) {
            let text = escape(text).replace('\n', "<br>");
            let _ = write!(detail, "<div><em>{}:</em> {text}</div>", escape(label));
        }
        let links: Vec<String> = phases
            .iter()
            .map(|(part, phase)| {
                format!(
                    "<a href=\"#roadmap-{0}-{phase}\">{0} {1} {phase}</a>",
                    escape(part),
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
            let linked: Vec<String> = explaining(data, &domain.id)
                .into_iter()
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
pub fn sign_off(h: &mut String, pages: &Pages, l: &Labels) {
    let t = l.lang().texts().deliverable;
    let _ = writeln!(
        h,
        "<section class=\"signoff\" id=\"sign-off\">\n<h2>{}</h2>",
        escape(t.sign_off)
    );
    match &pages.sign_off {
        SignOff::Signed { by_at, hash } => {
            let _ = writeln!(
                h,
                "<p class=\"state state-final\">{}</p>\n<p>{}</p>\n<p>{}: <code class=\"hash\">{}</code></p>",
                escape(t.signed_off),
                escape(by_at),
                escape(t.content_hash),
                escape(hash)
            );
        }
        SignOff::Draft { note, approval } => {
            let _ = writeln!(
                h,
                "<p class=\"state state-draft\">{}</p>\n<p>{}</p>\n<table class=\"approval\"><tbody>",
                escape(t.draft),
                escape(note)
            );
            for line in approval {
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
