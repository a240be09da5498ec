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
    open_on("dsomm-shaped.ron", |text| text)
}

/// A session on a copy of the fixture `name` as `edit` changes it, opened in the workbench.
fn open_on(name: &str, edit: impl Fn(String) -> String) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let text = std::fs::read_to_string(fixture).expect("fixture");
    let model = dir.path().join(name);
    std::fs::write(&model, edit(text)).expect("write model");
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
    // In Chinese, by the model's Chinese labels.
    app.press("Esc L h");
    let history = workbench::draw(&app, 160, 48);
    assert!(history.contains("→ 未实施"), "{history}");
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

/// The footer line of a screen (its last row).
fn footer(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}

#[test]
fn keys_the_scale_does_not_use_are_left_out_of_footer_help_and_facilitator_view() {
    let (_dir, mut app) = open_dsomm();
    // No answer between implemented and not: no `p` at all (it was `p —`), in either language.
    let screen = workbench::draw(&app, 80, 24);
    insta::assert_snapshot!("dsomm_keys_80x24_en", screen);
    assert!(footer(&screen).starts_with("y Implemented  n Not implemented  x Not applicable"));
    app.press("?");
    let help = workbench::draw(&app, 160, 48);
    assert!(!help.contains(" p  ") && !help.contains('—'), "{help}");
    // Quick levels above the model's four are left out of the help too.
    assert!(help.contains("4  rate the practice L4"), "{help}");
    assert!(!help.contains("5  rate the practice"), "{help}");
    app.press("Esc v");
    let projected = workbench::draw(&app, 80, 24);
    assert!(
        projected.contains("n Not implemented  ·  x Not applicable"),
        "{projected}"
    );
    assert!(!projected.contains(" p "), "{projected}");
    app.press("v L");
    let zh = workbench::draw(&app, 80, 24);
    insta::assert_snapshot!("dsomm_keys_80x24_zh", zh);
    assert!(
        footer(&zh).starts_with("y 已实施  n 未实施  x 不适用"),
        "{zh}"
    );
}

#[test]
fn the_key_hints_follow_the_scale_of_the_requirement_at_the_cursor() {
    let (_dir, mut app) = open_on("samm-shaped.ron", |text| text);
    let screen = workbench::draw(&app, 160, 48);
    assert!(
        footer(&screen)
            .starts_with("y Yes, for most or all  p Yes, for a few / Yes, for some  n No  Tab"),
        "{screen}"
    );
    // At 80×24 long words are cut so that every answer key still shows.
    let small = workbench::draw(&app, 80, 24);
    assert!(
        footer(&small).starts_with("y Yes, for most or all  p Yes, for a few / Ye…  n No  Tab"),
        "{small}"
    );
    // Education and Guidance B is answered on "coverage": its words, and still no `x`.
    app.press("Tab Tab Tab Tab Tab");
    let screen = workbench::draw(&app, 160, 48);
    assert!(
        footer(&screen).starts_with(
            "y The whole organisation  p A team / Part of the organisation  n Nobody  Tab"
        ),
        "{screen}"
    );
}

#[test]
fn an_answer_marked_justify_asks_for_its_reason_in_the_workbench() {
    // On this copy, "Not implemented" needs a reason.
    let (_dir, mut app) = open_on("dsomm-shaped.ron", |text| {
        text.replacen("value: 0.0),", "value: 0.0, justify: true),", 1)
    });
    let file = app.work.as_ref().expect("work").path.clone();
    let first = current(&app);
    app.press("n");
    let asked = workbench::draw(&app, 80, 24);
    assert!(asked.contains("Not implemented: why?"), "{asked}");
    // An empty reason is refused in the overlay; nothing is answered.
    app.press("Enter");
    let refused = workbench::draw(&app, 80, 24);
    assert!(refused.contains("Not implemented: why?"), "{refused}");
    assert_eq!(load_session(&file).expect("load").status(&first), None);
    app.type_text("no budget this year");
    app.press("Enter");
    let session = load_session(&file).expect("load");
    assert_eq!(session.status(&first), status("not-implemented"));
    assert_eq!(
        session.answers[&first].justification.as_deref(),
        Some("no budget this year")
    );
    // In Chinese, the title names the answer in the model's Chinese words; `y` needs none.
    app.press("L n");
    let zh = workbench::draw(&app, 80, 24);
    assert!(zh.contains("未实施：原因？"), "{zh}");
    app.press("Esc");
    assert!(app.overlays.is_empty());
    let second = current(&app);
    let session = load_session(&file).expect("load");
    assert_eq!(session.status(&second), None, "Esc cancelled");
    // A quick level cannot give the reasons its "Not implemented" answers would need: it is
    // refused, naming the answer, and changes nothing.
    app.press("L 0");
    let message = app.message.clone().unwrap_or_default();
    assert_eq!(message, "the answer \"Not implemented\" needs a reason");
    assert_eq!(load_session(&file).expect("load").answers, session.answers);
}

#[test]
fn a_reason_for_an_answer_other_than_na_is_called_a_reason_not_na_s() {
    let (_dir, mut app) = open_on("dsomm-shaped.ron", |text| {
        text.replacen("value: 0.0),", "value: 0.0, justify: true),", 1)
    });
    app.press("n");
    app.type_text("no budget this year");
    app.press("Enter x"); // on the next requirement
    app.type_text("no containers");
    app.press("Enter k k");
    let guide = |app: &App| workbench::draw(app, 160, 48);
    let en = guide(&app);
    assert!(
        en.contains("Reason") && !en.contains("Not applicable because"),
        "{en}"
    );
    app.press("L");
    let zh = guide(&app);
    assert!(
        zh.contains("│理由 ") && !zh.contains("不适用的理由"),
        "{zh}"
    );
    // The history names the field a reason too.
    app.press("h");
    let history = guide(&app);
    assert!(
        history.contains("  理由  （空） → no budget this year"),
        "{history}"
    );
    // Not applicable keeps its own words.
    app.press("Esc j");
    let na = guide(&app);
    assert!(na.contains("不适用的理由"), "{na}");
}

#[test]
fn esc_at_a_reason_lets_p_step_on_to_the_next_answer_between() {
    // On this copy of the SAMM-shaped model, "Yes, for a few" needs a reason.
    let (_dir, mut app) = open_on("samm-shaped.ron", |text| {
        text.replacen("value: 0.25),", "value: 0.25, justify: true),", 1)
    });
    let file = app.work.as_ref().expect("work").path.clone();
    let first = current(&app);
    app.press("p");
    let asked = workbench::draw(&app, 80, 24);
    assert!(asked.contains("Yes, for a few: why?"), "{asked}");
    // Esc gives no reason: nothing is answered, and `p` steps on to "Yes, for some".
    app.press("Esc p");
    assert!(app.overlays.is_empty(), "no second prompt");
    let session = load_session(&file).expect("load");
    assert_eq!(session.status(&first), status("2"));
    assert!(workbench::draw(&app, 80, 24).contains("· Yes, for some · L1"));
    // Another key in between starts over: `p` offers the first answer between again.
    app.press("j");
    let second = current(&app);
    app.press("L p");
    let zh = workbench::draw(&app, 80, 24);
    assert!(zh.contains("是，少数：原因？"), "{zh}");
    app.press("Esc k j p");
    assert!(app.overlays.len() == 1, "asked again after a move");
    app.press("Esc p");
    assert!(app.overlays.is_empty());
    assert_eq!(
        load_session(&file).expect("load").status(&second),
        status("2")
    );
    assert!(workbench::draw(&app, 80, 24).contains("· 是，部分 · L2"));
}

#[test]
fn the_conflicts_queue_names_each_sides_answer_by_its_label() {
    use assess::session::{model_for, save_session};
    let (dir, app) = open_on("samm-shaped.ron", |text| text);
    let file = app.work.as_ref().expect("work").path.clone();
    drop(app);
    let base = load_session(&file).expect("load");
    let model = model_for(&base).expect("model");
    let side = |value: &str| {
        let mut s = base.clone();
        let answer = status(value).expect("id");
        s.answer(&model, "g.sm.a.s.l1.q", answer, "", "ann")
            .expect("answer");
        s
    };
    let merged = assess::merge::merge(&base, &side("3"), &side("1"), "ann").expect("merge");
    save_session(&file, &merged.session).expect("save");
    let app = App::open(dir.path(), &file).expect("open");
    let screen = workbench::draw(&app, 120, 30);
    assert!(
        screen.contains("≠ status: Yes, for most or all"),
        "{screen}"
    );
    assert!(screen.contains("≠ status: Yes, for a few"), "{screen}");
}
