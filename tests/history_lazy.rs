//! A session's history is read after everything else (the first frame does not need it):
//! nothing about the session changes for that — it opens, edits, saves and keeps every entry,
//! old layouts open, the sign-off hash is the same, and a damaged history is never saved over.

mod support;

use std::collections::BTreeSet;
use std::path::Path;

use assess::model::load_embedded;
use assess::session::{
    Change, NewSession, Session, SessionError, content_hash, fresh_id, load_session,
    load_session_lazily, save_session,
};
use support::{Home, Pty};

const ENTRIES: usize = 5_000;

/// A session with `ENTRIES` history entries, saved at `file`.
fn worked_for_a_year(file: &Path) -> Session {
    worked_with(file, ENTRIES)
}

/// A session with `entries` history entries, saved at `file`.
fn worked_with(file: &Path, entries: usize) -> Session {
    let model = load_embedded("caict-devops").expect("model");
    let mut s = Session::new(
        &model,
        NewSession {
            title: "Year".into(),
            assessors: vec!["li".into()],
            parts: vec!["cd".into()],
            ..NewSession::default()
        },
    )
    .expect("new");
    for i in 0..entries {
        s.history.push(Change {
            id: fresh_id(),
            at: format!("2026-01-01T10:{:02}:{:02}Z", i / 60 % 60, i % 60),
            by: "li".into(),
            target: format!("cd.req.{i}"),
            field: "note".into(),
            old: String::new(),
            // Text in a note that looks like the field must stay text.
            new: format!("line {i}\n    history: [\n\"quoted\" ]"),
            via: String::new(),
        });
    }
    save_session(file, &s).expect("save");
    s
}

fn ids(s: &Session) -> BTreeSet<String> {
    s.history.iter().map(|c| c.id.clone()).collect()
}

#[test]
fn the_history_is_written_last_and_read_when_needed() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("year.ron");
    let written = worked_for_a_year(&file);
    let text = std::fs::read_to_string(&file).expect("read");
    let tail: String = text.trim_end().chars().rev().take(12).collect();
    assert!(
        tail.starts_with(")\n,]"),
        "history is the last field: {tail:?}"
    );

    let lazy = load_session_lazily(&file).expect("opens");
    assert!(!lazy.history.is_parsed(), "the history waits until needed");
    assert_eq!(lazy.title, "Year");
    assert_eq!(
        content_hash(&lazy),
        content_hash(&written),
        "same sign-off hash"
    );
    assert!(lazy.history.is_parsed());
    assert_eq!(lazy, load_session(&file).expect("eager"));
}

#[test]
fn files_with_the_history_among_other_fields_still_open() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("old.ron");
    let written = worked_for_a_year(&file);
    let text = std::fs::read_to_string(&file).expect("read");
    // The layout of earlier builds: the history before the fields that follow it there.
    let start = text.find("\n    history: [").expect("history");
    let end = text.rfind("\n)").expect("end");
    let field = &text[start..end];
    let old = text[..start].to_string() + &text[end..];
    let at = old.find("\n    cursor:").expect("cursor");
    let old = format!("{}{field}{}", &old[..at], &old[at..]);
    std::fs::write(&file, &old).expect("write");
    let lazy = load_session_lazily(&file).expect("opens");
    assert_eq!(ids(&lazy), ids(&written));
    assert_eq!(lazy, written);
}

#[test]
fn a_damaged_history_is_reported_at_its_line_and_never_saved_over() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("bad.ron");
    worked_for_a_year(&file);
    let text = std::fs::read_to_string(&file).expect("read");
    let at = text.rfind("            by: \"li\",").expect("entry");
    let line = text[..at].lines().count() + 1;
    let bad = format!(
        "{}            bye: \"li\",{}",
        &text[..at],
        &text[at + 22..]
    );
    std::fs::write(&file, &bad).expect("write");
    match load_session(&file) {
        Err(SessionError::Damaged { line: l, .. }) => assert_eq!(l, line),
        other => panic!("damaged expected, got {other:?}"),
    }
    let mut lazy = load_session_lazily(&file).expect("the rest opens");
    lazy.title = "Edited".into();
    let refused = save_session(&file, &lazy).expect_err("refused");
    assert!(
        refused.to_string().contains(&format!("bad.ron:{line}:")),
        "{refused}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        bad,
        "unchanged"
    );
}

#[test]
fn a_history_parsing_in_the_background_survives_being_asked_to_parse_again() {
    // The workbench asks after every frame; a second ask once dropped the parse under way,
    // and the history read as empty and was saved so: the whole audit trail lost.
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("year.ron");
    let written = worked_for_a_year(&file);
    let lazy = load_session_lazily(&file).expect("opens");
    lazy.history.parse_in_background();
    lazy.history.parse_in_background();
    lazy.history.parse_in_background();
    assert_eq!(lazy.history.len(), ENTRIES);
    assert_eq!(ids(&lazy), ids(&written));
}

#[test]
fn the_workbench_opens_edits_and_saves_a_long_history_whole() {
    let home = Home::new();
    std::fs::create_dir_all(home.sessions()).expect("dir");
    let file = home.sessions().join("year.ron");
    // Over 2 MiB: the workbench opens it from its head and reads the history after.
    let before = worked_with(&file, LONG);
    let mut pty = Pty::spawn(&home, &["open", "year"], 120, 36);
    pty.wait_for("0/");
    pty.send("y");
    pty.wait_for("1/");
    pty.send("q");
    assert!(pty.wait_exit().success());
    let after = load_session(&file).expect("load");
    assert!(ids(&after).is_superset(&ids(&before)), "every entry kept");
    assert!(after.history.len() > LONG, "the answer is logged");
    assert_eq!(after.history[..LONG], before.history[..]);
}

#[test]
fn a_long_file_changed_by_another_program_is_not_saved_over() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("year.ron");
    worked_for_a_year(&file);
    let size = std::fs::metadata(&file).expect("size").len();
    assert!(
        size > 1 << 20,
        "large enough to be hashed after the first frame: {size}"
    );
    // As the workbench opens it: watched, read (the digest is of those very bytes), hashed
    // on another core later.
    let mut guard = assess::session::SaveGuard::watch(&file);
    let mut s = load_session_lazily(&file).expect("opens");
    guard.read_from(s.history.source().expect("still text"));
    guard.digest_in_background();
    let theirs = std::fs::read_to_string(&file).expect("read") + "\n";
    std::fs::write(&file, &theirs).expect("another program writes");
    s.title = "Ours".into();
    let refused = guard
        .save(&file, &s, &mut None)
        .expect_err("not saved over");
    assert!(
        matches!(refused, SessionError::Conflict { .. }),
        "{refused}"
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), theirs);
}

/// Enough entries for a file over 2 MiB, which opens from its head: the history is not read
/// from the disk until it is needed.
const LONG: usize = 12_000;

#[test]
fn a_long_file_opens_from_its_head_and_reads_its_history_when_needed() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("long.ron");
    let written = worked_with(&file, LONG);
    assert!(std::fs::metadata(&file).expect("size").len() > 2 << 20);
    let lazy = load_session_lazily(&file).expect("opens");
    let text = lazy
        .history
        .source()
        .expect("the history is still in the file");
    assert_eq!(
        format!("{text:?}"),
        "FileText { read: false }",
        "nor read yet"
    );
    assert_eq!(lazy.title, "Year");
    assert_eq!(lazy.history.len(), LONG);
    assert_eq!(lazy, written);
    assert_eq!(
        *text.get().expect("read"),
        std::fs::read_to_string(&file).expect("read"),
        "the very bytes on disk (the save guard hashes them)"
    );
}

#[test]
fn a_long_file_replaced_after_its_head_was_read_keeps_the_history_it_began_with() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("long.ron");
    let written = worked_with(&file, LONG);
    let lazy = load_session_lazily(&file).expect("opens");
    // Another program replaces the file as assess does: a new file renamed over it.
    let mut other = written.clone();
    other.history.truncate(10);
    save_session(&file, &other).expect("replaced");
    assert_eq!(
        lazy.history.len(),
        LONG,
        "read from the file that was opened"
    );
    assert_eq!(lazy.history.damage(), None);
}

#[test]
fn a_long_file_written_over_in_place_after_its_head_was_read_is_damaged_not_mixed() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("long.ron");
    worked_with(&file, LONG);
    let mut lazy = load_session_lazily(&file).expect("opens");
    let text = std::fs::read_to_string(&file).expect("read");
    let shorter = text.replacen("line 7\n", "line\n", 1);
    std::fs::write(&file, &shorter).expect("written in place");
    let damage = lazy.history.damage().expect("damaged").clone();
    assert_eq!(
        damage.message,
        assess::textfile::TextProblem::ChangedWhileRead
    );
    lazy.title = "Edited".into();
    save_session(&file, &lazy).expect_err("never saved over");
    assert_eq!(std::fs::read_to_string(&file).expect("read"), shorter);
}

#[test]
fn a_long_file_with_a_byte_that_is_not_text_in_its_history_names_its_line() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("long.ron");
    worked_with(&file, LONG);
    let mut bytes = std::fs::read(&file).expect("read");
    let at = bytes.len() - 5_000;
    bytes[at] = 0xff;
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    std::fs::write(&file, &bytes).expect("write");
    let lazy = load_session_lazily(&file).expect("the head opens");
    let damage = lazy.history.damage().expect("damaged");
    assert_eq!(damage.line, line, "{damage:?}");
    assert_eq!(damage.message, assess::textfile::TextProblem::NotUtf8);
    match load_session(&file) {
        Err(SessionError::Damaged { line: l, .. }) => assert_eq!(l, line),
        other => panic!("damaged expected, got {other:?}"),
    }
}

#[test]
fn a_long_file_whose_history_is_not_last_opens_whole() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("old.ron");
    let written = worked_with(&file, LONG);
    let text = std::fs::read_to_string(&file).expect("read");
    // The layout of files written before the history moved last: title after it.
    let moved = text
        .replacen("    title: \"Year\",\n", "", 1)
        .trim_end()
        .trim_end_matches(')')
        .to_string()
        + "    title: \"Year\",\n)\n";
    std::fs::write(&file, moved).expect("write");
    let lazy = load_session_lazily(&file).expect("opens");
    assert_eq!(lazy, written);
}
