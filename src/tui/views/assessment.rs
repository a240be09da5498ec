//! The assessment screen: navigator | practice (level ladder) | radar and guidance, with the
//! status line below. Panels fold away as the terminal narrows (`layout::panels`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

use super::{navigator, practice, status};
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::theme;
use crate::tui::widgets::radar::{Radar, legend};

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

/// The live radar of the current part's domains.
pub(super) fn render_radar(work: &crate::tui::app::Work, area: Rect, buf: &mut Buffer) {
    let pref = &work.model.index.practices[work.practice];
    let part = &work.model.model.parts[pref.part];
    let lang = work.lang();
    let radar = Radar {
        axes: crate::summary::part_domain_axes(
            &work.model,
            &work.session,
            &work.card,
            pref.part,
            lang.code(),
        ),
    };
    let title = format!(
        " {} · L{} ",
        part.name.get(lang),
        work.card.parts[pref.part].score.level
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::get().border)
        .title(ratatui::text::Span::styled(title, theme::get().title))
        .title_bottom(ratatui::text::Line::from(legend(lang)));
    let inner = block.inner(area);
    block.render(area, buf);
    (&radar).render(inner, buf);
}
