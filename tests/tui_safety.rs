//! Workshop safety through the real update path (`app.press`): a quick level asks before it
//! replaces answers someone gave, sign-off shows its pre-flight list first, the palette puts
//! the model's structure first, long messages are never cut, and the defaults agree.

mod workbench;

use workbench::draw;

use std::path::{Path, PathBuf};

use assess::lang::Lang;
use assess::review::{self, Filter, SignOffPolicy};
use assess::session::{Answer, Finding, Session, Status, load_session};
use assess::tui::app::{App, Overlay};
use assess::tui::palette::Kind;

fn fresh() -> (tempfile::TempDir, App) {
    let (dir, mut app) = workbench::fresh_on_cd("Workshop");
    app.who = "facilitator".into();
    (dir, app)
}

fn path(app: &App) -> PathBuf {
    app.work.as_ref().expect("work").path.clone()
}

fn on_disk(app: &App) -> Session {
    load_session(&path(app)).expect("load")
}

fn question(app: &App) -> String {
    match app.overlays.last() {
        Some(Overlay::Confirm(c)) => c.question.clone(),
        other => panic!("no question is asked: {other:?}"),
    }
}

fn screen(app: &App, dir: &Path, w: u16, h: u16) -> String {
    draw(app, w, h).replace(&dir.display().to_string(), "[DIR]")
}

/// The current practice's requirement ids with their levels.
fn practice_requirements(app: &App) -> Vec<(String, u8)> {
    let work = app.work.as_ref().expect("work");
    work.model.index.practices[work.practice]
        .requirements
        .clone()
        .map(|r| {
            let rref = &work.model.index.requirements[r];
            (rref.id.clone(), rref.level)
        })
        .collect()
}

/// On the current practice, as a careful workshop leaves it: the first L1 requirement
/// Partial with a note, a flag and a finding; the first L2 one Met (what level 2 implies);
/// the first L3 one Met (level 2 says Not met). Li Na is the sticky decider.
/// Returns (careful, agreeing, high).
fn careful_practice(app: &mut App) -> (String, String, String) {
    let reqs = practice_requirements(app);
    let at = |level: u8, nth: usize| {
        reqs.iter()
            .filter(|(_, l)| *l == level)
            .nth(nth)
            .map(|(id, _)| id.clone())
            .expect("requirement at level")
    };
    let (careful, agreeing, high) = (at(1, 0), at(2, 0), at(3, 0));
    let who = app.who.clone();
    let work = app.work.as_mut().expect("work");
    work.edit(|s, m| {
        s.add_participant("Li Na", "Dev lead", &who)?;
        s.set_status(&careful, Status::Partial, &who)?;
        s.set_note(
            &careful,
            "Only the payments team rolls back by script.",
            &who,
        )?;
        s.toggle_flag(&careful, &who)?;
        let finding = Finding {
            title: "Rollback is manual".into(),
            tie: careful.clone(),
            ..Finding::default()
        };
        s.add_finding(m, finding, &who)?;
        s.set_status(&agreeing, Status::Met, &who)?;
        s.set_status(&high, Status::Met, &who)
    })
    .expect("set up");
    work.session.cursor.decider = "Li Na".into();
    (careful, agreeing, high)
}

#[test]
fn a_quick_level_asks_before_replacing_answers_and_n_keeps_every_one() {
    let (dir, mut app) = fresh();
    let (careful, _, high) = careful_practice(&mut app);
    let practice = app.work.as_ref().expect("work").practice;
    let before = on_disk(&app).answers;
    app.press("2");
    let asked = question(&app);
    assert!(
        asked.contains("replaces 2 earlier answers (1 with a note, evidence, a flag or a finding)"),
        "{asked}"
    );
    assert!(asked.contains("✎ Partial → Met"), "{asked}");
    assert!(asked.contains("· Met → Not met"), "{asked}");
    insta::assert_snapshot!(
        "quick_level_question_80x24",
        screen(&app, dir.path(), 80, 24)
    );
    app.press("n");
    assert!(app.overlays.is_empty());
    assert_eq!(on_disk(&app).answers, before, "nothing changed");
    assert_eq!(app.work.as_ref().expect("work").practice, practice);
    assert_eq!(on_disk(&app).status(&careful), Some(Status::Partial));
    assert_eq!(on_disk(&app).status(&high), Some(Status::Met));
}

#[test]
fn a_confirmed_quick_level_stamps_the_decider_only_on_answers_it_changed() {
    let (_dir, mut app) = fresh();
    let (careful, agreeing, high) = careful_practice(&mut app);
    let reqs = practice_requirements(&app);
    let before = on_disk(&app).answers;
    app.press("2 y");
    let after = on_disk(&app);
    assert_eq!(after.status(&careful), Some(Status::Met));
    assert_eq!(after.status(&high), Some(Status::NotMet));
    let kept = &after.answers[&careful];
    assert!(kept.flagged && !kept.note.is_empty(), "note and flag stay");
    assert_eq!(after.findings_on(&careful).count(), 1, "the finding stays");
    assert_eq!(
        after.answers[&agreeing], before[&agreeing],
        "an answer that already says what level 2 implies is not touched"
    );
    for (id, _) in &reqs {
        let decided = after.answers.get(id).map_or("", |a| a.decided_by.as_str());
        let changed = *id != agreeing;
        assert_eq!(decided == "Li Na", changed, "{id}: decided by {decided:?}");
    }
    assert!(
        app.last_change().unwrap_or("").starts_with("L2 · "),
        "{:?}",
        app.last_change()
    );
}

#[test]
fn a_quick_level_that_only_fills_blanks_applies_at_once() {
    let (_dir, mut app) = fresh();
    let reqs = practice_requirements(&app);
    let (first, _) = reqs[0].clone();
    app.press("y");
    // Back on the practice: the L1 Met agrees with level 3, the rest are unanswered.
    app.press("k");
    let practice = app.work.as_ref().expect("work").practice;
    let stamped = on_disk(&app).answers[&first].at.clone();
    app.press("3");
    assert!(app.overlays.is_empty(), "no question for blanks");
    let work = app.work.as_ref().expect("work");
    assert_ne!(work.practice, practice, "moved on to the next practice");
    let s = on_disk(&app);
    for (id, level) in &reqs {
        let want = if *level <= 3 {
            Status::Met
        } else {
            Status::NotMet
        };
        assert_eq!(s.status(id), Some(want), "{id}");
    }
    assert_eq!(
        s.answers[&first].at, stamped,
        "the agreeing answer is not re-stamped"
    );
    // The same level again changes nothing: said so, nothing recorded, on to the next.
    let changes = s.history.len();
    app.press("K 3");
    assert_eq!(
        app.message.as_deref(),
        Some("nothing to change: the answers already say L3")
    );
    assert_eq!(on_disk(&app).history.len(), changes);
    assert_ne!(app.work.as_ref().expect("work").practice, practice);
}

#[test]
fn the_quick_level_plan_is_a_core_function() {
    let (_dir, mut app) = fresh();
    let (careful, agreeing, high) = careful_practice(&mut app);
    let work = app.work.as_ref().expect("work");
    let plan = work.session.quick_level_plan(&work.model, work.practice, 2);
    assert!(plan.needs_asking());
    assert_eq!(plan.careful(), 1);
    let replaced: Vec<&str> = plan.replaced().map(|c| c.requirement.as_str()).collect();
    assert_eq!(replaced, vec![careful.as_str(), high.as_str()]);
    assert!(plan.changes.iter().all(|c| c.requirement != agreeing));
    let total = practice_requirements(&app).len();
    assert_eq!(plan.filled(), total - 3);
}

#[test]
fn sign_off_shows_the_pre_flight_list_before_asking() {
    let (dir, mut app) = fresh();
    // Met, Partial, then a flag on the third requirement.
    app.press("y p f");
    app.press("S");
    let asked = question(&app);
    for line in [
        "Before signing off:",
        "! 1 flagged",
        "! 1 Met without evidence",
        "! 2 not reviewed",
        "Sign off this session as final (2/",
    ] {
        assert!(asked.contains(line), "{line:?} in {asked}");
    }
    assert!(asked.contains("unanswered"), "{asked}");
    insta::assert_snapshot!("sign_off_preflight_80x24", screen(&app, dir.path(), 80, 24));
    app.press("y");
    assert!(on_disk(&app).is_final());
}

#[test]
fn an_organisation_can_make_more_checks_block_the_sign_off() {
    let (_dir, mut app) = fresh();
    app.sign_off_policy = SignOffPolicy::parse("flagged").expect("parse");
    app.press("f S");
    assert!(app.overlays.is_empty(), "not asked");
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("✗ 1 flagged (blocks sign-off)"),
        "{message}"
    );
    // Unflagged, it asks again.
    app.press("f S");
    assert!(question(&app).contains("Sign off this session as final"));
}

#[test]
fn a_blocking_check_refuses_the_sign_off_and_the_whole_reason_shows() {
    let (dir, mut app) = fresh();
    // An older file's "Not applicable" without a reason: sealing it would seal a claim no one
    // can defend.
    let work = app.work.as_mut().expect("work");
    let id = work.requirement_id();
    work.session.answers.insert(
        id,
        Answer {
            status: Some(Status::NotApplicable),
            ..Answer::default()
        },
    );
    work.card = assess::scoring::Scorecard::compute(&work.model, &work.session.answers);
    app.press("S");
    assert!(app.overlays.is_empty(), "not asked");
    assert!(!on_disk(&app).is_final());
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("Sign-off refused: ✗ 1 N/A without justification (blocks sign-off)."),
        "{message}"
    );
    // The message is longer than the status row: it wraps below it, its end on screen.
    let shown = screen(&app, dir.path(), 80, 24);
    assert!(shown.contains("filters the checklist to them."), "{shown}");
    insta::assert_snapshot!("sign_off_refused_80x24", shown);
}

#[test]
fn the_pre_flight_counts_and_the_blocking_set_are_core_functions() {
    let (_dir, mut app) = fresh();
    app.press("y p f");
    let work = app.work.as_ref().expect("work");
    let strict = SignOffPolicy::parse("unanswered, flagged").expect("parse");
    assert_eq!(strict.blocking, vec![Filter::Unanswered, Filter::Flagged]);
    let items = review::preflight(&work.model, &work.session, &work.checks, &strict);
    let count = |f: Filter| items.iter().find(|i| i.filter == f).map(|i| i.count);
    assert_eq!(count(Filter::Flagged), Some(1));
    assert_eq!(count(Filter::MetWithoutEvidence), Some(1));
    assert_eq!(
        count(Filter::Partial),
        None,
        "Partial is an answer, not a problem"
    );
    assert!(review::blocked(&items));
    let lax = SignOffPolicy::parse("none").expect("parse");
    let items = review::preflight(&work.model, &work.session, &work.checks, &lax);
    assert!(!review::blocked(&items));
    let bad = SignOffPolicy::parse("flagged,partial").expect_err("partial is not a check");
    let (en, zh) = (bad.told(Lang::En), bad.told(Lang::Zh));
    assert!(en.contains("\"partial\" is not a sign-off check"), "{en}");
    assert!(zh.contains("“partial”不是签署前检查项"), "{zh}");
    assert_eq!(
        SignOffPolicy::default().blocking,
        vec![Filter::NaWithoutJustification, Filter::EvidenceProblem]
    );
}

#[test]
fn the_palette_puts_the_practice_above_requirement_texts_and_rows_show_names() {
    let (dir, mut app) = fresh();
    app.press("/");
    app.type_text("rollback");
    let Some(Overlay::Palette(p)) = app.overlays.last() else {
        panic!("no palette");
    };
    let kinds: Vec<Kind> = p.hits.iter().map(|h| p.items[h.item].kind).collect();
    let practice = p
        .hits
        .iter()
        .position(|h| {
            p.items[h.item].kind == Kind::Practice
                && p.items.text(h.item, h.text) == "Change Rollback"
        })
        .expect("the practice is found");
    // Of equal scores (within a matched character's worth), structure first.
    for pair in p.hits.windows(2) {
        let (a, b) = (&p.items[pair[0].item], &p.items[pair[1].item]);
        if (pair[0].score - pair[1].score).abs() < assess::tui::palette::STRUCTURE_BONUS {
            assert!(
                a.kind.is_structure() || !b.kind.is_structure(),
                "{:?} before {:?} at the same score",
                a.kind,
                b.kind
            );
        }
    }
    assert!(practice < 5, "Change Rollback is hit {practice}: {kinds:?}");
    let shown = screen(&app, dir.path(), 80, 24);
    for line in shown.lines().filter(|l| l.contains(" req ")) {
        let text = line.split(" req ").nth(1).unwrap_or("").trim_start();
        assert!(
            !text.starts_with("cd.") || text.contains(" · "),
            "a row shows only an id: {line}"
        );
    }
    insta::assert_snapshot!("palette_rollback_80x24", shown);
}

#[test]
fn the_palette_still_ranks_chinese_queries() {
    let (_dir, mut app) = fresh();
    app.press("/");
    app.type_text("部署");
    let Some(Overlay::Palette(p)) = app.overlays.last() else {
        panic!("no palette");
    };
    let best = &p.hits[0];
    assert!(
        p.items.text(best.item, best.text).contains("部署"),
        "{}",
        p.items.text(best.item, best.text)
    );
    assert!(p.items[best.item].kind.is_structure());
}

#[test]
fn right_raises_the_severity_as_the_scale_is_drawn() {
    let (_dir, mut app) = fresh();
    app.press("!");
    app.type_text("Severity");
    app.press("Tab");
    let severity = |app: &App| match app.overlays.last() {
        Some(Overlay::FindingForm(form)) => form.severity,
        other => panic!("form closed: {other:?}"),
    };
    use assess::session::Severity;
    assert_eq!(severity(&app), Severity::Medium);
    assert!(draw(&app, 80, 24).contains("◂ Info · Low · [Medium] · High ▸"));
    app.press("Right");
    assert_eq!(severity(&app), Severity::High);
    app.press("Right");
    assert_eq!(severity(&app), Severity::High, "stops at the end");
    app.press("Left Left Left Left");
    assert_eq!(severity(&app), Severity::Info);
}

#[test]
fn a_save_error_longer_than_the_status_row_is_shown_whole() {
    let (dir, mut app) = fresh();
    let long = "x.ron: cannot create a temporary file to save: No space left on device (os error 28) — the answers stay in memory and the save is retried every two seconds; free some space";
    app.work.as_mut().expect("work").save = assess::tui::app::SaveState::Failed(long.to_string());
    for (w, h) in [(80, 24), (160, 48)] {
        let shown = screen(&app, dir.path(), w, h);
        assert!(shown.contains("free some space"), "{shown}");
        assert!(shown.contains("NOT SAVED"), "{shown}");
    }
    // The facilitator view has one status row; the error still shows whole under it.
    app.press("v");
    let shown = screen(&app, dir.path(), 80, 24);
    assert!(shown.contains("free some space"), "{shown}");
}

#[test]
fn the_export_dialog_defaults_to_html_in_the_sessions_language() {
    let (_dir, mut app) = fresh();
    app.press("L E");
    let Some(Overlay::Export(state)) = app.overlays.last() else {
        panic!("no export dialog");
    };
    let state = state.clone();
    assert_eq!(
        assess::tui::app::FORMATS[state.format],
        assess::tui::app::ExportKind::Report(assess::report::Format::Html)
    );
    assert_eq!(assess::tui::app::LANGS[state.lang], "zh");
}

#[test]
fn assess_report_defaults_to_html_in_the_sessions_language() {
    use clap::Parser;
    let (dir, mut app) = fresh();
    app.press("L q");
    let file = path(&app);
    drop(app);
    let mut out = Vec::new();
    let cli = assess::cli::Cli::parse_from([
        "assess",
        "report",
        file.to_str().expect("utf-8"),
        "-o",
        "-",
    ]);
    assess::cli::run(cli, &mut out).expect("report");
    let html = String::from_utf8(out).expect("utf-8");
    assert!(
        html.starts_with("<!DOCTYPE html>") || html.contains("<html"),
        "HTML"
    );
    assert!(
        html.contains("持续交付"),
        "in Chinese, the session's language"
    );
    drop(dir);
}

#[test]
fn finalize_prints_the_pre_flight_list_and_block_refuses() {
    use clap::Parser;
    let (dir, mut app) = fresh();
    app.press("y q");
    let file = path(&app);
    drop(app);
    let run = |args: &[&str]| {
        let mut all = vec!["assess", "--as", "facilitator", "finalize"];
        all.extend_from_slice(args);
        all.push(file.to_str().expect("utf-8"));
        let mut out = Vec::new();
        let result = assess::cli::run(assess::cli::Cli::parse_from(all), &mut out);
        (result, String::from_utf8(out).expect("utf-8"))
    };
    let (refused, said) = run(&["--block", "unanswered"]);
    let err = format!("{:#}", refused.expect_err("refused"));
    assert!(said.contains("unanswered (blocks sign-off)"), "{said}");
    assert!(said.contains("! 1 Met without evidence"), "{said}");
    assert!(err.contains("not signed off"), "{err}");
    assert!(!load_session(&file).expect("load").is_final());
    let (signed, said) = run(&["--block", "none"]);
    signed.expect("signed");
    assert!(said.contains("signed off as final"), "{said}");
    assert!(load_session(&file).expect("load").is_final());
    drop(dir);
}

#[test]
fn home_rows_tell_same_titled_sessions_apart_at_80_columns() {
    let dir = tempfile::tempdir().expect("temp dir");
    for _ in 0..2 {
        assess::cli::create_session(
            dir.path(),
            assess::cli::NewOptions {
                title: Some("Equities Trading Platform Workshop".into()),
                organisation: Some("Eastbridge Securities".into()),
                ..assess::cli::NewOptions::default()
            },
        )
        .expect("create");
    }
    let home = App::home(dir.path());
    let shown = screen(&home, dir.path(), 80, 24);
    let rows: Vec<&str> = shown.lines().filter(|l| l.contains("Eastbridge")).collect();
    assert_eq!(rows.len(), 2, "{shown}");
    let title_cells: Vec<&str> = rows
        .iter()
        .map(|r| r.split("Eastbridge").next().unwrap_or(""))
        .collect();
    assert_ne!(title_cells[0], title_cells[1], "the rows differ:\n{shown}");
    assert!(title_cells.iter().any(|c| c.contains("-2")), "{shown}");
    assert!(
        !shown.contains(" +"),
        "no bare count of hidden levels:\n{shown}"
    );
    assert!(shown.contains("L0 ×6"), "{shown}");
    // The change time is the clock's, and both were made in the same second: fix the time
    // and the order.
    let mut fixed: Vec<String> = shown
        .lines()
        .map(|l| {
            if l.contains("Eastbridge") {
                format!("{}[CHANGED]", &l[..l.len() - 16])
            } else {
                l.to_string()
            }
        })
        .collect();
    fixed[4..6].sort();
    insta::assert_snapshot!("home_same_titles_80x24", fixed.join("\n"));
}

#[test]
fn the_questions_are_asked_in_chinese_too() {
    let (dir, mut app) = fresh();
    careful_practice(&mut app);
    app.press("L 2");
    let asked = question(&app);
    assert!(asked.contains("快速评级 L2"), "{asked}");
    assert!(
        asked.contains("将替换 2 个已有答案（其中 1 个带备注"),
        "{asked}"
    );
    assert!(asked.contains("✎ 部分满足 → 满足"), "{asked}");
    insta::assert_snapshot!(
        "quick_level_question_zh_160x48",
        screen(&app, dir.path(), 160, 48)
    );
    app.press("Esc S");
    let asked = question(&app);
    assert!(asked.starts_with("签署前检查：\n"), "{asked}");
    assert!(asked.contains("! 已标记待复核 1 条"), "{asked}");
    insta::assert_snapshot!(
        "sign_off_preflight_zh_160x48",
        screen(&app, dir.path(), 160, 48)
    );
}

#[test]
fn a_finding_found_by_its_owner_shows_its_id_and_title() {
    let (_dir, mut app) = fresh();
    app.press("!");
    app.type_text("Rollback is manual");
    app.press("Tab Tab Tab Tab");
    app.type_text("Marta Kowalski");
    app.press("C-s /");
    app.type_text("kowalski");
    let shown = draw(&app, 100, 30);
    assert!(
        shown.contains("Marta Kowalski · F1 Rollback is manual"),
        "{shown}"
    );
}
