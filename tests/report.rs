//! Reports from the sample session: every format against checked-in expected files,
//! determinism across a save and reload, redaction, CSV quoting, the roadmap, and the CLI.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use assess::report::{self, Format, ReportOptions};
use assess::session::{load_session, save_session};

fn options(lang: &str, redact: bool) -> ReportOptions {
    ReportOptions {
        lang: lang.into(),
        redact,
        bom: true,
    }
}

/// Compares with `tests/expected/NAME`; `UPDATE_EXPECTED=1 cargo test` rewrites the files.
fn check_expected(name: &str, actual: &[u8]) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/expected")
        .join(name);
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|_| {
        panic!(
            "missing {}: run `UPDATE_EXPECTED=1 cargo test --test report` and review it",
            path.display()
        )
    });
    if expected != actual {
        let (e, a) = (
            String::from_utf8_lossy(&expected),
            String::from_utf8_lossy(actual),
        );
        let line = e
            .lines()
            .zip(a.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(0);
        panic!(
            "{} differs from the report at line {}:\n expected: {:?}\n   actual: {:?}\n(run `UPDATE_EXPECTED=1 cargo test --test report` if the change is intended)",
            path.display(),
            line + 1,
            e.lines().nth(line),
            a.lines().nth(line)
        );
    }
}

#[test]
fn every_format_matches_its_expected_file() {
    let model = common::model();
    let session = common::session(&model);
    for format in Format::ALL {
        let bytes = report::render(&model, &session, format, &options("en", false));
        check_expected(&format!("sample.en.{}", format.extension()), &bytes);
    }
    for format in [Format::Markdown, Format::Html] {
        let bytes = report::render(&model, &session, format, &options("zh", false));
        check_expected(&format!("sample.zh.{}", format.extension()), &bytes);
    }
    let redacted = report::render(&model, &session, Format::Json, &options("en", true));
    check_expected("sample.redacted.json", &redacted);
}

#[test]
fn the_same_session_gives_the_same_bytes_after_a_save_and_reload() {
    let model = common::model();
    let session = common::session(&model);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("audit.ron");
    save_session(&path, &session).unwrap();
    let reloaded = load_session(&path).unwrap();
    for format in Format::ALL {
        let opts = options("en", false);
        assert_eq!(
            report::render(&model, &session, format, &opts),
            report::render(&model, &reloaded, format, &opts),
            "{format:?}"
        );
    }
}

#[test]
fn redaction_removes_every_confidential_string_from_every_format() {
    let model = common::model();
    let session = common::session(&model);
    for lang in ["en", "zh"] {
        for format in Format::ALL {
            // Every file of the format: CSV has one per table.
            let render = |redact: bool| {
                let opts = options(lang, redact);
                let data = report::prepare(&model, &session, &opts);
                let files: Vec<Vec<u8>> = if format == Format::Csv {
                    report::CsvTable::ALL
                        .into_iter()
                        .map(|t| report::render_csv_table(&data, t, &opts))
                        .collect()
                } else {
                    vec![report::render_data(&data, format, &opts)]
                };
                String::from_utf8(files.concat()).unwrap()
            };
            let (plain, redacted) = (render(false), render(true));
            for secret in common::SECRETS {
                // The unredacted report must carry it, or this test would prove nothing
                // (CSV rows carry no session metadata such as the scope).
                let in_csv = *secret != "Payments gateway PAY-GW";
                assert!(
                    plain.contains(secret) || (format == Format::Csv && !in_csv),
                    "{format:?}/{lang}: {secret:?} missing from the plain report"
                );
                assert!(
                    !redacted.contains(secret),
                    "{format:?}/{lang}: {secret:?} survived redaction"
                );
            }
        }
    }
}

#[test]
fn redaction_keeps_structure_answers_and_scores() {
    let model = common::model();
    let session = common::session(&model);
    let plain = report::prepare(&model, &session, &options("en", false));
    let redacted = report::prepare(&model, &session, &options("en", true));
    assert!(redacted.redacted);
    assert_eq!(plain.parts.len(), redacted.parts.len());
    for (p, r) in plain.parts.iter().zip(&redacted.parts) {
        assert_eq!(p.result, r.result, "results of {}", p.result.id);
        assert_eq!(p.roadmap, r.roadmap);
        let statuses = |part: &report::PartReport| -> Vec<_> {
            part.domains
                .iter()
                .flat_map(|d| &d.practices)
                .flat_map(|x| &x.requirements)
                .map(|q| {
                    (
                        q.id.clone(),
                        q.answer.status,
                        q.answer.flagged,
                        q.answer.evidence.clone(),
                    )
                })
                .collect()
        };
        assert_eq!(statuses(p), statuses(r));
    }
    assert_eq!(plain.evidence.len(), redacted.evidence.len());
    assert_eq!(plain.orphaned.len(), redacted.orphaned.len());
    assert_eq!(plain.not_applicable.len(), redacted.not_applicable.len());
}

#[test]
fn the_roadmap_orders_gaps_by_the_level_they_block() {
    let model = common::model();
    let session = common::session(&model);
    let data = report::build(&model, &session, "en");
    let cd = &data.parts[0];
    assert_eq!((cd.result.level, cd.result.target), (1, Some(3)));
    let roadmap = cd.roadmap.as_ref().unwrap();
    assert_eq!(
        roadmap.total, cd.gap_requirements,
        "the roadmap agrees with the summary"
    );
    let phases: Vec<(u8, u8, usize)> = roadmap
        .phases
        .iter()
        .map(|p| (p.phase, p.reaches_level, p.count))
        .collect();
    assert_eq!(phases, [(1, 2, 2), (2, 3, 7)]);
    let phase1: Vec<(&str, Vec<&str>)> = roadmap.phases[0]
        .domains
        .iter()
        .map(|d| {
            (
                d.id.as_str(),
                d.requirements.iter().map(|r| r.id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        phase1,
        [
            ("cd.build", vec!["cd.build.ci.artifacts.l2.1"]),
            ("cd.deploy", vec!["cd.deploy.auto.deploy.l2.1"]),
        ]
    );
    let ops = &data.parts[1];
    let ops_map = ops.roadmap.as_ref().unwrap();
    assert_eq!((ops_map.current, ops_map.target, ops_map.total), (1, 2, 1));
    assert_eq!(
        ops_map.phases[0].domains[0].requirements[0].id,
        "ops.incident.response.response.l2.1"
    );
}

#[test]
fn a_reached_target_and_a_missing_target_are_said_plainly() {
    let model = common::model();
    let mut session = common::session(&model);
    session.set_target("ops", 1, "tester").expect("edit");
    session.targets.remove("cd");
    let data = report::build(&model, &session, "en");
    assert!(data.parts[0].roadmap.is_none());
    assert!(data.parts[1].roadmap.as_ref().unwrap().phases.is_empty());
    let md = String::from_utf8(report::render(
        &model,
        &session,
        Format::Markdown,
        &options("en", false),
    ))
    .unwrap();
    assert!(md.contains("No target is set for this part."));
    assert!(md.contains("The target is reached"));
}

#[test]
fn results_agree_with_the_summary() {
    let model = common::model();
    let session = common::session(&model);
    let summary = assess::summary::summarize(&model, &session, "zh");
    let data = report::build(&model, &session, "zh");
    for (s, r) in summary.parts.iter().zip(&data.parts) {
        assert_eq!(s.row, r.result);
        assert_eq!(s.gap_requirements, r.gap_requirements);
        let domains: Vec<_> = r.domains.iter().map(|d| d.result.clone()).collect();
        assert_eq!(s.domains, domains);
    }
    assert_eq!(
        (summary.answered, summary.total),
        (data.answered, data.total)
    );
}

#[test]
fn authored_text_is_marked_in_every_human_format() {
    let model = common::model();
    let session = common::session(&model);
    let data = report::build(&model, &session, "en");
    let practice = |id: &str| {
        data.parts
            .iter()
            .flat_map(|p| &p.domains)
            .flat_map(|d| &d.practices)
            .find(|p| p.id == id)
            .unwrap()
    };
    assert!(!practice("cd.build.ci.artifacts").authored);
    assert!(
        practice("cd.build.ci.artifacts")
            .requirements
            .iter()
            .any(|r| r.authored),
        "level 3 is authored"
    );
    assert!(
        practice("ops.monitor.metrics.alerts").authored,
        "the part is authored"
    );
    assert!(
        !practice("ops.capacity.plan.plan").authored,
        "the practice overrides its part"
    );
    for (format, marker) in [
        (Format::Markdown, "*[authored]*"),
        (Format::Html, "class=\"authored\""),
    ] {
        let text = String::from_utf8(report::render(
            &model,
            &session,
            format,
            &options("en", false),
        ))
        .unwrap();
        assert!(text.contains(marker), "{format:?}");
        assert!(
            text.contains("not the standard"),
            "{format:?} explains the mark"
        );
    }
}

#[test]
fn orphaned_answers_are_listed_in_every_format() {
    let model = common::model();
    let session = common::session(&model);
    for format in Format::ALL {
        let text = String::from_utf8(report::render(
            &model,
            &session,
            format,
            &options("en", false),
        ))
        .unwrap();
        assert!(text.contains("cd.legacy.old.gone.l2.1"), "{format:?}");
        assert!(text.contains("legacy-note-secret"), "{format:?}");
    }
}

/// A small RFC 4180 reader, to check the CSV the way a spreadsheet reads it.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn csv_has_a_bom_stable_columns_and_quotes_notes_correctly() {
    let model = common::model();
    let session = common::session(&model);
    let bytes = report::render(&model, &session, Format::Csv, &options("zh", false));
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "BOM on by default"
    );
    let text = String::from_utf8(bytes).unwrap();
    let rows = single_table(text.trim_start_matches('\u{feff}'));
    let header = &rows[0];
    assert_eq!(header[0], "part_id");
    assert!(
        rows.iter().all(|r| r.len() == header.len()),
        "every row has every column"
    );
    let (_, total) = session.progress(&model);
    assert_eq!(
        rows.len(),
        1 + total + 1,
        "header, every requirement in scope, one orphan"
    );
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = rows
        .iter()
        .find(|r| r[col("requirement_id")] == "cd.config.vc.vcs.l3.1")
        .unwrap();
    assert_eq!(
        row[col("note")],
        common::SAMPLE_NOTE,
        "commas, quotes and line breaks survive"
    );
    assert_eq!(row[col("status")], "partial");
    assert_eq!(row[col("status_label")], "部分满足");
    assert_eq!(row[col("part")], "持续交付");
    assert_eq!(row[col("evidence")], "E1");
    let orphan = rows.last().unwrap();
    assert_eq!(
        (
            orphan[col("requirement_id")].as_str(),
            orphan[col("orphaned")].as_str()
        ),
        ("cd.legacy.old.gone.l2.1", "yes")
    );

    let no_bom = ReportOptions {
        bom: false,
        ..options("zh", false)
    };
    let bytes = report::render(&model, &session, Format::Csv, &no_bom);
    assert!(bytes.starts_with(b"part_id,"));
}

#[test]
fn json_is_versioned_and_parses() {
    let model = common::model();
    let session = common::session(&model);
    let bytes = report::render(&model, &session, Format::Json, &options("en", false));
    let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(value["schema"], "assess-report");
    assert_eq!(value["schema_version"], report::SCHEMA_VERSION);
    assert_eq!(value["parts"][0]["domains"].as_array().unwrap().len(), 3);
    assert_eq!(value["parts"][0]["roadmap"]["phases"][0]["count"], 2);
    assert_eq!(value["not_applicable"][0]["status"], "not_applicable");
}

#[test]
fn html_is_self_contained() {
    let model = common::model();
    let session = common::session(&model);
    let html = String::from_utf8(report::render(
        &model,
        &session,
        Format::Html,
        &options("zh", false),
    ))
    .unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("<html lang=\"zh-CN\">"));
    assert!(
        html.contains("Noto Sans CJK SC"),
        "a font stack that renders Chinese"
    );
    assert!(html.contains("@media print") && html.contains("break-before: page"));
    for forbidden in ["<script", "<link", "src=", "@import", "url("] {
        assert!(
            !html.contains(forbidden),
            "found {forbidden:?}: the report must not load anything"
        );
    }
    // Links only within the page (findings ↔ roadmap).
    assert!(
        html.split("href=\"")
            .skip(1)
            .all(|rest| rest.starts_with('#')),
        "every link stays in the page"
    );
    assert!(
        html.contains("Pipeline &quot;main&quot;, reviewed with Bob Liang &lt;ops&gt;"),
        "user text is escaped"
    );
}

#[test]
fn write_report_creates_a_private_file() {
    let model = common::model();
    let session = common::session(&model);
    let dir = tempfile::tempdir().unwrap();
    let session_path = dir.path().join("audit.ron");
    let path = report::default_path(&session_path, Format::Html, false);
    assert_eq!(path, dir.path().join("audit.report.html"));
    assert_eq!(
        report::default_path(&session_path, Format::Csv, true),
        dir.path().join("audit.report.redacted.csv")
    );
    report::write_report(&path, &model, &session, Format::Html, &options("en", false)).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert!(std::fs::read_to_string(&path).unwrap().contains("Globex"));
}

/// A sessions dir with the sample session saved against the fixture model file.
fn saved_sample(dir: &Path) -> PathBuf {
    let model = common::model();
    let mut session = common::session(&model);
    let model_file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report-model.ron");
    session.model.path = Some(model_file.display().to_string());
    let path = dir.join("audit.ron");
    save_session(&path, &session).unwrap();
    path
}

fn assess(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(args)
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("ASSESS_SESSIONS_DIR", dir)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn cli_writes_each_format_beside_the_session_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    saved_sample(dir.path());
    for format in Format::ALL {
        let ext = format.extension();
        let before = std::time::SystemTime::now();
        let out = assess(dir.path(), &["report", "audit", "--format", ext]);
        let after = std::time::SystemTime::now();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let expected = dir.path().join(format!("audit.report.{ext}"));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(&expected.display().to_string()), "{stdout}");
        let model = common::model();
        let mut session = common::session(&model);
        session.model.path = load_session(&dir.path().join("audit.ron"))
            .unwrap()
            .model
            .path;
        // What the core renders for that session file, its evidence files checked.
        let opts = options("en", false);
        let mut data =
            report::prepare_checked(&dir.path().join("audit.ron"), &model, &session, &opts);
        let written = std::fs::read(&expected).unwrap();
        // The report is dated when it is written: try each second the CLI may have used.
        let dated_alike = seconds_between(before, after).any(|stamp| {
            data.generated = Some(stamp);
            report::render_data(&data, format, &opts) == written
        });
        assert!(dated_alike, "{ext}: the CLI writes what the core renders");
    }
}

/// Every RFC 3339 second from `from` to `to`, as reports stamp their date.
fn seconds_between(
    from: std::time::SystemTime,
    to: std::time::SystemTime,
) -> impl Iterator<Item = String> {
    let secs = |t: std::time::SystemTime| {
        t.duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    };
    (secs(from)..=secs(to)).map(|s| {
        let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(s);
        humantime::format_rfc3339_seconds(t).to_string()
    })
}

#[test]
fn cli_writes_to_stdout_infers_the_format_and_redacts() {
    let dir = tempfile::tempdir().unwrap();
    saved_sample(dir.path());
    let out = assess(
        dir.path(),
        &[
            "report", "audit", "--format", "json", "-o", "-", "--redact", "--lang", "zh",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (value["redacted"].as_bool(), value["lang"].as_str()),
        (Some(true), Some("zh"))
    );

    let out = assess(dir.path(), &["report", "audit", "-o", "out/../plan.md"]);
    assert!(
        !out.status.success(),
        "a missing directory is an error, not a panic"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("plan.md"));

    let out = assess(
        dir.path(),
        &["report", "audit", "-o", "plan.md", "--no-bom"],
    );
    assert!(out.status.success());
    let md = std::fs::read_to_string(dir.path().join("plan.md")).unwrap();
    assert!(
        md.lines().any(|l| l == "# Globex payments platform audit"),
        "format taken from the extension"
    );
}

#[test]
fn cli_reports_a_missing_session_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let out = assess(dir.path(), &["report", "nope"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no session 'nope'"));
}

#[test]
fn the_shipped_sample_session_matches_its_expected_files() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/eastbridge-trading-platform.ron");
    let opened = assess::session::open_session(&path).unwrap();
    for format in Format::ALL {
        let bytes = report::render(
            &opened.model,
            &opened.session,
            format,
            &options("en", false),
        );
        check_expected(&format!("eastbridge.en.{}", format.extension()), &bytes);
    }
    let zh = report::render(
        &opened.model,
        &opened.session,
        Format::Html,
        &options("zh", false),
    );
    check_expected("eastbridge.zh.html", &zh);
}

#[test]
fn a_fresh_session_on_the_bundled_model_reports_in_every_format() {
    let model = assess::model::load_embedded("caict-devops").unwrap();
    let mut session = assess::session::Session::new(
        &model,
        assess::session::NewSession {
            title: "Fresh".into(),
            target: Some(3),
            ..Default::default()
        },
    )
    .unwrap();
    common::fix_timestamps(&mut session);
    let data = report::build(&model, &session, "en");
    assert_eq!(
        data.parts.len(),
        model.model.parts.len(),
        "every part in scope"
    );
    for part in &data.parts {
        let roadmap = part.roadmap.as_ref().unwrap();
        assert_eq!(roadmap.total, part.gap_requirements);
        assert_eq!(
            roadmap.phases.iter().map(|p| p.count).sum::<usize>(),
            roadmap.total
        );
        assert_eq!(
            roadmap.phases.len(),
            3,
            "{}: levels 1, 2 and 3 to reach",
            part.result.id
        );
    }
    for format in Format::ALL {
        for lang in ["en", "zh"] {
            let bytes = report::render(&model, &session, format, &options(lang, false));
            assert!(!bytes.is_empty(), "{format:?}/{lang}");
            std::str::from_utf8(&bytes).unwrap();
        }
    }
}

#[test]
fn chinese_reports_have_chinese_chrome_as_well_as_chinese_model_texts() {
    let model = common::model();
    let session = common::session(&model);
    for format in [Format::Markdown, Format::Html] {
        let zh = String::from_utf8(report::render(
            &model,
            &session,
            format,
            &options("zh", false),
        ))
        .unwrap();
        for word in [
            "改进路线图",
            "阶段 1",
            "证据清单",
            "孤立作答",
            "部分满足",
            "参照编写",
            "持续交付",
        ] {
            assert!(zh.contains(word), "{format:?}: {word}");
        }
        for word in [
            "Improvement roadmap",
            "Evidence register",
            "Continuous Delivery",
        ] {
            assert!(!zh.contains(word), "{format:?}: {word} left in English");
        }
    }
}

#[test]
fn csv_findings_and_agenda_are_files_of_their_own() {
    let model = common::model();
    let session = common::session(&model);
    let opts = options("en", false);
    let data = report::prepare(&model, &session, &opts);
    let table = |t| {
        let bytes = report::render_csv_table(&data, t, &opts);
        single_table(
            String::from_utf8(bytes)
                .unwrap()
                .trim_start_matches('\u{feff}'),
        )
    };
    assert_eq!(
        table(report::CsvTable::Requirements)[0][0],
        "part_id",
        "the requirements table is the default CSV"
    );
    let findings = table(report::CsvTable::Findings);
    assert_eq!(findings[0], report::FINDING_COLUMNS.map(String::from));
    let ids: Vec<&str> = findings[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["F2", "F1"], "high before low");
    let agenda = table(report::CsvTable::Agenda);
    assert_eq!(agenda[0], report::AGENDA_COLUMNS.map(String::from));
    let cd = agenda.iter().find(|r| r[0] == "cd").unwrap();
    assert_eq!((cd[3].as_str(), cd[4].as_str()), ("90", "3930"));
    assert_eq!(
        report::csv_table_path(Path::new("/s/audit.ron"), report::CsvTable::Findings, true),
        Path::new("/s/audit.report.redacted.findings.csv")
    );
}

/// A CSV file as one rectangular table: no blank line inside, every row as wide as the header.
fn single_table(text: &str) -> Vec<Vec<String>> {
    assert!(
        !text.contains("\r\n\r\n"),
        "one table, no blank line between tables"
    );
    let rows = parse_csv(text);
    assert!(rows.len() > 1, "a header and rows");
    assert!(
        rows.iter().all(|r| r.len() == rows[0].len()),
        "every row has every column"
    );
    rows
}

#[test]
fn redaction_leaves_a_visible_placeholder_and_keeps_severity_due_status_and_counts() {
    let model = common::model();
    let session = common::session(&model);
    for (lang, mark) in [("en", "[redacted]"), ("zh", "〔已隐去〕")] {
        let plain = report::prepare(&model, &session, &options(lang, false));
        let redacted = report::prepare(&model, &session, &options(lang, true));
        for (p, r) in plain.findings.iter().zip(&redacted.findings) {
            assert_eq!(r.title, mark, "{lang} {}", p.id);
            assert_eq!((r.severity, &r.due, &r.tie), (p.severity, &p.due, &p.tie));
        }
        assert_eq!(redacted.session.organisation, mark);
        assert_eq!(
            redacted.session.assessors.len(),
            plain.session.assessors.len()
        );
        let md = String::from_utf8(report::render(
            &model,
            &session,
            Format::Markdown,
            &options(lang, true),
        ))
        .unwrap();
        let f1 = md.lines().find(|l| l.starts_with("| F1 |")).unwrap();
        let low = &redacted
            .findings
            .iter()
            .find(|f| f.id == "F1")
            .unwrap()
            .severity_label;
        assert!(
            f1.starts_with(&format!("| F1 | {low} | **{mark}**")),
            "{f1}"
        );
        let json = String::from_utf8(report::render(
            &model,
            &session,
            Format::Json,
            &options(lang, true),
        ))
        .unwrap();
        assert!(json.contains(mark));
    }
}

#[test]
fn a_csv_export_writes_one_table_per_file_beside_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_sample(dir.path());
    let model = common::model();
    let session = common::session(&model);
    let opts = options("en", false);
    let written = report::export(&path, None, &model, &session, Format::Csv, &opts).unwrap();
    assert_eq!(written, dir.path().join("audit.report.csv"));
    for (file, first) in [
        ("audit.report.csv", "part_id"),
        ("audit.report.findings.csv", "finding_id"),
        ("audit.report.agenda.csv", report::AGENDA_COLUMNS[0]),
    ] {
        let text = std::fs::read_to_string(dir.path().join(file)).unwrap();
        let rows = single_table(text.trim_start_matches('\u{feff}'));
        assert_eq!(rows[0][0], first, "{file}");
    }
}

/// The Markdown report is a deliverable too, in both languages: the first section holds the
/// organisation, scope, dates, assessors, each part's level with its name, the legend of level
/// versus score, key findings and the roadmap in brief; then the findings (each naming the
/// roadmap phases it explains), the roadmap, the sign-off; the per-requirement answers come
/// last, as an appendix. Times read as local times, and no table cell is empty.
#[test]
fn markdown_reads_as_a_deliverable_with_the_appendix_last() {
    let model = common::model();
    let mut session = common::session(&model);
    for signed in [false, true] {
        if signed {
            session.finalize("Li Na").unwrap();
        }
        for lang in ["en", "zh"] {
            let data = report::prepare(&model, &session, &options(lang, false));
            let md = String::from_utf8(report::render_data(
                &data,
                Format::Markdown,
                &options(lang, false),
            ))
            .unwrap();
            let t = assess::lang::Lang::from_code(lang).texts().deliverable;
            let l = report::labels(lang);
            let at = |text: &str| {
                md.find(text)
                    .unwrap_or_else(|| panic!("{lang}: no {text:?}"))
            };
            let appendix = at(&format!("# {}", t.appendix));
            let first = [
                data.session.organisation.as_str(),
                data.session.scope.as_str(),
                t.assessment_dates,
                data.session.assessors[0].as_str(),
                t.level_per_part,
                t.level_and_score,
                t.key_findings,
                t.roadmap_brief,
            ];
            for text in first {
                assert!(
                    at(text) < at(&format!("## {}", l.workshop.findings)),
                    "{lang}: {text}"
                );
            }
            for p in &data.parts {
                let named = data.level_name(p.result.level);
                assert!(named.len() > 3 && at(&named) < appendix, "{lang}: {named}");
            }
            let order = [
                format!("## {}", l.workshop.findings),
                format!("## {}", l.roadmap),
                format!("## {}", t.sign_off),
                format!("## {}", l.results),
                format!("# {}", t.appendix),
                format!("### {}", l.answers),
            ];
            let places: Vec<usize> = order.iter().map(|h| at(h)).collect();
            assert!(
                places.windows(2).all(|w| w[0] < w[1]),
                "{lang}: {order:?} {places:?}"
            );
            // A finding names the roadmap phase it explains.
            let f2 = md.lines().find(|l| l.starts_with("| F2 |")).unwrap();
            assert!(
                f2.ends_with(&format!("cd {} 1<br>cd {} 2 |", l.phase, l.phase)),
                "{f2}"
            );
            let state = if signed { t.signed_off } else { t.draft };
            assert!(at(&format!("**{state}**")) < appendix, "{lang}: {state}");
            if signed {
                let hash = &data.session.sign_off.as_ref().unwrap().hash;
                assert!(at(hash) < appendix, "{lang}: the content hash");
            }
            for line in md.lines().filter(|l| l.starts_with('|')) {
                let inner = &line[1..line.len() - 1];
                assert!(
                    inner.split(" | ").all(|c| !c.trim().is_empty()),
                    "{lang}: an empty cell in {line}"
                );
            }
            let raw = md.split_whitespace().any(|w| {
                w.len() >= 20
                    && w.as_bytes()[10] == b'T'
                    && w.trim_end_matches(['|', ')']).ends_with('Z')
            });
            assert!(!raw, "{lang}: a raw RFC 3339 time is left");
        }
    }
}
