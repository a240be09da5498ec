//! The workshop slice through the real update path: findings (`!`, `F`), the facilitator view
//! (`v`), the agenda (`A`) and the timebox; snapshots of the new views.

mod workbench;

use workbench::draw;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assess::session::{Severity, Status, load_session, save_session};
use assess::tui::app::{App, Overlay};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// A fresh session on Continuous Delivery with target 3, opened in the workbench.
fn fresh() -> (tempfile::TempDir, App) {
    let (dir, mut app) = workbench::fresh_on_cd("Workshop");
    app.who = "facilitator".into();
    (dir, app)
}

fn path(app: &App) -> PathBuf {
    app.work.as_ref().expect("work").path.clone()
}

fn current(app: &App) -> String {
    app.work.as_ref().expect("work").requirement_id()
}

/// Fills the finding form as a person would: title, severity up one (High), a two-line
/// description, recommendation, owner and due date.
fn write_finding(app: &mut App) {
    app.press("!");
    app.type_text("Branches live for weeks");
    app.press("Tab Right Tab");
    app.type_text("Merges hurt.\nNobody owns main.");
    app.press("Tab");
    app.type_text("Adopt trunk-based development");
    app.press("Tab");
    app.type_text("Dev lead");
    app.press("Tab");
    app.type_text("2026-06-30");
}

#[test]
fn a_finding_is_written_on_the_current_requirement_and_saved() {
    let (_dir, mut app) = fresh();
    let requirement = current(&app);
    write_finding(&mut app);
    app.press("C-s");
    assert!(app.overlays.is_empty(), "the form closed");
    let session = load_session(&path(&app)).expect("load");
    let f = &session.findings["F1"];
    assert_eq!(f.title, "Branches live for weeks");
    assert_eq!(f.severity, Severity::High);
    assert_eq!(f.description, "Merges hurt.\nNobody owns main.");
    assert_eq!(f.recommendation, "Adopt trunk-based development");
    assert_eq!(
        (f.owner.as_str(), f.due.as_str()),
        ("Dev lead", "2026-06-30")
    );
    assert_eq!(f.tie, requirement);
    assert_eq!(f.added_by, "facilitator");
    assert!(
        session
            .history
            .iter()
            .any(|c| c.target == "finding/F1" && c.field == "title")
    );
    // The checklist marks the requirement.
    assert!(draw(&app, 160, 48).contains("◆F1"));
}

#[test]
fn the_palette_finds_a_finding_and_jumps_to_where_it_is_tied() {
    let (_dir, mut app) = fresh();
    let requirement = current(&app);
    write_finding(&mut app);
    app.press("C-s");
    // Elsewhere, the palette finds it by its recommendation and goes back.
    app.press("Tab Tab");
    assert_ne!(current(&app), requirement);
    app.press("/");
    app.type_text("trunk-based");
    let screen = draw(&app, 160, 48);
    assert!(screen.contains("finding"), "{screen}");
    app.press("Enter");
    assert_eq!(current(&app), requirement);
    // Renamed, it is found by the new title (the palette's entries follow the edit).
    app.press("F Enter");
    app.press("C-u");
    app.type_text("Long-lived branches");
    app.press("C-s Esc /");
    app.type_text("long-lived");
    assert!(draw(&app, 160, 48).contains("F1 Long-lived branches"));
}

#[test]
fn a_bad_due_date_keeps_the_form_open_with_the_reason() {
    let (_dir, mut app) = fresh();
    app.press("!");
    app.type_text("Late");
    app.press("Tab Tab Tab Tab Tab");
    app.type_text("2027-02-30");
    app.press("Enter");
    let error = |app: &App| match app.overlays.last() {
        Some(Overlay::FindingForm(form)) => form.error.clone().unwrap_or_default(),
        other => panic!("form closed: {other:?}"),
    };
    // Written YYYY-MM-DD, but February has no 30th: the message says which is wrong.
    assert_eq!(
        error(&app),
        "\"2027-02-30\" is not a real date: that month has no such day"
    );
    app.press("C-u");
    app.type_text("30/06/2027");
    app.press("Enter");
    assert!(error(&app).contains("not a date written YYYY-MM-DD"));
    assert!(load_session(&path(&app)).expect("load").findings.is_empty());
}

#[test]
fn the_tie_can_be_the_practice_or_the_domain() {
    let (_dir, mut app) = fresh();
    let work = app.work.as_ref().expect("work");
    let practice = work.model.index.practices[work.practice].id.clone();
    app.press("!");
    app.type_text("About the practice");
    // The tie is the last field: Shift-Tab wraps to it.
    app.press("S-Tab Right Enter");
    let session = load_session(&path(&app)).expect("load");
    assert_eq!(session.findings["F1"].tie, practice);
}

#[test]
fn the_findings_view_edits_deletes_and_jumps() {
    let (_dir, mut app) = fresh();
    let requirement = current(&app);
    write_finding(&mut app);
    app.press("C-s");
    app.press("j j j");
    assert_ne!(current(&app), requirement);
    app.press("F");
    assert!(matches!(app.overlays.last(), Some(Overlay::Findings(_))));
    // Enter edits: Ctrl-U clears the title, then retype.
    app.press("Enter C-u");
    app.type_text("Branches live for months");
    app.press("C-s");
    let file = path(&app);
    assert_eq!(
        load_session(&file).expect("load").findings["F1"].title,
        "Branches live for months"
    );
    // g goes to the tied requirement.
    app.press("g");
    assert!(app.overlays.is_empty());
    assert_eq!(current(&app), requirement);
    // d asks first; n keeps it, y deletes it.
    app.press("F d n");
    assert_eq!(load_session(&file).expect("load").findings.len(), 1);
    app.press("d y");
    assert!(load_session(&file).expect("load").findings.is_empty());
    assert!(matches!(app.overlays.last(), Some(Overlay::Findings(_))));
    app.press("Esc");
    assert!(app.overlays.is_empty());
}

/// Adds a finding on the current requirement through the core, as a loaded file would hold it.
fn add_finding(app: &mut App, title: &str, description: &str, recommendation: &str) {
    let work = app.work.as_mut().expect("work");
    let finding = assess::session::Finding {
        title: title.into(),
        description: description.into(),
        recommendation: recommendation.into(),
        tie: work.requirement_id(),
        ..Default::default()
    };
    work.session
        .add_finding(&work.model, finding, "facilitator")
        .expect("finding");
}

#[test]
fn the_findings_view_shows_the_selected_findings_text_and_a_long_one_keeps_the_layout() {
    let (_dir, mut app) = fresh();
    write_finding(&mut app);
    app.press("C-s");
    let long_en = "Releases wait for a manual sign-off that nobody owns. ".repeat(40);
    let long_zh = "配置变更的回滚仍依赖手工操作，上两次事故都需要人工恢复配置。".repeat(30);
    add_finding(
        &mut app,
        &"A very long title ".repeat(12),
        &long_en,
        &long_zh,
    );
    app.press("F");
    // The bar starts on F1: its text shows in the pane under the list.
    let first = draw(&app, 80, 24);
    assert!(
        first.contains("Merges hurt.") && first.contains("Nobody owns main."),
        "{first}"
    );
    assert!(first.contains("Adopt trunk-based development"), "{first}");
    // The next finding's texts are long: cut with an ellipsis, within the popup, both shown.
    app.press("j");
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let screen = draw(&app, w, h);
        assert!(
            !screen.contains("Merges hurt."),
            "F1's text left:\n{screen}"
        );
        assert!(
            screen.contains("description") && screen.contains("recommendation"),
            "{screen}"
        );
        assert!(screen.contains("Releases wait for a manual"), "{screen}");
        assert!(screen.contains("配置变更的回滚"), "{screen}");
        assert!(screen.contains('…'), "a cut is seen:\n{screen}");
        let lines: Vec<&str> = screen.lines().collect();
        assert_eq!(lines.len(), usize::from(h), "{screen}");
        // The popup's bottom border with its hints stays on the row above the status line.
        assert!(lines[usize::from(h) - 2].contains("Esc"), "{screen}");
        for line in &lines {
            assert!(line.width() <= usize::from(w), "{line}");
        }
    }
}

#[test]
fn the_facilitator_view_is_remembered_and_answers_still_work() {
    let (dir, mut app) = fresh();
    let first = current(&app);
    app.press("v");
    app.tick(Instant::now() + Duration::from_secs(5));
    let file = path(&app);
    assert!(load_session(&file).expect("load").cursor.facilitator);
    app.press("y");
    assert_eq!(
        load_session(&file).expect("load").status(&first),
        Some(assess::session::Status::Met)
    );
    app.press("q");
    drop(app);
    let reopened = App::open(dir.path(), &file).expect("open");
    assert!(
        reopened
            .work
            .as_ref()
            .expect("work")
            .session
            .cursor
            .facilitator
    );
    let screen = draw(&reopened, 160, 48);
    assert!(!screen.contains("Guidance"), "no guidance panel:\n{screen}");
    let mut app = reopened;
    app.press("v");
    assert!(!app.work.as_ref().expect("work").session.cursor.facilitator);
}

#[test]
fn the_agenda_plans_minutes_and_logs_them() {
    let (_dir, mut app) = fresh();
    // First row is the part (cd); four presses of → are 20 minutes.
    app.press("A Right Right Right Right Enter");
    let session = load_session(&path(&app)).expect("load");
    assert_eq!(session.agenda.planned("cd"), Some(20));
    let last = session.history.last().expect("logged");
    assert_eq!((last.target.as_str(), last.new.as_str()), ("part/cd", "20"));
    // Esc throws a draft away.
    app.press("A Right Esc");
    assert_eq!(
        load_session(&path(&app))
            .expect("load")
            .agenda
            .planned("cd"),
        Some(20)
    );
}

#[test]
fn time_is_counted_per_domain_saved_sparingly_and_warns_once_when_over() {
    let (_dir, mut app) = fresh();
    app.press("A Right Enter"); // 5 minutes for the part
    let file = path(&app);
    let t0 = Instant::now();
    app.tick(t0);
    app.tick(t0 + Duration::from_secs(10));
    let spent = |f: &Path| load_session(f).expect("load").agenda.spent("cd");
    assert_eq!(spent(&file), 0, "not written before 30 s");
    app.tick(t0 + Duration::from_secs(31));
    assert_eq!(spent(&file), 31);
    let work = app.work.as_ref().expect("work");
    assert_eq!(work.timebox().expect("timebox").text, "0:31 / 5:00");
    let history = load_session(&file).expect("load").history.len();
    app.tick(t0 + Duration::from_secs(301));
    assert!(
        app.message.as_deref().unwrap_or("").contains("time is up"),
        "{:?}",
        app.message
    );
    app.message = None;
    app.tick(t0 + Duration::from_secs(320));
    assert_eq!(app.message, None, "the warning comes once");
    assert!(
        app.work
            .as_ref()
            .expect("work")
            .timebox()
            .expect("box")
            .over
    );
    // Quitting writes what was counted; none of it is in the history.
    app.press("q");
    let session = load_session(&file).expect("load");
    assert_eq!(session.agenda.spent("cd"), 320);
    assert_eq!(session.history.len(), history);
}

#[test]
fn ticks_every_quarter_second_write_time_at_most_every_30_seconds() {
    let (_dir, mut app) = fresh();
    let t0 = Instant::now();
    let mut saves = 0;
    let mut last = None;
    for i in 0..=480 {
        app.tick(t0 + Duration::from_millis(250 * i));
        let saved_at = app.work.as_ref().expect("work").time.saved_at;
        if saved_at != last && i > 0 {
            saves += 1;
        }
        last = saved_at;
    }
    // Two minutes in one domain: written at 30, 60, 90 and 120 seconds, not 480 times.
    assert_eq!(saves, 4);
    let spent = load_session(&path(&app)).expect("load").agenda.spent("cd");
    assert_eq!(spent, 120);
}

#[test]
fn the_clock_redraws_only_what_shows_it() {
    let (_dir, mut app) = fresh();
    let t0 = Instant::now();
    app.tick(t0);
    // No time planned: nothing on screen moves with the clock, whatever is open.
    assert!(
        !app.tick(t0 + Duration::from_secs(1)),
        "the assessment screen"
    );
    app.press("/ d e p");
    assert!(!app.tick(t0 + Duration::from_secs(2)), "the palette");
    app.press("Esc A");
    assert!(
        app.tick(t0 + Duration::from_secs(3)),
        "the agenda editor shows time spent"
    );
}

#[test]
fn time_is_saved_when_the_domain_changes_and_undo_keeps_it() {
    let (_dir, mut app) = fresh();
    let file = path(&app);
    let t0 = Instant::now();
    app.tick(t0);
    let first_domain = {
        let w = app.work.as_ref().expect("work");
        assess::session::domain_key(&w.model, w.practice)
    };
    app.press("y");
    // Move practice by practice until the domain changes.
    for _ in 0..20 {
        let w = app.work.as_ref().expect("work");
        if assess::session::domain_key(&w.model, w.practice) != first_domain {
            break;
        }
        app.press("Tab");
    }
    app.tick(t0 + Duration::from_secs(12));
    let session = load_session(&file).expect("load");
    assert_eq!(session.agenda.spent(&first_domain), 12);
    app.press("u");
    assert_eq!(
        app.work
            .as_ref()
            .expect("work")
            .session
            .agenda
            .spent(&first_domain),
        12,
        "undo does not take time back"
    );
}

#[test]
fn snapshot_findings_view_and_form() {
    let (_dir, mut app) = fresh();
    write_finding(&mut app);
    insta::assert_snapshot!("finding_form_80x24", draw(&app, 80, 24));
    insta::assert_snapshot!("finding_form_160x48", draw(&app, 160, 48));
    app.press("C-s");
    app.press("j ! ");
    app.type_text("Second, low");
    app.press("Tab Left C-s F");
    insta::assert_snapshot!("findings_view_80x24", draw(&app, 80, 24));
    insta::assert_snapshot!("findings_view_160x48", draw(&app, 160, 48));
}

#[test]
fn snapshot_facilitator_view() {
    let (_dir, mut app) = fresh();
    app.press("A Right Right Right Right Enter y p v");
    let t0 = Instant::now();
    app.tick(t0);
    app.tick(t0 + Duration::from_secs(750));
    app.message = None;
    insta::assert_snapshot!("facilitator_80x24", draw(&app, 80, 24));
    // From 100×30 the radar takes most of the screen, and the answer keys are shown.
    let projected = draw(&app, 100, 30);
    assert!(
        projected.contains("y ") && projected.contains("x "),
        "{projected}"
    );
    assert!(
        projected.contains('░'),
        "the radar's level area:\n{projected}"
    );
    insta::assert_snapshot!("facilitator_100x30", projected);
    insta::assert_snapshot!("facilitator_160x48", draw(&app, 160, 48));
    insta::assert_snapshot!("facilitator_250x70", draw(&app, 250, 70));
}

/// Marks Met every requirement up to `level` whose id starts with `prefix`.
fn met_up_to(app: &App, session: &mut assess::session::Session, prefix: &str, level: u8) {
    let index = &app.work.as_ref().expect("work").model.index;
    for r in &index.requirements {
        if r.level <= level && r.id.starts_with(prefix) {
            session.set_status(&r.id, Status::Met, "li").expect("edit");
        }
    }
}

/// A session on Continuous Delivery with last year's session beside it as its baseline:
/// then every domain at L1 and Configuration Management at L2; now Configuration Management
/// and Build at L1, Test Management at L3, the rest at L0. Opened in the facilitator view.
fn with_baseline() -> (tempfile::TempDir, App) {
    let (dir, app) = fresh();
    let file = path(&app);
    let mut last = load_session(&file).expect("load");
    met_up_to(&app, &mut last, "cd.", 1);
    met_up_to(&app, &mut last, "cd.config.", 2);
    save_session(&dir.path().join("last.ron"), &last).expect("save");
    let mut now = load_session(&file).expect("load");
    met_up_to(&app, &mut now, "cd.config.", 1);
    met_up_to(&app, &mut now, "cd.build.", 1);
    met_up_to(&app, &mut now, "cd.test.", 3);
    now.set_baseline(Some("last.ron".into()), "li")
        .expect("baseline");
    save_session(&file, &now).expect("save");
    drop(app);
    let mut app = App::open(dir.path(), &file).expect("open");
    app.who = "facilitator".into();
    app.press("v");
    app.message = None;
    (dir, app)
}

/// The radar panel's rectangle in the facilitator view at `w`×`h`, and the frame.
fn facilitator_radar(app: &App, w: u16, h: u16) -> (ratatui::layout::Rect, Buffer) {
    use assess::tui::views::{facilitator, status};
    let area = ratatui::layout::Rect::new(0, 0, w, h);
    let work = app.work.as_ref().expect("work");
    let layout = facilitator::layout(work, area, status::height(app, w) - 1);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| f.render_widget(app, f.area()))
        .expect("draw");
    let radar = layout.radar.expect("a radar from 100×24 on");
    (radar, terminal.backend().buffer().clone())
}

/// Row `y` of `buf` from column `x0` to before `x1`, each wide character once.
fn row_text(buf: &Buffer, y: u16, (x0, x1): (u16, u16)) -> String {
    let mut row = String::new();
    let mut x = x0;
    while x < x1 {
        let symbol = buf[(x, y)].symbol();
        row.push_str(symbol);
        x += u16::try_from(symbol.width().max(1)).unwrap_or(1);
    }
    row
}

/// The axis labels in `row`: `L2 1.5` or `L2 (+1) 1.5` (the legend's `L2 · 1.50` is not one).
fn axis_labels(row: &str) -> usize {
    let c: Vec<char> = row.chars().collect();
    let digit = |i: usize| c.get(i).is_some_and(char::is_ascii_digit);
    let is = |i: usize, ch: char| c.get(i) == Some(&ch);
    (0..c.len())
        .filter(|&i| is(i, 'L') && digit(i + 1) && is(i + 2, ' '))
        .filter(|&i| {
            // Past the change since the baseline, when there is one: ` (+1)`.
            let j = if is(i + 3, '(') { i + 8 } else { i + 3 };
            digit(j) && is(j + 1, '.') && digit(j + 2)
        })
        .count()
}

#[test]
fn the_facilitator_radar_draws_the_baseline_with_the_change_beside_each_level() {
    let (_dir, mut app) = with_baseline();
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("• • baseline"), "{screen}");
    // Each domain's level with its change beside it, in the numbered legend (the numbers at
    // the axes stay short), and the part's in the title.
    for entry in [
        "1 Configuration Management  L1 (-1) · 1.00",
        "2 Build and Continuous Integration  L1 (+0) · 1.00",
        "3 Test Management  L3 (+2) · 3.00",
        "Continuous Delivery · L0 (-1)",
    ] {
        assert!(screen.contains(entry), "{entry}\n{screen}");
    }
    // The dots are the baseline's, in its colour from the theme.
    let (radar, buf) = facilitator_radar(&app, 100, 30);
    let dots = (radar.top()..radar.bottom())
        .flat_map(|y| (radar.left()..radar.right()).map(move |x| (x, y)))
        .filter(|&(x, y)| buf[(x, y)].symbol() == "•")
        .collect::<Vec<_>>();
    assert!(!dots.is_empty(), "{screen}");
    let baseline = assess::tui::theme::get().baseline;
    assert!(dots.iter().all(|&(x, y)| buf[(x, y)].fg == baseline));
    insta::assert_snapshot!("facilitator_baseline_100x30", screen);
    // Names beside the axes (Chinese ones are short) carry the change themselves.
    app.press("L");
    let zh = draw(&app, 250, 70);
    assert!(zh.contains("• • 基线"), "{zh}");
    assert!(zh.contains("测试管理 L3 (+2) 3.0"), "{zh}");
    insta::assert_snapshot!("facilitator_baseline_zh_250x70", zh);
}

#[test]
fn the_facilitator_radar_fills_its_panel_with_every_label_inside() {
    let (_dir, mut app) = with_baseline();
    for lang in ["en", "zh"] {
        for (w, h) in [(100, 30), (160, 48), (250, 70)] {
            let (radar, buf) = facilitator_radar(&app, w, h);
            let screen = draw(&app, w, h);
            let inside = (radar.left() + 1, radar.right() - 1);
            let (mut labels, mut first, mut last) = (0, u16::MAX, 0);
            for y in radar.top() + 1..radar.bottom() - 1 {
                // The border is whole on every row: nothing was drawn over it.
                assert_eq!(
                    buf[(radar.left(), y)].symbol(),
                    "│",
                    "{lang} {w}×{h}\n{screen}"
                );
                assert_eq!(
                    buf[(radar.right() - 1, y)].symbol(),
                    "│",
                    "{lang} {w}×{h}\n{screen}"
                );
                labels += axis_labels(&row_text(&buf, y, inside));
                for x in inside.0..inside.1 {
                    if buf[(x, y)].symbol() != " " {
                        first = first.min(x);
                        last = last.max(x);
                    }
                }
            }
            assert_eq!(
                labels, 7,
                "every domain's label, whole: {lang} {w}×{h}\n{screen}"
            );
            let used = last + 1 - first;
            let width = inside.1 - inside.0;
            assert!(
                used * 10 >= width * 9,
                "the chart uses {used} of {width} columns: {lang} {w}×{h}\n{screen}"
            );
        }
        app.press("L");
    }
}

#[test]
fn the_navigator_shows_at_any_width_with_n() {
    let (_dir, mut app) = fresh();
    let before = draw(&app, 80, 24);
    assert!(
        !before.contains("Build and Contin"),
        "folded at 80 columns:\n{before}"
    );
    app.press("N");
    let shown = draw(&app, 80, 24);
    assert!(shown.contains("Build and Contin"), "{shown}");
    insta::assert_snapshot!("navigator_shown_80x24", shown);
    app.press("N");
    assert_eq!(draw(&app, 80, 24), before, "N again leaves it to the width");
}

#[test]
fn snapshot_status_line_with_the_timebox_over() {
    let (_dir, mut app) = fresh();
    app.press("A Right Enter");
    let t0 = Instant::now();
    app.tick(t0);
    app.tick(t0 + Duration::from_secs(330));
    let screen = draw(&app, 120, 30);
    let status: String = screen.lines().rev().skip(1).take(1).collect();
    assert!(status.contains("5:30 / 5:00"), "{status}");
    insta::assert_snapshot!("status_timebox_over", status);
    // The over style, not only the text.
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).expect("terminal");
    terminal
        .draw(|f| f.render_widget(&app, f.area()))
        .expect("draw");
    let buf = terminal.backend().buffer();
    let x = (0..120)
        .find(|&x| buf[(x, 28)].symbol() == "⏱")
        .expect("timebox on the status line");
    assert_eq!(
        buf[(x, 28)].style().bg,
        assess::tui::theme::get().timebox_over.bg
    );
}

/// Every row of the popup (from its top corner to its bottom one) has only blanks beside its
/// side borders.
fn nothing_beside_the_popup(screen: &str) {
    let rows: Vec<&str> = screen
        .lines()
        .skip_while(|l| l.chars().nth(1) != Some('┌'))
        .collect();
    let bottom = |l: &&str| l.chars().nth(1) == Some('└');
    let last = rows.iter().position(bottom).expect("a popup");
    for row in &rows[..=last] {
        let ends = row.ends_with(['┐', '│', '┘']);
        assert!(row.starts_with(" ") && ends, "{row:?} in\n{screen}");
    }
}

#[test]
fn the_new_views_draw_at_any_size() {
    let (_dir, mut app) = fresh();
    write_finding(&mut app);
    for (w, h) in [(1, 1), (20, 5), (60, 16), (61, 17), (80, 24), (300, 100)] {
        draw(&app, w, h);
    }
    app.press("C-s F");
    for (w, h) in [(60, 16), (60, 18), (80, 24), (300, 100)] {
        draw(&app, w, h);
    }
    // Nearly as wide as the screen, the findings view leaves nothing of the screen behind
    // beside its border (a stray letter of the status line once showed after its corner).
    for keys in ["", "Esc L F"] {
        app.press(keys);
        for (w, h) in [(60, 16), (60, 18)] {
            nothing_beside_the_popup(&draw(&app, w, h));
        }
    }
    app.press("Esc L A");
    for (w, h) in [(60, 16), (80, 24), (300, 100)] {
        draw(&app, w, h);
    }
    app.press("Esc v");
    for w in 60..=260 {
        draw(&app, w, 16 + (w % 60));
    }
}

#[test]
fn snapshot_agenda_editor() {
    let (_dir, mut app) = fresh();
    app.press("A Right Right Right Right Enter A Down Right Right");
    let t0 = Instant::now();
    app.tick(t0);
    app.tick(t0 + Duration::from_secs(95));
    insta::assert_snapshot!("agenda_editor_80x24", draw(&app, 80, 24));
}
