//! Workbench journeys of the audit slice (`app.press`) and snapshots of its overlays: history
//! panel, participants, who decides, discussion, sign-off and reopen, `--as`.

mod workbench;

use workbench::draw;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assess::cli::{NewOptions, create_session};
use assess::session::{Session, Status, load_session};
use assess::tui::app::{App, Overlay};

/// A fresh session on Continuous Delivery, opened as `who`.
fn fresh_as(who: &str) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = create_session(
        dir.path(),
        NewOptions {
            title: Some("Workshop".into()),
            parts: vec!["cd".into()],
            target: Some(3),
            assessor: Some("alice".into()),
            ..NewOptions::default()
        },
    )
    .expect("create");
    let app = App::open_as(dir.path(), &path, who).expect("open");
    (dir, app)
}

fn path(app: &App) -> PathBuf {
    app.work.as_ref().expect("work").path.clone()
}

fn on_disk(app: &App) -> Session {
    load_session(&path(app)).expect("load")
}

fn current(app: &App) -> String {
    app.work.as_ref().expect("work").requirement_id()
}

/// Fixed times in the history, so snapshots never depend on the clock.
fn fix_times(app: &mut App) {
    let work = app.work.as_mut().expect("work");
    for (i, change) in work.session.history.iter_mut().enumerate() {
        change.at = format!("2026-03-03T10:{:02}:00Z", i % 60);
    }
    if let Some(s) = &mut work.session.sign_off {
        s.at = "2026-03-04T17:00:00Z".into();
    }
}

fn snap(name: &str, app: &mut App, dir: &Path) {
    fix_times(app);
    for (w, h) in [(80, 24), (160, 48)] {
        let screen = draw(app, w, h).replace(&dir.display().to_string(), "[DIR]");
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
    }
}

fn add_participants(app: &mut App) {
    app.press("P a");
    app.type_text("Bob: Dev lead\n");
    app.press("a");
    app.type_text("Carol\n");
}

#[test]
fn participants_are_added_edited_and_removed_in_the_workbench() {
    let (_dir, mut app) = fresh_as("alice");
    add_participants(&mut app);
    app.press("k Enter C-u");
    app.type_text("Bob: Tech lead\n");
    let people = on_disk(&app).participants;
    assert_eq!(people.len(), 2);
    assert_eq!(
        (people[0].name.as_str(), people[0].role.as_str()),
        ("Bob", "Tech lead")
    );
    app.press("j d");
    assert_eq!(on_disk(&app).participants.len(), 1);
    app.press("a");
    app.type_text("Bob\n");
    assert!(
        matches!(app.overlays.last(), Some(Overlay::Participants(p)) if p.error.as_deref() == Some("\"Bob\" is already a participant")),
        "a duplicate is refused with a message"
    );
    app.press("Esc Esc");
    assert!(app.overlays.is_empty());
}

#[test]
fn the_sticky_decider_is_stamped_on_following_answers_and_resumes() {
    let (dir, mut app) = fresh_as("alice");
    add_participants(&mut app);
    app.press("Esc w j Enter");
    let first = current(&app);
    app.press("y");
    let second = current(&app);
    app.press("n");
    let s = on_disk(&app);
    assert_eq!(s.cursor.decider, "Bob");
    for id in [&first, &second] {
        assert_eq!(s.answers[id].decided_by, "Bob");
        assert_eq!(s.answers[id].by, "alice");
    }
    // N/A (after its justification) and a quick level are stamped too.
    let third = current(&app);
    app.press("x");
    app.type_text("no mainframe\n");
    assert_eq!(on_disk(&app).answers[&third].decided_by, "Bob");
    app.press("w k Enter");
    let practice_first = current(&app);
    // The quick level replaces the answers just given: one y confirms it.
    app.press("w j j Enter 2 y");
    assert_eq!(on_disk(&app).answers[&practice_first].decided_by, "Carol");
    assert_eq!(
        on_disk(&app).answers[&third].decided_by,
        "Bob",
        "quick level keeps an N/A answer's decider"
    );
    app.press("w k Enter");
    let status = draw(&app, 100, 30);
    assert!(status.contains("decides Bob"), "{status}");
    // Quitting saves the cursor, and resuming keeps the decider.
    let file = path(&app);
    app.press("q");
    assert!(app.quit);
    drop(app);
    let app = App::open_as(dir.path(), &file, "alice").expect("reopen");
    assert_eq!(
        app.work.as_ref().expect("work").session.cursor.decider,
        "Bob"
    );
}

#[test]
fn the_discussion_note_uses_the_note_editor_and_is_one_history_entry() {
    let (_dir, mut app) = fresh_as("alice");
    let id = current(&app);
    app.press("D");
    app.type_text("ops disagrees");
    app.tick(Instant::now() + Duration::from_secs(3));
    app.type_text(", says Not met");
    app.tick(Instant::now() + Duration::from_secs(6));
    app.press("Esc");
    let s = on_disk(&app);
    assert_eq!(s.answers[&id].discussion, "ops disagrees, says Not met");
    let entries: Vec<_> = s.history_of(&id).collect();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0].field, "discussion");
    assert_eq!(entries[0].new, "ops disagrees, says Not met");
}

#[test]
fn note_drafts_saved_while_typing_are_one_history_entry() {
    let (_dir, mut app) = fresh_as("alice");
    let id = current(&app);
    app.press("o");
    app.type_text("first");
    app.tick(Instant::now() + Duration::from_secs(3));
    assert_eq!(on_disk(&app).answers[&id].note, "first", "draft saved");
    app.type_text(" and more");
    app.press("Esc");
    let s = on_disk(&app);
    let entries: Vec<_> = s.history_of(&id).collect();
    assert_eq!(entries.len(), 1);
    assert_eq!(
        (entries[0].old.as_str(), entries[0].new.as_str()),
        ("", "first and more")
    );
}

#[test]
fn undo_and_redo_append_to_the_history() {
    let (_dir, mut app) = fresh_as("alice");
    let id = current(&app);
    app.press("y");
    app.press("u");
    assert_eq!(on_disk(&app).status(&id), None);
    app.press("C-r");
    let s = on_disk(&app);
    assert_eq!(s.status(&id), Some(Status::Met));
    let statuses: Vec<(&str, &str)> = s
        .history_of(&id)
        .filter(|c| c.field == "status")
        .map(|c| (c.old.as_str(), c.new.as_str()))
        .collect();
    assert_eq!(statuses, [("", "met"), ("met", ""), ("", "met")]);
}

#[test]
fn working_as_a_new_name_joins_the_assessors_with_the_first_change() {
    let (_dir, mut app) = fresh_as("zed");
    assert_eq!(
        on_disk(&app).assessors,
        ["alice"],
        "opening changes nothing"
    );
    let id = current(&app);
    app.press("y");
    let s = on_disk(&app);
    assert_eq!(s.assessors, ["alice", "zed"]);
    assert_eq!(s.answers[&id].by, "zed");
    assert!(
        s.history
            .iter()
            .any(|c| c.field == "assessors" && c.by == "zed")
    );
}

#[test]
fn sign_off_makes_it_final_edits_are_refused_with_a_message_and_reopen_is_logged() {
    let (dir, mut app) = fresh_as("alice");
    let id = current(&app);
    app.press("y S");
    assert!(matches!(app.overlays.last(), Some(Overlay::Confirm { .. })));
    app.press("y");
    let s = on_disk(&app);
    let hash = s.sign_off.as_ref().expect("final").hash.clone();
    assert!(matches!(
        s.verify(),
        assess::session::Verification::Match { .. }
    ));
    let next = current(&app);
    app.press("n");
    assert_eq!(on_disk(&app).status(&next), None, "refused");
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("FINAL") && message.contains("S reopens"),
        "{message}"
    );
    app.press("u o");
    assert!(
        app.overlays.is_empty(),
        "no editor opens on a final session"
    );
    fix_times(&mut app);
    app.press("y");
    snap("final_status_line", &mut app, dir.path());

    app.press("S");
    app.press("Enter");
    assert!(
        matches!(
            app.overlays.last(),
            Some(Overlay::Reason(r)) if r.error.is_some()
        ),
        "a reason is required"
    );
    app.type_text("typo in a note\n");
    let s = on_disk(&app);
    assert!(s.sign_off.is_none());
    let last = s.history.last().expect("logged");
    assert_eq!(
        (last.field.as_str(), last.new.as_str()),
        ("reopen", "typo in a note")
    );
    assert!(last.old.contains(&hash));
    app.press("n");
    assert_eq!(on_disk(&app).status(&next), Some(Status::NotMet));
    assert_eq!(on_disk(&app).status(&id), Some(Status::Met));
}

#[test]
fn history_panel_lists_the_requirement_newest_first() {
    let (dir, mut app) = fresh_as("alice");
    add_participants(&mut app);
    app.press("Esc w j Enter a y");
    app.press("p");
    app.press("o");
    app.type_text("pipeline seen in the demo");
    app.press("Esc f h");
    assert!(matches!(app.overlays.last(), Some(Overlay::History { .. })));
    snap("history_panel", &mut app, dir.path());
    app.press("L");
    app.press("Esc L h");
    snap("history_panel_zh", &mut app, dir.path());
    app.press("h");
    assert!(app.overlays.is_empty(), "h closes it again");
}

#[test]
fn participants_editor_and_decider_picker_screens() {
    let (dir, mut app) = fresh_as("alice");
    add_participants(&mut app);
    snap("participants", &mut app, dir.path());
    app.press("a");
    app.type_text("Dana: Product owner");
    snap("participants_adding", &mut app, dir.path());
    app.press("Esc Esc w");
    snap("decider_picker", &mut app, dir.path());
}
