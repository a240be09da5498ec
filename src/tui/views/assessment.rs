//! The assessment screen: navigator | practice (level ladder) | radar and guidance, with the
//! status line below. Panels fold away as the terminal narrows (`layout::panels`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::{navigator, practice, status};
use crate::tui::app::{App, Work};
use crate::tui::layout;
use crate::tui::theme;
use crate::tui::widgets::radar::{Radar, legend_of};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(work) = &app.work else { return };
    if work.session.cursor.facilitator {
        return super::facilitator::render(app, area, buf);
    }
    let p = layout::panels(area, status::height(app, area.width), work.show_navigator);
    if let Some(nav) = p.nav {
        navigator::render(work, nav, buf);
    }
    practice::render(work, p.practice, buf);
    if let Some(radar) = p.radar {
        render_radar(work, radar, buf);
    }
    if let Some(guide) = p.guide {
        practice::render_guide(work, guide, buf);
    }
    status::render(app, p.status, buf);
}

/// The radar of the current part's domains, with the session's baseline when it has one.
pub(super) fn part_radar(work: &Work) -> Radar {
    let pref = &work.model.index.practices[work.practice];
    let mut axes = crate::summary::part_domain_axes(
        &work.model,
        &work.session,
        &work.card,
        pref.part,
        work.lang().code(),
    );
    work.apply_baseline(&mut axes);
    Radar { axes }
}

/// The live radar of the current part's domains in a panel titled with the part's name and
/// level (and its change since the baseline), its legend on the bottom border.
pub(super) fn render_radar(work: &Work, area: Rect, buf: &mut Buffer) {
    let pref = &work.model.index.practices[work.practice];
    let lang = work.lang();
    let radar = part_radar(work);
    let part = &work.card.parts[pref.part].score;
    let then = work.baseline_levels().and_then(|then| then.get(&part.id));
    let level = crate::radar::level_text(part.level, then.copied());
    let name = work.model.model.parts[pref.part].name.get(lang);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::get().border)
        .title(Span::styled(
            format!(" {name} · {level} "),
            theme::get().title,
        ))
        .title_bottom(Line::from(legend_of(lang, &radar.axes)));
    let inner = block.inner(area);
    block.render(area, buf);
    (&radar).render(inner, buf);
}
