//! `assess merge`, `conflicts` and `resolve` as a user runs them, and the refusals while
//! conflicts remain (report, sign-off).

mod fixtures;

use std::path::Path;

use assess::session::{Status, load_session, save_session};
use fixtures::{assess_cmd, model, requirement_ids, sample_session};

fn run(home: &Path, args: &[&str]) -> (i32, String, String) {
    let out = assess_cmd(home).args(args).output().expect("assess runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn merge_without_git_then_list_refuse_and_resolve() {
    let model = model();
    let ids = requirement_ids(&model);
    let dir = tempfile::tempdir().expect("tempdir");
    let home = dir.path();
    let base = sample_session(&model);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.set_status(&ids[1], Status::Met, "li").expect("edit");
    ours.set_status(&ids[40], Status::Met, "li").expect("edit");
    theirs
        .set_status(&ids[1], Status::NotMet, "wang")
        .expect("edit");
    for (name, s) in [("base", &base), ("ours", &ours), ("theirs", &theirs)] {
        save_session(&home.join(format!("{name}.ron")), s).expect("save");
    }
    let (code, stdout, stderr) = run(
        home,
        &[
            "merge",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            "-o",
            "out.ron",
        ],
    );
    assert_eq!(code, 1, "conflicts remain: {stdout}{stderr}");
    assert!(stdout.contains("Merged into out.ron"), "{stdout}");
    assert!(stderr.contains("out.ron: C1:"), "{stderr}");
    let merged = load_session(&home.join("out.ron")).expect("a valid session");
    assert_eq!(merged.status(&ids[40]), Some(Status::Met));

    let (code, stdout, _) = run(home, &["conflicts", "out.ron"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains(&format!("C1  {}  (status)", ids[1])),
        "{stdout}"
    );
    assert!(stdout.contains("ours   status: Met  (li, "), "{stdout}");
    assert!(
        stdout.contains("theirs status: Not met  (wang, "),
        "{stdout}"
    );
    let (_, json, _) = run(home, &["conflicts", "out.ron", "--json"]);
    let rows: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(rows[0]["id"], "C1");
    assert_eq!(rows[0]["base"]["value"], "status: Partial");

    let (code, _, stderr) = run(home, &["report", "out.ron", "-o", "out.md"]);
    assert_ne!(code, 0);
    assert!(stderr.contains("1 merge conflict(s) remain"), "{stderr}");
    assert!(!home.join("out.md").exists());
    let (code, _, stderr) = run(home, &["finalize", "out.ron"]);
    assert_ne!(code, 0);
    assert!(stderr.contains("conflict"), "{stderr}");

    let (code, stdout, stderr) = run(
        home,
        &["resolve", "out.ron", "--take", "ours", "--id", "C1"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("resolved C1 (took ours); 0 conflict(s) remain"),
        "{stdout}"
    );
    let (code, _, stderr) = run(home, &["report", "out.ron", "-o", "out.md"]);
    assert_eq!(code, 0, "{stderr}");
    let (_, stdout, _) = run(home, &["log", "out.ron"]);
    assert!(stdout.contains("resolved"), "{stdout}");
}

#[test]
fn a_damaged_side_is_named_and_nothing_is_written() {
    let model = model();
    let dir = tempfile::tempdir().expect("tempdir");
    let home = dir.path();
    save_session(&home.join("base.ron"), &sample_session(&model)).expect("save");
    std::fs::write(home.join("theirs.ron"), "Session(format: 3, title: ").expect("write");
    let (code, _, stderr) = run(
        home,
        &[
            "merge",
            "base.ron",
            "base.ron",
            "theirs.ron",
            "-o",
            "out.ron",
        ],
    );
    assert_ne!(code, 0);
    assert!(stderr.contains("theirs.ron:1:"), "{stderr}");
    assert!(!home.join("out.ron").exists());
}
