//! Timings of what a workbench user waits on: drawing a full frame, answering (update, rescore,
//! atomic save), and the fuzzy palette over the whole bundled model in both languages.
//! Run with `cargo bench --bench tui`; figures are recorded in BENCHMARKS.md.

mod harness;

use harness::time;

use assess::cli::{NewOptions, create_session};
use assess::tui::app::App;
use assess::tui::palette::{items, rank};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = create_session(dir.path(), NewOptions::default()).expect("session");
    let mut app = App::open(dir.path(), &path).expect("open");
    // Answer 1,000 requirements across all parts first, as late in a long assessment.
    for i in 0..1000 {
        app.press(["y", "p", "n"][i % 3]);
    }
    for (w, h) in [(80, 24), (160, 48)] {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        time(
            &format!("draw the assessment screen at {w}x{h}"),
            200,
            || {
                terminal
                    .draw(|f| f.render_widget(&app, f.area()))
                    .expect("draw");
            },
        );
    }
    app.press("r");
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    time("draw the summary screen at 160x48", 200, || {
        terminal
            .draw(|f| f.render_widget(&app, f.area()))
            .expect("draw");
    });
    app.press("r a");
    time("answer: update, rescore, atomic save", 200, || {
        app.press("y")
    });
    let work = app.work.as_ref().expect("work");
    let all = items(&work.model, &work.session);
    println!("palette entries: {}", all.len());
    time("palette: build the entries", 50, || {
        items(&work.model, &work.session)
    });
    for query in ["d", "deploy", "部署", "rollback plan"] {
        time(&format!("palette: rank {query:?}"), 50, || {
            rank(&all, query)
        });
    }
}
