//! The workbench on a DSOMM-shaped model (implemented / not implemented / not applicable,
//! scored by share), through the real update path: the answer keys map onto the scale, a key
//! whose answer the scale lacks says so, not applicable asks for its reason, quick levels stop
//! at the model's highest level, and the footer, help and facilitator view use the scale's
//! words in either language.

mod workbench;

use std::path::Path;

use assess::cli::{NewOptions, create_session};
use assess::session::{Status, load_session};
use assess::tui::app::App;

fn open_dsomm() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dsomm-shaped.ron");
    let path = create_session(
        dir.path(),
        NewOptions {
            title: Some("DSOMM".into()),
            model: Some(model.display().to_string()),
            ..NewOptions::default()
        },
    )
    .expect("create");
    let app = App::open(dir.path(), &path).expect("open");
    (dir, app)
}

fn current(app: &App) -> String {
    app.work.as_ref().expect("work").requirement_id()
}

fn status(id: &str) -> Option<Status> {
    Status::new(id)
}

#[test]
fn the_answer_keys_follow_a_dsomm_scale() {
    let (_dir, mut app) = open_dsomm();
    let file = app.work.as_ref().expect("work").path.clone();
    let first = current(&app);
    app.press("y");
    let second = current(&app);
    app.press("n");
    let session = load_session(&file).expect("load");
    assert_eq!(session.status(&first), status("implemented"));
    assert_eq!(session.status(&second), status("not-implemented"));
    // The scale has no answer between: `p` says so and changes nothing.
    let third = current(&app);
    app.press("p");
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("has no"), "{message}");
    assert_eq!(load_session(&file).expect("load").status(&third), None);
    // Not applicable asks for its reason, then stores the scale's own option.
    app.press("x");
    app.type_text("no containers");
    app.press("Enter");
    let session = load_session(&file).expect("load");
    assert_eq!(session.status(&third), status("not-applicable"));
    assert_eq!(
        session.answers[&third].justification.as_deref(),
        Some("no containers")
    );
    // The history names the recorded answers by the scale's labels.
    app.press("k k h"); // back on the second requirement
    let history = workbench::draw(&app, 160, 48);
    assert!(history.contains("(empty) → Not implemented"), "{history}");
}

#[test]
fn quick_levels_stop_at_the_models_highest_level() {
    let (_dir, mut app) = open_dsomm();
    app.press("5");
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("0–4"), "{message}");
    app.press("2");
    let work = app.work.as_ref().expect("work");
    let card = assess::scoring::Scorecard::compute(&work.model, &work.session.answers);
    assert_eq!((card.practices[0].level, card.practices[0].score), (2, 2.0));
}

#[test]
fn the_footer_help_and_facilitator_view_name_the_scales_answers() {
    let (_dir, mut app) = open_dsomm();
    let screen = workbench::draw(&app, 160, 48);
    assert!(screen.contains("y Implemented"), "{screen}");
    assert!(screen.contains("n Not implemented"), "{screen}");
    assert!(!screen.contains("Met"), "{screen}");
    app.press("?");
    let help = workbench::draw(&app, 160, 48);
    assert!(help.contains("Not applicable"), "{help}");
    assert!(!help.contains("Not met"), "{help}");
    app.press("Esc v");
    let projected = workbench::draw(&app, 120, 30);
    assert!(projected.contains("y Implemented"), "{projected}");
    // In Chinese, the model's Chinese labels.
    app.press("v L");
    let zh = workbench::draw(&app, 160, 48);
    assert!(zh.contains("y 已实施"), "{zh}");
}
