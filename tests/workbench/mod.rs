//! Opening the workbench on a fresh session, for tests that drive it through its update path.
#![allow(dead_code)]

use assess::cli::{NewOptions, create_session};
use assess::tui::app::App;

/// A fresh session titled `title` on Continuous Delivery with target 3, opened in the
/// workbench. Keep the directory alive as long as the app.
pub fn fresh_on_cd(title: &str) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = create_session(
        dir.path(),
        NewOptions {
            title: Some(title.into()),
            parts: vec!["cd".into()],
            target: Some(3),
            ..NewOptions::default()
        },
    )
    .expect("create");
    let app = App::open(dir.path(), &path).expect("open");
    (dir, app)
}
