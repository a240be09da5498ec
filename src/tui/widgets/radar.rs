//! The radar chart on a ratatui canvas, drawing what `crate::radar` defines (the report's SVG
//! draws the same): the level as a shaded area, the score as a bold solid line, the target
//! dashed and a baseline dotted, so each reads by its pattern as well as its colour (NO_COLOR,
//! black-and-white projectors). Labels are never cut: names when they fit beside the disc,
//! else numbers at the axes and a numbered legend under the chart.
//!
//! The markers were chosen on projector-sized terminal screenshots (docs/RADAR.md): half
//! blocks for the score, small squares for the target's dashes and bullets for the
//! baseline's dots; the grid alone keeps fine Braille dots, so it stays in the background.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Context, Line as Segment, Points};
use unicode_width::UnicodeWidthStr;

use crate::radar::{
    Axis, Point, Shapes, dashes, inside, level_text, polygon, rim, segments, vertex,
};
use crate::tui::theme;
use crate::tui::widgets::wrap::wrap;

/// The glyph that shades the level area, and the one in the legend for each line.
pub const LEVEL_GLYPH: char = '░';
const SCORE_GLYPH: &str = "▀▀";
/// One square per dash of the target, one bullet per dot of the baseline.
const TARGET_MARK: char = '▪';
const BASELINE_MARK: char = '•';
const TARGET_GLYPH: &str = "▪ ▪";
const BASELINE_GLYPH: &str = "• •";

/// A radar over some axes (domains of a part, or parts).
#[derive(Debug, Clone, PartialEq)]
pub struct Radar {
    pub axes: Vec<Axis>,
}

/// How the labels fit: names beside the disc, or numbers and a legend of `rows` lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Labels {
    Names,
    Numbers { rows: u16 },
}

impl Widget for &Radar {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < 8 || area.height < 4 || self.axes.is_empty() {
            return;
        }
        let labels = self.label_mode(area);
        let legend_rows = match labels {
            Labels::Names => 0,
            Labels::Numbers { rows } => rows,
        };
        let chart = Rect {
            height: area.height - legend_rows,
            ..area
        };
        self.chart(chart, labels, buf);
        if legend_rows > 0 {
            let legend = Rect {
                y: chart.bottom(),
                height: legend_rows,
                ..area
            };
            self.legend_lines(legend, buf);
        }
    }
}

impl Radar {
    /// The text beside axis `i`: its name (or number), level and score. The level's change
    /// since the baseline goes with it, except beside a number whose legend line shows it
    /// (five columns more on each side of the disc would shrink it).
    fn label(&self, i: usize, labels: Labels) -> String {
        let a = &self.axes[i];
        let (name, baseline) = match labels {
            Labels::Names => (a.name.clone(), a.baseline),
            Labels::Numbers { rows: 0 } => ((i + 1).to_string(), a.baseline),
            Labels::Numbers { .. } => ((i + 1).to_string(), None),
        };
        format!("{name} {} {:.1}", level_text(a.level, baseline), a.score)
    }

    /// Names when each fits in the quarter of the width beside the disc; else numbers, with a
    /// legend under the chart when there is height for it (names wrap, never cut).
    fn label_mode(&self, area: Rect) -> Labels {
        if self.widest(Labels::Names) <= usize::from(area.width / 4) {
            return Labels::Names;
        }
        let lines: usize = (0..self.axes.len())
            .map(|i| wrap(&self.legend_entry(i), usize::from(area.width)).len())
            .sum();
        let rows = u16::try_from(lines).unwrap_or(u16::MAX);
        // The chart keeps at least two thirds of the height.
        let rows = if rows <= area.height / 3 { rows } else { 0 };
        Labels::Numbers { rows }
    }

    /// The narrowest width, at most `area.width`, at which the chart at this height is as
    /// large as in `area` (its labels and legend drawn the same way): a wider panel would
    /// only add empty columns beside a disc that the height limits.
    pub fn fitted_width(&self, area: Rect) -> u16 {
        if area.width < 8 || area.height < 4 || self.axes.is_empty() {
            return area.width;
        }
        let labels = self.label_mode(area);
        let (legend_rows, keep) = match labels {
            // Names stay names while each fits in a quarter of the width.
            Labels::Names => (0, 4 * self.widest(labels)),
            // The numbered legend keeps its lines unwrapped (or as wrapped as in `area`).
            Labels::Numbers { rows } => {
                let widest = (0..self.axes.len()).map(|i| self.legend_entry(i).width());
                (rows, widest.max().unwrap_or(0))
            }
        };
        let chart_h = usize::from(area.height - legend_rows);
        // As `bounds` lays it out: the disc, a label on each side and a column of margin.
        let disc = 2 * chart_h.saturating_sub(3);
        let wanted = (disc + 2 * self.widest(labels) + 2).max(keep);
        u16::try_from(wanted).map_or(area.width, |w| w.min(area.width))
    }

    /// The widest label beside an axis.
    fn widest(&self, labels: Labels) -> usize {
        (0..self.axes.len())
            .map(|i| self.label(i, labels).width())
            .max()
            .unwrap_or(0)
    }

    fn legend_entry(&self, i: usize) -> String {
        let a = &self.axes[i];
        format!(
            "{} {}  {} · {:.2}",
            i + 1,
            a.name,
            level_text(a.level, a.baseline),
            a.score
        )
    }

    fn legend_lines(&self, area: Rect, buf: &mut Buffer) {
        let lines: Vec<Line> = (0..self.axes.len())
            .flat_map(|i| wrap(&self.legend_entry(i), usize::from(area.width)))
            .map(|l| Line::from(Span::styled(l, theme::get().label)))
            .collect();
        ratatui::widgets::Paragraph::new(lines).render(area, buf);
    }

    fn chart(&self, area: Rect, labels: Labels, buf: &mut Buffer) {
        if area.height < 3 {
            return;
        }
        let (xr, yr) = bounds(area, self.widest(labels));
        let cell = (
            2.0 * xr / f64::from(area.width),
            2.0 * yr / f64::from(area.height),
        );
        let shapes = Shapes::of(&self.axes);
        Canvas::default()
            .marker(Marker::Braille)
            .x_bounds([-xr, xr])
            .y_bounds([-yr, yr])
            .paint(|ctx| {
                self.grid(ctx, area.height >= 12, cell);
                ctx.layer();
                fill(ctx, &shapes.level, cell, (xr, yr));
                ctx.layer();
                // Whole-cell marks every other cell: bold from afar, and unlike the score's
                // solid line and the grid's fine dots even without colour.
                if let Some(baseline) = &shapes.baseline {
                    ctx.marker(Marker::Custom(BASELINE_MARK));
                    let coords = xy(&dashes(baseline, cell.0, 1, 1));
                    ctx.draw(&Points::new(&coords, theme::get().baseline));
                    ctx.layer();
                }
                if let Some(target) = &shapes.target {
                    ctx.marker(Marker::Custom(TARGET_MARK));
                    let coords = xy(&dashes(target, cell.0, 1, 1));
                    ctx.draw(&Points::new(&coords, theme::get().target));
                    ctx.layer();
                }
                // Half blocks: a solid line half a cell thick, readable from the back of a room
                // (Braille is too thin, whole blocks too coarse, doubled lines uneven).
                ctx.marker(Marker::HalfBlock);
                draw_polygon(ctx, &shapes.score, theme::get().achieved);
                ctx.layer();
                self.labels(ctx, labels, cell.0, (xr, yr));
            })
            .render(area, buf);
    }

    /// Level rings (dotted; all five when there is room, else the rim) and the axes.
    fn grid(&self, ctx: &mut Context, dense: bool, cell: (f64, f64)) {
        let n = self.axes.len();
        let max = rim(&self.axes);
        // Rims are whole levels (1..=5), so the cast keeps every value.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let top = max.round().max(1.0) as u8;
        let first = if dense { 1 } else { top };
        for level in first..=top {
            let r = f64::from(level);
            let ring = if n >= 3 {
                polygon(&vec![r; n], max)
            } else {
                (0..24).map(|i| vertex(i, 24, r / max)).collect()
            };
            let coords = xy(&dashes(&ring, cell.0 / 2.0, 1, 2));
            ctx.draw(&Points::new(&coords, theme::get().grid));
        }
        for i in 0..n {
            let rim = vertex(i, n, 1.0);
            ctx.draw(&Segment::new(0.0, 0.0, rim.x, rim.y, theme::get().grid));
        }
    }

    /// Each axis's label beside its rim vertex, on the side away from the disc.
    fn labels(&self, ctx: &mut Context, labels: Labels, cell_w: f64, (xr, yr): (f64, f64)) {
        let n = self.axes.len();
        for i in 0..n {
            let p = vertex(i, n, 1.1);
            let text = self.label(i, labels);
            let w = text.width() as f64 * cell_w;
            let x = if p.x > 0.15 {
                p.x.min(xr - w)
            } else if p.x < -0.15 {
                (p.x - w).max(-xr)
            } else {
                (p.x - w / 2.0).max(-xr)
            };
            // The rows above and below the disc are kept for the top and bottom labels.
            let y = p.y.clamp(-yr, yr);
            ctx.print(x, y, Line::from(Span::styled(text, theme::get().label)));
        }
    }
}

/// The legend of a radar's lines, in `lang`: level area, score, target (and
/// baseline when `baseline`), each with its glyph so it reads without colour too.
pub fn legend(lang: crate::lang::Lang) -> Vec<Span<'static>> {
    let t = &lang.texts().radar;
    let style = |c: Color| Style::new().fg(c);
    vec![
        Span::styled(
            format!(" {LEVEL_GLYPH}{LEVEL_GLYPH} {}", t.level),
            style(theme::get().achieved),
        ),
        Span::styled(
            format!(" {SCORE_GLYPH} {}", t.score),
            style(theme::get().achieved),
        ),
        Span::styled(
            format!(" {TARGET_GLYPH} {} ", t.target),
            style(theme::get().target),
        ),
    ]
}

/// The legend of a radar over `axes`: `legend`, and the baseline's entry when one is drawn.
pub fn legend_of(lang: crate::lang::Lang, axes: &[Axis]) -> Vec<Span<'static>> {
    let mut spans = legend(lang);
    if axes.iter().any(|a| a.baseline.is_some()) {
        spans.push(baseline_legend(lang));
    }
    spans
}

/// The baseline's legend entry, for charts that have one.
pub fn baseline_legend(lang: crate::lang::Lang) -> Span<'static> {
    let t = &lang.texts().radar;
    Span::styled(
        format!(" {BASELINE_GLYPH} {} ", t.baseline),
        Style::new().fg(theme::get().baseline),
    )
}

/// Shades the inside of `poly`, one glyph per cell.
fn fill(ctx: &mut Context, poly: &[Point], cell: (f64, f64), (xr, yr): (f64, f64)) {
    ctx.marker(Marker::Custom(LEVEL_GLYPH));
    let mut coords = Vec::new();
    let mut y = -yr + cell.1 / 2.0;
    while y < yr {
        let mut x = -xr + cell.0 / 2.0;
        while x < xr {
            if inside(Point { x, y }, poly) {
                coords.push((x, y));
            }
            x += cell.0;
        }
        y += cell.1;
    }
    ctx.draw(&Points::new(&coords, theme::get().achieved));
}

fn xy(points: &[Point]) -> Vec<(f64, f64)> {
    points.iter().map(|p| (p.x, p.y)).collect()
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
    // The disc's width in cells: what the labels leave, and no taller than the area less a
    // row above and below for the labels at the top and bottom.
    let disc = (w - 2.0 * label - 2.0).min(2.0 * (h - 3.0)).max(6.0);
    let xr = w / disc;
    (xr, xr * 2.0 * h / w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn radar(name: &str) -> Radar {
        Radar {
            axes: ["Config", "Build", "Test", "Deploy"]
                .iter()
                .enumerate()
                .map(|(i, l)| Axis {
                    id: (*l).to_lowercase(),
                    name: format!("{l}{name}"),
                    level: u8::try_from(i).unwrap_or(0),
                    score: i as f64 + 0.5,
                    target: Some(3),
                    baseline: None,
                    max: 5.0,
                })
                .collect(),
        }
    }

    fn text(buf: &Buffer) -> String {
        buf.content().iter().map(|c| c.symbol()).collect()
    }

    #[test]
    fn draws_level_score_target_and_labels_each_in_its_own_pattern() {
        let area = Rect::new(0, 0, 60, 24);
        let mut buf = Buffer::empty(area);
        (&radar("")).render(area, &mut buf);
        let colors: Vec<Color> = buf.content().iter().map(|c| c.fg).collect();
        assert!(colors.contains(&theme::get().achieved));
        assert!(colors.contains(&theme::get().target));
        let text = text(&buf);
        assert!(text.contains("Config L0 0.5"), "{text}");
        assert!(text.contains("Deploy L3 3.5"), "{text}");
        assert!(text.contains(LEVEL_GLYPH), "the level area is shaded");
        assert!(
            text.contains('▀') || text.contains('▄'),
            "the score is a bold line"
        );
        assert!(
            text.contains(TARGET_MARK),
            "the target is dashed in squares"
        );
    }

    #[test]
    fn long_names_become_numbers_with_a_legend_never_cut() {
        let area = Rect::new(0, 0, 60, 30);
        let mut buf = Buffer::empty(area);
        let long = radar(" and Continuous Integration Practices");
        (&long).render(area, &mut buf);
        let text = text(&buf);
        assert!(text.contains("1 L0 0.5"), "{text}");
        assert!(
            text.contains("1 Config and Continuous Integration Practices  L0 · 0.50"),
            "{text}"
        );
    }

    #[test]
    fn a_short_wide_area_is_fitted_to_the_disc_and_the_chart_fills_it() {
        let r = radar("");
        // Tall enough: the width limits the disc, nothing to spare.
        assert_eq!(r.fitted_width(Rect::new(0, 0, 60, 60)), 60);
        let wide = Rect::new(0, 0, 200, 30);
        let w = r.fitted_width(wide);
        assert!(w < 120, "{w}");
        let area = Rect { width: w, ..wide };
        let mut buf = Buffer::empty(area);
        (&r).render(area, &mut buf);
        let used: Vec<u16> = (0..area.height)
            .flat_map(|y| (0..w).map(move |x| (x, y)))
            .filter(|&(x, y)| buf[(x, y)].symbol() != " ")
            .map(|(x, _)| x)
            .collect();
        let span = used.iter().max().unwrap_or(&0) - used.iter().min().unwrap_or(&0) + 1;
        assert!(span * 10 >= w * 9, "{span} of {w}:\n{}", text(&buf));
        // And the disc is as large as in the whole width: the same rings at the same height.
        let mut full = Buffer::empty(wide);
        (&r).render(wide, &mut full);
        let rows = |b: &Buffer, width: u16| -> Vec<usize> {
            (0..30)
                .map(|y| (0..width).filter(|&x| b[(x, y)].symbol() != " ").count())
                .collect()
        };
        let (a, b) = (rows(&buf, w), rows(&full, 200));
        assert_eq!(a.iter().position(|n| *n > 0), b.iter().position(|n| *n > 0));
    }

    #[test]
    fn baseline_changes_show_beside_names_and_in_the_numbered_legend() {
        let mut r = radar("");
        for a in &mut r.axes {
            a.baseline = Some(1);
        }
        let area = Rect::new(0, 0, 100, 30);
        let mut buf = Buffer::empty(area);
        (&r).render(area, &mut buf);
        let names = text(&buf);
        assert!(names.contains("Deploy L3 (+2) 3.5"), "{names}");
        assert!(names.contains("Config L0 (-1) 0.5"), "{names}");
        assert!(names.contains(BASELINE_MARK), "{names}");
        let long = {
            let mut l = radar(" and Continuous Integration Practices");
            l.axes[3].baseline = Some(1);
            l
        };
        let area = Rect::new(0, 0, 60, 30);
        let mut buf = Buffer::empty(area);
        (&long).render(area, &mut buf);
        let numbers = text(&buf);
        assert!(numbers.contains("4 L3 3.5"), "{numbers}");
        assert!(
            numbers.contains("4 Deploy and Continuous Integration Practices  L3 (+2) ·"),
            "{numbers}"
        );
    }

    #[test]
    fn tiny_or_empty_areas_draw_nothing_and_do_not_panic() {
        for (w, h) in [(0, 0), (1, 1), (7, 3), (8, 4), (300, 2), (9, 5)] {
            let area = Rect::new(0, 0, w, h);
            let mut buf = Buffer::empty(area);
            (&radar(" with a very long name indeed")).render(area, &mut buf);
        }
        let area = Rect::new(0, 0, 20, 10);
        let mut buf = Buffer::empty(area);
        (&Radar { axes: vec![] }).render(area, &mut buf);
    }
}
