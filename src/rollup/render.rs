//! The rollup as Markdown, HTML (self-contained, a coloured heatmap), CSV and JSON.

use std::fmt::Write as _;

use super::{Rollup, Spread};
use crate::i18n::fill;
use crate::i18n::team_cli::TeamCli;
use crate::report::html_escape as escape;

/// Indices of the domain columns some project has in scope (the heatmap's columns).
fn shown_domains(r: &Rollup) -> Vec<usize> {
    (0..r.domains.len())
        .filter(|&i| r.projects.iter().any(|p| p.domains[i].is_some()))
        .collect()
}

fn level(l: Option<u8>) -> String {
    l.map_or_else(|| "–".to_string(), |l| l.to_string())
}

fn heading(r: &Rollup) -> String {
    let model = format!("{} {}", r.model, r.model_version);
    let n = r.projects.len().to_string();
    fill(
        r.lang.texts().team_cli.rollup_title,
        &[("model", &model), ("n", &n)],
    )
}

/// The spreads' tables with their titles (parts, domains).
fn spread_tables<'a>(r: &'a Rollup, t: &TeamCli) -> [(String, &'a Vec<Spread>); 2] {
    let title = |i: usize| fill(t.spread_title, &[("title", t.spreads[i])]);
    [(title(0), &r.part_spread), (title(1), &r.domain_spread)]
}

/// A Markdown table's header row and rule.
fn md_header(columns: &[&str]) -> String {
    format!(
        "| {} |\n|{}",
        columns.join(" | "),
        "---|".repeat(columns.len())
    )
}

/// An HTML table's header row.
fn html_header(columns: &[&str]) -> String {
    let cells: String = columns
        .iter()
        .map(|c| format!("<th>{}</th>", escape(c)))
        .collect();
    format!("<tr>{cells}</tr>")
}

/// Markdown: heatmap, spreads, weakest practices, progress, skipped files.
pub fn render_markdown(r: &Rollup) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let t = r.lang.texts().team_cli;
    let mut m = String::new();
    let _ = writeln!(m, "# {}\n", heading(r));
    let cols = shown_domains(r);
    let _ = writeln!(m, "## {}\n", t.heatmap);
    let _ = write!(m, "| {} | {} |", t.project, t.progress);
    for &i in &cols {
        let _ = write!(m, " {} |", r.domains[i].id);
    }
    let _ = write!(m, "\n|---|---|");
    m.push_str(&"---|".repeat(cols.len()));
    m.push('\n');
    for p in &r.projects {
        let _ = write!(
            m,
            "| {} ({}) | {}/{} |",
            cell(&p.name),
            cell(&p.title),
            p.answered,
            p.total
        );
        for &i in &cols {
            let _ = write!(m, " {} |", level(p.domains[i]));
        }
        m.push('\n');
    }
    for (title, rows) in spread_tables(r, t) {
        let _ = writeln!(m, "\n## {title}\n");
        let _ = writeln!(m, "{}", md_header(&t.spread_columns));
        for s in rows {
            let _ = writeln!(
                m,
                "| {} | {} | {} | {} | {} | {} |",
                s.id,
                cell(&s.name),
                s.projects,
                s.min,
                s.median,
                s.max
            );
        }
    }
    let _ = writeln!(m, "\n## {}\n", t.weakest);
    let _ = writeln!(m, "{}", md_header(&t.weakest_columns));
    for w in &r.weakest {
        let _ = writeln!(
            m,
            "| {} | {} | {:.2} | {} | {} |",
            w.id,
            cell(&w.name),
            w.mean_level,
            w.min_level,
            w.projects
        );
    }
    let _ = writeln!(m, "\n## {}\n", t.skipped_title);
    if r.skipped.is_empty() {
        let _ = writeln!(m, "{}", t.skipped_none);
    }
    for s in &r.skipped {
        let _ = writeln!(m, "- {}: {}", s.path.display(), cell(&s.reason));
    }
    m
}

/// HTML: one self-contained page; heatmap cells coloured by level.
pub fn render_html(r: &Rollup) -> String {
    let t = r.lang.texts().team_cli;
    let mut h = String::new();
    let title = escape(&heading(r));
    let lang = r.lang.code();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"assess\">\n<title>{title}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    );
    let cols = shown_domains(r);
    let _ = write!(
        h,
        "<h2>{}</h2>\n<table class=\"heat\">\n<tr><th>{}</th><th>{}</th>",
        escape(t.heatmap),
        escape(t.project),
        escape(t.progress)
    );
    for &i in &cols {
        let d = &r.domains[i];
        let _ = write!(
            h,
            "<th title=\"{}\">{}</th>",
            escape(&d.name),
            escape(&d.id)
        );
    }
    h.push_str("</tr>\n");
    for p in &r.projects {
        let _ = write!(
            h,
            "<tr><th>{} <small>{}</small></th><td>{}/{}</td>",
            escape(&p.name),
            escape(&p.title),
            p.answered,
            p.total
        );
        for &i in &cols {
            match p.domains[i] {
                Some(l) => {
                    let _ = write!(h, "<td class=\"l{l}\">{l}</td>");
                }
                None => h.push_str("<td class=\"out\">–</td>"),
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</table>\n");
    for (title, rows) in spread_tables(r, t) {
        spread_table(&mut h, &title, &t.spread_columns, rows);
    }
    let _ = writeln!(
        h,
        "<h2>{}</h2>\n<table>\n{}",
        escape(t.weakest),
        html_header(&t.weakest_columns)
    );
    for w in &r.weakest {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{:.2}</td><td>{}</td><td>{}</td></tr>",
            escape(&w.id),
            escape(&w.name),
            w.mean_level,
            w.min_level,
            w.projects
        );
    }
    let _ = writeln!(h, "</table>\n<h2>{}</h2>\n<ul>", escape(t.skipped_title));
    if r.skipped.is_empty() {
        let _ = writeln!(h, "<li>{}</li>", escape(t.skipped_none));
    }
    for s in &r.skipped {
        let _ = writeln!(
            h,
            "<li>{}: {}</li>",
            escape(&s.path.display().to_string()),
            escape(&s.reason)
        );
    }
    h.push_str("</ul>\n</body>\n</html>\n");
    h
}

fn spread_table(h: &mut String, title: &str, columns: &[&str], rows: &[Spread]) {
    let _ = writeln!(
        h,
        "<h2>{}</h2>\n<table>\n{}",
        escape(title),
        html_header(columns)
    );
    for s in rows {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&s.id),
            escape(&s.name),
            s.projects,
            s.min,
            s.median,
            s.max
        );
    }
    h.push_str("</table>\n");
}

const CSS: &str = "body{font-family:system-ui,\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif;margin:2em}\n\
table{border-collapse:collapse;margin-bottom:1.5em}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left}\n\
.heat td{text-align:center;min-width:2.5em}.out{color:#999}\n\
.l0{background:#f4cccc}.l1{background:#fce5cd}.l2{background:#fff2cc}.l3{background:#d9ead3}.l4{background:#b6d7a8}.l5{background:#93c47d}\n";

/// CSV: one row per project (progress and a level per domain in scope), then min, median and
/// max rows; UTF-8 with a byte-order mark so spreadsheet programs read Chinese names.
pub fn render_csv(r: &Rollup) -> Vec<u8> {
    let field = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let cols = shown_domains(r);
    let mut c = String::from("\u{feff}project,title,answered,total");
    for &i in &cols {
        c.push(',');
        c.push_str(&field(&r.domains[i].id));
    }
    c.push_str("\r\n");
    for p in &r.projects {
        let _ = write!(
            c,
            "{},{},{},{}",
            field(&p.name),
            field(&p.title),
            p.answered,
            p.total
        );
        for &i in &cols {
            let _ = write!(
                c,
                ",{}",
                p.domains[i].map(|l| l.to_string()).unwrap_or_default()
            );
        }
        c.push_str("\r\n");
    }
    for (name, pick) in [
        (
            "min",
            (|s: &Spread| s.min.to_string()) as fn(&Spread) -> String,
        ),
        ("median", |s| s.median.to_string()),
        ("max", |s| s.max.to_string()),
    ] {
        let _ = write!(c, "{name},,,");
        for &i in &cols {
            let id = &r.domains[i].id;
            let v = r
                .domain_spread
                .iter()
                .find(|s| &s.id == id)
                .map(pick)
                .unwrap_or_default();
            let _ = write!(c, ",{v}");
        }
        c.push_str("\r\n");
    }
    c.into_bytes()
}

/// JSON: the whole rollup, skipped files included.
pub fn render_json(r: &Rollup) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(r).unwrap_or_default();
    out.push(b'\n');
    out
}
