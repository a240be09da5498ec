//! The HTML report in a real browser: headless Chromium loads it and we check that it loads,
//! that each radar has one axis per domain, that a sample note is visible on the page, that the
//! first page holds the organisation, the level names and the radar, that the N/A and flagged
//! tables have no empty cells, and that it prints (as PDF) with the appendix after the findings
//! and the roadmap; `assess report --format pdf` is read back with `pdftotext` in both languages.
//! Skipped, with a message, when `/usr/bin/chromium` (or `pdftotext`) is not installed (Debian:
//! `apt-get install chromium poppler-utils fonts-noto-cjk`). For a screenshot by hand, see
//! "Reports" in the README.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use assess::report::{self, Format, ReportOptions};

const CHROMIUM: &str = "/usr/bin/chromium";

/// A check run inside the page (added to a test copy only: the report itself has no scripts).
/// It writes its findings as JSON into `<pre id="check">`, which `--dump-dom` then prints.
const CHECK_SCRIPT: &str = r#"<script>
(function () {
  var out = { title: document.title, parts: [] };
  document.querySelectorAll('section.part').forEach(function (part) {
    out.parts.push({
      axes: part.querySelectorAll('svg.radar line.axis').length,
      domains: part.querySelectorAll('tr.domain').length
    });
  });
  var cover = document.querySelector('section.cover');
  out.cover = cover ? cover.innerText : '';
  out.coverRadars = cover ? cover.querySelectorAll('svg.radar').length : 0;
  out.emptyListCells = 0;
  document.querySelectorAll('section.lists table.answers td').forEach(function (td) {
    if (td.textContent.trim() === '') { out.emptyListCells += 1; }
  });
  out.listRows = document.querySelectorAll('section.lists table.answers tbody tr').length;
  var order = ['section.cover', 'section.findings', 'section.roadmaps', 'section.appendix'];
  out.order = order.map(function (sel) {
    var el = document.querySelector(sel);
    return el ? Array.prototype.indexOf.call(document.querySelectorAll('*'), el) : -1;
  });
  var note = Array.prototype.find.call(document.querySelectorAll('.note'), function (e) {
    return e.textContent.indexOf(NOTE_LINE) >= 0;
  });
  if (note) {
    var box = note.getBoundingClientRect(), style = getComputedStyle(note);
    out.noteBox = [box.width, box.height];
    out.noteVisible = box.width > 0 && box.height > 0 && style.visibility === 'visible' &&
      style.display !== 'none' && parseFloat(style.opacity) > 0;
  }
  out.noteInRenderedText = document.body.innerText.indexOf(NOTE_LINE) >= 0;
  var pre = document.createElement('pre');
  pre.id = 'check';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"#;

fn chromium(dir: &Path, args: &[String]) -> std::process::Output {
    let profile = dir.join("profile");
    let mut child = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            &format!("--user-data-dir={}", profile.display()),
        ])
        .args(args)
        .env("HOME", dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A generous deadline only so a wedged browser cannot hang the suite.
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child.wait_with_output().unwrap()
}

fn write_report(dir: &Path) -> PathBuf {
    let model = common::model();
    let session = common::session(&model);
    let path = dir.join("report.html");
    let options = ReportOptions::default();
    report::write_report(&path, &model, &session, Format::Html, &options).unwrap();
    path
}

fn available() -> bool {
    if Path::new(CHROMIUM).exists() {
        return true;
    }
    eprintln!(
        "SKIPPED: {CHROMIUM} is not installed (apt-get install chromium) — the HTML report was not checked in a browser"
    );
    false
}

#[test]
fn the_html_report_loads_draws_its_radars_and_shows_a_note() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let report_path = write_report(dir.path());
    let html = std::fs::read_to_string(&report_path).unwrap();
    let note_line = common::SAMPLE_NOTE.lines().next().unwrap();
    let script = CHECK_SCRIPT.replace("NOTE_LINE", &serde_json::to_string(note_line).unwrap());
    let check_path = dir.path().join("check.html");
    std::fs::write(
        &check_path,
        html.replace("</body>", &format!("{script}\n</body>")),
    )
    .unwrap();

    let out = chromium(
        dir.path(),
        &[
            "--dump-dom".into(),
            format!("file://{}", check_path.display()),
        ],
    );
    let dom = String::from_utf8_lossy(&out.stdout);
    let json = dom
        .split("<pre id=\"check\">")
        .nth(1)
        .and_then(|rest| rest.split("</pre>").next())
        .unwrap_or_else(|| {
            panic!(
                "the page did not run its check.\nstderr:\n{}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
    let check: serde_json::Value = serde_json::from_str(&json.replace("&amp;", "&")).unwrap();
    assert_eq!(check["title"], "Globex payments platform audit", "{check}");
    let parts = check["parts"].as_array().unwrap();
    assert_eq!(parts.len(), 2, "{check}");
    for part in parts {
        assert_eq!(part["axes"], 3, "one axis per domain: {check}");
        assert_eq!(part["axes"], part["domains"], "{check}");
    }
    assert_eq!(check["noteVisible"], true, "{check}");
    assert_eq!(check["noteInRenderedText"], true, "{check}");
    let cover = check["cover"].as_str().unwrap();
    assert!(cover.contains("Globex Corporation"), "{cover}");
    assert!(
        cover.contains("L1 Initial") || cover.contains("L2 Foundation"),
        "{cover}"
    );
    assert!(cover.contains("Draft — not signed off"), "{cover}");
    assert!(check["coverRadars"].as_u64().unwrap() >= 1, "{check}");
    assert!(check["listRows"].as_u64().unwrap() >= 2, "{check}");
    assert_eq!(
        check["emptyListCells"], 0,
        "no empty cells in the N/A and flagged tables"
    );
    let order: Vec<i64> = check["order"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    assert!(
        order.iter().all(|i| *i >= 0) && order.windows(2).all(|w| w[0] < w[1]),
        "first page, findings, roadmap, then the appendix: {order:?}"
    );
}

#[test]
fn the_html_report_makes_a_screenshot() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let report_path = write_report(dir.path());
    let png = dir.path().join("report.png");
    let out = chromium(
        dir.path(),
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1280,2000".into(),
            "--hide-scrollbars".into(),
            format!("file://{}", report_path.display()),
        ],
    );
    let bytes = std::fs::read(&png).unwrap_or_else(|_| {
        panic!(
            "no screenshot.\nstderr:\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert!(bytes.starts_with(b"\x89PNG"), "a PNG image");
    assert!(
        bytes.len() > 10_000,
        "the page is not blank ({} bytes)",
        bytes.len()
    );
}

/// Print CSS added to a test copy: everything but the section headings disappears, so any page
/// beyond the first can only come from the report's own page breaks.
const HEADINGS_ONLY: &str = "<style>@media print { header, footer, section > :not(h2) { display: none !important; } }</style>";

#[test]
fn the_html_report_prints_with_a_page_per_part() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let report_path = write_report(dir.path());
    let html = std::fs::read_to_string(&report_path).unwrap();
    let copy = dir.path().join("headings.html");
    std::fs::write(
        &copy,
        html.replace("</head>", &format!("{HEADINGS_ONLY}\n</head>")),
    )
    .unwrap();
    let pdf = dir.path().join("report.pdf");
    let out = chromium(
        dir.path(),
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".into(),
            format!("file://{}", copy.display()),
        ],
    );
    let bytes = std::fs::read(&pdf)
        .unwrap_or_else(|_| panic!("no PDF.\nstderr:\n{}", String::from_utf8_lossy(&out.stderr)));
    assert!(bytes.starts_with(b"%PDF"), "a PDF document");
    // Page objects are `/Type /Page` (the page tree is `/Type /Pages`).
    let pages = bytes
        .windows(11)
        .enumerate()
        .filter(|(i, w)| *w == b"/Type /Page" && bytes.get(i + 11) != Some(&b's'))
        .count();
    // Findings with the roadmap, sign-off and overview; each of the two parts; the appendix.
    assert_eq!(
        pages, 4,
        "print CSS should start the findings, each part and the appendix on a new page"
    );
}

fn pdftotext_available() -> bool {
    let ok = Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok_and(|o| o.status.success() || !o.stderr.is_empty());
    if !ok {
        eprintln!("SKIPPED: pdftotext is not installed (apt-get install poppler-utils)");
    }
    ok
}

#[test]
fn the_pdf_report_says_who_what_and_its_state_on_page_one_in_both_languages() {
    if !available() || !pdftotext_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let model = common::model();
    let mut session = common::session(&model);
    let model_file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report-model.ron");
    session.model.path = Some(model_file.display().to_string());
    let path = dir.path().join("audit.ron");
    assess::session::save_session(&path, &session).unwrap();
    for lang in ["en", "zh"] {
        let pdf = dir.path().join(format!("audit.{lang}.pdf"));
        let out = Command::new(env!("CARGO_BIN_EXE_assess"))
            .args(["report", "--format", "pdf", "--lang", lang, "-o"])
            .arg(&pdf)
            .arg(&path)
            .env("HOME", dir.path())
            .env("PATH", "/usr/bin:/bin")
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{said}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(said.contains("chromium"), "it says which browser: {said}");
        let text = |args: &[&str]| {
            let o = Command::new("pdftotext")
                .args(args)
                .arg(&pdf)
                .arg("-")
                .output()
                .unwrap();
            String::from_utf8(o.stdout).unwrap()
        };
        let page1 = text(&["-f", "1", "-l", "1"]);
        let data = report::prepare(
            &model,
            &session,
            &ReportOptions {
                lang: lang.into(),
                ..ReportOptions::default()
            },
        );
        assert!(page1.contains("Globex Corporation"), "{lang}: {page1}");
        for part in &data.parts {
            let name = data.level_name(part.result.level);
            assert!(page1.contains(&name), "{lang}: {name} on page 1:\n{page1}");
        }
        let state = assess::lang::Lang::from_code(lang)
            .texts()
            .deliverable
            .draft;
        assert!(page1.contains(state), "{lang}: {state} on page 1:\n{page1}");
        let pages = text(&[]).matches('\u{c}').count();
        println!("PDF report ({lang}): {pages} pages");
        assert!(pages >= 3, "{lang}: {pages} pages");
    }
}
