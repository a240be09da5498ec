//! What a radar shows and where it goes, shared by the workbench's canvas, the Markdown table
//! and the SVG in HTML reports, so they can never disagree.
//!
//! One definition: on each axis (a domain, or a part) the **level** (the formal result, by
//! the model's rollup) is the filled polygon, the **score** (progress, fractional) is a line,
//! the **target** is dashed and a **baseline** (an earlier assessment), where one exists, is
//! dotted. Geometry is pure functions on a unit circle: axis 0 points straight up, axes go
//! clockwise.

/// The highest level on the scale.
pub const MAX_LEVEL: f64 = 5.0;

/// One axis of a radar: what every renderer plots for a domain or a part.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub id: String,
    pub name: String,
    /// The formal level, by the model's rollup: the filled polygon.
    pub level: u8,
    /// Progress (mean practice score, fractional): a line.
    pub score: f64,
    pub target: Option<u8>,
    /// The level of an earlier assessment, when there is one.
    pub baseline: Option<u8>,
    /// The model's highest level, at the rim (CAICT 5; a SAMM radar is 0–3).
    pub max: f64,
}

/// A level, `L2`, with its change since a baseline when there is one: `L2 (+1)`, `L2 (+0)`
/// (the change as `assess summary` prints it).
pub fn level_text(level: u8, baseline: Option<u8>) -> String {
    match baseline {
        Some(then) => format!("L{level} ({:+})", i16::from(level) - i16::from(then)),
        None => format!("L{level}"),
    }
}

/// The rim of a radar over `axes`: their model's highest level (`MAX_LEVEL` without axes).
pub fn rim(axes: &[Axis]) -> f64 {
    axes.first()
        .map(|a| a.max)
        .filter(|m| *m > 0.0)
        .unwrap_or(MAX_LEVEL)
}

/// The four polygons of a radar, in chart space.
#[derive(Debug, Clone, PartialEq)]
pub struct Shapes {
    pub level: Vec<Point>,
    pub score: Vec<Point>,
    /// Present when any axis has a target (axes without one sit at the centre).
    pub target: Option<Vec<Point>>,
    pub baseline: Option<Vec<Point>>,
}

impl Shapes {
    /// The polygons of `axes`, scaled so the model's highest level is the rim.
    pub fn of(axes: &[Axis]) -> Shapes {
        let max = rim(axes);
        let optional = |f: fn(&Axis) -> Option<u8>| {
            axes.iter().any(|a| f(a).is_some()).then(|| {
                let values: Vec<f64> = axes.iter().map(|a| f64::from(f(a).unwrap_or(0))).collect();
                polygon(&values, max)
            })
        };
        let levels: Vec<f64> = axes.iter().map(|a| f64::from(a.level)).collect();
        let scores: Vec<f64> = axes.iter().map(|a| a.score).collect();
        Shapes {
            level: polygon(&levels, max),
            score: polygon(&scores, max),
            target: optional(|a| a.target),
            baseline: optional(|a| a.baseline),
        }
    }
}

/// Whether `p` lies inside the polygon `poly` (even-odd rule; points on an edge may go either
/// way), for renderers that fill by sampling.
pub fn inside(p: Point, poly: &[Point]) -> bool {
    let mut inside = false;
    let n = poly.len();
    for i in 0..n {
        let (a, b) = (poly[i], poly[(i + n - 1) % n]);
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            inside = !inside;
        }
    }
    inside
}

/// Points every `step` along the closed polygon, keeping `on` out of every `on + off` of them:
/// a dashed (`on` > `off`) or dotted (`on` = 1) outline for renderers that plot points.
pub fn dashes(points: &[Point], step: f64, on: usize, off: usize) -> Vec<Point> {
    let mut out = Vec::new();
    let mut k = 0usize;
    for (a, b) in segments(points) {
        let len = ((b.x - a.x).powi(2) + (b.y - a.y).powi(2)).sqrt();
        // Truncation is intended: whole steps along the edge.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let steps = (len / step.max(1e-6)).ceil().max(1.0) as usize;
        for s in 0..steps {
            if k % (on + off) < on {
                let t = s as f64 / steps as f64;
                out.push(Point {
                    x: a.x + (b.x - a.x) * t,
                    y: a.y + (b.y - a.y) * t,
                });
            }
            k += 1;
        }
    }
    out
}

/// A point in chart space, `y` growing upwards.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// Vertex of axis `i` of `n` at radius `r` (0 = centre, 1 = rim), centred on the origin.
pub fn vertex(i: usize, n: usize, r: f64) -> Point {
    if n == 0 {
        return Point { x: 0.0, y: 0.0 };
    }
    let angle = std::f64::consts::TAU * i as f64 / n as f64;
    Point {
        x: r * angle.sin(),
        y: r * angle.cos(),
    }
}

/// The closed polygon of `values` (each on a 0..=`max` scale), one vertex per axis.
/// Values are clamped into range; a `max` of zero draws everything at the centre.
pub fn polygon(values: &[f64], max: f64) -> Vec<Point> {
    let n = values.len();
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let r = if max > 0.0 {
                (v / max).clamp(0.0, 1.0)
            } else {
                0.0
            };
            vertex(i, n, r)
        })
        .collect()
}

/// Line segments (from, to) that close a polygon, for renderers that draw lines.
pub fn segments(points: &[Point]) -> Vec<(Point, Point)> {
    (0..points.len())
        .map(|i| (points[i], points[(i + 1) % points.len()]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Point, b: Point) -> bool {
        (a.x - b.x).abs() < 1e-9 && (a.y - b.y).abs() < 1e-9
    }

    #[test]
    fn first_axis_points_up_and_axes_go_clockwise() {
        assert!(close(vertex(0, 4, 1.0), Point { x: 0.0, y: 1.0 }));
        assert!(close(vertex(1, 4, 1.0), Point { x: 1.0, y: 0.0 }));
        assert!(close(vertex(2, 4, 0.5), Point { x: 0.0, y: -0.5 }));
        assert!(close(vertex(3, 4, 1.0), Point { x: -1.0, y: 0.0 }));
    }

    #[test]
    fn polygon_scales_and_clamps_values() {
        let pts = polygon(&[5.0, 10.0, -1.0, 2.5], 5.0);
        assert!(close(pts[0], Point { x: 0.0, y: 1.0 }));
        assert!(
            close(pts[1], Point { x: 1.0, y: 0.0 }),
            "clamped to the rim"
        );
        assert!(
            close(pts[2], Point { x: 0.0, y: 0.0 }),
            "clamped to the centre"
        );
        assert!(close(pts[3], Point { x: -0.5, y: 0.0 }));
        assert!(
            polygon(&[3.0], 0.0)
                .iter()
                .all(|p| close(*p, Point { x: 0.0, y: 0.0 }))
        );
    }

    #[test]
    fn inside_follows_the_even_odd_rule() {
        let square = polygon(&[1.0, 1.0, 1.0, 1.0], 1.0);
        assert!(inside(Point { x: 0.0, y: 0.0 }, &square));
        assert!(inside(Point { x: 0.2, y: 0.3 }, &square));
        assert!(!inside(Point { x: 0.9, y: 0.9 }, &square));
        assert!(!inside(Point { x: 0.0, y: 0.0 }, &[]));
    }

    #[test]
    fn shapes_plot_level_score_and_only_the_lines_that_exist() {
        let axis = |level, score, target| Axis {
            id: String::new(),
            name: String::new(),
            max: MAX_LEVEL,
            level,
            score,
            target,
            baseline: None,
        };
        let shapes = Shapes::of(&[axis(2, 2.5, Some(3)), axis(5, 5.0, None)]);
        assert!(close(shapes.level[0], Point { x: 0.0, y: 0.4 }));
        assert!(close(shapes.score[0], Point { x: 0.0, y: 0.5 }));
        let target = shapes.target.expect("one axis has a target");
        assert!(close(target[0], Point { x: 0.0, y: 0.6 }));
        assert!(
            close(target[1], Point { x: 0.0, y: 0.0 }),
            "no target: centre"
        );
        assert!(shapes.baseline.is_none());
    }

    #[test]
    fn dashes_keep_on_of_every_on_plus_off_points() {
        let square = polygon(&[1.0, 1.0, 1.0, 1.0], 1.0);
        let all = dashes(&square, 0.1, 1, 0).len();
        let dashed = dashes(&square, 0.1, 2, 2).len();
        assert!(all >= 4 * 14, "{all}");
        assert!(dashed.abs_diff(all / 2) <= 2, "{dashed} of {all}");
    }

    #[test]
    fn segments_close_the_polygon() {
        let pts = polygon(&[1.0, 1.0, 1.0], 1.0);
        let segs = segments(&pts);
        assert_eq!(segs.len(), 3);
        assert!(close(segs[2].1, pts[0]));
        assert!(segments(&[]).is_empty());
    }
}
