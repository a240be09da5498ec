//! A session whose model changed underneath it: requirements renamed (with an alias) or
//! removed. Renamed answers move to the new id, removed ones stay as orphans — in memory, in
//! the warnings and in the saved file. Nothing is ever dropped silently.

mod fixtures;

use std::path::Path;

use assess::model::{Model, load_path};
use assess::session::{
    Evidence, NewSession, Session, Status, load_session, open_session, save_session,
};
use fixtures::WHO;

const KEPT: &str = "cd.config.vc.vcs.l1.1";
const RENAMED_OLD: &str = "cd.config.vc.vcs.l3.5";
const RENAMED_NEW: &str = "cd.config.vc.vcs.l3.9";
const REMOVED: &str = "cd.config.vc.vcs.l4.4";

fn bundled() -> Model {
    ron::from_str(assess::model::EMBEDDED_MODELS[0].2).expect("bundled model parses")
}

fn write_model(path: &Path, model: &Model) {
    let text = ron::ser::to_string_pretty(model, ron::ser::PrettyConfig::new()).expect("ron");
    std::fs::write(path, text).expect("write model");
    load_path(path).expect("the edited model is valid");
}

/// Version 2: level 3 requirement 5 is now 9 (with an alias), level 4 requirement 4 is gone.
fn version_2() -> Model {
    let mut model = bundled();
    model.version = "2099.1".into();
    let practice = &mut model.parts[0].domains[0].items[0].practices[0];
    for level in &mut practice.levels {
        if level.level == 3 {
            let r = level
                .requirements
                .iter_mut()
                .find(|r| r.id == "5")
                .expect("l3.5");
            r.id = "9".into();
        }
        if level.level == 4 {
            level.requirements.retain(|r| r.id != "4");
        }
    }
    model.aliases.insert(RENAMED_OLD.into(), RENAMED_NEW.into());
    model
}

/// A session on a model file, answered on a kept, a renamed and a removed requirement.
fn session_on_model_file(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf, Session) {
    let model_path = dir.join("model.ron");
    write_model(&model_path, &bundled());
    let loaded = load_path(&model_path).expect("v1");
    let mut s = Session::new(
        &loaded,
        NewSession {
            title: "Drift".into(),
            model_path: Some(model_path.display().to_string()),
            ..NewSession::default()
        },
    )
    .expect("session");
    s.set_status(KEPT, Status::Met, WHO).expect("answer");
    s.set_status(RENAMED_OLD, Status::Partial, WHO)
        .expect("answer");
    s.set_note(RENAMED_OLD, "owner is on leave", WHO);
    s.set_status(REMOVED, Status::NotMet, WHO).expect("answer");
    s.set_note(REMOVED, "no HA plan at all — 高可用方案缺失", WHO);
    let e = s.add_evidence(
        Evidence {
            title: "Ops review".into(),
            location: "minutes/2024-03.md".into(),
            ..Evidence::default()
        },
        WHO,
    );
    s.attach_evidence(REMOVED, &e, WHO).expect("attach");
    let path = dir.join("drift.ron");
    save_session(&path, &s).expect("save");
    (path, model_path, s)
}

#[test]
fn renamed_answers_move_and_removed_ones_are_kept_as_orphans_through_a_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, model_path, original) = session_on_model_file(dir.path());
    write_model(&model_path, &version_2());

    let opened = open_session(&path).expect("opens despite the model change");
    let warnings = opened.warnings.join("\n");
    assert!(warnings.contains("has changed"), "{warnings}");
    assert!(warnings.contains("1 answers moved"), "{warnings}");
    assert!(
        warnings.contains("1 answers belong to requirements"),
        "{warnings}"
    );

    let s = &opened.session;
    assert_eq!(s.answers[KEPT], original.answers[KEPT]);
    assert_eq!(
        s.answers[RENAMED_NEW], original.answers[RENAMED_OLD],
        "moved whole"
    );
    assert!(!s.answers.contains_key(RENAMED_OLD));
    assert_eq!(
        s.answers[REMOVED], original.answers[REMOVED],
        "orphan kept whole"
    );
    let orphans: Vec<&String> = s
        .orphaned_answers(&opened.model)
        .map(|(id, _)| id)
        .collect();
    assert_eq!(orphans, vec![REMOVED]);

    // The workbench saves after every edit: the orphan must survive that save.
    let mut edited = opened.session.clone();
    edited.set_note(KEPT, "confirmed", WHO);
    save_session(&path, &edited).expect("save");
    let reloaded = load_session(&path).expect("reload");
    assert_eq!(reloaded.answers[REMOVED], original.answers[REMOVED]);
    assert_eq!(reloaded.answers[RENAMED_NEW], original.answers[RENAMED_OLD]);
    assert_eq!(
        reloaded.evidence, original.evidence,
        "the register keeps its entry"
    );
    assert_eq!(
        reloaded.answers.len(),
        original.answers.len(),
        "no answer dropped"
    );
}

#[test]
fn an_alias_never_overwrites_an_answer_and_the_loser_stays_visible() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, model_path, mut original) = session_on_model_file(dir.path());
    // Someone already answered the new id (e.g. in a second session merged by hand).
    original
        .set_status(RENAMED_NEW, Status::Met, WHO)
        .expect("answer");
    save_session(&path, &original).expect("save");
    write_model(&model_path, &version_2());

    let opened = open_session(&path).expect("opens");
    let s = &opened.session;
    assert_eq!(
        s.answers[RENAMED_NEW], original.answers[RENAMED_NEW],
        "not overwritten"
    );
    assert_eq!(
        s.answers[RENAMED_OLD], original.answers[RENAMED_OLD],
        "kept, not dropped"
    );
    let orphans: Vec<&String> = s
        .orphaned_answers(&opened.model)
        .map(|(id, _)| id)
        .collect();
    assert!(
        orphans.contains(&&RENAMED_OLD.to_string()),
        "listed: {orphans:?}"
    );
    assert!(
        opened.warnings.join("\n").contains("2 answers belong"),
        "{:?}",
        opened.warnings
    );

    save_session(&path, &opened.session).expect("save");
    let reloaded = load_session(&path).expect("reload");
    assert_eq!(reloaded.answers.len(), original.answers.len());
}

#[test]
fn saving_writes_every_answer_whatever_its_id() {
    let model = fixtures::model();
    let mut s = fixtures::sample_session(&model);
    for id in ["cd.gone.1", "not even an id", "中文.标识", ""] {
        s.set_status(id, Status::Met, WHO).expect("answer");
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    save_session(&path, &s).expect("save");
    assert_eq!(load_session(&path).expect("reload"), s);
}
