//! One definition of what a radar shows: the sample session rendered in every output (the
//! workbench's radar widget, Markdown, HTML, the SVG file, JSON) plots the same level and score
//! per domain, and the summary tables beside each radar show the same numbers.
#![allow(clippy::unwrap_used)]

mod common;

use assess::radar::Axis;
use assess::report::{self, Format, ReportOptions};
use assess::summary::{radar_axes, summarize};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

const CENTRE: (f64, f64) = (360.0, 200.0);
const RADIUS: f64 = 150.0;

fn options(lang: &str) -> ReportOptions {
    ReportOptions {
        lang: lang.into(),
        redact: false,
        bom: false,
    }
}

/// The values an SVG polygon of class `class` plots, read back from its vertices' radii.
fn plotted(svg: &str, class: &str) -> Vec<f64> {
    let start = svg
        .find(&format!("class=\"{class}\" points=\""))
        .unwrap_or_else(|| panic!("no {class} polygon in {svg}"));
    let rest = &svg[start + class.len() + 17..];
    rest[..rest.find('"').unwrap()]
        .split(' ')
        .map(|xy| {
            let (x, y) = xy.split_once(',').unwrap();
            let (x, y): (f64, f64) = (x.parse().unwrap(), y.parse().unwrap());
            ((x - CENTRE.0).hypot(y - CENTRE.1) / RADIUS * 5.0 * 100.0).round() / 100.0
        })
        .collect()
}

fn assert_svg_plots(svg: &str, axes: &[Axis], what: &str) {
    let levels: Vec<f64> = axes.iter().map(|a| f64::from(a.level)).collect();
    let scores: Vec<f64> = axes.iter().map(|a| a.score).collect();
    let close = |a: &[f64], b: &[f64]| a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.02);
    let (got_levels, got_scores) = (plotted(svg, "level"), plotted(svg, "score"));
    assert!(
        close(&got_levels, &levels),
        "{what}: levels {got_levels:?} vs {levels:?}"
    );
    assert!(
        close(&got_scores, &scores),
        "{what}: scores {got_scores:?} vs {scores:?}"
    );
    for a in axes {
        let label = format!(
            "L{}</tspan> <tspan class=\"sc\" fill=\"#1d2430\">{:.2}",
            a.level, a.score
        );
        assert!(svg.contains(&label), "{what}: label of {} ({label})", a.id);
    }
}

#[test]
fn every_output_plots_the_same_levels_and_scores() {
    let model = common::model();
    let session = common::session(&model);
    for lang in ["en", "zh"] {
        let summary = summarize(&model, &session, lang);
        let data = report::prepare(&model, &session, &options(lang));
        let html =
            String::from_utf8(report::render_data(&data, Format::Html, &options(lang))).unwrap();
        let md = String::from_utf8(report::render_data(&data, Format::Markdown, &options(lang)))
            .unwrap();
        let json: serde_json::Value =
            serde_json::from_slice(&report::render_data(&data, Format::Json, &options(lang)))
                .unwrap();
        // The first page shows each part's radar (two parts), and so does each part's section.
        let html_radars: Vec<&str> = html.split("<svg class=\"radar\"").skip(1).collect();
        assert_eq!(html_radars.len(), 2 * summary.parts.len());
        let mut progress = false;
        for (pi, part) in summary.parts.iter().enumerate() {
            let axes = radar_axes(&part.domains);
            // A level is a whole number by the rollup; the score is progress within levels.
            progress |= axes.iter().any(|a| a.score > f64::from(a.level));
            let svg = report::radar_svg(&data, Some(&part.row.id)).unwrap();
            assert_svg_plots(&svg, &axes, &format!("{lang} svg {}", part.row.id));
            assert_svg_plots(
                html_radars[pi],
                &axes,
                &format!("{lang} html {}", part.row.id),
            );
            for (di, a) in axes.iter().enumerate() {
                let line = format!("L{} {:.2}", a.level, a.score);
                assert!(
                    md.lines()
                        .any(|l| l.starts_with(&a.name) && l.contains(&line)),
                    "{lang} markdown radar line of {}: {line}",
                    a.id
                );
                // The results table beside the radar: level then score.
                let row = format!(
                    "<td>{}</td><td class=\"num\">{}</td><td class=\"num\">{:.2}</td>",
                    a.name, a.level, a.score
                );
                assert!(html.contains(&row), "{lang} html results row {row}");
                let md_row = format!("| {} | {} | {:.2} |", a.name, a.level, a.score);
                assert!(md.contains(&md_row), "{lang} markdown results row {md_row}");
                let d = &json["parts"][pi]["domains"][di];
                assert_eq!(d["level"], a.level, "{lang} json {}", a.id);
                assert_eq!(d["score"], a.score, "{lang} json {}", a.id);
            }
            workbench_plots(&axes);
        }
        assert!(
            progress,
            "the sample has a score above its level, so the two can differ"
        );
    }
}

/// The workbench's radar widget labels each axis with the same level and score.
fn workbench_plots(axes: &[Axis]) {
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    let radar = assess::tui::widgets::radar::Radar {
        axes: axes.to_vec(),
    };
    (&radar).render(area, &mut buf);
    let text: String = (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n");
    for a in axes {
        let label = format!("L{} {:.1}", a.level, a.score);
        assert!(text.contains(&label), "workbench label {label}:\n{text}");
    }
}

#[test]
fn the_svg_file_stands_alone_and_names_an_unknown_part() {
    let model = common::model();
    let session = common::session(&model);
    let data = report::prepare(&model, &session, &options("zh"));
    let svg = report::radar_svg(&data, None).unwrap();
    assert!(svg.starts_with("<?xml"));
    assert!(
        !svg.contains("<style") && !svg.contains("href"),
        "inline styles only"
    );
    assert!(
        svg.contains("等级") && svg.contains("目标"),
        "a Chinese legend"
    );
    let err = report::radar_svg(&data, Some("nope")).unwrap_err();
    assert!(err.to_string().contains("\"nope\""), "{err}");
    assert!(err.to_string().contains("cd"), "{err}");
}

/// The sample saved against the fixture model file, in `dir`.
fn saved_sample(dir: &std::path::Path) -> std::path::PathBuf {
    let model = common::model();
    let mut session = common::session(&model);
    let model_file =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report-model.ron");
    session.model.path = Some(model_file.display().to_string());
    let path = dir.join("audit.ron");
    assess::session::save_session(&path, &session).unwrap();
    path
}

fn assess_in(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(args)
        .env("HOME", dir)
        .env("PATH", dir)
        .output()
        .unwrap()
}

#[test]
fn the_cli_writes_the_radar_svg_csv_tables_and_says_how_to_print_without_a_browser() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_sample(dir.path());
    let p = path.to_str().unwrap();
    let out = assess_in(
        dir.path(),
        &["report", p, "--format", "svg", "--part", "cd"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = std::fs::read_to_string(dir.path().join("audit.report.svg")).unwrap();
    assert!(svg.contains("data-domain=\"cd.config\""));
    let out = assess_in(
        dir.path(),
        &["report", p, "--format", "svg", "--part", "zz"],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"zz\""));

    let out = assess_in(
        dir.path(),
        &["report", p, "--format", "csv", "--table", "findings"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = std::fs::read_to_string(dir.path().join("audit.report.findings.csv")).unwrap();
    assert!(
        csv.trim_start_matches('\u{feff}')
            .starts_with("finding_id,")
    );
    let out = assess_in(
        dir.path(),
        &["report", p, "--format", "md", "--table", "agenda"],
    );
    assert!(!out.status.success(), "--table is for CSV only");

    // No browser on PATH: the HTML is written and the message says how to print it.
    let out = assess_in(dir.path(), &["report", p, "--format", "pdf"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("No Chromium-family browser"), "{err}");
    assert!(
        err.contains("audit.report.html") && err.contains("print"),
        "{err}"
    );
    assert!(dir.path().join("audit.report.html").exists());
    assert!(!dir.path().join("audit.report.pdf").exists());
}

/// Without colour (NO_COLOR, a black-and-white projector) the level, the score, the target and
/// a baseline still read apart: a shaded area, a solid half-block line, square dashes, round
/// dots, over a grid of fine Braille dots (docs/RADAR.md).
#[test]
fn the_radar_reads_without_colour() {
    let model = common::model();
    let session = common::session(&model);
    let summary = summarize(&model, &session, "en");
    let mut axes = radar_axes(&summary.parts[0].domains);
    axes.iter_mut().for_each(|a| {
        a.target = Some(4);
        a.baseline = Some(1);
    });
    let area = Rect::new(0, 0, 72, 26);
    let mut buf = Buffer::empty(area);
    (&assess::tui::widgets::radar::Radar { axes }).render(area, &mut buf);
    let text: String = (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(text.contains('░'), "level: shaded area");
    assert!(
        text.contains('▀') || text.contains('▄'),
        "score: half-block line"
    );
    assert!(text.contains('▪'), "target: square dashes");
    assert!(text.contains('•'), "baseline: round dots");
    let braille = text
        .chars()
        .filter(|c| ('\u{2801}'..='\u{28ff}').contains(c))
        .count();
    assert!(braille > 20, "grid: Braille dots");
    insta::assert_snapshot!("radar_no_color_72x26", text);
}
