//! The command line, run as the real binary against real files in a temporary sessions dir.

use std::path::Path;
use std::process::{Command, Output};

fn assess(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(args)
        .env("ASSESS_SESSIONS_DIR", dir)
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("xdg"))
        .env("ASSESS_USER", "tester")
        .output()
        .expect("run assess")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

fn stderr_of_failure(out: &Output) -> String {
    assert!(
        !out.status.success(),
        "expected failure, got: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr.clone()).expect("utf-8")
}

#[test]
fn new_then_list_then_summary_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = stdout(&assess(
        dir.path(),
        &[
            "new",
            "--title",
            "Trading Platform",
            "--organisation",
            "Example Securities",
            "--parts",
            "cd",
            "--target",
            "3",
            "--no-open",
        ],
    ));
    let path = path.trim();
    assert_eq!(Path::new(path), dir.path().join("trading-platform.ron"));
    let again = stdout(&assess(
        dir.path(),
        &["new", "--title", "Trading Platform", "--no-open"],
    ));
    assert!(
        again.trim().ends_with("trading-platform-2.ron"),
        "never overwrites: {again}"
    );

    let list = stdout(&assess(dir.path(), &["list"]));
    assert!(
        list.contains("trading-platform\tTrading Platform\tcaict-devops"),
        "{list}"
    );
    let listed: serde_json::Value =
        serde_json::from_str(&stdout(&assess(dir.path(), &["list", "--json"]))).expect("json");
    assert_eq!(listed.as_array().map(Vec::len), Some(2));

    let summary: serde_json::Value = serde_json::from_str(&stdout(&assess(
        dir.path(),
        &["summary", "trading-platform", "--json"],
    )))
    .expect("json");
    assert_eq!(summary["title"], "Trading Platform");
    assert_eq!(summary["answered"], 0);
    assert!(summary["total"].as_u64().expect("total") > 0);
    let part = &summary["parts"][0];
    assert_eq!(part["id"], "cd");
    assert_eq!(part["name"], "Continuous Delivery");
    assert_eq!(part["target"], 3);
    for key in ["level", "score", "answered", "total"] {
        assert!(part[key].is_number(), "part has {key}");
        assert!(part["domains"][0][key].is_number(), "domain has {key}");
    }
    // The same session by path.
    let by_path: serde_json::Value =
        serde_json::from_str(&stdout(&assess(dir.path(), &["summary", path, "--json"])))
            .expect("json");
    assert_eq!(by_path, summary);
}

#[test]
fn model_show_json_exposes_the_whole_tree() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tree: serde_json::Value = serde_json::from_str(&stdout(&assess(
        dir.path(),
        &["model", "show", "caict-devops", "--json"],
    )))
    .expect("json");
    let parts = tree["parts"].as_array().expect("parts");
    let cd = parts.iter().find(|p| p["id"] == "cd").expect("cd part");
    let practice = &cd["domains"][0]["items"][0]["practices"][0];
    assert_eq!(practice["id"], "cd.config.vc.vcs");
    let level3 = &practice["levels"][2];
    assert_eq!(level3["level"], 3);
    let requirement = &level3["requirements"][1];
    assert_eq!(requirement["id"], "cd.config.vc.vcs.l3.2");
    assert!(
        requirement["text"]["en"]
            .as_str()
            .is_some_and(|s| !s.is_empty())
    );
    assert!(
        requirement["text"]["zh"]
            .as_str()
            .is_some_and(|s| !s.is_empty())
    );
    assert!(
        ["document", "demo", "either"]
            .contains(&requirement["evidence"].as_str().expect("evidence"))
    );

    let listed = stdout(&assess(dir.path(), &["model", "list"]));
    assert!(listed.starts_with("caict-devops\t"), "{listed}");
    assert!(stdout(&assess(dir.path(), &["model", "validate"])).contains(": valid ("));
}

#[test]
fn errors_are_clear_and_exit_non_zero() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = stderr_of_failure(&assess(dir.path(), &["summary", "no-such-session"]));
    assert!(
        missing.contains("no session \"no-such-session\""),
        "{missing}"
    );

    let bad_target = stderr_of_failure(&assess(dir.path(), &["new", "--target", "9", "--no-open"]));
    assert!(bad_target.contains("--target"), "{bad_target}");
    let bad_part = stderr_of_failure(&assess(
        dir.path(),
        &["new", "--parts", "cd,nope", "--no-open"],
    ));
    assert!(bad_part.contains("\"nope\""), "{bad_part}");

    let model = dir.path().join("broken.ron");
    std::fs::write(&model, "Model(id: \"x\",\n  name: {\"en\": \"X\"}\n  oops").expect("write");
    let broken = stderr_of_failure(&assess(
        dir.path(),
        &["model", "validate", model.to_str().expect("utf-8")],
    ));
    assert!(
        broken.contains(&format!("{}:3:3", model.display())),
        "{broken}"
    );

    let damaged = dir.path().join("damaged.ron");
    std::fs::write(&damaged, "Session(format: 1, title: ").expect("write");
    let err = stderr_of_failure(&assess(dir.path(), &["summary", "damaged"]));
    assert!(
        err.contains("damaged.ron:1:") && err.contains("damaged"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&damaged).expect("read"),
        "Session(format: 1, title: "
    );
}

#[test]
fn model_synth_writes_a_model_and_a_session_that_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("synth");
    let args = ["model", "synth", "--requirements", "300", "--answers", "40"];
    let printed = stdout(&assess(
        dir.path(),
        &[&args[..], &["-o", out.to_str().expect("utf-8 path")]].concat(),
    ));
    let model = out.join("synthetic-300.ron");
    let session = out.join("sessions").join("synthetic-300-40.ron");
    assert!(printed.contains("synthetic-300.ron") && printed.contains("synthetic-300-40.ron"));
    let valid = stdout(&assess(
        dir.path(),
        &["model", "validate", model.to_str().expect("path")],
    ));
    assert!(valid.contains("300 requirements"), "{valid}");
    let summary = stdout(&assess(
        dir.path(),
        &["summary", session.to_str().expect("path")],
    ));
    assert!(summary.contains("40/300"), "{summary}");
    // The same seed writes the same model; existing files are not replaced.
    let again = assess(
        dir.path(),
        &[&args[..], &["-o", out.to_str().expect("utf-8 path")]].concat(),
    );
    assert!(stderr_of_failure(&again).contains("already exists"));
}
