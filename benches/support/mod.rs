//! Fixtures every bench shares: session files on the bundled model or on a synthetic model of
//! any size (written to a temp dir, as a user's would be), and the workbench opened on them.

#![allow(dead_code)] // each bench uses some of these

use std::path::{Path, PathBuf};

use assess::model::{self, LoadedModel};
use assess::session::{self, Session};
use assess::synth;
use assess::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The seed of every synthetic model and session here.
pub const SEED: u64 = 1;

/// Which model a fixture uses: the bundled one, or a synthetic one of this many requirements.
#[derive(Debug, Clone, Copy)]
pub enum Size {
    Bundled,
    Synthetic(usize),
}

impl Size {
    pub fn name(self) -> String {
        match self {
            Size::Bundled => "bundled".into(),
            Size::Synthetic(n) => format!("synthetic {n}"),
        }
    }
}

/// A session file (and its model file, if synthetic) in a directory of its own.
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    pub model: LoadedModel,
    pub session: Session,
}

/// A temp dir on disk (fsync costs what it costs a user), or in memory (`/dev/shm`, where
/// fsync returns at once) to time everything but the disk.
pub fn temp_dir(in_memory: bool) -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if in_memory && shm.is_dir() {
        tempfile::tempdir_in(shm).expect("temp dir")
    } else {
        tempfile::tempdir().expect("temp dir")
    }
}

/// A session with `answers` answers (notes, evidence, N/A and flags among them, see
/// `synth::session`) on the model of `size`, saved to a file.
pub fn fixture(size: Size, answers: usize, in_memory: bool) -> Fixture {
    let dir = temp_dir(in_memory);
    let (model, model_path) = match size {
        Size::Bundled => (model::load_embedded("caict-devops").expect("model"), None),
        Size::Synthetic(n) => {
            let text = synth::model_ron(&synth::model(n, SEED));
            let path = dir.path().join("model.ron");
            std::fs::write(&path, &text).expect("write model");
            let origin = path.display().to_string();
            let loaded = model::parse_model(&text, &origin).expect("valid model");
            (loaded, Some(origin))
        }
    };
    let session = synth::session(&model, answers, SEED, model_path).expect("session");
    let path = dir.path().join("bench.ron");
    session::create_session_file(&path, &session).expect("write session");
    Fixture {
        dir,
        path,
        model,
        session,
    }
}

/// The workbench on a fixture's session, as `assess open` starts it.
pub fn open(f: &Fixture) -> App {
    let mut app = App::open(f.dir.path(), &f.path).expect("open");
    // As the event loop runs it: an edit is drawn first, then saved.
    app.defer_saves();
    app
}

/// What the event loop does after a frame: rank the query or save the edit it showed, and
/// redraw. True when there was such work.
pub fn after_frame(app: &mut App, terminal: &mut Terminal<TestBackend>) -> bool {
    let saved = app.after_frame();
    if saved {
        draw(app, terminal);
    }
    saved
}

/// An in-memory terminal of `w`×`h` cells (no terminal I/O is timed).
pub fn terminal(w: u16, h: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(w, h)).expect("terminal")
}

/// One frame, as the event loop draws it.
pub fn draw(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    let size = terminal.size().expect("size");
    app.area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
    terminal
        .draw(|f| f.render_widget(&*app, f.area()))
        .expect("draw");
}

/// The screens whose key-to-frame time is measured, each with a setup (keys pressed first)
/// and the keys pressed in turn, one per iteration (pairs that undo each other, so the
/// state stays the same however long the bench runs).
pub const SCREENS: &[(&str, &str, &[&str])] = &[
    ("assessment: next requirement", "", &["j", "k"]),
    ("assessment: answer (saved)", "", &["y"]),
    ("summary with radar: next part", "r", &["Tab", "S-Tab"]),
    ("palette with a query: type", "/ d e p l o", &["y", "Bksp"]),
];
