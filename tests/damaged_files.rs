//! Damaged session and model files: each gives a clear error naming the file and the place,
//! never a panic, and the file's bytes (and the whole directory) are untouched afterwards.

mod fixtures;

use std::path::Path;

use assess::model::{ModelError, load_path};
use assess::session::{SessionError, load_session, open_session};
use fixtures::{assess_cmd, saved_sample, snapshot};

/// Replaces the saved sample's bytes with `damage(original)`, loads it, and checks that the
/// directory is byte-for-byte unchanged; returns the error.
fn load_damaged(damage: impl FnOnce(&str) -> Vec<u8>) -> (SessionError, String) {
    let (dir, path, _) = saved_sample("audit");
    let original = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, damage(&original)).expect("write damage");
    let before = snapshot(dir.path());
    let err = load_session(&path).expect_err("a damaged file must not load");
    let via_open = open_session(&path).expect_err("nor open");
    assert_eq!(
        snapshot(dir.path()),
        before,
        "loading changed the directory"
    );
    let message = err.to_string();
    assert!(message.contains("audit.ron"), "names the file: {message}");
    assert_eq!(format!("{via_open:#}"), message, "open says the same");
    (err, message)
}

fn place(err: &SessionError) -> (usize, usize) {
    match err {
        SessionError::Damaged { line, column, .. } => (*line, *column),
        other => panic!("expected Damaged, got {other:?}"),
    }
}

#[test]
fn truncated_file() {
    let (err, message) = load_damaged(|s| s.as_bytes()[..s.len() / 2].to_vec());
    let (line, _) = place(&err);
    assert!(line > 1, "points into the file: {message}");
    assert!(message.contains("was not changed"), "{message}");
    assert!(
        message.contains("audit.ron.bak"),
        "mentions the backup: {message}"
    );
}

#[test]
fn garbage() {
    let (err, _) = load_damaged(|_| b"\x01\x02 this is not a session {{{".to_vec());
    assert_eq!(place(&err), (1, 1));
}

#[test]
fn empty_and_blank_files() {
    let (err, message) = load_damaged(|_| Vec::new());
    assert_eq!(place(&err), (1, 1));
    assert!(message.contains("empty"), "{message}");
    let (_, message) = load_damaged(|_| b"  \n\n ".to_vec());
    assert!(message.contains("empty"), "{message}");
}

#[test]
fn not_utf8() {
    let (err, message) = load_damaged(|s| {
        let mut b = s.as_bytes().to_vec();
        let at = s.find("Workshop").expect("title");
        b[at + 2] = 0xff;
        b
    });
    let (line, column) = place(&err);
    assert_eq!(line, 4, "{message}");
    assert!(column > 1, "{message}");
    assert!(message.contains("not UTF-8"), "{message}");
}

#[test]
fn newer_format_version() {
    let (err, message) = load_damaged(|s| s.replace("format: 3,", "format: 7,").into_bytes());
    assert!(
        matches!(err, SessionError::NewerFormat { found: 7, .. }),
        "{err:?}"
    );
    assert!(message.contains("newer assess"), "{message}");
    // A newer format with fields this build does not know is still "newer", not "damaged".
    let (err, _) = load_damaged(|s| {
        s.replace("format: 3,", "format: 4,\n    colour: \"red\",")
            .into_bytes()
    });
    assert!(
        matches!(err, SessionError::NewerFormat { found: 4, .. }),
        "{err:?}"
    );
}

#[test]
fn unknown_field() {
    let (err, message) = load_damaged(|s| {
        s.replace("    scope:", "    colour: \"red\",\n    scope:")
            .into_bytes()
    });
    assert_eq!(place(&err).0, 6, "{message}");
    assert!(message.contains("colour"), "{message}");
}

#[test]
fn duplicate_answer_key() {
    let (err, message) = load_damaged(|s| {
        // The first answer entry, written a second time right after itself.
        let start = s.find("answers: {\n").expect("answers") + "answers: {\n".len();
        let end = start + s[start..].find("\n        ),\n").expect("entry end") + 11;
        let entry = &s[start..end];
        format!("{}{entry}{}", &s[..end], &s[end..]).into_bytes()
    });
    assert!(message.contains("appears twice"), "{message}");
    let (_, _, session) = saved_sample("other");
    let first_key = session.answers.keys().next().expect("an answer");
    assert!(
        message.contains(first_key.as_str()),
        "names the key: {message}"
    );
    assert!(place(&err).0 > 20, "{message}");
}

#[test]
fn duplicate_evidence_key_and_duplicate_field() {
    let (_, message) = load_damaged(|s| {
        s.replace(
            "evidence: {\n",
            "evidence: {\n        \"E1\": Evidence(title: \"x\"),\n",
        )
        .into_bytes()
    });
    assert!(message.contains("\"E1\" appears twice"), "{message}");
    let (_, message) = load_damaged(|s| {
        s.replace("    scope:", "    title: \"again\",\n    scope:")
            .into_bytes()
    });
    assert!(message.contains("duplicate field"), "{message}");
}

#[test]
fn a_100_mb_file_is_refused_before_it_is_read() {
    let (dir, path, _) = saved_sample("huge");
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("open");
    file.set_len(100 * 1000 * 1000).expect("sparse 100 MB");
    drop(file);
    let before = snapshot(dir.path());
    let err = load_session(&path).expect_err("too large");
    assert!(matches!(err, SessionError::TooLarge { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("huge.ron"), "{message}");
    assert!(message.contains("100.0 MB"), "{message}");
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn the_cli_reports_damage_with_file_and_place_and_fails() {
    let (dir, path, _) = saved_sample("audit");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, &text[..text.len() / 3]).expect("truncate");
    let before = snapshot(dir.path());
    let out = assess_cmd(dir.path())
        .arg("summary")
        .arg(&path)
        .output()
        .expect("run");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("audit.ron:"), "{stderr}");
    assert!(stderr.contains("damaged"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(snapshot(dir.path()), before);
}

// ---- model files ----

fn bundled_model_text() -> String {
    assess::model::EMBEDDED_MODELS[0].2.to_string()
}

fn load_damaged_model(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("mine.ron");
    std::fs::write(&path, bytes).expect("write");
    let before = snapshot(dir.path());
    let err = load_path(&path).expect_err("a damaged model must not load");
    assert_eq!(snapshot(dir.path()), before);
    let message = err.to_string();
    assert!(message.contains("mine.ron"), "names the file: {message}");
    message
}

fn assert_located(message: &str) {
    // `path:line:column: …`
    let rest = message.split("mine.ron:").nth(1).expect("a place");
    let mut parts = rest.splitn(3, ':');
    let line = parts.next().and_then(|l| l.parse::<usize>().ok());
    let column = parts.next().and_then(|c| c.parse::<usize>().ok());
    assert!(line.is_some() && column.is_some(), "{message}");
}

#[test]
fn damaged_model_files() {
    let good = bundled_model_text();
    let truncated = load_damaged_model(&good.as_bytes()[..good.len() / 2]);
    assert_located(&truncated);
    assert_located(&load_damaged_model(b""));
    assert_located(&load_damaged_model(b"\x00garbage\xff"));
    let mut bad_utf8 = good.clone().into_bytes();
    bad_utf8[400] = 0xfe;
    let message = load_damaged_model(&bad_utf8);
    assert_located(&message);
    assert!(message.contains("UTF-8"), "{message}");
    let unknown = load_damaged_model(
        good.replacen("    rollup:", "    colour: \"red\",\n    rollup:", 1)
            .as_bytes(),
    );
    assert_located(&unknown);
    assert!(unknown.contains("colour"), "{unknown}");
    let dup = load_damaged_model(
        good.replacen("{\"en\": ", "{\"en\": \"x\", \"en\": ", 1)
            .as_bytes(),
    );
    assert_located(&dup);
    assert!(dup.contains("\"en\" appears twice"), "{dup}");
}

#[test]
fn a_100_mb_model_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("mine.ron");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(100 * 1000 * 1000).expect("sparse");
    let err = load_path(&path).expect_err("too large");
    assert!(matches!(err, ModelError::TooLarge { .. }), "{err:?}");
    assert!(err.to_string().contains("mine.ron"), "{err}");
}

#[test]
fn a_missing_session_is_not_found_not_damaged() {
    let err = load_session(Path::new("/nonexistent/dir/none.ron")).expect_err("missing");
    assert!(matches!(err, SessionError::NotFound { .. }), "{err:?}");
}
