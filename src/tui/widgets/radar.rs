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
        let (xr, yr) = bounds(area);
        let cell_w = 2.0 * xr / f64::from(area.width);
        let label_w = usize::from(area.width / 4).max(4);
        Canvas::default()
            .marker(ratatui::symbols::Marker::Braille)
            .x_bounds([-xr, xr])
            .y_bounds([-yr, yr])
            .paint(|ctx| {
                self.grid(ctx);
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
                self.labels(ctx, cell_w, label_w);
            })
            .render(area, buf);
    }
}

impl Radar {
    fn grid(&self, ctx: &mut Context) {
        let n = self.axes.len();
        for level in 1..=5 {
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

    fn labels(&self, ctx: &mut Context, cell_w: f64, label_w: usize) {
        let n = self.axes.len();
        for (i, axis) in self.axes.iter().enumerate() {
            let text = format!("{} {:.1}", truncate(&axis.label, label_w), axis.score);
            let w = text.width() as f64 * cell_w;
            let p = vertex(i, n, 1.12);
            let x = if p.x > 0.15 {
                p.x
            } else if p.x < -0.15 {
                p.x - w
            } else {
                p.x - w / 2.0
            };
            ctx.print(x, p.y, Line::from(Span::styled(text, theme::LABEL)));
        }
    }
}

fn draw_polygon(ctx: &mut Context, points: &[Point], color: Color) {
    for (a, b) in segments(points) {
        ctx.draw(&Segment::new(a.x, a.y, b.x, b.y, color));
    }
}

/// Canvas bounds that keep the chart round (a cell is about twice as tall as wide) and leave
/// room for labels around the rim.
fn bounds(area: Rect) -> (f64, f64) {
    let r = 1.45;
    let ratio = f64::from(area.width) / (2.0 * f64::from(area.height));
    if ratio >= 1.0 {
        (r * ratio, r)
    } else {
        (r, r / ratio)
    }
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
