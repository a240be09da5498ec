//! The navigator: parts → domains → items → practices, with a level and progress badge on
//! each node. The current part and domain are unfolded; the current practice is highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::scoring::GroupScore;
use crate::tui::app::Work;
use crate::tui::theme;
use crate::tui::widgets::wrap::truncate;

/// One row: its line, the practice it selects (if a practice row), whether it is current.
struct Row {
    line: Line<'static>,
    practice: Option<usize>,
    current: bool,
}

fn row(indent: usize, name: &str, badge: String, style: Style, width: usize) -> Line<'static> {
    let badge_w = badge.width();
    let name_w = width.saturating_sub(indent + badge_w + 1);
    let name = truncate(name, name_w);
    let pad = width.saturating_sub(indent + name.width() + badge_w);
    Line::from(vec![
        Span::raw(" ".repeat(indent)),
        Span::styled(name, style),
        Span::raw(" ".repeat(pad)),
        Span::styled(badge, theme::get().muted),
    ])
}

fn group_badge(score: &GroupScore) -> String {
    format!("L{} {}/{}", score.level, score.answered, score.total)
}

/// With a review filter: only the practices with matches, under their part, each with its
/// count of matching requirements.
fn filtered_rows(work: &Work, width: usize) -> Vec<Row> {
    let model = &work.model;
    let lang = work.lang();
    let label = work.filter.map_or("", |f| lang.texts().terms.filter(f));
    let total: usize = work.scope.iter().filter(|&&r| work.matches(r)).count();
    let mut out = vec![Row {
        line: row(
            0,
            &format!("▸ {label}"),
            total.to_string(),
            theme::get().filter_match,
            width,
        ),
        practice: None,
        current: false,
    }];
    let mut last_part = None;
    for p in work.practices() {
        let n = work.matches_in(p);
        if n == 0 {
            continue;
        }
        let pref = &model.index.practices[p];
        if last_part != Some(pref.part) {
            last_part = Some(pref.part);
            let name = model.model.part_of(pref).name.get(lang);
            out.push(Row {
                line: row(0, name, String::new(), theme::get().title, width),
                practice: None,
                current: false,
            });
        }
        let name = model.model.practice_of(pref).name.get(lang);
        out.push(Row {
            line: row(1, name, n.to_string(), theme::get().text, width),
            practice: Some(p),
            current: p == work.practice,
        });
    }
    out
}

fn rows(work: &Work, width: usize) -> Vec<Row> {
    if work.filter.is_some() {
        return filtered_rows(work, width);
    }
    let model = &work.model;
    let lang = work.lang();
    let here = &model.index.practices[work.practice];
    let mut out = Vec::new();
    for (pi, part) in model.model.parts.iter().enumerate() {
        if !work.session.parts.contains(&part.id) {
            continue;
        }
        let pcard = &work.card.parts[pi];
        let first = Some(model.index.practices_under(pi, None, None).start);
        out.push(Row {
            line: row(
                0,
                part.name.get(lang),
                group_badge(&pcard.score),
                theme::get().title,
                width,
            ),
            practice: first,
            current: false,
        });
        if pi != here.part {
            continue;
        }
        for (di, domain) in part.domains.iter().enumerate() {
            let dcard = &pcard.domains[di];
            let first = Some(model.index.practices_under(pi, Some(di), None).start);
            out.push(Row {
                line: row(
                    1,
                    domain.name.get(lang),
                    group_badge(&dcard.score),
                    theme::get().bold,
                    width,
                ),
                practice: first,
                current: false,
            });
            if di != here.domain {
                continue;
            }
            for (ii, item) in domain.items.iter().enumerate() {
                out.push(Row {
                    line: row(
                        2,
                        item.name.get(lang),
                        group_badge(&dcard.items[ii]),
                        theme::get().text,
                        width,
                    ),
                    practice: None,
                    current: false,
                });
                let first = model.index.practices_under(pi, Some(di), Some(ii)).start;
                for (xi, practice) in item.practices.iter().enumerate() {
                    let index = first + xi;
                    let score = &work.card.practices[index];
                    let badge = format!("L{} {}/{}", score.level, score.answered, score.total);
                    out.push(Row {
                        line: row(3, practice.name.get(lang), badge, theme::get().text, width),
                        practice: Some(index),
                        current: index == work.practice,
                    });
                }
            }
        }
    }
    out
}

fn inner(area: Rect) -> Rect {
    Rect {
        width: area.width.saturating_sub(1),
        ..area
    }
}

/// First visible row so that the current practice stays in view.
fn scroll(rows: &[Row], height: usize) -> usize {
    let current = rows.iter().position(|r| r.current).unwrap_or(0);
    current
        .saturating_sub(height.saturating_sub(1) / 2)
        .min(rows.len().saturating_sub(height))
}

pub fn render(work: &Work, area: Rect, buf: &mut Buffer) {
    let inner = inner(area);
    let rows = rows(work, usize::from(inner.width));
    let top = scroll(&rows, usize::from(inner.height));
    let lines: Vec<Line> = rows
        .into_iter()
        .skip(top)
        .map(|r| {
            if r.current {
                r.line.style(theme::get().selected)
            } else {
                r.line
            }
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

/// The practice a click on screen row `y` selects.
pub fn hit(work: &Work, area: Rect, y: u16) -> Option<usize> {
    let inner = inner(area);
    let rows = rows(work, usize::from(inner.width));
    let top = scroll(&rows, usize::from(inner.height));
    let i = usize::from(y.checked_sub(inner.y)?) + top;
    rows.get(i)?.practice
}
