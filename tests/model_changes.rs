//! A session whose model changed underneath it: requirements renamed (with an alias) or
//! removed. Renamed answers move to the new id, removed ones stay as orphans — in memory, in
//! the warnings and in the saved file. Nothing is ever dropped silently.

mod fixtures;

use std::path::Path;

use assess::model::{LoadedModel, Model, Requirement, RequirementRef, load_path};
use assess::session::{
    Evidence, NewSession, Session, Status, load_session, open_session, save_session,
};
use fixtures::WHO;

/// The three requirements the tests answer, picked from the bundled model so they follow it.
struct Ids {
    kept: String,
    renamed_old: String,
    renamed_new: String,
    removed: String,
}

fn bundled() -> Model {
    ron::from_str(assess::model::EMBEDDED_MODELS[0].2).expect("bundled model parses")
}

fn write_model(path: &Path, model: &Model) {
    let text = ron::ser::to_string_pretty(model, ron::ser::PrettyConfig::new()).expect("ron");
    std::fs::write(path, text).expect("write model");
    load_path(path).expect("the edited model is valid");
}

/// Where requirement `r` of the index lives in the model tree.
fn requirement_mut<'a>(
    model: &'a mut Model,
    r: &RequirementRef,
    loaded: &LoadedModel,
) -> &'a mut Requirement {
    let p = &loaded.index.practices[r.practice];
    &mut model.parts[p.part].domains[p.domain].items[p.item].practices[p.practice].levels
        [r.level_pos]
        .requirements[r.position]
}

/// Version 2 of the bundled model: one requirement renamed (with an alias), one removed.
fn version_2() -> (Model, Ids) {
    let loaded = fixtures::model();
    let reqs = &loaded.index.requirements;
    // Remove one from a level that keeps others, so the model stays valid.
    let removed = reqs
        .iter()
        .skip(2)
        .find(|r| {
            reqs.iter()
                .filter(|o| o.practice == r.practice && o.level_pos == r.level_pos)
                .count()
                > 1
        })
        .expect("a level with two requirements");
    let renamed = &reqs[1];
    let renamed_new = format!("{}renamed", renamed.id);
    let mut model = bundled();
    model.version = "2099.1".into();
    requirement_mut(&mut model, renamed, &loaded)
        .id
        .push_str("renamed");
    let gone = requirement_mut(&mut model, removed, &loaded).id.clone();
    let p = &loaded.index.practices[removed.practice];
    model.parts[p.part].domains[p.domain].items[p.item].practices[p.practice].levels
        [removed.level_pos]
        .requirements
        .retain(|r| r.id != gone);
    model
        .aliases
        .insert(renamed.id.clone(), renamed_new.clone());
    let ids = Ids {
        kept: reqs[0].id.clone(),
        renamed_old: renamed.id.clone(),
        renamed_new,
        removed: removed.id.clone(),
    };
    (model, ids)
}

/// A session on a model file, answered on a kept, a renamed and a removed requirement.
fn session_on_model_file(
    dir: &Path,
    ids: &Ids,
) -> (std::path::PathBuf, std::path::PathBuf, Session) {
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
    s.set_status(&ids.kept, Status::Met, WHO).expect("answer");
    s.set_status(&ids.renamed_old, Status::Partial, WHO)
        .expect("answer");
    s.set_note(&ids.renamed_old, "owner is on leave", WHO)
        .expect("edit");
    s.set_status(&ids.removed, Status::NotMet, WHO)
        .expect("answer");
    s.set_note(&ids.removed, "no HA plan at all — 高可用方案缺失", WHO)
        .expect("edit");
    let e = s
        .add_evidence(
            Evidence {
                title: "Ops review".into(),
                location: "minutes/2024-03.md".into(),
                ..Evidence::default()
            },
            WHO,
        )
        .expect("edit");
    s.attach_evidence(&ids.removed, &e, WHO).expect("attach");
    let path = dir.join("drift.ron");
    save_session(&path, &s).expect("save");
    (path, model_path, s)
}

#[test]
fn renamed_answers_move_and_removed_ones_are_kept_as_orphans_through_a_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (v2, ids) = version_2();
    let (path, model_path, original) = session_on_model_file(dir.path(), &ids);
    write_model(&model_path, &v2);

    let opened = open_session(&path).expect("opens despite the model change");
    let told = |lang: assess::lang::Lang| {
        let lines: Vec<String> = opened
            .warnings
            .iter()
            .map(|w| lang.open_warning(w))
            .collect();
        lines.join("\n")
    };
    let warnings = told(assess::lang::Lang::En);
    // The same warnings in the reader's language.
    let zh = told(assess::lang::Lang::Zh);
    assert!(
        zh.contains("在本评估保存之后已更改") && zh.contains("1 条作答已移到改名后的要求"),
        "{zh}"
    );
    assert!(warnings.contains("has changed"), "{warnings}");
    assert!(warnings.contains("1 answer moved"), "{warnings}");
    assert!(
        warnings.contains("1 answer belongs to requirements"),
        "{warnings}"
    );

    let s = &opened.session;
    assert_eq!(s.answers[&ids.kept], original.answers[&ids.kept]);
    assert_eq!(
        s.answers[&ids.renamed_new], original.answers[&ids.renamed_old],
        "moved whole"
    );
    assert!(!s.answers.contains_key(&ids.renamed_old));
    assert_eq!(
        s.answers[&ids.removed], original.answers[&ids.removed],
        "orphan kept whole"
    );
    let orphans: Vec<&String> = s
        .orphaned_answers(&opened.model)
        .map(|(id, _)| id)
        .collect();
    assert_eq!(orphans, vec![&ids.removed]);

    // The workbench saves after every edit: the orphan must survive that save.
    let mut edited = opened.session.clone();
    edited.set_note(&ids.kept, "confirmed", WHO).expect("edit");
    save_session(&path, &edited).expect("save");
    let reloaded = load_session(&path).expect("reload");
    assert_eq!(
        reloaded.answers[&ids.removed],
        original.answers[&ids.removed]
    );
    assert_eq!(
        reloaded.answers[&ids.renamed_new],
        original.answers[&ids.renamed_old]
    );
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
    let (v2, ids) = version_2();
    let (path, model_path, mut original) = session_on_model_file(dir.path(), &ids);
    // Someone already answered the new id (e.g. in a second session merged by hand).
    original
        .set_status(&ids.renamed_new, Status::Met, WHO)
        .expect("answer");
    save_session(&path, &original).expect("save");
    write_model(&model_path, &v2);

    let opened = open_session(&path).expect("opens");
    let s = &opened.session;
    assert_eq!(
        s.answers[&ids.renamed_new], original.answers[&ids.renamed_new],
        "not overwritten"
    );
    assert_eq!(
        s.answers[&ids.renamed_old], original.answers[&ids.renamed_old],
        "kept, not dropped"
    );
    let orphans: Vec<&String> = s
        .orphaned_answers(&opened.model)
        .map(|(id, _)| id)
        .collect();
    assert!(orphans.contains(&&ids.renamed_old), "listed: {orphans:?}");
    assert!(
        opened.warnings.iter().any(|w| assess::lang::Lang::En
            .open_warning(w)
            .contains("2 answers belong")),
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
