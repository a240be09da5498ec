//! Opening the workbench on a fresh session and reading its screen, for tests that drive it
//! through its update path.
#![allow(dead_code)]

use assess::cli::{NewOptions, create_session};
use assess::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

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

/// One frame of the workbench at `w`×`h`, as text.
pub fn draw(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| f.render_widget(app, f.area()))
        .expect("draw");
    text(terminal.backend().buffer())
}

/// A screen as text: a line per row, each wide character once, trailing spaces trimmed.
pub fn text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut x = 0;
        while x < area.width {
            let symbol = buf[(x, y)].symbol();
            line.push_str(symbol);
            x += u16::try_from(symbol.width().max(1)).unwrap_or(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Gives every evidence entry a fixed collector and time (they are the machine's) and checks
/// the files again, so a snapshot of the register is the same everywhere.
pub fn stamp_evidence_and_recheck(app: &mut App) {
    let work = app.work.as_mut().expect("work");
    for e in work.session.evidence.values_mut() {
        e.added_by = "Marta Kowalski".into();
        e.added_at = "2026-11-20T10:00:00Z".into();
    }
    work.recheck_evidence();
}

/// Copies the sample's evidence files (shipped beside it in `sessions/`) to every local
/// evidence location of the session at `path`, relative to its folder: a copied sample then
/// shows its evidence present and intact, as the shipped one does.
pub fn place_evidence_files(path: &std::path::Path) {
    let session = assess::session::load_session(path).expect("session");
    let dir = path.parent().expect("folder");
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    for e in session.evidence.values() {
        if assess::session::is_local_file(e) {
            let file = dir.join(&e.location);
            std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
            std::fs::copy(shipped.join(&e.location), file).expect("evidence file");
        }
    }
}
