//! The radar chart of a part as inline SVG, drawn from the shared geometry in `radar`:
//! level rings 1..5, one axis per domain (class `axis`), the target dashed, the levels filled.

use std::fmt::Write as _;

use super::data::PartReport;
use super::escape::escape;
use crate::radar::{Point, polygon, vertex};

// Wide enough for long domain names beside the chart.
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 390.0;
const CX: f64 = WIDTH / 2.0;
const CY: f64 = HEIGHT / 2.0;
const RADIUS: f64 = 145.0;

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

/// The SVG of a part's radar; `title` is its accessible name.
pub fn radar(part: &PartReport, title: &str) -> String {
    let n = part.domains.len();
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="radar" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">"#,
        escape(title)
    );
    for ring in 1..=5 {
        let r = f64::from(ring) / 5.0;
        if n >= 3 {
            let ring_pts: Vec<Point> = (0..n).map(|i| vertex(i, n, r)).collect();
            let _ = write!(
                svg,
                r#"<polygon class="ring" points="{}"/>"#,
                points(&ring_pts)
            );
        } else {
            let _ = write!(
                svg,
                r#"<circle class="ring" cx="{CX}" cy="{CY}" r="{:.1}"/>"#,
                r * RADIUS
            );
        }
    }
    for ring in 1..=5u8 {
        // Level numbers up the first axis, so the rings can be read.
        let (x, y) = at(vertex(0, n, f64::from(ring) / 5.0));
        let _ = write!(
            svg,
            r#"<text class="tick" x="{:.1}" y="{:.1}">{ring}</text>"#,
            x + 4.0,
            y + 4.0
        );
    }
    for (i, d) in part.domains.iter().enumerate() {
        let (x, y) = at(vertex(i, n, 1.0));
        let _ = write!(
            svg,
            r#"<line class="axis" data-domain="{}" x1="{CX}" y1="{CY}" x2="{x:.1}" y2="{y:.1}"/>"#,
            escape(&d.result.id)
        );
    }
    if let Some(target) = part.result.target {
        let pts = polygon(&vec![f64::from(target); n], 5.0);
        let _ = write!(
            svg,
            r#"<polygon class="target" points="{}"/>"#,
            points(&pts)
        );
    }
    let levels: Vec<f64> = part
        .domains
        .iter()
        .map(|d| f64::from(d.result.level))
        .collect();
    let _ = write!(
        svg,
        r#"<polygon class="level" points="{}"/>"#,
        points(&polygon(&levels, 5.0))
    );
    for (i, d) in part.domains.iter().enumerate() {
        svg.push_str(&axis_label(i, n, &d.result.name, d.result.level));
    }
    svg.push_str("</svg>");
    svg
}

fn axis_label(i: usize, n: usize, name: &str, level: u8) -> String {
    let p = vertex(i, n, 1.12);
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
        r#"<text class="label" x="{x:.1}" y="{y:.1}" dy="{dy}" text-anchor="{anchor}">{} <tspan class="lv">{level}</tspan></text>"#,
        escape(name)
    )
}
