//! Journeys through the real update path: keys in keymap notation, state and files after.

mod workbench;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assess::cli::{NewOptions, create_session};
use assess::session::{EvidenceType, Status, load_session};
use assess::tui::app::{App, Overlay, SaveState, Screen};
use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

/// A fresh session on Continuous Delivery with target 3, opened in the workbench.
fn fresh() -> (tempfile::TempDir, App) {
    workbench::fresh_on_cd("Journey")
}

fn path(app: &App) -> PathBuf {
    app.work.as_ref().expect("work").path.clone()
}

fn current(app: &App) -> String {
    app.work.as_ref().expect("work").requirement_id()
}

fn status_on_disk(file: &Path, id: &str) -> Option<Status> {
    load_session(file).expect("load").status(id)
}

#[test]
fn answers_save_at_once_and_auto_advance() {
    let (_dir, mut app) = fresh();
    let file = path(&app);
    let first = current(&app);
    app.press("y");
    assert_eq!(status_on_disk(&file, &first), Some(Status::Met));
    let second = current(&app);
    assert_ne!(first, second, "moved to the next unanswered requirement");
    app.press("p n");
    let session = load_session(&file).expect("load");
    assert_eq!(session.answers.len(), 3);
    assert_eq!(
        session.cursor.requirement,
        current(&app),
        "the cursor is saved too"
    );
}

#[test]
fn auto_advance_can_be_turned_off() {
    let (_dir, mut app) = fresh();
    let first = current(&app);
    app.press("a y");
    assert_eq!(current(&app), first);
    app.press("n");
    assert_eq!(status_on_disk(&path(&app), &first), Some(Status::NotMet));
}

#[test]
fn auto_advance_off_survives_a_reopen_and_undo() {
    let (dir, mut app) = fresh();
    let file = path(&app);
    app.press("a y u");
    assert!(!app.auto_advance(), "undo does not bring auto-advance back");
    app.press("q");
    assert!(app.quit);
    drop(app);
    assert!(!load_session(&file).expect("load").cursor.auto_advance);
    let mut again = App::open(dir.path(), &file).expect("reopen");
    assert!(!again.auto_advance(), "the facilitator's choice is kept");
    let first = current(&again);
    again.press("y");
    assert_eq!(
        current(&again),
        first,
        "still no auto-advance after reopening"
    );
    again.press("a q");
    drop(again);
    let session = load_session(&file).expect("load");
    assert!(session.cursor.auto_advance, "turned back on and saved");
    let text = std::fs::read_to_string(&file).expect("read");
    assert!(
        !text.contains("auto_advance"),
        "the default is not written, so the file reads as older versions wrote it"
    );
}

#[test]
fn quick_level_rates_the_practice_and_moves_on() {
    let (_dir, mut app) = fresh();
    let work = app.work.as_ref().expect("work");
    let practice = work.practice;
    app.press("2");
    let work = app.work.as_ref().expect("work");
    assert_eq!(work.card.practices[practice].level, 2);
    assert_ne!(work.practice, practice, "moved to the next practice");
    app.press("y y n 3");
    let work = app.work.as_ref().expect("work");
    assert_eq!(
        work.card.practices[practice].level, 2,
        "first practice unchanged"
    );
}

#[test]
fn undo_and_redo_restore_answers_on_disk() {
    let (_dir, mut app) = fresh();
    let file = path(&app);
    let first = current(&app);
    app.press("y");
    app.press("u");
    assert_eq!(status_on_disk(&file, &first), None);
    assert_eq!(
        current(&app),
        first,
        "undo goes back to where the change was made"
    );
    app.press("C-r");
    assert_eq!(status_on_disk(&file, &first), Some(Status::Met));
    app.press("u u");
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("nothing to undo")
    );
}

#[test]
fn not_applicable_needs_a_justification() {
    let (_dir, mut app) = fresh();
    let first = current(&app);
    app.press("x Enter");
    assert!(matches!(
        app.overlays.last(),
        Some(Overlay::Justify(j)) if j.error.is_some()
    ));
    app.type_text("no UI in scope");
    app.press("Enter");
    assert!(app.overlays.is_empty());
    let session = load_session(&path(&app)).expect("load");
    let answer = &session.answers[&first];
    assert_eq!(answer.status, Some(Status::NotApplicable));
    assert_eq!(answer.justification.as_deref(), Some("no UI in scope"));
}

#[test]
fn navigation_keys_move_between_requirements_and_practices() {
    let (_dir, mut app) = fresh();
    let first = current(&app);
    app.press("j");
    let second = current(&app);
    assert_ne!(first, second);
    app.press("k");
    assert_eq!(current(&app), first);
    let p0 = app.work.as_ref().expect("work").practice;
    app.press("Tab");
    assert_ne!(app.work.as_ref().expect("work").practice, p0);
    app.press("S-Tab");
    assert_eq!(app.work.as_ref().expect("work").practice, p0);
    app.press("J K");
    assert_eq!(app.work.as_ref().expect("work").practice, p0);
    app.press("y ] [");
    let work = app.work.as_ref().expect("work");
    assert!(
        work.status(work.requirement).is_none(),
        "[ and ] land on unanswered ones"
    );
}

#[test]
fn note_editor_saves_on_close_and_autosaves_drafts() {
    let (_dir, mut app) = fresh();
    let file = path(&app);
    let id = current(&app);
    app.press("o");
    app.type_text("first line\nsecond");
    // Not yet due: nothing written.
    app.tick(Instant::now());
    assert!(!load_session(&file).expect("load").answers.contains_key(&id));
    app.tick(Instant::now() + Duration::from_secs(3));
    let note = load_session(&file).expect("load").answers[&id].note.clone();
    assert_eq!(note, "first line\nsecond", "the draft was autosaved");
    app.type_text(" more");
    app.press("Esc");
    assert!(app.overlays.is_empty());
    assert_eq!(
        load_session(&file).expect("load").answers[&id].note,
        "first line\nsecond more"
    );
    app.press("u");
    assert!(
        !load_session(&file).expect("load").answers.contains_key(&id),
        "one undo step"
    );
}

#[test]
fn evidence_is_added_to_the_register_and_attached_and_files_are_hashed() {
    let (dir, mut app) = fresh();
    let file = path(&app);
    let id = current(&app);
    let doc = dir.path().join("policy.pdf");
    std::fs::write(&doc, b"policy").expect("write");
    app.press("e a");
    app.type_text("Branching policy");
    app.press("Tab Left Tab");
    app.type_text(&doc.display().to_string());
    app.press("Enter");
    let session = load_session(&file).expect("load");
    assert_eq!(session.answers[&id].evidence, vec!["E1".to_string()]);
    let e = &session.evidence["E1"];
    assert_eq!(e.title, "Branching policy");
    assert_eq!(
        e.kind,
        EvidenceType::Observation,
        "Left from Document wraps to Observation"
    );
    assert!(e.sha256.as_deref().unwrap_or("").starts_with("sha256:"));
    assert_eq!(e.size, Some(6), "the size is recorded with the hash");
    // Detach, then attach again from the register.
    app.press("d");
    assert!(!load_session(&file).expect("load").answers.contains_key(&id));
    app.press("Enter Esc");
    assert_eq!(
        load_session(&file).expect("load").answers[&id].evidence,
        vec!["E1".to_string()]
    );
    // A title is needed.
    app.press("e a Tab Tab");
    app.type_text("/no/such/file");
    app.press("Enter");
    assert!(matches!(app.overlays.last(), Some(Overlay::EvidenceForm(f)) if f.error.is_some()));
}

#[test]
fn flag_and_language_and_summary_survive_a_reopen() {
    let (dir, mut app) = fresh();
    let file = path(&app);
    app.press("j j f L r");
    let id = current(&app);
    assert_eq!(app.screen, Screen::Summary);
    app.press("q");
    assert!(app.quit);
    drop(app); // the workbench exits: its session lock goes with it
    let again = App::open(dir.path(), &file).expect("reopen");
    assert_eq!(again.screen, Screen::Summary);
    assert_eq!(current(&again), id);
    assert_eq!(
        again.work.as_ref().expect("work").lang(),
        assess::lang::Lang::Zh
    );
    assert!(load_session(&file).expect("load").answers[&id].flagged);
}

#[test]
fn palette_jumps_by_fuzzy_text_in_either_language() {
    let (_dir, mut app) = fresh();
    app.press("/");
    app.type_text("构建");
    let Some(Overlay::Palette(p)) = app.overlays.last() else {
        panic!("palette open");
    };
    assert!(!p.hits.is_empty());
    let target = p.items[p.hits[0].item].target;
    app.press("Enter");
    assert!(app.overlays.is_empty());
    assert_eq!(app.work.as_ref().expect("work").requirement, target);
    app.press("C-p Esc");
    assert!(app.overlays.is_empty());
}

#[test]
fn a_failed_save_keeps_edits_retries_and_asks_before_quitting() {
    let (dir, mut app) = fresh();
    let good = path(&app);
    app.work.as_mut().expect("work").path = dir.path().join("missing-dir").join("x.ron");
    let id = current(&app);
    app.press("y");
    let work = app.work.as_ref().expect("work");
    assert!(matches!(work.save, SaveState::Failed(_)));
    assert_eq!(
        work.session.status(&id),
        Some(Status::Met),
        "kept in memory"
    );
    app.press("q");
    assert!(!app.quit);
    assert!(matches!(app.overlays.last(), Some(Overlay::Confirm { .. })));
    app.press("n");
    assert!(!app.quit);
    // The problem goes away: the next retry saves.
    app.work.as_mut().expect("work").path = good.clone();
    app.tick(Instant::now() + Duration::from_secs(5));
    assert_eq!(app.work.as_ref().expect("work").save, SaveState::Saved);
    assert_eq!(status_on_disk(&good, &id), Some(Status::Met));
    app.press("q");
    assert!(app.quit);
}

#[test]
fn fresh_machine_lands_in_the_form_and_enter_starts_an_assessment() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = App::home(&dir.path().join("sessions"));
    assert_eq!(app.screen, Screen::NewSession);
    app.press("Tab Tab Tab Space Right Tab Left");
    assert_eq!(app.form.target, 2);
    app.press("Enter");
    assert_eq!(app.screen, Screen::Assessment);
    let work = app.work.as_ref().expect("work");
    assert_eq!(
        work.session.parts.len() + 1,
        app.form.parts.len(),
        "one part left out"
    );
    assert_eq!(work.session.targets.values().next(), Some(&2));
    assert!(work.path.exists());
}

#[test]
fn home_lists_sessions_filters_and_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    for title in ["Alpha bank", "Beta insurance"] {
        create_session(
            dir.path(),
            NewOptions {
                title: Some(title.into()),
                ..NewOptions::default()
            },
        )
        .expect("create");
    }
    let mut app = App::home(dir.path());
    assert_eq!(app.screen, Screen::Home);
    assert_eq!(app.home.visible.len(), 2);
    app.type_text("beta");
    assert_eq!(app.home.visible.len(), 1);
    app.press("Enter");
    assert_eq!(app.screen, Screen::Assessment);
    assert_eq!(
        app.work.as_ref().expect("work").session.title,
        "Beta insurance"
    );
    let mut app = App::home(dir.path());
    app.press("n");
    assert_eq!(
        app.screen,
        Screen::NewSession,
        "n on an empty filter starts a new session"
    );
    app.press("Esc");
    assert_eq!(app.screen, Screen::Home);
}

#[test]
fn mouse_click_selects_a_requirement_and_the_wheel_moves() {
    let (_dir, mut app) = fresh();
    app.area = Rect::new(0, 0, 160, 48);
    let first = current(&app);
    app.handle_mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 60,
        row: 10,
        modifiers: KeyModifiers::NONE,
    });
    assert_ne!(current(&app), first);
    // Find a row that is a requirement by probing the checklist column.
    let mut clicked = None;
    for row in 0..48 {
        app.handle_mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 60,
            row,
            modifiers: KeyModifiers::NONE,
        });
        if current(&app) == first {
            clicked = Some(row);
            break;
        }
    }
    assert!(
        clicked.is_some(),
        "a click on the first requirement selects it"
    );
}

#[test]
fn recovery_file_is_private_and_beside_the_session() {
    let (_dir, mut app) = fresh();
    app.press("y");
    let written = assess::tui::write_recovery(&app).expect("written");
    assert_eq!(written, assess::session::recovery_path(&path(&app)));
    let recovered = assess::session::load_session(&written).expect("readable");
    assert_eq!(recovered.answers.len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&written)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn export_dialog_writes_a_report_beside_the_session_and_says_where() {
    let (_dir, mut app) = fresh();
    app.press("y p");
    // HTML is the default, as for `assess report`.
    app.press("E Enter");
    let Some(Overlay::Export(state)) = app.overlays.last() else {
        panic!("export dialog open");
    };
    let Some(Ok(written)) = state.result.clone() else {
        panic!("exported: {:?}", state.result);
    };
    assert!(written.ends_with(".report.html"), "{written}");
    let html = std::fs::read_to_string(&written).expect("report written");
    assert!(html.contains("<html"));
    // Chinese and redacted, as Markdown.
    app.press("Left Tab Right Tab Right Enter");
    let Some(Overlay::Export(state)) = app.overlays.last() else {
        panic!("export dialog open");
    };
    let Some(Ok(written)) = state.result.clone() else {
        panic!("exported: {:?}", state.result);
    };
    assert!(written.ends_with(".report.redacted.md"), "{written}");
    let md = std::fs::read_to_string(&written).expect("report written");
    assert!(!md.contains("Journey"), "the title is redacted");
    app.press("Esc");
    assert!(app.overlays.is_empty());
}

#[test]
fn a_paste_into_the_justification_prompt_stays_text_and_answers_nothing() {
    let (_dir, mut app) = fresh();
    let file = path(&app);
    let first = current(&app);
    app.press("x");
    // A pasted block with a line break and letters that are answer keys on the workbench.
    app.handle_paste("Outsourced to vendor\r\nyyn q");
    assert!(
        matches!(app.overlays.last(), Some(Overlay::Justify { .. })),
        "the prompt is still open"
    );
    assert!(load_session(&file).expect("load").answers.is_empty());
    app.press("Enter");
    let session = load_session(&file).expect("load");
    assert_eq!(session.answers.len(), 1, "only the N/A was recorded");
    assert_eq!(session.status(&first), Some(Status::NotApplicable));
    assert_eq!(
        session.answers[&first].justification,
        Some("Outsourced to vendor yyn q".to_string())
    );
    assert!(!app.quit);
}

#[test]
fn a_paste_into_the_note_keeps_its_lines_and_elsewhere_is_ignored() {
    let (_dir, mut app) = fresh();
    let file = path(&app);
    let first = current(&app);
    app.handle_paste("y\ny\nq");
    assert!(!app.quit, "a paste on the workbench is not keys");
    assert!(load_session(&file).expect("load").answers.is_empty());
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("paste ignored")
    );
    app.press("o");
    app.handle_paste("第一行 审计\r\nsecond, \"quoted\"\tline");
    app.press("Esc");
    let session = load_session(&file).expect("load");
    assert_eq!(
        session.answers[&first].note,
        "第一行 审计\nsecond, \"quoted\"    line"
    );
}

#[test]
fn the_last_change_names_quick_levels_and_confirmed_not_applicable() {
    let (_dir, mut app) = fresh();
    app.press("2");
    assert!(
        app.last_change().unwrap_or("").starts_with("L2 · "),
        "{:?}",
        app.last_change()
    );
    app.press("o");
    app.type_text("seen live");
    app.press("Esc");
    assert!(
        app.last_change().unwrap_or("").starts_with("note · L"),
        "{:?}",
        app.last_change()
    );
    app.press("x");
    app.type_text("no database");
    app.press("Enter");
    assert!(
        app.last_change()
            .unwrap_or("")
            .starts_with("Not applicable · L1 "),
        "{:?}",
        app.last_change()
    );
}

/// `L` redraws the status line's last change in the new language: no English words are left
/// on a Chinese screen (nor Chinese on an English one), at 80×24.
#[test]
fn the_last_change_follows_the_language_switch() {
    let (_dir, mut app) = fresh();
    app.press("y");
    let en = workbench::draw(&app, 80, 24);
    assert!(en.contains("saved · Met · L1 "), "{en}");
    app.press("L");
    let zh = workbench::draw(&app, 80, 24);
    assert!(zh.contains("已保存 · 满足 · L1 "), "{zh}");
    assert!(!zh.contains("Met ·"), "{zh}");
    // A closed note and a quick level tell their change in both languages too.
    app.press("o");
    app.type_text("看过演示");
    app.press("Esc L");
    let en = workbench::draw(&app, 80, 24);
    assert!(en.contains("· note · L2 "), "{en}");
    app.press("2 L");
    let zh = workbench::draw(&app, 80, 24);
    assert!(zh.contains("已保存 · L2 · "), "{zh}");
}

/// "Changed" is the session's own last change: copying a file (a restore, a colleague's USB
/// stick) or a cursor save does not make an old session look newest.
#[test]
fn sessions_are_listed_by_their_own_last_change_not_the_file_time() {
    let (dir, app) = fresh();
    let fresh_path = path(&app);
    let sample = dir.path().join("eastbridge-trading-platform.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/eastbridge-trading-platform.ron"),
        &sample,
    )
    .expect("copy");
    let later = std::time::SystemTime::now() + Duration::from_secs(86_400);
    std::fs::File::options()
        .write(true)
        .open(&sample)
        .and_then(|f| f.set_modified(later))
        .expect("set mtime");
    let home = assess::tui::app::Home::load(dir.path());
    assert_eq!(
        home.rows[0].path, fresh_path,
        "the fresh session changed last"
    );
    assert_eq!(home.rows[1].updated, "2026-11-18T16:40:00Z");
    let listed = assess::session::list_sessions(dir.path()).expect("list");
    assert_eq!(listed[0].path, fresh_path);
}

/// A mistyped local path is said at once; a path is stored exactly as given, and a file it
/// names (relative, absolute or under `~/`) is hashed when attached.
#[test]
fn evidence_paths_are_stored_as_given_hashed_and_a_missing_file_is_said() {
    let (dir, mut app) = fresh();
    let file = path(&app);
    app.press("e a");
    app.type_text("Old policy");
    app.press("Tab Tab");
    app.type_text("/no/such/policy.pdf");
    app.press("Enter");
    match app.overlays.last() {
        Some(Overlay::Evidence(picker)) => assert!(
            picker
                .error
                .as_deref()
                .unwrap_or("")
                .contains("/no/such/policy.pdf is not on this machine"),
            "{:?}",
            picker.error
        ),
        other => panic!("expected the evidence picker, got {other:?}"),
    }
    let session = load_session(&file).expect("load");
    assert_eq!(session.evidence["E1"].location, "/no/such/policy.pdf");
    assert_eq!(session.evidence["E1"].sha256, None);

    let here = std::env::current_dir().expect("cwd");
    let relative = "Cargo.toml";
    assert!(here.join(relative).is_file());
    let form = assess::tui::app::EvidenceForm {
        title: assess::tui::app::LineInput::new("Manifest"),
        location: assess::tui::app::LineInput::new(relative),
        ..Default::default()
    };
    // Relative locations are read from the session's folder (`here` plays it), whatever the
    // current directory.
    let e = assess::tui::app::evidence_from_form(&form, &here).expect("entry");
    assert_eq!(e.location, relative, "stored as given");
    let expected = assess::session::hash_file(&here.join(relative)).expect("hash");
    assert_eq!(
        e.sha256.as_deref(),
        Some(expected.as_str()),
        "an existing file is hashed"
    );
    drop(dir);
}

/// The parts in the new-session form are a vertical list: ↓/↑ walk it (they used to jump to the
/// next field, so Space toggled the wrong thing or typed a space into the title).
#[test]
fn arrows_walk_the_parts_list_in_the_new_session_form() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = App::home(dir.path());
    assert_eq!(app.screen, Screen::NewSession);
    let title = app.form.title.text.clone();
    app.press("Down Down Down");
    assert_eq!(app.form.field(), assess::tui::app::Field::Parts);
    app.press("Space Down Space Down Down Space");
    let chosen: Vec<bool> = app.form.parts.iter().map(|p| p.3).collect();
    assert_eq!(chosen, vec![false, false, true, false, true, true]);
    app.press("Down Down Down");
    assert_eq!(app.form.field(), assess::tui::app::Field::Target);
    app.press("Up Up");
    assert_eq!(app.form.field(), assess::tui::app::Field::Parts);
    assert_eq!(app.form.part_cursor, 4);
    assert_eq!(app.form.title.text, title, "no stray spaces in the title");
    app.press("Enter");
    assert_eq!(app.screen, Screen::Assessment);
    let session = &app.work.as_ref().expect("work").session;
    assert_eq!(
        session.parts,
        vec!["to".to_string(), "srm".into(), "tools".into()]
    );
}

/// As the event loop runs it: the frame showing an answer is drawn first ("saving…"), then
/// the answer is saved and the status line says so, before the next key is read.
#[test]
fn the_event_loop_draws_an_answer_then_saves_it_before_the_next_key() {
    let (_dir, mut app) = fresh();
    app.defer_saves();
    let file = path(&app);
    let first = current(&app);
    app.press("y");
    let work = app.work.as_ref().expect("work");
    assert_eq!(work.save, SaveState::Pending);
    assert_eq!(
        work.session.status(&first),
        Some(Status::Met),
        "shown at once"
    );
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).expect("terminal");
    let drawn = |app: &App, terminal: &mut ratatui::Terminal<ratatui::backend::TestBackend>| {
        terminal
            .draw(|frame| frame.render_widget(app, frame.area()))
            .expect("draw");
        let buffer = terminal.backend().buffer();
        (0..buffer.area.height)
            .map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(drawn(&app, &mut terminal).contains(" saving… "));
    assert_eq!(
        status_on_disk(&file, &first),
        None,
        "not on disk before its frame"
    );

    assert!(app.after_frame(), "the loop saves after the frame");
    assert_eq!(status_on_disk(&file, &first), Some(Status::Met));
    assert!(drawn(&app, &mut terminal).contains(" saved "));
    assert!(!app.after_frame(), "nothing left to save");
}

/// As the event loop runs it: a typed letter is drawn at once, the query is ranked right
/// after, and a key that acts on the hits never sees those of the query before.
#[test]
fn the_palette_draws_the_typed_letter_then_ranks() {
    let (_dir, mut app) = fresh();
    app.defer_saves();
    app.press("/");
    app.type_text("rollback");
    let Some(Overlay::Palette(p)) = app.overlays.last() else {
        panic!("the palette is open");
    };
    assert!(p.stale, "ranking waits for the frame");
    assert!(app.after_frame(), "the loop ranks after the frame");
    let Some(Overlay::Palette(p)) = app.overlays.last() else {
        panic!("the palette is open");
    };
    assert!(!p.stale);
    let ranked: Vec<usize> = p.hits.iter().map(|h| h.item).collect();
    assert!(!ranked.is_empty());
    let target = p.items[p.hits[0].item].target;

    // Typed and confirmed with no frame between: Enter ranks first, then jumps.
    app.press("Esc /");
    app.type_text("rollback");
    app.press("Enter");
    let work = app.work.as_ref().expect("work");
    assert_eq!(
        work.requirement, target,
        "jumped to the best hit of the typed query"
    );
}
