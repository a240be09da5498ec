//! The workbench's part in working over time: a session with a baseline draws it as a third
//! polygon on the summary radar, named in the legend in the workbench's language.

mod workbench;

use assess::session::{Status, load_session, save_session};
use assess::tui::app::App;
use workbench::{draw, fresh_on_cd};

#[test]
fn the_summary_radar_draws_the_baseline_as_a_third_polygon() {
    let (dir, app) = fresh_on_cd("Trading 2027");
    let path = app.work.as_ref().expect("work").path.clone();
    drop(app);
    // Last year's session beside it, with one domain at level 1.
    let mut last = load_session(&path).expect("load");
    for id in ["cd.config.vc.vcs.l1.1", "cd.config.vc.vcs.l1.2"] {
        last.set_status(id, Status::Met, "li").expect("edit");
    }
    save_session(&dir.path().join("last.ron"), &last).expect("save");
    let without = {
        let mut app = App::open(dir.path(), &path).expect("open");
        app.press("r");
        draw(&app, 100, 30)
    };
    assert!(!without.contains("baseline"), "{without}");
    let mut now = load_session(&path).expect("load");
    now.set_baseline(Some("last.ron".into()), "li")
        .expect("baseline");
    save_session(&path, &now).expect("save");
    let mut app = App::open(dir.path(), &path).expect("open");
    app.press("r");
    let with = draw(&app, 100, 30);
    assert!(with.contains("• • baseline"), "{with}");
    assert_ne!(with, without, "the polygon is drawn");
    app.press("L");
    assert!(draw(&app, 100, 30).contains("• • 基线"));
}

/// A session a merge left with one conflict on a requirement's status and note, saved in a
/// temp dir with fixed who and when (so the screen is the same everywhere).
fn conflicted() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, app) = fresh_on_cd("Payments");
    let path = app.work.as_ref().expect("work").path.clone();
    drop(app);
    let base = load_session(&path).expect("load");
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let id = "cd.config.vc.vcs.l2.1";
    ours.set_status(id, Status::Met, "Li Na").expect("edit");
    ours.set_note(id, "All repos in GitLab.", "Li Na")
        .expect("edit");
    theirs
        .set_status(id, Status::NotMet, "Wang Fang")
        .expect("edit");
    theirs
        .set_note(id, "Two teams still on SVN.", "Wang Fang")
        .expect("edit");
    let mut merged = assess::merge::merge(&base, &ours, &theirs, "merger")
        .expect("merge")
        .session;
    for c in merged.conflicts.values_mut() {
        for side in [&mut c.base, &mut c.ours, &mut c.theirs] {
            side.at = "2026-11-17T10:00:00Z".into();
        }
    }
    merged.assessors.push("Li Na".into());
    save_session(&path, &merged).expect("save");
    (dir, path)
}

#[test]
fn a_session_with_conflicts_opens_on_its_queue_and_resolves_them() {
    let (dir, path) = conflicted();
    let mut app = App::open_as(dir.path(), &path, "Li Na").expect("open");
    let screen = draw(&app, 100, 30);
    insta::assert_snapshot!("conflicts_queue", screen);
    assert!(screen.contains("Merge conflicts · 1"), "{screen}");
    assert!(screen.contains("1 conflicts (M)"), "{screen}");
    assert!(screen.contains("≠ status: Not met"), "{screen}");
    // Take theirs: the answer changes, the resolution is logged, queue and banner go.
    app.press("t");
    let work = app.work.as_ref().expect("work");
    let answer = &work.session.answers["cd.config.vc.vcs.l2.1"];
    assert_eq!(answer.status, Some(Status::NotMet));
    let resolved = work
        .session
        .history
        .iter()
        .rfind(|c| c.field == "resolved")
        .expect("logged");
    assert_eq!(
        (resolved.new.as_str(), resolved.by.as_str()),
        ("theirs", "Li Na")
    );
    let screen = draw(&app, 100, 30);
    assert!(!screen.contains("conflicts (M)"), "{screen}");
    assert!(!screen.contains("Merge conflicts"), "{screen}");
    let saved = load_session(&path).expect("saved at once");
    assert!(saved.conflicts.is_empty());
}

#[test]
fn keep_both_notes_and_the_queue_in_chinese() {
    let (dir, path) = conflicted();
    let mut app = App::open_as(dir.path(), &path, "Li Na").expect("open");
    app.press("Esc");
    assert!(!draw(&app, 100, 30).contains("Merge conflicts"));
    app.press("L");
    app.press("M");
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("合并冲突 · 1"), "{screen}");
    assert!(screen.contains("1 个合并冲突 (M)"), "{screen}");
    // The conflicting fields are named in Chinese, with the language's colon.
    assert!(screen.contains("(状态、备注)"), "{screen}");
    assert!(
        screen.contains("≠ 状态：满足") && screen.contains("≠ 备注："),
        "{screen}"
    );
    assert!(
        !screen.contains("status") && !screen.contains("note:"),
        "{screen}"
    );
    app.press("b");
    let work = app.work.as_ref().expect("work");
    let note = &work.session.answers["cd.config.vc.vcs.l2.1"].note;
    assert!(
        note.contains("All repos in GitLab.") && note.contains("Two teams still on SVN."),
        "{note}"
    );
}

#[test]
fn edit_takes_ours_and_opens_the_note_on_that_requirement() {
    let (dir, path) = conflicted();
    let mut app = App::open_as(dir.path(), &path, "Li Na").expect("open");
    app.press("e");
    let work = app.work.as_ref().expect("work");
    assert!(work.session.conflicts.is_empty());
    assert_eq!(work.requirement_id(), "cd.config.vc.vcs.l2.1");
    assert_eq!(
        work.session.answers["cd.config.vc.vcs.l2.1"].status,
        Some(Status::Met)
    );
    assert_eq!(app.context(), assess::tui::keymap::Context::Note);
}

#[test]
fn the_new_session_form_names_a_baseline() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = App::home(dir.path());
    // Tab to the last field (after the six parts and the target), type a name that is not there.
    app.form.field = assess::tui::app::Field::ALL.len() - 1;
    assert_eq!(app.form.field(), assess::tui::app::Field::Baseline);
    assert!(draw(&app, 100, 30).contains("Baseline"));
    app.handle_paste("nowhere");
    app.press("Enter");
    let error = app.form.error.clone().unwrap_or_default();
    assert!(error.starts_with("baseline:"), "{error}");
    assert!(
        std::fs::read_dir(dir.path()).expect("dir").next().is_none(),
        "nothing created"
    );
    // With last year's session beside it, the new one is created with it as its baseline.
    let (last_dir, last) = fresh_on_cd("Payments 2026");
    let last_path = last.work.as_ref().expect("work").path.clone();
    drop(last);
    let shown = last_path.display().to_string();
    app.form.baseline = Default::default();
    app.handle_paste(&shown);
    app.press("Enter");
    let work = app.work.as_ref().expect("created");
    assert_eq!(work.session.baseline.as_deref(), Some(shown.as_str()));
    drop(last_dir);
}

#[test]
fn open_conflicts_head_the_sign_off_pre_flight_and_refuse_it() {
    let (dir, path) = conflicted();
    let mut app = App::open_as(dir.path(), &path, "Li Na").expect("open");
    // Close the queue the session opened on, then ask to sign off.
    app.press("Esc S");
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("1 open merge conflicts"), "{message}");
    assert!(!app.work.as_ref().expect("work").session.is_final());
    assert!(load_session(&path).expect("saved").sign_off.is_none());
}
