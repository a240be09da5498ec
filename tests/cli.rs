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
        missing.contains("no session 'no-such-session'"),
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

/// Errors that suggest the fix, each with the message a person reads.
#[test]
fn errors_suggest_the_fix() {
    let dir = tempfile::tempdir().expect("tempdir");
    let made = stdout(&assess(
        dir.path(),
        &[
            "new",
            "--title",
            "Trading Platform CD",
            "--target",
            "L3",
            "--participant",
            "Zhang Wei",
            "--participant",
            "李娜：测试",
            "--no-open",
        ],
    ));
    let text = std::fs::read_to_string(made.trim()).expect("session");
    assert!(text.contains("\"cd\": 3"), "L3 is level 3: {text}");
    assert!(
        text.contains("name: \"Zhang Wei\",\n        ),"),
        "no role: {text}"
    );
    assert!(
        text.contains("name: \"李娜\",\n            role: \"测试\""),
        "{text}"
    );

    let cases: &[(&[&str], &str)] = &[
        (
            &["open", "trading-platfrom-cd"],
            "assess: no session 'trading-platfrom-cd'; did you mean 'trading-platform-cd'? (`assess list` shows all)\n",
        ),
        (
            &["new", "--target", "L9", "--no-open"],
            "assess: --target 9 is out of range: model caict-devops has levels 0–5 (write 3 or L3)\n",
        ),
        (
            &["report", "trading-platform-cd", "-o", "x.txt"],
            "assess: cannot tell the report's format from 'x.txt', so the report was not written: add --format with one of md, html, csv, json, xlsx, svg, pdf, or name the file .md, .html, .csv or .json\n",
        ),
    ];
    for (args, want) in cases {
        assert_eq!(&stderr_of_failure(&assess(dir.path(), args)), want);
    }
    let not_a_level = stderr_of_failure(&assess(dir.path(), &["new", "--target", "high"]));
    assert!(
        not_a_level.contains("'high' is not a level: write it as 3 or L3"),
        "{not_a_level}"
    );
    let unknown = stderr_of_failure(&assess(dir.path(), &["summary", "inventory"]));
    assert!(
        unknown.starts_with("assess: no session 'inventory' in "),
        "{unknown}"
    );
    assert!(!dir.path().join("x.txt").exists(), "nothing written");
}

/// Every argument and option says what it is for in `--help`.
#[test]
fn every_argument_and_option_has_a_help_line() {
    use clap::CommandFactory;
    fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
        for arg in cmd.get_arguments() {
            if arg.get_help().is_none() && !["help", "version"].contains(&arg.get_id().as_str()) {
                missing.push(format!("{path} {}", arg.get_id()));
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()), missing);
        }
    }
    let mut missing = Vec::new();
    walk(&assess::cli::Cli::command(), "assess", &mut missing);
    assert!(missing.is_empty(), "no help line: {missing:?}");
}
