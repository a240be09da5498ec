//! `assess completions` and `assess man`, checked by the programs that read them: bash parses
//! the script and completes a session name with it, man renders the page without warnings.

use std::path::Path;
use std::process::{Command, Output};

fn assess(dir: &Path, args: &[&str]) -> String {
    assess_in(dir, args, "en")
}

fn assess_in(dir: &Path, args: &[&str], lang: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(args)
        .env("ASSESS_SESSIONS_DIR", dir)
        .env("ASSESS_LANG", lang)
        .output()
        .expect("run assess");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn have(program: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        println!("skipped: {program} is not installed");
    }
    found
}

fn run(program: &str, args: &[&str], dir: &Path) -> Output {
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_assess"))
        .parent()
        .expect("bin dir");
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new(program)
        .args(args)
        .env("PATH", path)
        .env("ASSESS_SESSIONS_DIR", dir)
        .output()
        .expect("run")
}

#[test]
fn bash_accepts_the_script_and_completes_session_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["trading-platform-cd", "payments"] {
        std::fs::write(dir.path().join(format!("{name}.ron")), "").expect("write");
    }
    assert_eq!(
        assess(dir.path(), &["list", "--names"]),
        "payments\ntrading-platform-cd\n"
    );
    let script = dir.path().join("assess.bash");
    std::fs::write(&script, assess(dir.path(), &["completions", "bash"])).expect("write");
    let checked = run("bash", &["-n", script.to_str().expect("utf-8")], dir.path());
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );

    let complete = format!(
        "source {}; COMP_WORDS=(assess open tr); COMP_CWORD=2; _assess assess tr open; \
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display()
    );
    let offered = run("bash", &["-c", &complete], dir.path());
    assert_eq!(
        String::from_utf8_lossy(&offered.stdout),
        "trading-platform-cd\n"
    );
}

#[test]
fn every_shell_gets_a_script() {
    let dir = tempfile::tempdir().expect("tempdir");
    for shell in ["zsh", "fish", "powershell"] {
        let script = assess(dir.path(), &["completions", shell]);
        assert!(script.contains("assess"), "{shell}");
    }
    assert!(assess(dir.path(), &["completions", "zsh"]).contains(":_assess_sessions'"));
    assert!(assess(dir.path(), &["completions", "fish"]).contains("(assess list --names"));
    if have("zsh") {
        let script = dir.path().join("_assess");
        std::fs::write(&script, assess(dir.path(), &["completions", "zsh"])).expect("write");
        let checked = run("zsh", &["-n", script.to_str().expect("utf-8")], dir.path());
        assert!(
            checked.status.success(),
            "{}",
            String::from_utf8_lossy(&checked.stderr)
        );
    }
}

#[test]
fn man_renders_the_page_without_warnings_in_either_language() {
    if !have("man") {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let expected: [(&str, &[&str]); 2] = [
        (
            "en",
            &[
                "SYNOPSIS",
                "COMMANDS",
                "assess open",
                "assess model synth",
                "--participant",
            ],
        ),
        // Chinese headings and help; groff breaks the Chinese lines without a warning.
        (
            "zh",
            &["概要", "命令", "assess open", "新建评估", "--participant"],
        ),
    ];
    for (lang, headings) in expected {
        let page = dir.path().join(format!("assess.{lang}.1"));
        std::fs::write(&page, assess_in(dir.path(), &["man"], lang)).expect("write");
        let shown = run(
            "man",
            &[
                "--warnings",
                "-E",
                "UTF-8",
                "-l",
                page.to_str().expect("utf-8"),
            ],
            dir.path(),
        );
        let warnings = String::from_utf8_lossy(&shown.stderr);
        assert!(
            shown.status.success() && warnings.is_empty(),
            "{lang}: {warnings}"
        );
        let text = String::from_utf8_lossy(&shown.stdout);
        for heading in headings {
            assert!(text.contains(heading), "{lang}: {heading} missing:\n{text}");
        }
    }
}
