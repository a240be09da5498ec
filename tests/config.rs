//! The configuration file: `assess config path|show|check`, every malformed case with its
//! message (and the workbench still opening on the defaults, in a pseudo-terminal), and the
//! defaults it sets for new sessions.

mod support;

use std::path::PathBuf;

use support::{Home, Pty};

fn config_file(home: &Home, text: &str) -> PathBuf {
    let path = home.path().join("config").join("assess").join("config.ron");
    std::fs::create_dir_all(path.parent().expect("dir")).expect("mkdir");
    std::fs::write(&path, text).expect("write");
    path
}

fn out(output: &std::process::Output) -> (bool, String, String) {
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn path_show_and_check() {
    let home = Home::new();
    let default = home.path().join("config/assess/config.ron");
    let (ok, path, _) = out(&home.run(&["config", "path"]));
    assert!(ok);
    assert_eq!(path.trim(), default.display().to_string());
    let (ok, said, _) = out(&home.run(&["config", "check"]));
    assert!(ok, "no file is fine");
    assert!(said.contains("no configuration file"), "{said}");

    let other = home.path().join("mine.ron");
    let text = "(theme: \"high-contrast\", assessor: \"Li Na\", styles: { \"key\": (fg: \"#ff8800\", bold: true) })";
    std::fs::write(&other, text).expect("write");
    let named = other.display().to_string();
    let (ok, path, _) = out(&home.run(&["--config", &named, "config", "path"]));
    assert!(ok);
    assert_eq!(path.trim(), named);
    let (ok, said, _) = out(&home.run(&["--config", &named, "config", "check"]));
    assert!(ok, "{said}");
    assert_eq!(said, format!("{named}: the configuration is valid\n"));
    let (ok, shown, _) = out(&home.run(&["--config", &named, "config", "show"]));
    assert!(ok);
    assert!(shown.contains("assessor: \"Li Na\""), "{shown}");
    assert!(
        shown.contains("auto_advance: true"),
        "defaults filled in: {shown}"
    );

    // `dashed_target` (every theme dashes the radar's target now) still loads, with a note.
    let text = "(theme: \"dark\", dashed_target: true)";
    std::fs::write(&other, text).expect("write");
    let (ok, said, _) = out(&home.run(&["--config", &named, "config", "check"]));
    assert!(ok, "{said}");
    assert!(said.contains("'dashed_target' is ignored"), "{said}");
    assert!(said.contains("the configuration is valid"), "{said}");
    let (ok, shown, _) = out(&home.run(&["--config", &named, "config", "show"]));
    assert!(ok && !shown.contains("dashed_target"), "{shown}");
}

#[test]
fn every_malformed_case_names_file_line_and_fix() {
    let home = Home::new();
    let cases: &[(&str, &str)] = &[
        (
            "(\n  keys: {\n    \"assessment\": { \"y\": \"Save\" },\n  },\n)",
            ":3: unknown action 'Save'; known: Met, Partial,",
        ),
        (
            "(\n  keys: {\n    \"assessment\": { \"hyper-q\": \"Met\" },\n  },\n)",
            ":3: unknown key 'hyper-q'; known: a character",
        ),
        (
            "(\n  keys: {\n    \"assessment\": {\n      \"ctrl-s\": \"Undo\",\n      \"C-s\": \"Redo\",\n    },\n  },\n)",
            ":5: in 'assessment' two actions are on one key (ctrl-s / C-s): Undo (line 4) and Redo; keep one",
        ),
        (
            "(\n  keys: { \"assesment\": { \"m\": \"Met\" } },\n)",
            ":2: unknown context 'assesment'; known: home, new-session, assessment,",
        ),
        (
            "(\n  language: \"zh\"\n  theme: \"light\",\n)",
            ":3:3: the configuration is not valid RON:",
        ),
        (
            "(\n  keys: { \"home\": { \"x\": \"Quit\", \"x\": \"Help\" } },\n)",
            ":2:",
        ),
        (
            "(\n  theme: \"solarized\",\n)",
            ":2: unknown theme 'solarized'; known: dark, light, high-contrast",
        ),
        (
            "(\n  theme: \"light\",\n  styles: {\n    \"selcted\": (fg: \"red\"),\n  },\n)",
            ":4: unknown style 'selcted'; known: text, bold,",
        ),
        (
            "(\n  styles: {\n    \"selected\": (fg: \"black\", bg: \"mauve\"),\n  },\n)",
            ":3: unknown colour 'mauve'; known: red,",
        ),
    ];
    for (text, want) in cases {
        let path = config_file(&home, text);
        let (ok, said, _) = out(&home.run(&["config", "check"]));
        assert!(!ok, "{text}");
        let want = format!("{}{want}", path.display());
        assert!(said.starts_with(&want), "want {want}\n got {said}");
    }
    let missing = home.path().join("nowhere.ron").display().to_string();
    let (ok, said, _) = out(&home.run(&["--config", &missing, "config", "check"]));
    assert!(!ok);
    assert!(
        said.starts_with(&format!("{missing}: cannot read the configuration:")),
        "{said}"
    );
}

#[test]
fn the_defaults_apply_to_new_sessions_and_the_sessions_dir() {
    let home = Home::new();
    let elsewhere = home.path().join("elsewhere");
    config_file(
        &home,
        &format!(
            "(\n  language: \"zh\",\n  auto_advance: false,\n  assessor: \"Li Na\",\n  sessions_dir: \"{}\",\n)",
            elsewhere.display()
        ),
    );
    let made = std::process::Command::new(support::binary())
        .args(["new", "--title", "Configured", "--no-open"])
        .envs(
            home.env()
                .into_iter()
                .filter(|(k, _)| k != "ASSESS_SESSIONS_DIR" && k != "ASSESS_USER"),
        )
        .output()
        .expect("run");
    let (ok, path, err) = out(&made);
    assert!(ok, "{err}");
    assert_eq!(PathBuf::from(path.trim()), elsewhere.join("configured.ron"));
    let session = assess::session::load_session(&elsewhere.join("configured.ron")).expect("load");
    assert_eq!(session.assessors, ["Li Na"]);
    assert_eq!(session.cursor.lang, assess::lang::Lang::Zh);
    assert!(!session.cursor.auto_advance);
}

/// A broken configuration never stops the workbench: it opens on the defaults (`y` still
/// answers Met) and says what is wrong in its status line.
#[test]
fn a_broken_configuration_still_opens_the_workbench() {
    let home = Home::new();
    let made = home.run(&["new", "--title", "Open me", "--no-open"]);
    assert!(made.status.success());
    let missing = home.path().join("nowhere.ron").display().to_string();
    let cases: &[(&str, &str)] = &[
        (
            "(\n  keys: { \"assessment\": { \"y\": \"Save\" } },\n)",
            "unknown action 'Save'",
        ),
        (
            "(\n  keys: { \"assessment\": { \"f\": \"Met\", \"F\": \"x\" \n",
            "not valid RON",
        ),
        (
            "(\n  keys: { \"home\": { \"C-x\": \"Quit\", \"ctrl-x\": \"Help\" } },\n)",
            "two actions are on one key",
        ),
        ("(theme: \"solarized\")", "unknown theme 'solarized'"),
        ("", "cannot read the configuration"),
    ];
    for (n, (text, said)) in cases.iter().enumerate() {
        let mut args = vec!["open", "open-me"];
        if text.is_empty() {
            args.splice(0..0, ["--config", missing.as_str()]);
        } else {
            config_file(&home, text);
        }
        let mut pty = Pty::spawn(&home, &args, 200, 30);
        let screen = pty.wait_for(said);
        assert!(screen.contains("defaults are in force"), "{screen}");
        pty.send("y");
        pty.wait_for(&format!(" {}/", n + 1));
        pty.send("q");
        assert!(pty.wait_exit().success());
    }
}
