//! Radar chart geometry, shared by the TUI's canvas widget and the SVG in HTML reports.
//! Pure functions on a unit circle: axis 0 points straight up, axes go clockwise.

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
    fn segments_close_the_polygon() {
        let pts = polygon(&[1.0, 1.0, 1.0], 1.0);
        let segs = segments(&pts);
        assert_eq!(segs.len(), 3);
        assert!(close(segs[2].1, pts[0]));
        assert!(segments(&[]).is_empty());
    }
}
