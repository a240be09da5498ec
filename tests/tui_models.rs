//! The new-session form offers the installed models beside the bundled one: the parts and the
//! target's range follow the chosen model, a model that does not load is left out with why,
//! and Enter creates the session on the chosen model.

mod workbench;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assess::lang::Lang;
use assess::tui::app::{App, Field, NewForm, Screen};
use workbench::draw;

/// One models dir for this test binary (the workbench reads it once per process): the
/// DSOMM-shaped fixture installed, the tiny one under another name, and a file that does not
/// load.
fn models_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tui_models/models");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("models dir");
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dsomm-shaped.ron");
        std::fs::copy(fixture, dir.join("dsomm-shaped.ron")).expect("install");
        // A model in a file not named after its id is offered and used by its file.
        let tiny = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tiny-model.ron");
        std::fs::copy(tiny, dir.join("my-tiny.ron")).expect("install");
        std::fs::write(dir.join("broken.ron"), "Model(\n  id: \"broken\",\n").expect("broken");
        assess::model::use_models_dir(dir.clone());
        dir
    })
}

fn form(sessions: &Path, lang: Lang) -> App {
    models_dir();
    let mut app = App::home(sessions);
    app.lang = lang;
    app.form = NewForm::new(lang);
    app.form.title.text = "Pipeline 2026-11-23".into();
    app
}

#[test]
fn the_form_offers_the_installed_model_in_both_languages() {
    let dir = tempfile::tempdir().expect("temp dir");
    for lang in [Lang::En, Lang::Zh] {
        let mut app = form(dir.path(), lang);
        assert_eq!(app.screen, Screen::NewSession);
        let ids: Vec<&str> = app
            .form
            .models
            .offered
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(ids, ["caict-devops", "dsomm-shaped", "tiny"]);
        app.press("Up Right");
        let name = format!("tui_models_new_session_{}_80x24", lang.code());
        insta::assert_snapshot!(name, draw(&app, 80, 24));
    }
}

#[test]
fn picking_the_installed_model_creates_a_session_on_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = form(dir.path(), Lang::En);
    assert_eq!(app.form.field(), Field::Title, "the title is focused first");
    assert_eq!(app.form.parts.len(), 6, "the bundled model's parts");
    app.press("Up");
    assert_eq!(app.form.field(), Field::Model);
    app.press("Right");
    let parts: Vec<&str> = app.form.parts.iter().map(|p| p.0.as_str()).collect();
    assert_eq!(parts, ["build"], "the parts follow the chosen model");
    // The target runs 0..4, the DSOMM-shaped model's levels.
    app.press("Tab Tab Tab Tab Tab Right Right Right");
    assert_eq!(app.form.field(), Field::Target);
    assert_eq!(app.form.target, 4);
    app.press("Enter");
    assert_eq!(app.screen, Screen::Assessment);
    let session = &app.work.as_ref().expect("work").session;
    assert_eq!(session.model.id, "dsomm-shaped");
    assert_eq!(session.model.version, "1");
    assert!(session.model.hash.starts_with("sha256:"));
    let real = std::fs::canonicalize(models_dir().join("dsomm-shaped.ron")).expect("real");
    assert_eq!(
        session.model.path.as_deref(),
        Some(&*real.display().to_string())
    );
    assert_eq!(session.parts, ["build"]);
    assert_eq!(session.targets.get("build"), Some(&4));
    // Left goes back to the bundled model, its six parts and its five levels.
    let mut app = form(dir.path(), Lang::En);
    app.press("Up Right Left");
    assert_eq!(app.form.parts.len(), 6);
    assert_eq!(app.form.chosen_model().expect("model").id, "caict-devops");
}

#[test]
fn a_model_in_a_file_not_named_after_its_id_is_used_by_its_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = form(dir.path(), Lang::En);
    app.press("Up Left");
    assert_eq!(app.form.chosen_model().expect("model").id, "tiny");
    app.press("Enter");
    assert_eq!(app.screen, Screen::Assessment);
    let session = &app.work.as_ref().expect("work").session;
    assert_eq!(session.model.id, "tiny");
    let real = std::fs::canonicalize(models_dir().join("my-tiny.ron")).expect("real");
    assert_eq!(
        session.model.path.as_deref(),
        Some(&*real.display().to_string())
    );
    assert_eq!(session.parts, ["a"]);
}
