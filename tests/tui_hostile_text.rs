//! Hostile text on screen: notes, justifications, evidence and titles with wide CJK, emoji,
//! combining marks, right-to-left text, control characters and a 1 MB paste draw without a
//! panic at any size from 1×1 to 500×200, no line is wider than the terminal, and no control
//! character reaches the terminal (an escape sequence in a note must not repaint the screen).

use assess::session::{Evidence, EvidenceType, load_session, save_session};
use assess::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

const NASTY: &[&str] = &[
    "宽字符：评估会议纪要，第三季度发布流程",
    "emoji 👩‍👩‍👧‍👦 🇨🇳 🏳️‍🌈 👍🏽",
    "combining: e\u{301} a\u{308}\u{304} Z\u{351}\u{34d}\u{35a}",
    "RTL: שלום עולם مرحبا بالعالم \u{202e}reversed\u{202c} \u{200f}",
    "controls: \0 \x07 \x08 \x1b[2J\x1b[31mred\x1b[0m \x7f \u{85} \u{9b}31m",
    "line\nbreaks\r\nand\ttabs\rcarriage",
];

/// A session whose every free text is hostile, opened in the workbench on that requirement.
fn hostile_app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = assess::cli::create_session(
        dir.path(),
        assess::cli::NewOptions {
            title: Some(NASTY.concat()),
            parts: vec!["cd".into()],
            ..Default::default()
        },
    )
    .expect("create");
    let mut s = load_session(&path).expect("load");
    let first = s.cursor.requirement.clone();
    s.title = NASTY.concat();
    s.organisation = NASTY[4].to_string();
    let paste = NASTY
        .join("\n")
        .repeat(1_048_576 / NASTY.join("\n").len() + 1);
    s.set_note(&first, &paste, "x").expect("edit");
    s.set_not_applicable(&first, NASTY[4], "x").expect("na");
    for text in NASTY {
        let e = s
            .add_evidence(
                Evidence {
                    title: (*text).to_string(),
                    kind: EvidenceType::Link,
                    location: (*text).to_string(),
                    ..Evidence::default()
                },
                text,
            )
            .expect("edit");
        s.attach_evidence(&first, &e, "x").expect("attach");
    }
    save_session(&path, &s).expect("save");
    let mut app = App::open(dir.path(), &path).expect("open");
    // A finding as hostile, for the findings view's detail pane (`F`).
    let work = app.work.as_mut().expect("work");
    let finding = assess::session::Finding {
        title: NASTY.concat(),
        description: paste,
        recommendation: NASTY.join("\n"),
        tie: first,
        ..Default::default()
    };
    work.session
        .add_finding(&work.model, finding, "x")
        .expect("finding");
    app.message = None;
    (dir, app)
}

fn check(buf: &Buffer, keys: &str) {
    let area = buf.area;
    for y in 0..area.height {
        let mut width = 0;
        let mut x = 0;
        while x < area.width {
            let symbol = buf[(x, y)].symbol();
            assert!(
                !symbol.chars().any(char::is_control),
                "a control character reaches the terminal at {x},{y} after {keys:?}: {symbol:?}"
            );
            let w = symbol.width().max(1);
            width += w;
            x += u16::try_from(w).unwrap_or(1);
        }
        assert!(
            width <= usize::from(area.width),
            "line {y} overflows after {keys:?}"
        );
    }
}

#[test]
fn hostile_text_draws_cleanly_at_every_size() {
    let sizes: Vec<(u16, u16)> = [1u16, 20, 80, 500]
        .iter()
        .flat_map(|&w| [1u16, 10, 48, 200].map(move |h| (w, h)))
        .collect();
    for keys in ["", "o", "e", "x", "r", "/", "E", "F"] {
        let (_dir, mut app) = hostile_app();
        app.press(keys);
        for &(w, h) in &sizes {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal
                .draw(|f| f.render_widget(&app, f.area()))
                .expect("draw");
            check(terminal.backend().buffer(), keys);
        }
    }
}

#[test]
fn hostile_text_round_trips_through_the_workbench() {
    let (dir, mut app) = hostile_app();
    let path = app.work.as_ref().expect("work").path.clone();
    let before = load_session(&path).expect("load");
    // Open and close the note editor and the evidence register without typing: nothing changes.
    app.press("o C-s e Esc");
    app.press("q");
    drop(app);
    let after = load_session(&path).expect("load");
    // Not assert_eq: a failure would print a megabyte of note.
    assert!(
        after.answers == before.answers,
        "opening the editors changed an answer"
    );
    assert!(
        after.evidence == before.evidence,
        "opening the register changed it"
    );
    assert!(after.title == before.title);
    drop(dir);
}
