//! Journeys through the evidence register and review in the workbench, by key: attach one item
//! to many requirements through the fuzzy search, edit it, accept a changed file, remove an
//! unused item; mark an answer reviewed; filter the checklist and move among the matches.

mod workbench;

use assess::review::Filter;
use assess::session::{EvidenceCheck, EvidenceType, Status, load_session};
use assess::tui::app::{App, Overlay};

/// A fresh session on Continuous Delivery with target 3, opened in the workbench.
fn fresh() -> (tempfile::TempDir, App) {
    workbench::fresh_on_cd("Review")
}

fn work(app: &App) -> &assess::tui::app::Work {
    app.work.as_ref().expect("work")
}

fn current(app: &App) -> String {
    work(app).requirement_id()
}

#[test]
fn one_item_supports_many_requirements_through_the_search_picker() {
    let (dir, mut app) = fresh();
    let file = work(&app).path.clone();
    std::fs::write(dir.path().join("plan.txt"), b"test plan").expect("write");
    let first = current(&app);
    app.press("e a");
    app.type_text("Test plan");
    app.press("Tab Right Tab");
    app.type_text("plan.txt");
    app.press("Enter Esc j");
    let second = current(&app);
    assert_ne!(first, second);
    // The search picker: type, Enter attaches the best match to this requirement.
    app.press("e /");
    app.type_text("tst pln");
    assert!(matches!(app.overlays.last(), Some(Overlay::EvidenceSearch(p)) if p.hits.len() == 1));
    app.press("Enter");
    assert!(
        matches!(app.overlays.last(), Some(Overlay::Evidence(_))),
        "back in the register"
    );
    let s = load_session(&file).expect("load");
    assert_eq!(s.citing("E1"), {
        let mut both = vec![first.clone(), second.clone()];
        both.sort();
        both
    });
    let e = &s.evidence["E1"];
    assert_eq!(e.kind, EvidenceType::Screenshot, "Right from Document");
    assert_eq!(e.size, Some(9));
    assert_eq!(work(&app).checks["E1"], EvidenceCheck::Ok);

    // Edit: c opens the form filled in; the title changes and is logged.
    app.press("c");
    app.press("C-u");
    app.type_text("Test plan v2");
    app.press("Enter");
    let s = load_session(&file).expect("load");
    assert_eq!(s.evidence["E1"].title, "Test plan v2");
    assert!(s.history_of("evidence/E1").any(|c| c.field == "title"));

    // The file changes: the check says so; H accepts the new version.
    std::fs::write(dir.path().join("plan.txt"), b"test plan, revised").expect("write");
    app.work.as_mut().expect("work").recheck_evidence();
    assert_eq!(work(&app).checks["E1"], EvidenceCheck::Changed);
    app.press("H");
    assert_eq!(work(&app).checks["E1"], EvidenceCheck::Ok);
    assert_eq!(
        load_session(&file).expect("load").evidence["E1"].size,
        Some(18)
    );

    // x refuses while cited; after detaching here and on the first requirement it removes.
    app.press("x");
    assert!(matches!(app.overlays.last(), Some(Overlay::Evidence(p))
        if p.error.as_deref().unwrap_or("").contains("detach it there first")));
    app.press("d Esc k e d x");
    assert!(load_session(&file).expect("load").evidence.is_empty());
}

#[test]
fn reviewed_mark_is_set_by_r_and_cleared_by_a_new_status() {
    let (_dir, mut app) = fresh();
    let file = work(&app).path.clone();
    app.press("a"); // auto-advance off: stay on the requirement
    let id = current(&app);
    app.press("R");
    assert!(
        app.message.as_deref().unwrap_or("").contains("answered"),
        "nothing to review yet"
    );
    app.press("y R");
    let reviewed = load_session(&file).expect("load").answers[&id]
        .reviewed
        .clone();
    assert_eq!(reviewed.map(|r| r.by), Some(app.who.clone()));
    assert!(app.last_change().unwrap_or("").starts_with("reviewed"));
    app.press("p");
    let s = load_session(&file).expect("load");
    assert_eq!(s.answers[&id].status, Some(Status::Partial));
    assert_eq!(
        s.answers[&id].reviewed, None,
        "a new status clears the review"
    );
    app.press("u");
    assert!(
        load_session(&file).expect("load").answers[&id]
            .reviewed
            .is_some(),
        "undo restores it"
    );
}

#[test]
fn a_filter_keeps_the_navigator_and_moves_to_its_matches() {
    let (_dir, mut app) = fresh();
    app.press("a");
    // Flag three requirements in two practices.
    app.press("f j j f Tab j f");
    let flagged: Vec<String> = load_session(&work(&app).path)
        .expect("load")
        .answers
        .iter()
        .filter(|(_, a)| a.flagged)
        .map(|(id, _)| id.clone())
        .collect();
    assert_eq!(flagged.len(), 3);
    // Ctrl-F, the second filter (flagged): the cursor lands on a match.
    app.press("C-f j j Enter");
    assert_eq!(work(&app).filter, Some(Filter::Flagged));
    let mut seen = vec![current(&app)];
    app.press("g"); // an unbound key changes nothing
    for key in ["j"; 5].into_iter().chain(["k"; 5]) {
        app.press(key);
        if !seen.contains(&current(&app)) {
            seen.push(current(&app));
        }
    }
    let first_in_model_order = current(&app);
    seen.sort();
    assert_eq!(seen, flagged, "j/k move only among the matches");
    let index = &work(&app).model.index;
    let practice_of = |id: &str| index.requirements[index.requirement(id).expect("id")].practice;
    let first_practice = practice_of(&first_in_model_order);
    app.press("Tab");
    assert_ne!(
        work(&app).practice,
        first_practice,
        "Tab: the next practice with a match"
    );
    assert!(work(&app).matches(work(&app).requirement));
    // Esc clears; choosing "no filter" clears too.
    app.press("Esc");
    assert_eq!(work(&app).filter, None);
    app.press("C-f j Enter");
    assert_eq!(work(&app).filter, Some(Filter::Unanswered));
    app.press("C-f k Enter"); // the picker opens on the filter in force; above it, none
    assert_eq!(work(&app).filter, None);
}

#[test]
fn undoing_accept_new_version_shows_the_file_as_changed_again() {
    let (dir, mut app) = fresh();
    std::fs::write(dir.path().join("log.txt"), b"one").expect("write");
    app.press("e a");
    app.type_text("Log");
    app.press("Tab Tab");
    app.type_text("log.txt");
    app.press("Enter");
    std::fs::write(dir.path().join("log.txt"), b"two").expect("write");
    app.work.as_mut().expect("work").recheck_evidence();
    app.press("H Esc");
    assert_eq!(work(&app).checks["E1"], EvidenceCheck::Ok);
    app.press("u");
    assert_eq!(work(&app).checks["E1"], EvidenceCheck::Changed);
}

#[test]
fn under_a_filter_an_answer_moves_on_to_the_next_match() {
    let (_dir, mut app) = fresh();
    app.press("a f j j j f a"); // flag the first and the fourth requirement
    app.press("C-f j j Enter k k"); // flagged; back to the first match
    let first = current(&app);
    app.press("y");
    let s = load_session(&work(&app).path).expect("load");
    assert!(s.status(&first).is_some(), "answered the first match");
    let flagged: Vec<&String> = s
        .answers
        .iter()
        .filter(|(_, a)| a.flagged)
        .map(|(id, _)| id)
        .collect();
    assert_eq!(flagged.len(), 2);
    assert!(flagged.contains(&&current(&app)));
    assert_ne!(
        current(&app),
        first,
        "y moved on to the other flagged requirement"
    );
}
