//! The agenda through the core functions: plans are logged decisions; time spent is a
//! measurement, never logged, and not counted once the session is final.

mod fixtures;

use assess::session::{EditError, SignOff, clock, load_session, save_session};
use fixtures::{WHO, model, sample_session};

#[test]
fn plans_are_set_per_part_or_domain_and_logged() {
    let model = model();
    let mut s = sample_session(&model);
    let rows = s.agenda_rows(&model);
    let part = rows.iter().find(|r| r.is_part).expect("a part").key.clone();
    let domain = rows
        .iter()
        .find(|r| !r.is_part)
        .expect("a domain")
        .key
        .clone();
    s.set_planned_minutes(&model, &part, 90, WHO).expect("plan");
    s.set_planned_minutes(&model, &domain, 20, WHO)
        .expect("plan");
    assert_eq!(s.agenda.planned(&part), Some(90));
    let log: Vec<(String, String, String, String)> = s
        .history
        .iter()
        .rev()
        .take(2)
        .map(|c| {
            (
                c.target.clone(),
                c.field.clone(),
                c.old.clone(),
                c.new.clone(),
            )
        })
        .collect();
    assert_eq!(
        log,
        [
            (
                format!("domain/{domain}"),
                "planned minutes".into(),
                String::new(),
                "20".into()
            ),
            (
                format!("part/{part}"),
                "planned minutes".into(),
                String::new(),
                "90".into()
            ),
        ]
    );
    s.set_planned_minutes(&model, &domain, 0, WHO)
        .expect("unplan");
    assert_eq!(s.agenda.planned(&domain), None);
    assert_eq!(s.history.last().map(|c| c.old.as_str()), Some("20"));
    assert_eq!(
        s.set_planned_minutes(&model, "nowhere", 5, WHO),
        Err(EditError::UnknownAgendaItem("nowhere".into()))
    );
}

#[test]
fn time_spent_adds_up_per_domain_and_part_without_history() {
    let model = model();
    let mut s = sample_session(&model);
    let history = s.history.len();
    let domains: Vec<String> = s
        .agenda_rows(&model)
        .into_iter()
        .filter(|r| !r.is_part)
        .map(|r| r.key)
        .take(2)
        .collect();
    assert!(s.add_time_spent(&domains[0], 300));
    assert!(s.add_time_spent(&domains[0], 450));
    assert!(s.add_time_spent(&domains[1], 60));
    assert_eq!(s.agenda.spent(&domains[0]), 750);
    let part = domains[0].split('.').next().expect("part");
    assert_eq!(s.agenda.spent(part), 810);
    assert_eq!(s.history.len(), history, "time is not a decision");
    assert_eq!(clock(750), "12:30");
    assert_eq!(clock(4500), "75:00");

    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    save_session(&path, &s).expect("save");
    assert_eq!(load_session(&path).expect("load").agenda, s.agenda);
}

#[test]
fn the_agenda_item_is_the_domain_when_planned_else_its_part() {
    let model = model();
    let mut s = sample_session(&model);
    let domain = assess::session::domain_key(&model, 0);
    let part = domain.split('.').next().expect("part").to_string();
    assert_eq!(s.agenda.item_of(&domain), part);
    s.set_planned_minutes(&model, &domain, 15, WHO)
        .expect("plan");
    assert_eq!(s.agenda.item_of(&domain), domain);
}

#[test]
fn a_final_session_neither_plans_nor_counts_time() {
    let model = model();
    let mut s = sample_session(&model);
    let domain = assess::session::domain_key(&model, 0);
    s.sign_off = Some(SignOff {
        by: "lead".into(),
        at: "2026-03-05T10:00:00Z".into(),
        hash: "sha256:00".into(),
        ..SignOff::default()
    });
    assert!(matches!(
        s.set_planned_minutes(&model, &domain, 15, WHO),
        Err(EditError::Final { .. })
    ));
    assert!(
        !s.add_time_spent(&domain, 60),
        "no error, and nothing counted"
    );
    assert_eq!(s.agenda.spent(&domain), 0);
}
