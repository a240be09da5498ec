//! Session files against real files: round trips, atomic saves with a backup, private
//! permissions, damaged files reported precisely and left untouched, newer formats refused.

use std::fs;
use std::path::Path;

use assess::model::load_embedded;
use assess::session::{
    Evidence, EvidenceType, NewSession, Session, SessionError, Status, backup_path, load_session,
    save_session, session_to_string,
};

fn sample(model: &assess::model::LoadedModel) -> Session {
    let mut s = Session::new(
        model,
        NewSession {
            title: "Trading platform".into(),
            organisation: "Example Securities".into(),
            scope: "Equities trading".into(),
            assessors: vec!["Li Wei".into()],
            parts: vec!["cd".into()],
            target: Some(3),
            model_path: None,
        },
    )
    .expect("new session");
    s.set_status("cd.config.vc.vcs.l1.1", Status::Met, "li")
        .expect("met");
    s.set_status("cd.config.vc.vcs.l2.1", Status::Partial, "li")
        .expect("partial");
    s.set_not_applicable(
        "cd.config.vc.vcs.l4.3",
        "No VCS of our own: a group-wide service",
        "li",
    )
    .expect("n/a");
    s.set_note(
        "cd.config.vc.vcs.l2.1",
        "Two teams still on SVN.\n迁移计划：2027 年一季度。",
        "li",
    )
    .expect("edit");
    let e = s
        .add_evidence(
            Evidence {
                title: "Repository list".into(),
                kind: EvidenceType::Document,
                location: "docs/repos.xlsx".into(),
                ..Evidence::default()
            },
            "li",
        )
        .expect("edit");
    s.attach_evidence("cd.config.vc.vcs.l2.1", &e, "li")
        .expect("attach");
    s.toggle_flag("cd.config.vc.vcs.l1.1", "li").expect("edit");
    s
}

#[test]
fn a_session_round_trips_exactly() {
    let model = load_embedded("caict-devops").expect("model");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let session = sample(&model);
    save_session(&path, &session).expect("save");
    let loaded = load_session(&path).expect("load");
    assert_eq!(loaded, session);
    assert_eq!(
        session_to_string(&loaded),
        fs::read_to_string(&path).expect("read"),
        "stable text"
    );
}

#[test]
fn saving_keeps_the_previous_version_and_private_permissions() {
    let model = load_embedded("caict-devops").expect("model");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let mut session = sample(&model);
    save_session(&path, &session).expect("first save");
    assert!(
        !backup_path(&path).exists(),
        "nothing to back up on the first save"
    );
    let first = fs::read(&path).expect("read");
    session
        .set_status("cd.config.vc.vcs.l2.2", Status::Met, "li")
        .expect("met");
    save_session(&path, &session).expect("second save");
    assert_eq!(fs::read(backup_path(&path)).expect("backup"), first);
    assert_eq!(
        load_session(&path)
            .expect("load")
            .status("cd.config.vc.vcs.l2.2"),
        Some(Status::Met)
    );
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for p in [path.clone(), backup_path(&path)] {
            let mode = fs::metadata(&p).expect("meta").permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", p.display());
        }
    }
}

fn assert_damaged(path: &Path, line: usize) -> String {
    let before = fs::read(path).expect("read");
    let err = load_session(path).expect_err("damaged");
    assert!(
        matches!(err, SessionError::Damaged { line: l, .. } if l == line),
        "{err}"
    );
    assert_eq!(
        fs::read(path).expect("read"),
        before,
        "the file is untouched"
    );
    err.to_string()
}

#[test]
fn a_damaged_file_names_the_place_and_points_at_the_backup() {
    let model = load_embedded("caict-devops").expect("model");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let session = sample(&model);
    save_session(&path, &session).expect("save");
    save_session(&path, &session).expect("save again, making a backup");
    let text = fs::read_to_string(&path).expect("read");
    let cut = text.lines().take(20).collect::<Vec<_>>().join("\n");
    fs::write(&path, &cut).expect("truncate");
    let message = assert_damaged(&path, 20);
    assert!(
        message.starts_with(&format!("{}:20:", path.display())),
        "{message}"
    );
    assert!(message.contains(".ron.bak"), "{message}");
    assert!(message.contains("not changed"), "{message}");

    fs::write(&path, "").expect("empty");
    assert!(assert_damaged(&path, 1).contains("empty"));
    fs::write(&path, b"Session(\xff\xfe").expect("garbage");
    assert!(assert_damaged(&path, 1).contains("UTF-8"));
}

#[test]
fn a_newer_format_is_refused_not_misread() {
    let model = load_embedded("caict-devops").expect("model");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let text = session_to_string(&sample(&model))
        .replace("format: 3,", "format: 99,\n    hologram: true,");
    fs::write(&path, &text).expect("write");
    let err = load_session(&path).expect_err("newer");
    assert!(
        matches!(err, SessionError::NewerFormat { found: 99, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("newer assess"), "{err}");
}

#[test]
fn quick_level_sets_every_requirement_of_a_practice_but_keeps_na() {
    let model = load_embedded("caict-devops").expect("model");
    let mut s = sample(&model);
    let p = model.index.practice("cd.config.vc.vcs").expect("vcs");
    s.quick_level(&model, p, 2, "li").expect("edit");
    assert_eq!(s.status("cd.config.vc.vcs.l2.2"), Some(Status::Met));
    assert_eq!(s.status("cd.config.vc.vcs.l3.1"), Some(Status::NotMet));
    assert_eq!(
        s.status("cd.config.vc.vcs.l4.3"),
        Some(Status::NotApplicable)
    );
    assert_eq!(
        assess::scoring::score_practice(&model, p, &s.answers).level,
        2
    );
}

#[test]
fn not_applicable_needs_a_justification() {
    let model = load_embedded("caict-devops").expect("model");
    let mut s = sample(&model);
    assert!(
        s.set_status("cd.config.vc.vcs.l5.1", Status::NotApplicable, "li")
            .is_err()
    );
    assert!(
        s.set_not_applicable("cd.config.vc.vcs.l5.1", "   ", "li")
            .is_err()
    );
    assert_eq!(s.status("cd.config.vc.vcs.l5.1"), None);
}
