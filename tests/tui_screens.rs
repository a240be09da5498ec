//! Every screen and overlay as text (insta snapshots) at 80×24 and 160×48, on the bundled model
//! and the sample session; and no size from 1×1 to 500×200 makes drawing panic.

mod workbench;

use workbench::draw;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use assess::tui::app::{App, Screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

const SAMPLE: &str = "sessions/eastbridge-trading-platform.ron";

/// The sample session copied into a temp sessions dir, with a fixed modification time.
fn sample_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("eastbridge-trading-platform.ron");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE), &path).expect("copy");
    workbench::place_evidence_files(&path);
    let when = SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_000_000);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_modified(when))
        .expect("set mtime");
    (dir, path)
}

fn sample() -> (tempfile::TempDir, App) {
    let (dir, path) = sample_dir();
    let mut app = App::open(dir.path(), &path).expect("open sample");
    app.message = None;
    (dir, app)
}

/// Snapshots a state at both sizes, hiding the temp dir.
fn snap(name: &str, app: &App, dir: &Path) {
    for (w, h) in [(80, 24), (160, 48)] {
        let screen = draw(app, w, h).replace(&dir.display().to_string(), "[DIR]");
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
    }
}

#[test]
fn assessment_screen() {
    let (dir, app) = sample();
    snap("assessment", &app, dir.path());
}

#[test]
fn assessment_in_chinese() {
    let (dir, mut app) = sample();
    app.press("L");
    snap("assessment_zh", &app, dir.path());
}

#[test]
fn summary_screen_all_parts_and_one_part() {
    let (dir, mut app) = sample();
    app.press("r");
    snap("summary", &app, dir.path());
    app.press("Tab");
    snap("summary_part", &app, dir.path());
}

#[test]
fn home_screen() {
    let (dir, _) = sample_dir();
    let app = App::home(dir.path());
    assert_eq!(app.screen, Screen::Home);
    snap("home", &app, dir.path());
}

#[test]
fn new_session_form() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = App::home(dir.path());
    app.form.title.text = "Assessment 2026-11-23".into();
    app.press("Tab");
    app.type_text("Eastbridge Securities 东桥证券");
    snap("new_session", &app, dir.path());
}

#[test]
fn help_overlay() {
    let (dir, mut app) = sample();
    app.press("?");
    snap("help", &app, dir.path());
}

#[test]
fn palette_overlay() {
    let (dir, mut app) = sample();
    app.press("/");
    app.type_text("deploy");
    snap("palette", &app, dir.path());
}

#[test]
fn note_overlay() {
    let (dir, mut app) = sample();
    app.press("o");
    app.type_text("Seen live in the CI dashboard.\nAsk for the 90-day export.");
    snap("note", &app, dir.path());
}

#[test]
fn not_applicable_overlay() {
    let (dir, mut app) = sample();
    app.press("x");
    app.type_text("No mobile client in scope");
    snap("justify", &app, dir.path());
}

#[test]
fn evidence_overlays() {
    let (dir, mut app) = sample();
    app.press("e");
    snap("evidence", &app, dir.path());
    app.press("a");
    app.type_text("Release checklist");
    snap("evidence_form", &app, dir.path());
}

#[test]
fn confirm_overlay() {
    let (dir, mut app) = sample();
    app.work.as_mut().expect("work").path = PathBuf::from("no-such-dir/x.ron");
    app.press("f q");
    snap("confirm", &app, dir.path());
}

#[test]
fn export_overlay() {
    let (dir, mut app) = sample();
    app.press("E");
    snap("export", &app, dir.path());
}

#[test]
fn too_small() {
    let (_dir, app) = sample();
    insta::assert_snapshot!("too_small_59x15", draw(&app, 59, 15));
}

#[test]
fn the_current_requirement_is_a_solid_bar() {
    let (_dir, app) = sample();
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    terminal
        .draw(|f| f.render_widget(&app, f.area()))
        .expect("draw");
    let buf = terminal.backend().buffer();
    let selected = buf
        .content()
        .iter()
        .filter(|c| c.bg == assess::tui::theme::get().selected.bg.expect("bg"))
        .count();
    assert!(
        selected > 40,
        "the current requirement and practice are highlighted"
    );
}

#[test]
fn no_size_panics_on_any_screen_or_overlay() {
    let (dir, mut app) = sample();
    let sizes: Vec<(u16, u16)> = [
        1u16, 2, 10, 40, 59, 60, 61, 79, 80, 95, 96, 129, 130, 200, 500,
    ]
    .iter()
    .flat_map(|&w| [1u16, 2, 8, 15, 16, 17, 24, 30, 48, 200].map(move |h| (w, h)))
    .collect();
    let states = [
        "",
        "?",
        "/",
        "o",
        "x",
        "e",
        "e a",
        "e /",
        "e c",
        "C-f",
        "C-f j j Enter",
        "E",
        "r",
        "r Tab",
        "L",
    ];
    for keys in states {
        let (_d, mut app) = sample();
        app.press(keys);
        for &(w, h) in &sizes {
            draw(&app, w, h);
        }
    }
    app.screen = Screen::Home;
    for &(w, h) in &sizes {
        draw(&app, w, h);
    }
    let mut form = App::home(&dir.path().join("empty"));
    form.screen = Screen::NewSession;
    for &(w, h) in &sizes {
        draw(&form, w, h);
    }
}

#[test]
fn palette_highlights_the_matched_characters() {
    let (_dir, mut app) = sample();
    app.press("/");
    app.type_text("deploy");
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    terminal
        .draw(|f| f.render_widget(&app, f.area()))
        .expect("draw");
    let buf = terminal.backend().buffer();
    let matched: String = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::UNDERLINED))
        .map(|c| c.symbol().to_lowercase())
        .collect();
    assert!(matched.starts_with("deploy"), "{matched}");
}

#[test]
fn long_evidence_register_scrolls_to_the_selection() {
    let (_dir, mut app) = sample();
    let work = app.work.as_mut().expect("work");
    for n in 0..40 {
        let e = assess::session::Evidence {
            title: format!("Extra record {n}"),
            ..Default::default()
        };
        work.session.add_evidence(e, "tester").expect("edit");
    }
    let count = work.session.evidence.len();
    app.press("e");
    for _ in 0..count {
        app.press("j");
    }
    let last = app.evidence_ids().last().cloned().expect("ids");
    let screen = draw(&app, 80, 24);
    assert!(screen.contains(&format!("{last} ")), "{screen}");
}

#[test]
fn the_radar_moves_the_moment_an_answer_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = assess::cli::create_session(
        dir.path(),
        assess::cli::NewOptions {
            parts: vec!["cd".into()],
            target: Some(3),
            ..Default::default()
        },
    )
    .expect("create");
    let mut app = App::open(dir.path(), &path).expect("open");
    let radar = |app: &App| -> String {
        let screen = draw(app, 160, 48);
        // The right-hand column holds the radar.
        screen
            .lines()
            .take(26)
            .map(|l| l.chars().skip(110).collect::<String>() + "\n")
            .collect()
    };
    let before = radar(&app);
    assert!(before.contains("0.0"), "{before}");
    app.press("5");
    let after = radar(&app);
    assert_ne!(before, after, "the achieved polygon and score moved");
}

/// The status line says what the last change was, so the room sees what was just saved after
/// the cursor has moved on; in the shown language; never beside a failed save.
#[test]
fn status_line_names_the_last_saved_change() {
    let (_dir, mut app) = sample();
    let requirement = app.work.as_ref().expect("work").requirement;
    let label = app
        .work
        .as_ref()
        .expect("work")
        .requirement_label(requirement);
    app.press("p");
    assert_ne!(app.work.as_ref().expect("work").requirement, requirement);
    let status = draw(&app, 200, 30)
        .lines()
        .nth(28)
        .unwrap_or("")
        .to_string();
    assert!(
        status.contains(&format!("saved · Partial · {label}")),
        "{status}"
    );
    app.press("u");
    assert!(draw(&app, 200, 30).contains("saved · undone · L"));
    app.press("L y");
    assert!(draw(&app, 200, 30).contains("已保存 · 满足 · L"));
    app.press("x");
    assert!(
        app.last_change().unwrap_or("").starts_with("满足"),
        "opening the N/A prompt is not yet a change"
    );
}

/// Two domains share a name (配置管理 in Continuous Delivery and in Technical Operations): the
/// palette says which part each belongs to, so Enter jumps where the user means.
#[test]
fn palette_rows_say_where_an_entry_sits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = assess::cli::create_session(
        dir.path(),
        assess::cli::NewOptions {
            parts: vec!["cd".into(), "to".into()],
            ..assess::cli::NewOptions::default()
        },
    )
    .expect("create");
    let mut app = App::open(dir.path(), &path).expect("open");
    app.press("L /");
    app.type_text("配置管理");
    let screen = draw(&app, 160, 48);
    let domains: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("能力域 配置管理"))
        .collect();
    assert_eq!(domains.len(), 2, "{screen}");
    assert!(domains[0].contains("持续交付"), "{screen}");
    assert!(domains[1].contains("技术运营"), "{screen}");
}

/// Six parts on 80×24: the table cannot hold every domain, so it shows the parts, and with a
/// part focused (Tab) that part and its domains — the last part's rows are reachable too.
#[test]
fn summary_table_of_six_parts_follows_the_focus_on_a_small_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = assess::cli::create_session(dir.path(), assess::cli::NewOptions::default())
        .expect("create");
    let mut app = App::open(dir.path(), &path).expect("open");
    app.press("r");
    let work = app.work.as_ref().expect("work");
    let summary = assess::summary::summarize(&work.model, &work.session, "en");
    assert_eq!(summary.parts.len(), 6);
    let screen = draw(&app, 80, 24);
    for part in &summary.parts {
        assert!(screen.contains(&part.row.name), "{screen}");
    }
    app.press("Tab Tab Tab Tab Tab Tab");
    let last = summary.parts.last().expect("part");
    let screen = draw(&app, 80, 24);
    let shown = last
        .domains
        .iter()
        .filter(|d| screen.contains(&format!("  {}", d.name)))
        .count();
    assert!(
        shown >= 3,
        "the focused part's domains are listed:\n{screen}"
    );
}

/// The practice header says where the team is in the part, also when the navigator is folded.
#[test]
fn practice_header_says_where_the_team_is_in_the_part() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = assess::cli::create_session(
        dir.path(),
        assess::cli::NewOptions {
            parts: vec!["cd".into(), "to".into()],
            ..assess::cli::NewOptions::default()
        },
    )
    .expect("create");
    let mut app = App::open(dir.path(), &path).expect("open");
    assert!(draw(&app, 80, 24).contains("practice 1 of 49 in this part"));
    app.press("Tab Tab");
    assert!(draw(&app, 80, 24).contains("practice 3 of 49 in this part"));
    app.press("L");
    assert!(draw(&app, 80, 24).contains("本部分第 3/49 个实践"));
}

/// A damaged session on the home screen: its row says Enter explains, and Enter shows the
/// whole message (file, line and column, and that nothing was changed), not a cut-off line.
#[test]
fn home_shows_why_a_damaged_session_cannot_be_opened() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("broken.ron"), "garbage (").expect("write");
    let mut app = App::home(dir.path());
    let screen = draw(&app, 80, 24);
    assert!(
        screen.contains("broken — DAMAGED") && screen.contains("Enter says why"),
        "{screen}"
    );
    app.press("Enter");
    let screen = draw(&app, 80, 24);
    let flat: String = screen
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("");
    assert!(flat.contains("broken.ron:1:1"), "{screen}");
    assert!(flat.contains("The file was not changed."), "{screen}");

    // A session this user may not read (permission denied: see `session::io_state`) is
    // UNREADABLE, never DAMAGED.
    app.home.rows[0].unreadable = true;
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("broken — UNREADABLE"), "{screen}");
    assert!(!screen.contains("DAMAGED"), "{screen}");
}

/// Text too long for its place is cut with an ellipsis, never clipped mid-word: the
/// provenance mark, summary table names, and the home screen's titles and levels.
#[test]
fn cut_text_ends_with_an_ellipsis() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = || assess::cli::NewOptions {
        title: Some("Same title".into()),
        ..assess::cli::NewOptions::default()
    };
    let first = assess::cli::create_session(dir.path(), options()).expect("create");
    let second = assess::cli::create_session(dir.path(), options()).expect("create");
    let mut app = App::open(dir.path(), &first).expect("open");
    let mark = "[authored: not the standard's text]";
    let mut seen = 0;
    for _ in 0..40 {
        for w in 100..=120 {
            for line in draw(&app, w, 30).lines() {
                if let Some(at) = line.find("[authored") {
                    seen += 1;
                    let rest = &line[at..];
                    assert!(
                        rest.starts_with(mark) || rest.contains('…'),
                        "at {w} columns: {line}"
                    );
                }
            }
        }
        app.press("Tab");
    }
    assert!(seen > 0, "the authored mark was drawn somewhere");

    app.press("r");
    let work = app.work.as_ref().expect("work");
    let summary = assess::summary::summarize(&work.model, &work.session, "en");
    let names: Vec<String> = summary
        .parts
        .iter()
        .flat_map(|p| std::iter::once(&p.row).chain(&p.domains))
        .map(|r| r.name.clone())
        .collect();
    let mut rows = 0;
    for w in [60, 80, 100, 160] {
        let screen = draw(&app, w, 60);
        // Table rows: "│  Name … L0  0.00 …"; the name is what comes before the level.
        for line in screen.lines() {
            let Some(at) = line.find(" L0 ").or_else(|| line.find(" L1 ")) else {
                continue;
            };
            if !line[at..].contains("0.") {
                continue;
            }
            let cell = line[..at].rsplit('│').next().unwrap_or("").trim();
            // The radar's numbered labels and legend ("3 L1 1.5", "3 Test  L1 · 1.50") are
            // not table rows.
            if cell
                .split(' ')
                .next()
                .is_some_and(|n| n.parse::<usize>().is_ok())
            {
                continue;
            }
            rows += 1;
            let whole = names.iter().any(|n| n == cell);
            let cut = cell
                .strip_suffix('…')
                .is_some_and(|head| names.iter().any(|n| n.starts_with(head)));
            assert!(
                whole || cut,
                "at {w} columns, {cell:?} is cut without an ellipsis:\n{screen}"
            );
        }
    }
    assert!(rows > 0, "table rows were found");

    app.press("q");
    drop(app);
    let home = App::home(dir.path());
    let screen = draw(&home, 80, 24);
    for file in [&first, &second] {
        let stem = file.file_stem().expect("stem").to_string_lossy();
        assert!(
            screen.contains(&*stem),
            "{stem} tells the two apart:\n{screen}"
        );
    }
    assert!(
        !screen.contains(" +"),
        "levels that do not fit are summed up, never a bare count:\n{screen}"
    );
    assert!(
        screen.contains("L0 ×6"),
        "the range of levels over six parts:\n{screen}"
    );
    assert!(
        !screen.contains("agile L0 cd L\n") && !screen.contains("cd L "),
        "{screen}"
    );
}

/// The palette counts its matches in good English: "1 match", "2 matches".
#[test]
fn palette_says_1_match_not_1_matches() {
    let (_dir, mut app) = sample();
    app.press("/");
    app.type_text("deploy");
    let keep = |app: &mut App, n: usize| {
        if let Some(assess::tui::app::Overlay::Palette(p)) = app.overlays.last_mut() {
            p.hits.truncate(n);
        }
    };
    keep(&mut app, 2);
    assert!(draw(&app, 120, 30).contains("   2 matches"));
    keep(&mut app, 1);
    let screen = draw(&app, 120, 30);
    assert!(
        screen.contains("   1 match") && !screen.contains("1 matches"),
        "{screen}"
    );
}

/// The help overlay follows the workbench language, as the footer does, and its Chinese
/// columns line up by display width.
#[test]
fn help_follows_the_workbench_language() {
    let (_dir, mut app) = sample();
    app.press("?");
    let english = draw(&app, 160, 48);
    assert!(english.contains("auto-advance on/off"), "{english}");
    app.press("Esc L ?");
    let chinese = draw(&app, 160, 48);
    let zh = assess::tui::action::Action::ToggleAutoAdvance.describe_in(assess::lang::Lang::Zh);
    assert!(chinese.contains(&zh), "{chinese}");
    assert!(!chinese.contains("auto-advance on/off"), "{chinese}");
    for line in chinese.lines() {
        assert!(line.width() <= 160, "{line}");
    }
}

/// The register with a file that changed since it was attached, its fuzzy search, the filter
/// picker and the navigator under a filter.
#[test]
fn evidence_register_search_and_review_filter() {
    let (dir, mut app) = sample();
    std::fs::write(dir.path().join("pipeline-log.txt"), b"run 1: green").expect("write");
    app.press("e a");
    app.type_text("Pipeline log");
    app.press("Tab Tab");
    app.type_text("pipeline-log.txt");
    app.press("Enter");
    std::fs::write(dir.path().join("pipeline-log.txt"), b"run 2: red!!").expect("change");
    workbench::stamp_evidence_and_recheck(&mut app);
    snap("evidence_register_checks", &app, dir.path());
    app.press("/");
    app.type_text("pipe");
    snap("evidence_search", &app, dir.path());
    app.press("Esc Esc C-f");
    snap("filter_picker", &app, dir.path());
    app.press("j j Enter");
    snap("filtered_navigator", &app, dir.path());
}

/// A draft figure inside an authored level says where it comes from in the guidance panel.
#[test]
fn the_guide_marks_a_requirement_taken_from_a_draft() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = assess::cli::create_session(
        dir.path(),
        assess::cli::NewOptions {
            title: Some("Ops".into()),
            parts: vec!["to".into()],
            target: Some(3),
            ..assess::cli::NewOptions::default()
        },
    )
    .expect("create");
    let mut app = assess::tui::app::App::open(dir.path(), &path).expect("open");
    let work = app.work.as_mut().expect("workbench");
    let r = work
        .model
        .index
        .requirement("to.continuity.risk.rto_rpo.l4.2")
        .expect("id");
    work.jump(r);
    let screen = workbench::draw(&app, 160, 48);
    assert!(screen.contains("[draft: from a public draft"), "{screen}");
}

/// A requirement about core items says who decides what is core, in the guidance panel.
#[test]
fn the_guide_says_who_decides_what_is_core() {
    let (_dir, mut app) = workbench::fresh_on_cd("Core");
    let work = app.work.as_mut().expect("workbench");
    let r = work
        .model
        .index
        .requirement("cd.test.layering.method.l2.2")
        .expect("id");
    work.jump(r);
    let screen = workbench::draw(&app, 160, 48);
    assert!(screen.contains("Core, key, main"), "{screen}");
    let r = work_index(&app, "cd.config.vc.vcs.l2.1");
    app.work.as_mut().expect("workbench").jump(r);
    let screen = workbench::draw(&app, 160, 48);
    assert!(!screen.contains("Core, key, main"), "{screen}");
}

/// A requirement about major incidents says whose grading decides what is major, in English
/// and in Chinese; a requirement without the words shows no such rule.
#[test]
fn the_guide_says_who_decides_what_is_major() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = assess::cli::create_session(
        dir.path(),
        assess::cli::NewOptions {
            title: Some("Ops".into()),
            parts: vec!["to".into()],
            target: Some(3),
            ..assess::cli::NewOptions::default()
        },
    )
    .expect("create");
    let mut app = assess::tui::app::App::open(dir.path(), &path).expect("open");
    let r = work_index(&app, "to.incident.incident.response.l2.4");
    app.work.as_mut().expect("workbench").jump(r);
    let screen = workbench::draw(&app, 160, 48);
    assert!(screen.contains("Major, important"), "{screen}");
    assert!(screen.contains("grades as major"), "{screen}");
    app.press("L");
    let screen = workbench::draw(&app, 160, 48);
    assert!(screen.contains("重大、重要"), "{screen}");
    assert!(screen.contains("组织定级的重大事件"), "{screen}");
    let r = work_index(&app, "to.incident.incident.detect.l2.1");
    app.work.as_mut().expect("workbench").jump(r);
    let screen = workbench::draw(&app, 160, 48);
    assert!(!screen.contains("重大、重要"), "{screen}");
}

fn work_index(app: &assess::tui::app::App, id: &str) -> usize {
    let work = app.work.as_ref().expect("workbench");
    work.model.index.requirement(id).expect("id")
}

/// A session whose cursor sat on a requirement that has since moved opens on its new place.
#[test]
fn a_cursor_on_a_moved_requirement_follows_it() {
    let model = assess::model::load_embedded("caict-devops").expect("model");
    let old = "to.monitoring.collection.coverage.l1.1";
    let new = model.model.aliases.get(old).expect("alias").clone();
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("ops.ron");
    let text = format!(
        "#![enable(implicit_some)]\nSession(\n    format: 2,\n    title: \"Ops\",\n    model: ModelRef(\n        id: \"caict-devops\",\n        version: \"{}\",\n        hash: \"{}\",\n    ),\n    parts: [\"to\"],\n    cursor: Cursor(practice: \"to.monitoring.collection.coverage\", requirement: \"{old}\"),\n)\n",
        model.model.version, model.hash
    );
    std::fs::write(&path, text).expect("write");
    let app = assess::tui::app::App::open(dir.path(), &path).expect("open");
    let work = app.work.as_ref().expect("workbench");
    assert_eq!(work.requirement_id(), new);
}
