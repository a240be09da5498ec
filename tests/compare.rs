//! `assess diff`, baselines and `assess rollup` against hand-checked expected output for the
//! shipped sample session and a year-later copy of it made here.

mod fixtures;

use std::path::{Path, PathBuf};

use assess::session::{Status, load_session, save_session};
use fixtures::assess_cmd;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/eastbridge-trading-platform.ron")
}

/// Asserts `actual` is `tests/expected/NAME`; `UPDATE_EXPECTED=1 cargo test --test compare`
/// rewrites the file (review the change before committing it).
fn assert_expected(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/expected")
        .join(name);
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(&path, actual).expect("write expected");
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(actual, expected, "{} differs", path.display());
}

/// `last.ron` (the sample) and `now.ron` (a year later: one practice climbed, one note, one
/// piece of evidence, one N/A) in a temp dir.
fn last_and_now() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(sample(), dir.path().join("last.ron")).expect("copy");
    let mut s = load_session(&sample()).expect("sample loads");
    s.title = "Equities Trading Platform — CD assessment 2027".into();
    for id in ["cd.build.ci.frequency.l4.1", "cd.build.ci.frequency.l4.2"] {
        s.set_status(id, Status::Met, "Chen Jing").expect("edit");
    }
    s.set_note(
        "cd.config.vc.vcs.l2.1",
        "All repositories have owners now.",
        "Chen Jing",
    )
    .expect("edit");
    s.detach_evidence("cd.config.vc.vcs.l2.1", "E1", "Chen Jing")
        .expect("edit");
    s.set_not_applicable(
        "cd.config.vc.vcs.l3.2",
        "Scripts retired with the jump host",
        "Chen Jing",
    )
    .expect("edit");
    save_session(&dir.path().join("now.ron"), &s).expect("save");
    dir
}

fn run(dir: &Path, args: &[&str]) -> (bool, String, String) {
    let out = assess_cmd(dir).args(args).output().expect("assess runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn diff_lists_requirement_changes_then_level_and_score_deltas() {
    let dir = last_and_now();
    let (ok, text, err) = run(dir.path(), &["diff", "last.ron", "now.ron"]);
    assert!(ok, "{err}");
    assert_expected("eastbridge.diff.txt", &text);
    let (ok, json, err) = run(dir.path(), &["diff", "last.ron", "now.ron", "--json"]);
    assert!(ok, "{err}");
    let d: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(d["answers"].as_array().map(Vec::len), Some(6));
    assert_eq!(d["practices"][0]["id"], "cd.build.ci.frequency");
    assert_eq!(d["only_then"].as_array().map(Vec::len), Some(0));
}

#[test]
fn a_session_with_a_baseline_shows_then_and_now_in_its_summary() {
    let dir = last_and_now();
    let (ok, _, err) = run(
        dir.path(),
        &[
            "new",
            "--title",
            "Trading 2028",
            "--parts",
            "cd",
            "--baseline",
            "now.ron",
            "--no-open",
        ],
    );
    assert!(ok, "{err}");
    let s = load_session(&dir.path().join("sessions/trading-2028.ron")).expect("created");
    assert!(
        s.baseline
            .as_deref()
            .is_some_and(|b| b.ends_with("now.ron")),
        "{:?}",
        s.baseline
    );
    let (ok, text, err) = run(dir.path(), &["summary", "now.ron"]);
    assert!(ok, "{err}");
    assert!(!text.contains("baseline"), "no baseline named yet: {text}");
    let mut now = load_session(&dir.path().join("now.ron")).expect("load");
    now.set_baseline(Some("last.ron".into()), "Chen Jing")
        .expect("set");
    save_session(&dir.path().join("now.ron"), &now).expect("save");
    let (ok, text, err) = run(dir.path(), &["summary", "now.ron"]);
    assert!(ok, "{err}");
    let from = text
        .find("Against the baseline")
        .expect("a baseline section");
    let section: String = text[from..].lines().take(10).collect::<Vec<_>>().join("\n");
    assert_expected("eastbridge.baseline.txt", &section);
    // Every report format carries then → now.
    for (file, wanted) in [
        ("now.md", "| Then → now |"),
        ("now.html", "<th>Then → now</th>"),
        ("now.csv", ",domain_then_now\r\n"),
        ("now.json", "\"then\": 3"),
    ] {
        let (ok, _, err) = run(dir.path(), &["report", "now.ron", "-o", file]);
        assert!(ok, "{err}");
        let text = std::fs::read_to_string(dir.path().join(file)).expect("report");
        assert!(text.contains(wanted), "{file}: {wanted}");
    }
    let md = std::fs::read_to_string(dir.path().join("now.md")).expect("md");
    // The domain's row ends with its level then → now (its counts follow the model).
    let row = md
        .lines()
        .find(|l| l.starts_with("| Build and Continuous Integration | 3 | 3.21 | 3 | 0 |"))
        .unwrap_or_else(|| panic!("{md}"));
    assert!(row.ends_with("| 3 → 3 |"), "{row}");
}

#[test]
fn rollup_of_projects_lists_skipped_files_with_reasons() {
    let dir = last_and_now();
    let other = std::fs::read_to_string(sample())
        .expect("read")
        .replace("id: \"caict-devops\"", "id: \"other-model\"");
    std::fs::write(dir.path().join("other.ron"), other).expect("write");
    std::fs::write(dir.path().join("damaged.ron"), "Session(format: 3, title: ").expect("write");
    let (ok, md, err) = run(dir.path(), &["rollup", "."]);
    assert!(ok, "{err}");
    assert_expected("rollup.md", &md);
    assert!(err.contains("skipped ./damaged.ron"), "{err}");
    let (ok, csv, _) = run(
        dir.path(),
        &["rollup", "last.ron", "now.ron", "--format", "csv"],
    );
    assert!(ok);
    assert_expected("rollup.csv", &csv);
    let (ok, _, err) = run(dir.path(), &["rollup", ".", "-o", "org.html"]);
    assert!(ok, "{err}");
    let html = std::fs::read_to_string(dir.path().join("org.html")).expect("written");
    assert!(html.contains("<td class=\"l3\">3</td>"), "{html}");
    assert!(
        html.contains("other.ron: made on model other-model"),
        "{html}"
    );
    let (ok, json, _) = run(dir.path(), &["rollup", ".", "--format", "json"]);
    assert!(ok);
    let r: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(r["projects"].as_array().map(Vec::len), Some(2));
    assert_eq!(r["skipped"].as_array().map(Vec::len), Some(2));
    // In Chinese the reasons are Chinese too, the damaged file's as well.
    let (ok, json, _) = run(
        dir.path(),
        &["rollup", ".", "--format", "json", "--lang", "zh"],
    );
    assert!(ok);
    let r: serde_json::Value = serde_json::from_str(&json).expect("json");
    let reasons: Vec<&str> = r["skipped"]
        .as_array()
        .expect("skipped")
        .iter()
        .filter_map(|s| s["reason"].as_str())
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("基于模型 other-model")),
        "{reasons:?}"
    );
    let damaged = reasons
        .iter()
        .find(|r| !r.starts_with("基于模型"))
        .expect("damaged");
    assert!(
        !damaged.starts_with(|c: char| c.is_ascii_alphabetic()),
        "{damaged}"
    );
}
