//! The HTML report: one self-contained file (inline CSS and SVG, no scripts, nothing fetched),
//! good on screen and in print (each part starts a page, so "Save as PDF" gives a clean
//! document). UTF-8 is declared and the font stack covers Chinese on every common system.

use std::fmt::Write as _;

use super::data::{AnswerView, PartReport, PracticeReport, ReportData};
pub use super::escape::escape;
use super::pages::Pages;
use super::{deliverable, svg};

use crate::i18n::report::Labels;

const CSS: &str = include_str!("report.css");

/// Renders the whole report as one HTML document, in the order management reads it: the
/// first page, the findings, the roadmap, the sign-off, the results per part, then the
/// per-requirement answers and registers as an appendix.
pub fn render(data: &ReportData, l: &Labels) -> String {
    let pages = Pages::gather(data, l);
    let mut h = String::new();
    let title = escape(&data.heading(l));
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"assess\">\n<title>{title}</title>\n<style>\n{CSS}{}\n</style>\n</head>\n<body>\n",
        l.lang_tag,
        deliverable::page_margins(&pages)
    );
    deliverable::confidential(&mut h, &pages);
    h.push_str("<header>\n");
    deliverable::cover(&mut h, data, &pages, l);
    h.push_str("</header>\n<main>\n");
    deliverable::findings(&mut h, data, &pages, l);
    deliverable::roadmaps(&mut h, data, l);
    deliverable::sign_off(&mut h, &pages, l);
    results(&mut h, data, l);
    for part in &data.parts {
        part_section(&mut h, part, l);
    }
    let t = l.lang().texts().deliverable;
    let _ = writeln!(
        h,
        "<section class=\"appendix\" id=\"appendix\">\n<h2>{}</h2>",
        escape(t.appendix)
    );
    for part in &data.parts {
        answers_section(&mut h, data, part, l);
    }
    lists(&mut h, data, l);
    super::workshop::agenda_html(&mut h, &data.lang, &data.agenda);
    h.push_str("</section>\n</main>\n");
    let _ = writeln!(
        h,
        "<footer><p>{}</p><p>{}</p></footer>\n</body>\n</html>",
        escape(l.authored_legend),
        escape(l.generated_by)
    );
    h
}

fn results(h: &mut String, data: &ReportData, l: &Labels) {
    let _ = writeln!(
        h,
        "<section class=\"overview\">\n<h2>{}</h2>",
        escape(l.results)
    );
    // One row per part here; each part's own section lists its domains.
    results_table(h, data.parts.iter(), false, l);
    let _ = writeln!(
        h,
        "<p class=\"legend\">{}</p>",
        escape(l.lang().texts().radar.explain)
    );
    h.push_str("</section>\n");
}

fn results_table<'a>(
    h: &mut String,
    parts: impl Iterator<Item = &'a PartReport> + Clone,
    with_domains: bool,
    l: &Labels,
) {
    // A session with a baseline gets one more column: the baseline's level → this one's.
    let baseline = parts.clone().any(|p| p.result.then.is_some());
    let extra_head = if baseline {
        format!("<th>{}</th>", escape(l.then_now))
    } else {
        String::new()
    };
    let _ = writeln!(
        h,
        "<table class=\"results\"><thead><tr><th>{} / {}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>{extra_head}</tr></thead><tbody>",
        escape(l.part),
        escape(l.domain),
        escape(l.level),
        escape(l.score),
        escape(l.target),
        escape(l.gap),
        escape(l.progress)
    );
    for part in parts {
        let rows = std::iter::once((&part.result, "part")).chain(
            part.domains
                .iter()
                .filter(|_| with_domains)
                .map(|d| (&d.result, "domain")),
        );
        for (r, class) in rows {
            let target = r.target.map_or("–".to_string(), |t| t.to_string());
            let pct = (r.answered * 100).checked_div(r.total).unwrap_or(0);
            let extra = if baseline {
                let shown = crate::report::then_now(r).unwrap_or_else(|| "–".to_string());
                format!("<td class=\"num\">{}</td>", escape(&shown))
            } else {
                String::new()
            };
            let _ = writeln!(
                h,
                "<tr class=\"{class}\"><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{:.2}</td><td class=\"num\">{target}</td><td class=\"num\">{}</td><td class=\"num\">{}/{} <span class=\"meter\"><span style=\"width:{pct}%\"></span></span></td>{extra}</tr>",
                escape(&r.name),
                r.level,
                r.score,
                r.gap,
                r.answered,
                r.total
            );
        }
    }
    h.push_str("</tbody></table>\n");
}

fn part_section(h: &mut String, part: &PartReport, l: &Labels) {
    let _ = writeln!(
        h,
        "<section class=\"part\" id=\"part-{}\">\n<h2>{} <span class=\"id\">{}</span></h2>",
        escape(&part.result.id),
        escape(&part.result.name),
        escape(&part.result.id)
    );
    results_table(h, std::iter::once(part), true, l);
    let _ = writeln!(
        h,
        "<figure class=\"radar\">{}<figcaption>{}</figcaption></figure>",
        svg::radar(
            &part.radar_axes(),
            &format!("{} — {}", part.result.name, l.radar),
            l.lang()
        ),
        escape(l.lang().texts().radar.explain)
    );
    h.push_str("</section>\n");
}

/// A part's answers per requirement, in the appendix.
fn answers_section(h: &mut String, data: &ReportData, part: &PartReport, l: &Labels) {
    let _ = writeln!(
        h,
        "<section class=\"answers\" id=\"answers-{}\">\n<h3>{} — {}</h3>",
        escape(&part.result.id),
        escape(&part.result.name),
        escape(l.answers)
    );
    for domain in &part.domains {
        let _ = writeln!(
            h,
            "<h4>{} <span class=\"id\">{}</span> <span class=\"lv\">{} {}</span></h4>",
            escape(&domain.result.name),
            escape(&domain.result.id),
            escape(l.level),
            domain.result.level
        );
        for practice in &domain.practices {
            practice_html(h, data, practice, l);
        }
    }
    h.push_str("</section>\n");
}

fn practice_html(h: &mut String, data: &ReportData, p: &PracticeReport, l: &Labels) {
    let own = l.provenance_mark(p.authored, p.draft);
    let authored = own.map_or(String::new(), badge);
    let _ = writeln!(
        h,
        "<div class=\"practice\">\n<h5>{} <span class=\"id\">{}</span>{authored} <span class=\"lv\">{} {} · {} {:.2} · {}/{}</span></h5>",
        escape(&p.name),
        escape(&p.id),
        escape(l.level),
        p.level,
        escape(l.score),
        p.score,
        p.answered,
        p.total
    );
    answers_table_head(h, l);
    for r in &p.requirements {
        let mut text = match l.provenance_mark(r.authored, r.draft) {
            Some(m) if Some(m) != own => format!("{} {}", escape(&r.text), badge(m)),
            _ => escape(&r.text),
        };
        if r.own {
            let mark = crate::i18n::Lang::from_code(&data.lang)
                .texts()
                .models
                .own_mark;
            text.push_str(&format!(
                " <span class=\"authored own\">{}</span>",
                escape(mark)
            ));
        }
        answer_row(
            h,
            data,
            &r.id,
            &format!("L{}", r.level),
            &text,
            &r.answer,
            l,
        );
    }
    h.push_str("</tbody></table>\n</div>\n");
}

fn badge(mark: &str) -> String {
    format!(" <span class=\"authored\">{}</span>", escape(mark))
}

fn answers_table_head(h: &mut String, l: &Labels) {
    let _ = writeln!(
        h,
        "<table class=\"answers\"><thead><tr><th>ID</th><th>{}</th><th>{}</th><th>{}</th><th>{} / {}</th><th>{}</th><th>{} / {}</th></tr></thead><tbody>",
        escape(l.level),
        escape(l.requirement),
        escape(l.status),
        escape(l.note),
        escape(l.justification),
        escape(l.evidence),
        escape(l.by),
        escape(l.at)
    );
}

fn answer_row(
    h: &mut String,
    data: &ReportData,
    id: &str,
    level: &str,
    text: &str,
    a: &AnswerView,
    l: &Labels,
) {
    let code = a.status.map_or("none", super::data::status_code);
    let flag = if a.flagged {
        format!(
            " <span class=\"flag\" title=\"{0}\">⚑ {0}</span>",
            escape(l.flagged)
        )
    } else {
        String::new()
    };
    let flag = match &a.reviewed {
        Some(r) => format!(
            "{flag} <span class=\"reviewed\">✓ {} {}</span>",
            escape(l.reviewed_by),
            escape(&r.by)
        ),
        None => flag,
    };
    let mut notes = String::new();
    if let Some(j) = data.justification_text(a.justification.as_deref(), l) {
        let _ = write!(
            notes,
            "<div class=\"just\"><b>{}:</b> {}</div>",
            escape(l.justification_of(a.not_applicable)),
            escape(&j)
        );
    }
    if !a.note.is_empty() {
        let _ = write!(notes, "<div class=\"note\">{}</div>", escape(&a.note));
    }
    if !a.discussion.is_empty() {
        let _ = write!(
            notes,
            "<div class=\"discussion\"><b>{}:</b> {}</div>",
            escape(l.discussion),
            escape(&a.discussion)
        );
    }
    let decided = (!a.decided_by.is_empty()).then(|| format!("{}: {}", l.decided_by, a.decided_by));
    let at = data.time(&a.at);
    let who: Vec<String> = [decided.as_ref(), Some(&a.by), Some(&at)]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .map(|s| escape(s))
        .collect();
    // No empty cells: a dash says "nothing here" where a blank looks like a fault.
    let dash = |s: String| if s.is_empty() { "–".to_string() } else { s };
    let (notes, evidence, who) = (
        dash(notes),
        dash(escape(&a.evidence.join(", "))),
        dash(who.join("<br>")),
    );
    let _ = writeln!(
        h,
        "<tr class=\"st-{code}\"><td><code>{}</code></td><td class=\"nowrap\">{}</td><td>{text}</td><td><span class=\"st st-{code}\">{}</span>{flag}</td><td>{notes}</td><td class=\"nowrap\">{evidence}</td><td class=\"who\">{who}</td></tr>",
        escape(id),
        if level.is_empty() { "–" } else { level },
        escape(l.answer(&a.label, a.status))
    );
}

fn lists(h: &mut String, data: &ReportData, l: &Labels) {
    h.push_str("<section class=\"lists\">\n");
    for (title, items) in [
        (l.not_applicable, &data.not_applicable),
        (l.flagged_items, &data.flagged),
    ] {
        let _ = writeln!(h, "<h2>{}</h2>", escape(title));
        if items.is_empty() {
            let _ = writeln!(h, "<p>{}</p>", escape(l.none));
            continue;
        }
        answers_table_head(h, l);
        for item in items {
            let a = AnswerView {
                status: item.status,
                justification: item.justification.clone(),
                note: item.note.clone(),
                evidence: item.evidence.clone(),
                by: item.by.clone(),
                at: item.at.clone(),
                label: item.label.clone(),
                not_applicable: item.not_applicable,
                ..AnswerView::default()
            };
            let text = format!("{}: {}", escape(&item.practice), escape(&item.text));
            let level = format!("L{}", item.level);
            answer_row(h, data, &item.id, &level, &text, &a, l);
        }
        h.push_str("</tbody></table>\n");
    }
    review_html(h, data, l);
    evidence_html(h, data, l);
    let _ = writeln!(h, "<h2>{}</h2>", escape(l.orphaned));
    if data.orphaned.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(l.none));
    } else {
        let _ = writeln!(h, "<p>{}</p>", escape(l.orphaned_intro));
        answers_table_head(h, l);
        for o in &data.orphaned {
            answer_row(h, data, &o.id, "", "–", &o.answer, l);
        }
        h.push_str("</tbody></table>\n");
    }
    h.push_str("</section>\n");
}

fn review_html(h: &mut String, data: &ReportData, l: &Labels) {
    let _ = writeln!(h, "<h2>{}</h2>\n<ul class=\"review\">", escape(l.review));
    for c in &data.review {
        let _ = writeln!(
            h,
            "<li>{}: {}</li>",
            escape(l.review_filter(c.filter, c.label)),
            c.count
        );
    }
    h.push_str("</ul>\n");
}

fn evidence_html(h: &mut String, data: &ReportData, l: &Labels) {
    let _ = writeln!(h, "<h2>{}</h2>", escape(l.evidence_register));
    if data.evidence.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(l.none));
        return;
    }
    let _ = writeln!(
        h,
        "<table class=\"evidence\"><thead><tr><th>ID</th><th>{}</th><th>{}</th><th>{}</th><th>{} / {}</th><th>{}</th></tr></thead><tbody>",
        escape(l.title),
        escape(l.kind),
        escape(l.location),
        escape(l.by),
        escape(l.at),
        escape(l.used_by)
    );
    for e in &data.evidence {
        let mut hash = e.sha256.as_deref().map_or(String::new(), |s| {
            format!("<div class=\"hash\">{}</div>", escape(s))
        });
        if let Some(size) = e.size {
            let _ = write!(hash, "<div class=\"hash\">{size} B</div>");
        }
        if let Some(check) = e.check {
            let _ = write!(
                hash,
                "<div class=\"check check-{check}\">{}: {}</div>",
                escape(l.file_check),
                escape(l.check(check))
            );
        }
        let added_at = data.time(&e.added_at);
        let who: Vec<String> = [&e.added_by, &added_at]
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| escape(s))
            .collect();
        let used: Vec<String> = e
            .used_by
            .iter()
            .map(|u| format!("<code>{}</code>", escape(u)))
            .collect();
        let _ = writeln!(
            h,
            "<tr><td><code>{}</code></td><td>{}</td><td class=\"nowrap\">{}</td><td class=\"loc\">{}{hash}</td><td class=\"who\">{}</td><td>{}</td></tr>",
            escape(&e.id),
            escape(&e.title),
            escape(l.evidence_kind(e.kind)),
            escape(&e.location),
            who.join("<br>"),
            used.join(" ")
        );
    }
    h.push_str("</tbody></table>\n");
}
