//! The current practice: its provenance, level, and level ladder L1..L5 with each level's
//! requirements as a checklist; and the guidance panel for the current requirement.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::i18n::workbench::Words;
use crate::model::{EvidenceKind, Provenance, terms};
use crate::session::scale;
use crate::tui::app::{Work, finding_marks};
use crate::tui::theme;
use crate::tui::widgets::wrap::{truncate, wrap_with_tail};

/// A checklist row and the requirement it belongs to.
struct Row {
    line: Line<'static>,
    requirement: Option<usize>,
}

/// The provenance mark, cut with an ellipsis to the `room` left on its line.
fn provenance_span(p: Provenance, w: &Words, room: usize) -> Span<'static> {
    match p {
        Provenance::Standard => Span::styled(truncate(w.standard, room), theme::get().standard),
        Provenance::Authored => Span::styled(truncate(w.authored, room), theme::get().authored),
        Provenance::Draft => Span::styled(truncate(w.draft, room), theme::get().authored),
    }
}

/// The practice's own provenance (practice override, else its part's).
fn practice_provenance(work: &Work) -> Provenance {
    let pref = &work.model.index.practices[work.practice];
    work.model.model.practice_provenance(pref)
}

fn block(work: &Work) -> Block<'static> {
    let pref = &work.model.index.practices[work.practice];
    let m = &work.model.model;
    let lang = work.lang();
    let crumbs = format!(
        " {} › {} › {} ",
        m.part_of(pref).name.get(lang),
        m.domain_of(pref).name.get(lang),
        m.item_of(pref).name.get(lang)
    );
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme::get().border_focus)
        .title(Span::styled(crumbs, theme::get().muted))
}

fn header(work: &Work, width: usize) -> Vec<Line<'static>> {
    let pref = &work.model.index.practices[work.practice];
    let practice = work.model.model.practice_of(pref);
    let score = work.card.practices[work.practice];
    let part_id = &work.model.model.part_of(pref).id;
    let target = work.session.targets.get(part_id).copied();
    let w = work.lang().texts().workbench;
    let badge = format!(
        "L{} ({:.2}) · {}/{} {}{}",
        score.level,
        score.score,
        score.answered,
        score.total,
        w.answered,
        target.map_or(String::new(), |t| format!(" · {} L{t}", w.target))
    );
    // Where the team is in the part, for the room (the navigator folds away below 130 columns).
    let (pos, count) = work.practice_position();
    let where_ = format!(
        "  {}",
        w.practice_pos
            .replace("{i}", &pos.to_string())
            .replace("{n}", &count.to_string())
    );
    // Findings on the practice itself or on its domain.
    let domain = crate::session::domain_key(&work.model, work.practice);
    let marks = format!(
        "{}{}",
        finding_marks(work, &pref.id),
        finding_marks(work, &domain)
    );
    let where_ = format!("{marks}{where_}");
    let name = truncate(
        practice.name.get(work.lang()),
        width.saturating_sub(where_.width()).max(width / 2),
    );
    vec![
        Line::from(vec![
            Span::styled(name, theme::get().title),
            Span::styled(where_, theme::get().muted),
        ]),
        Line::from(vec![
            Span::styled(badge.clone(), theme::level(score.level, target)),
            Span::raw("  "),
            provenance_span(
                practice_provenance(work),
                w,
                width.saturating_sub(badge.width() + 2),
            ),
        ]),
    ]
}

fn rows(work: &Work, width: usize) -> Vec<Row> {
    let pref = &work.model.index.practices[work.practice];
    let practice = work.model.model.practice_of(pref);
    let lang = work.lang();
    let own = practice_provenance(work);
    let level_now = work.card.practices[work.practice].level;
    let w = lang.texts().workbench;
    let mut out = Vec::new();
    let mut last_level = None;
    for r in pref.requirements.clone() {
        let rref = &work.model.index.requirements[r];
        let level = &practice.levels[rref.level_pos];
        if last_level != Some(rref.level) {
            last_level = Some(rref.level);
            let name = work
                .model
                .model
                .levels
                .iter()
                .find(|l| l.level == rref.level)
                .map_or("", |l| l.name.get(lang));
            let mut spans = vec![Span::styled(
                format!("L{} {name}", rref.level),
                theme::get().bold,
            )];
            if rref.level <= level_now {
                spans.push(Span::styled(format!("  ✓ {}", w.reached), theme::get().ok));
            }
            if let Some(p) = level.provenance.filter(|p| *p != own) {
                let used: usize = spans.iter().map(|s| s.content.width()).sum();
                spans.push(Span::raw("  "));
                spans.push(provenance_span(p, w, width.saturating_sub(used + 2)));
            }
            out.push(Row {
                line: Line::from(spans),
                requirement: None,
            });
        }
        let answer = work.session.answers.get(&rref.id);
        let (glyph, style) = theme::status(work.kind(r));
        let hint = hint_tag(req_hint(work, r), lang);
        let text = work.model.model.requirement_of(pref, rref).text.get(lang);
        let marks = marks(work, answer) + &finding_marks(work, &rref.id);
        let tail = format!("‹{hint}›{marks}");
        let lines = wrap_with_tail(text, &tail, width.saturating_sub(4));
        let current = r == work.requirement;
        // With a review filter, matches carry a mark and the rest step back.
        let filtered = work.filter.is_some();
        let matching = filtered && work.matches(r);
        for (i, text) in lines.into_iter().enumerate() {
            let lead = if i == 0 {
                let pointer = if matching { "▸ " } else { "  " };
                vec![
                    Span::styled(pointer, theme::get().filter_match),
                    Span::styled(glyph, style),
                    Span::raw(" "),
                ]
            } else {
                vec![Span::raw("    ")]
            };
            let mut spans = lead;
            let pad = width.saturating_sub(4 + text.width());
            let text_style = if filtered && !matching {
                theme::get().muted
            } else {
                theme::get().text
            };
            spans.push(Span::styled(text, text_style));
            spans.push(Span::raw(" ".repeat(pad)));
            let mut line = Line::from(spans);
            if current {
                line = line.style(theme::get().selected);
            }
            out.push(Row {
                line,
                requirement: Some(r),
            });
        }
    }
    out
}

/// The evidence the model asks for on a requirement (its own, else its level's).
fn req_hint(work: &Work, requirement: usize) -> EvidenceKind {
    let rref = &work.model.index.requirements[requirement];
    let pref = &work.model.index.practices[rref.practice];
    let practice = work.model.model.practice_of(pref);
    work.model
        .model
        .requirement_of(pref, rref)
        .evidence
        .unwrap_or(practice.levels[rref.level_pos].evidence)
}

/// The CAICT evidence hint as a short tag beside each requirement.
fn hint_tag(kind: EvidenceKind, lang: crate::lang::Lang) -> &'static str {
    match (kind, lang == crate::lang::Lang::Zh) {
        (EvidenceKind::Document, false) => "doc",
        (EvidenceKind::Demo, false) => "demo",
        (EvidenceKind::Either, false) => "doc|demo",
        (EvidenceKind::Document, true) => "文档",
        (EvidenceKind::Demo, true) => "演示",
        (EvidenceKind::Either, true) => "文档|演示",
    }
}

/// Flag, note, review and evidence marks of a checklist line; a cited file that changed or
/// went missing says so beside its id (`E3 changed`).
fn marks(work: &Work, answer: Option<&crate::session::Answer>) -> String {
    let mut marks = String::new();
    let Some(a) = answer else { return marks };
    if a.flagged {
        marks.push_str(" ⚑");
    }
    if !a.note.trim().is_empty() {
        marks.push_str(" ✎");
    }
    if let Some(r) = &a.reviewed {
        marks.push_str(&format!(" R:{}", r.by));
    }
    if !a.evidence.is_empty() {
        let ids: Vec<String> = a
            .evidence
            .iter()
            .map(|id| match work.checks.get(id) {
                Some(check) if check.is_problem() => {
                    format!("{id} {}", work.lang().texts().workbench.check(check))
                }
                _ => id.clone(),
            })
            .collect();
        marks.push_str(&format!(" [{}]", ids.join(", ")));
    }
    marks
}

fn areas(area: Rect) -> (Rect, Rect) {
    let inner = block_inner(area);
    let head_h = inner.height.min(3);
    let head = Rect {
        height: head_h,
        ..inner
    };
    let list = Rect {
        y: inner.y + head_h,
        height: inner.height - head_h,
        ..inner
    };
    (head, list)
}

fn block_inner(area: Rect) -> Rect {
    Block::default().borders(Borders::ALL).inner(area)
}

/// First visible checklist row, keeping the current requirement (all its lines) in view.
fn scroll(rows: &[Row], current: usize, height: usize) -> usize {
    let first = rows
        .iter()
        .position(|r| r.requirement == Some(current))
        .unwrap_or(0);
    let last = rows
        .iter()
        .rposition(|r| r.requirement == Some(current))
        .unwrap_or(first);
    if last < height {
        return 0;
    }
    let low = (last + 1).saturating_sub(height);
    first
        .saturating_sub(height / 3)
        .max(low)
        .min(first)
        .min(rows.len().saturating_sub(height))
}

pub fn render(work: &Work, area: Rect, buf: &mut Buffer) {
    block(work).render(area, buf);
    let (head, list) = areas(area);
    Paragraph::new(header(work, usize::from(head.width))).render(head, buf);
    let rows = rows(work, usize::from(list.width));
    let top = scroll(&rows, work.requirement, usize::from(list.height));
    let lines: Vec<Line> = rows.into_iter().skip(top).map(|r| r.line).collect();
    Paragraph::new(lines).render(list, buf);
}

/// The requirement on screen row `y`.
pub fn hit(work: &Work, area: Rect, y: u16) -> Option<usize> {
    let (_, list) = areas(area);
    let i = usize::from(y.checked_sub(list.y)?);
    if i >= usize::from(list.height) {
        return None;
    }
    let rows = rows(work, usize::from(list.width));
    let top = scroll(&rows, work.requirement, usize::from(list.height));
    rows.get(i + top)?.requirement
}

fn section(lines: &mut Vec<Line<'static>>, title: &str, style: Style, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    lines.push(Line::from(Span::styled(title.to_string(), style)));
    for l in text.lines() {
        lines.push(Line::from(l.to_string()));
    }
}

/// Guidance, evidence hint, good evidence, trap, and what is recorded for the requirement.
pub fn render_guide(work: &Work, area: Rect, buf: &mut Buffer) {
    let pref = &work.model.index.practices[work.practice];
    let rref = &work.model.index.requirements[work.requirement];
    let practice = work.model.model.practice_of(pref);
    let req = work.model.model.requirement_of(pref, rref);
    let lang = work.lang();
    let kind = req
        .evidence
        .unwrap_or(practice.levels[rref.level_pos].evidence);
    let w = lang.texts().workbench;
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{} ", w.ask_for), theme::get().muted),
        Span::styled(w.evidence_kind(kind), theme::get().bold),
        Span::styled(format!("  ({})", rref.id), theme::get().muted),
    ])];
    // A requirement whose source differs from its level's (a draft figure in an authored
    // level) says so here, as the checklist marks only levels.
    let own = work.model.model.requirement_provenance(pref, rref);
    if own != work.model.model.level_provenance(pref, rref.level_pos) {
        lines.push(Line::from(provenance_span(own, w, usize::from(area.width))));
    }
    // A requirement an extension of the model added: the organisation's own, as reports mark it.
    if rref.own {
        let mark = format!("[{}]", lang.texts().models.own_mark);
        lines.push(Line::from(Span::styled(mark, theme::get().bold)));
    }
    if let Some(g) = &req.guidance {
        section(&mut lines, w.guidance, theme::get().title, g.get(lang));
    }
    // Words whose meaning the organisation defines come with the rule that defines them.
    if terms::CORE.appears_in(req.text.get(lang)) {
        section(&mut lines, w.core, theme::get().title, w.core_rule);
    }
    if terms::MAJOR.appears_in(req.text.get(lang)) {
        section(&mut lines, w.major, theme::get().title, w.major_rule);
    }
    if let Some(g) = &practice.good_evidence {
        section(&mut lines, w.good_evidence, theme::get().title, g.get(lang));
    }
    if let Some(t) = &practice.trap {
        section(&mut lines, w.trap, theme::get().warn, t.get(lang));
    }
    if let Some(a) = work.session.answers.get(&rref.id) {
        if let Some(j) = &a.justification {
            // N/A's own heading; any other answer its scale marks `justify` gives a reason.
            let scale = scale::scale_at(&work.model, work.requirement);
            let na = a
                .status
                .is_some_and(|s| scale::kind(scale, s) == scale::Kind::NotApplicable);
            let heading = if na { w.because } else { w.reason };
            section(&mut lines, heading, theme::get().title, j);
        }
        section(&mut lines, w.note, theme::get().title, &a.note);
        section(&mut lines, w.decided_by, theme::get().title, &a.decided_by);
        section(&mut lines, w.discussion, theme::get().title, &a.discussion);
        let evidence: Vec<String> = a
            .evidence
            .iter()
            .map(|id| {
                let check = work
                    .checks
                    .get(id)
                    .map_or(String::new(), |c| format!(" · {}", w.check(c)));
                match work.session.evidence.get(id) {
                    Some(e) if e.location.is_empty() => format!("{id} {}{check}", e.title),
                    Some(e) => format!("{id} {} ({}){check}", e.title, e.location),
                    None => id.clone(),
                }
            })
            .collect();
        section(
            &mut lines,
            w.evidence,
            theme::get().title,
            &evidence.join("\n"),
        );
        if a.flagged {
            lines.push(Line::from(Span::styled(
                format!("⚑ {}", w.flagged),
                theme::get().warn,
            )));
        }
        if let Some(r) = &a.reviewed {
            lines.push(Line::from(Span::styled(
                crate::i18n::fill(
                    lang.texts().messages.reviewed_by,
                    &[("by", &r.by), ("at", &r.at)],
                ),
                theme::get().ok,
            )));
        }
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme::get().border)
                .title(Span::styled(
                    format!(" {} ", w.guidance),
                    theme::get().title,
                )),
        )
        .render(area, buf);
}
