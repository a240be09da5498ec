//! The radar as SVG, drawing what `crate::radar` defines (the workbench's canvas draws the
//! same): level rings 1..5, one axis per domain (class `axis`), the level as a filled area,
//! the score as a solid line with dots, the target dashed and a baseline dotted, and a legend
//! naming each. Styles are inline attributes, so the same SVG renders alike inside the HTML
//! report, on its own (`assess report --format svg`) or pasted into slides.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::escape::escape;
use crate::lang::Lang;
use crate::radar::{Axis, Point, Shapes, vertex};

// Wide enough for long domain names beside the chart.
const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 440.0;
const CX: f64 = WIDTH / 2.0;
const CY: f64 = 200.0;
const RADIUS: f64 = 150.0;
const INK: &str = "#1d2430";
const LEVEL: &str = "#2459a8";
const TARGET: &str = "#c0392b";
const BASELINE: &str = "#6b7480";
const FONT: &str = "system-ui, 'Noto Sans', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

fn at(p: Point) -> (f64, f64) {
    (CX + p.x * RADIUS, CY - p.y * RADIUS)
}

fn points(pts: &[Point]) -> String {
    pts.iter()
        .map(|&p| {
            let (x, y) = at(p);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The SVG of a radar over `axes`; `title` is its accessible name.
pub fn radar(axes: &[Axis], title: &str, lang: Lang) -> String {
    let n = axes.len();
    let shapes = Shapes::of(axes);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg class="radar" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg" font-family="{FONT}"><title>{}</title><rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>"##,
        escape(title),
        escape(title)
    );
    grid(&mut svg, axes);
    let _ = write!(
        svg,
        r#"<polygon class="level" points="{}" fill="{LEVEL}" fill-opacity="0.28" stroke="{LEVEL}" stroke-width="1"/>"#,
        points(&shapes.level)
    );
    if let Some(baseline) = &shapes.baseline {
        let _ = write!(
            svg,
            r#"<polygon class="baseline" points="{}" fill="none" stroke="{BASELINE}" stroke-width="2" stroke-dasharray="1 5" stroke-linecap="round"/>"#,
            points(baseline)
        );
    }
    if let Some(target) = &shapes.target {
        let _ = write!(
            svg,
            r#"<polygon class="target" points="{}" fill="none" stroke="{TARGET}" stroke-width="2.5" stroke-dasharray="9 6"/>"#,
            points(target)
        );
    }
    let _ = write!(
        svg,
        r#"<polygon class="score" points="{}" fill="none" stroke="{INK}" stroke-width="3"/>"#,
        points(&shapes.score)
    );
    for p in &shapes.score {
        let (x, y) = at(*p);
        let _ = write!(
            svg,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="3.5" fill="{INK}"/>"#
        );
    }
    for (i, a) in axes.iter().enumerate() {
        svg.push_str(&axis_label(i, n, a));
    }
    legend(&mut svg, lang, shapes.baseline.is_some());
    svg.push_str("</svg>");
    svg
}

/// Rings 1..N (the model's levels: polygons, or circles under three axes), level numbers,
/// and the axes.
fn grid(svg: &mut String, axes: &[Axis]) {
    let n = axes.len();
    let max = crate::radar::rim(axes);
    let ring_style = r##"fill="none" stroke="#c9d0da" stroke-width="1""##;
    // Rims are whole levels (1..=5), so the cast keeps every value.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let top = max.round().max(1.0) as u8;
    for ring in 1..=top {
        let r = f64::from(ring) / max;
        if n >= 3 {
            let ring_pts: Vec<Point> = (0..n).map(|i| vertex(i, n, r)).collect();
            let _ = write!(
                svg,
                r#"<polygon class="ring" points="{}" {ring_style}/>"#,
                points(&ring_pts)
            );
        } else {
            let _ = write!(
                svg,
                r#"<circle class="ring" cx="{CX}" cy="{CY}" r="{:.1}" {ring_style}/>"#,
                r * RADIUS
            );
        }
        // Level numbers up the first axis, so the rings can be read.
        let (x, y) = at(vertex(0, n, r));
        let _ = write!(
            svg,
            r##"<text class="tick" x="{:.1}" y="{:.1}" font-size="10" fill="#5d6776">{ring}</text>"##,
            x + 4.0,
            y + 4.0
        );
    }
    for (i, a) in axes.iter().enumerate() {
        let (x, y) = at(vertex(i, n, 1.0));
        let _ = write!(
            svg,
            r##"<line class="axis" data-domain="{}" data-level="{}" data-score="{:.2}" x1="{CX}" y1="{CY}" x2="{x:.1}" y2="{y:.1}" stroke="#9aa5b4" stroke-width="1"/>"##,
            escape(&a.id),
            a.level,
            a.score
        );
    }
}

/// An axis's name with its level and score, beside its rim vertex.
fn axis_label(i: usize, n: usize, a: &Axis) -> String {
    let p = vertex(i, n, 1.1);
    let (x, y) = at(p);
    let anchor = if p.x > 0.2 {
        "start"
    } else if p.x < -0.2 {
        "end"
    } else {
        "middle"
    };
    // Labels at the top sit above their point, at the bottom below it.
    let dy = if p.y < -0.2 { "0.9em" } else { "0" };
    format!(
        r#"<text class="label" x="{x:.1}" y="{y:.1}" dy="{dy}" text-anchor="{anchor}" font-size="13" fill="{INK}">{} <tspan class="lv" font-weight="bold" fill="{LEVEL}">L{}</tspan> <tspan class="sc" fill="{INK}">{:.2}</tspan></text>"#,
        escape(&a.name),
        a.level,
        a.score
    )
}

/// The legend along the bottom: a swatch for each thing the chart draws.
fn legend(svg: &mut String, lang: Lang, baseline: bool) {
    let t = &lang.texts().radar;
    let y = HEIGHT - 18.0;
    let line = |stroke: &str| format!(r#"y1="{0}" y2="{0}" fill="none" {stroke}"#, y - 4.0);
    let mut entries = vec![
        (
            format!(
                r#"y="{}" width="26" height="12" fill="{LEVEL}" fill-opacity="0.28" stroke="{LEVEL}""#,
                y - 10.0
            ),
            t.level,
        ),
        (
            line(&format!(r#"stroke="{INK}" stroke-width="3""#)),
            t.score,
        ),
        (
            line(&format!(
                r#"stroke="{TARGET}" stroke-width="2.5" stroke-dasharray="9 6""#
            )),
            t.target,
        ),
    ];
    if baseline {
        entries.push((
            line(&format!(
                r#"stroke="{BASELINE}" stroke-width="2" stroke-dasharray="1 5" stroke-linecap="round""#
            )),
            t.baseline,
        ));
    }
    let mut x = 24.0;
    for (i, (attrs, text)) in entries.into_iter().enumerate() {
        let swatch = if i == 0 {
            format!(r#"<rect x="{x}" {attrs}/>"#)
        } else {
            format!(r#"<line x1="{x}" x2="{}" {attrs}/>"#, x + 26.0)
        };
        let _ = write!(
            svg,
            r#"<g class="legend-entry">{swatch}<text x="{:.1}" y="{y}" font-size="12" fill="{INK}">{}</text></g>"#,
            x + 34.0,
            escape(text)
        );
        x += 44.0 + 6.8 * text.width() as f64;
    }
}

/// A radar as a file of its own: the XML declaration, then the SVG.
pub fn document(axes: &[Axis], title: &str, lang: Lang) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}\n",
        radar(axes, title, lang)
    )
}
