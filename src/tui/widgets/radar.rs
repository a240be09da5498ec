//! The radar chart: one axis per domain (or part), the achieved score and the target as two
//! polygons on a level grid, drawn with Braille dots on a ratatui canvas. The geometry comes
//! from `crate::radar`, which the HTML report shares.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Context, Line as Segment};
use unicode_width::UnicodeWidthStr;

use crate::radar::{Point, polygon, segments, vertex};
use crate::tui::theme;
use crate::tui::widgets::wrap::truncate;

/// The highest level on the scale.
pub const MAX: f64 = 5.0;

/// One axis: its label, the achieved score, and the target if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub label: String,
    pub score: f64,
    pub target: Option<f64>,
}

/// A radar over some axes.
#[derive(Debug, Clone, PartialEq)]
pub struct Radar {
    pub axes: Vec<Axis>,
}

impl Widget for &Radar {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < 8 || area.height < 4 || self.axes.is_empty() {
            return;
        }
        let widest = self
            .axes
            .iter()
            .map(|a| a.label.width() + 4)
            .max()
            .unwrap_or(0);
        let (xr, yr) = bounds(area, widest);
        let cell_w = 2.0 * xr / f64::from(area.width);
        let dense = area.height >= 12;
        Canvas::default()
            .marker(ratatui::symbols::Marker::Braille)
            .x_bounds([-xr, xr])
            .y_bounds([-yr, yr])
            .paint(|ctx| {
                self.grid(ctx, dense);
                ctx.layer();
                if self.axes.iter().any(|a| a.target.is_some()) {
                    let targets: Vec<f64> =
                        self.axes.iter().map(|a| a.target.unwrap_or(0.0)).collect();
                    draw_polygon(ctx, &polygon(&targets, MAX), theme::TARGET);
                    ctx.layer();
                }
                let scores: Vec<f64> = self.axes.iter().map(|a| a.score).collect();
                draw_polygon(ctx, &polygon(&scores, MAX), theme::ACHIEVED);
                ctx.layer();
                self.labels(ctx, cell_w, xr);
            })
            .render(area, buf);
    }
}

impl Radar {
    /// Level rings (all five when there is room, else the rim only) and the axes.
    fn grid(&self, ctx: &mut Context, dense: bool) {
        let n = self.axes.len();
        let first = if dense { 1 } else { 5 };
        for level in first..=5 {
            let ring: Vec<Point> = (0..n.max(24))
                .map(|i| vertex(i, n.max(24), f64::from(level) / MAX))
                .collect();
            let ring = if n >= 3 {
                polygon(&vec![f64::from(level); n], MAX)
            } else {
                ring
            };
            draw_polygon(ctx, &ring, theme::GRID);
        }
        for i in 0..n {
            let rim = vertex(i, n, 1.0);
            ctx.draw(&Segment::new(0.0, 0.0, rim.x, rim.y, theme::GRID));
        }
    }

    /// Each axis's name and score beside its rim vertex, cut to the room on that side.
    fn labels(&self, ctx: &mut Context, cell_w: f64, xr: f64) {
        let n = self.axes.len();
        for (i, axis) in self.axes.iter().enumerate() {
            let p = vertex(i, n, 1.1);
            let side = if p.x > 0.15 {
                1
            } else if p.x < -0.15 {
                -1
            } else {
                0
            };
            let room = match side {
                1 => (xr - p.x) / cell_w,
                -1 => (p.x + xr) / cell_w,
                _ => 2.0 * xr / cell_w,
            };
            // Truncation is intended: whole cells only.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let room = room.max(0.0).floor() as usize;
            let score = format!(" {:.1}", axis.score);
            let name = truncate(&axis.label, room.saturating_sub(score.len()).max(3));
            let text = format!("{name}{score}");
            let w = text.width() as f64 * cell_w;
            let x = match side {
                1 => p.x,
                -1 => (p.x - w).max(-xr),
                _ => (p.x - w / 2.0).max(-xr),
            };
            ctx.print(x, p.y, Line::from(Span::styled(text, theme::LABEL)));
        }
    }
}

/// The legend under a radar: the achieved and target line colours, named in `w`'s language.
pub fn legend(w: &crate::i18n::workbench::Words) -> Vec<Span<'static>> {
    vec![
        Span::styled(
            format!(" ━ {} ", w.achieved),
            ratatui::style::Style::new().fg(theme::ACHIEVED),
        ),
        Span::styled(
            format!(" ━ {} ", w.target),
            ratatui::style::Style::new().fg(theme::TARGET),
        ),
    ]
}

fn draw_polygon(ctx: &mut Context, points: &[Point], color: Color) {
    for (a, b) in segments(points) {
        ctx.draw(&Segment::new(a.x, a.y, b.x, b.y, color));
    }
}

/// Canvas bounds that keep the chart round (a cell is about twice as tall as wide) and leave
/// up to a quarter of the width on each side for labels. The rim is at radius 1.
fn bounds(area: Rect, widest_label: usize) -> (f64, f64) {
    let w = f64::from(area.width);
    let h = f64::from(area.height);
    let label = (widest_label as f64).min(w / 4.0);
    // The disc's width in cells: what the labels leave, and no taller than the area.
    let disc = (w - 2.0 * label - 2.0).min(2.0 * (h - 2.0)).max(6.0);
    let xr = w / disc;
    (xr, xr * 2.0 * h / w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn radar() -> Radar {
        Radar {
            axes: ["Config", "Build", "Test", "Deploy"]
                .iter()
                .enumerate()
                .map(|(i, l)| Axis {
                    label: (*l).to_string(),
                    score: i as f64,
                    target: Some(3.0),
                })
                .collect(),
        }
    }

    #[test]
    fn draws_both_polygons_and_labels() {
        let area = Rect::new(0, 0, 40, 16);
        let mut buf = Buffer::empty(area);
        (&radar()).render(area, &mut buf);
        let colors: Vec<Color> = buf.content().iter().map(|c| c.fg).collect();
        assert!(colors.contains(&theme::ACHIEVED));
        assert!(colors.contains(&theme::TARGET));
        let text: String = buf.content().iter().map(|c| c.symbol()).collect();
        assert!(text.contains("Config"), "{text}");
    }

    #[test]
    fn tiny_or_empty_areas_draw_nothing_and_do_not_panic() {
        for (w, h) in [(0, 0), (1, 1), (7, 3), (8, 4), (300, 2)] {
            let area = Rect::new(0, 0, w, h);
            let mut buf = Buffer::empty(area);
            (&radar()).render(area, &mut buf);
        }
        let area = Rect::new(0, 0, 20, 10);
        let mut buf = Buffer::empty(area);
        (&Radar { axes: vec![] }).render(area, &mut buf);
    }
}
