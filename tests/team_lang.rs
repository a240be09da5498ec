//! The team commands speak the chosen language: `merge`, `conflicts`, `resolve`, `git-setup`,
//! `diff` and `rollup` (their output and their errors), in English and Chinese, against
//! hand-checked transcripts; the history panel's words for merges and resolutions come from
//! codes, so `assess log` shows them in either language.

mod fixtures;

use std::path::{Path, PathBuf};
use std::process::Command;

use assess::session::{Status, load_session, save_session};
use fixtures::assess_cmd;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/eastbridge-trading-platform.ron")
}

/// Asserts `actual` is `tests/expected/NAME` (`UPDATE_EXPECTED=1` rewrites it: review it).
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

/// Base (the sample), ours and theirs: each side answered one requirement its own way, both
/// answered the same one differently, and theirs removed a sign-off-free note.
fn three_sides(dir: &Path) {
    std::fs::copy(sample(), dir.join("base.ron")).expect("copy");
    let base = load_session(&sample()).expect("sample");
    let logged = base.history.len();
    let side = |who: &str, status: Status, own: &str, at: &str| {
        let mut s = base.clone();
        s.set_status("cd.config.vc.vcs.l2.1", status, who)
            .expect("edit");
        s.set_status(own, Status::Met, who).expect("edit");
        // Fixed times, so the transcripts do not depend on the day they run.
        for c in s.history[logged..].iter_mut() {
            c.at = at.to_string();
        }
        for id in ["cd.config.vc.vcs.l2.1", own] {
            s.answers.get_mut(id).expect("answered").at = at.to_string();
        }
        s
    };
    let ours = side(
        "Li Na",
        Status::NotMet,
        "cd.build.ci.frequency.l4.1",
        "2027-03-01T09:00:00Z",
    );
    let theirs = side(
        "Wang Wei",
        Status::Partial,
        "cd.build.ci.frequency.l4.2",
        "2027-03-02T09:00:00Z",
    );
    save_session(&dir.join("ours.ron"), &ours).expect("save");
    save_session(&dir.join("theirs.ron"), &theirs).expect("save");
}

/// Runs the binary; returns its exit code and what it printed (stdout, then stderr).
fn run(dir: &Path, lang: &str, args: &[&str]) -> (i32, String) {
    let out = assess_cmd(dir)
        .env("ASSESS_LANG", lang)
        .args(args)
        .output()
        .expect("assess runs");
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

/// One transcript of a merge with a conflict, its listing, its resolution and the log's last
/// lines, in `lang`.
fn merge_transcript(lang: &str) -> String {
    let dir = tempfile::tempdir().expect("tmp");
    three_sides(dir.path());
    let mut t = String::new();
    let mut step = |args: &[&str]| {
        let (code, text) = run(dir.path(), lang, args);
        t.push_str(&format!(
            "$ assess {}  (exit {code})\n{text}",
            args.join(" ")
        ));
    };
    step(&[
        "merge",
        "base.ron",
        "ours.ron",
        "theirs.ron",
        "-o",
        "out.ron",
    ]);
    step(&["conflicts", "out.ron"]);
    // A report is refused while conflicts remain, in the reader's language.
    step(&["report", "out.ron", "--format", "md"]);
    step(&["resolve", "out.ron", "--take", "theirs", "--all"]);
    step(&["conflicts", "out.ron"]);
    step(&["resolve", "out.ron", "--take", "ours", "--id", "C9"]);
    // What the merge and the resolution logged, in the reader's language.
    let (_, log) = run(dir.path(), lang, &["log", "out.ron"]);
    let tail: Vec<&str> = log.lines().rev().take(4).collect();
    for line in tail.into_iter().rev() {
        // The time of the merge varies; the rest is the transcript.
        t.push_str(&format!(
            "log: {}\n",
            line.split_once("  ").map_or(line, |(_, r)| r)
        ));
    }
    t
}

#[test]
fn merge_conflicts_and_resolve_speak_english_and_chinese() {
    assert_expected("team.merge.en.txt", &merge_transcript("en"));
    assert_expected("team.merge.zh.txt", &merge_transcript("zh"));
}

#[test]
fn diff_and_rollup_speak_chinese() {
    let dir = tempfile::tempdir().expect("tmp");
    three_sides(dir.path());
    let (code, diff) = run(
        dir.path(),
        "en",
        &["diff", "base.ron", "ours.ron", "--lang", "zh"],
    );
    assert_eq!(code, 0, "{diff}");
    assert_expected("team.diff.zh.txt", &diff);
    std::fs::write(dir.path().join("damaged.ron"), "Session(format: 3, title: ").expect("write");
    let (code, rollup) = run(dir.path(), "zh", &["rollup", "ours.ron", "theirs.ron"]);
    assert_eq!(code, 0, "{rollup}");
    assert_expected("team.rollup.zh.md", &rollup);
    let (_, html) = run(
        dir.path(),
        "zh",
        &["rollup", "ours.ron", "--format", "html"],
    );
    assert!(html.contains("<html lang=\"zh\">"), "{html}");
    assert!(html.contains("<h2>各项目中最薄弱的实践</h2>"), "{html}");
}

#[test]
fn git_setup_speaks_the_chosen_language() {
    let dir = tempfile::tempdir().expect("tmp");
    let git = Command::new("git")
        .args(["init", "-q"])
        .current_dir(dir.path())
        .status();
    if !git.is_ok_and(|s| s.success()) {
        eprintln!("skipped: git is not installed");
        return;
    }
    let exe = env!("CARGO_BIN_EXE_assess");
    let repo = dir.path().display().to_string();
    let shown = |text: String| text.replace(exe, "ASSESS").replace(&repo, "REPO");
    let (code, first) = run(dir.path(), "zh", &["git-setup"]);
    assert_eq!(code, 0, "{first}");
    let (_, again) = run(dir.path(), "en", &["git-setup", "--lang", "zh"]);
    assert_expected("team.git-setup.zh.txt", &shown(first + &again));
    let (_, en) = run(dir.path(), "en", &["git-setup"]);
    assert!(en.contains(".gitattributes: already set up"), "{en}");
    let elsewhere = tempfile::tempdir().expect("tmp");
    let (code, refused) = run(elsewhere.path(), "zh", &["git-setup"]);
    assert_ne!(code, 0);
    assert!(refused.contains("不在 git 仓库中"), "{refused}");
}
