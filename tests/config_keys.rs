//! A keymap override from the configuration file changes what a key does and what help and
//! the footer show. (Its own test binary: the keymap is installed once
//! per process.)

mod workbench;

use assess::session::Status;
use workbench::{draw, fresh_on_cd};

#[test]
fn an_override_changes_the_keys_and_the_help() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("config.ron");
    let text = "(\n  keys: {\n    \"assessment\": { \"m\": \"Met\", \"y\": \"Flag\" },\n  },\n)";
    std::fs::write(&path, text).expect("write");
    let loaded = assess::config::load(Some(&path), true).expect("loads");
    assert!(assess::tui::check_config(&loaded).is_empty());
    assess::tui::install_config(&loaded);

    let (_dir, mut app) = fresh_on_cd("Keys");
    let work = |app: &assess::tui::app::App| {
        let work = app.work.as_ref().expect("a session");
        (work.status(work.requirement), work.requirement)
    };
    let first = work(&app).1;
    app.press("y");
    assert_eq!(work(&app), (None, first), "y flags now, it does not answer");
    app.press("m");
    assert_eq!(
        app.work.as_ref().expect("work").status(first),
        Some(Status::Met)
    );

    let footer = draw(&app, 120, 30);
    assert!(footer.contains("m Met"), "{footer}");
    assert!(!footer.contains("y Met"), "{footer}");
    app.press("?");
    let help = draw(&app, 120, 40);
    assert!(help.contains(" m  Met "), "{help}");
    assert!(help.contains(" y  flag for review "), "{help}");
    assert!(!help.contains(" y  Met "), "{help}");
}
