//! Extending a model: a file that names its base (`extends: "caict-devops"`) and adds parts,
//! domains, practices and requirements of its own without copying the base.

use std::collections::BTreeMap;
use std::path::Path;

use assess::model::{LoadedModel, ModelError, load_embedded, load_path};
use assess::scoring::Scorecard;
use assess::session::{Answer, Status};

fn extension() -> LoadedModel {
    load_path(Path::new("tests/fixtures/caict-extension.ron")).expect("the extension loads")
}

fn answered(ids: impl Iterator<Item = String>, status: Status) -> BTreeMap<String, Answer> {
    ids.map(|id| {
        let answer = Answer {
            status: Some(status),
            ..Answer::default()
        };
        (id, answer)
    })
    .collect()
}

#[test]
fn the_extension_adds_its_own_requirements_to_the_base_without_copying_it() {
    let base = load_embedded("caict-devops").expect("base");
    let ext = extension();
    assert_eq!(ext.model.id, "acme-devops");
    assert_eq!(ext.model.extends.as_deref(), Some("caict-devops"));
    assert_eq!(ext.model.levels, base.model.levels);
    assert_eq!(ext.model.languages, base.model.languages);
    assert_eq!(
        ext.index.requirements.len(),
        base.index.requirements.len() + 2
    );
    assert_ne!(ext.hash, base.hash);
    let own: Vec<_> = ext
        .index
        .requirements
        .iter()
        .filter(|r| r.own)
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(
        own,
        ["cd.config.vc.vcs.l1.acme-1", "reg.audit.trail.keep.l1.1"]
    );
    let practice = ext
        .index
        .practice("reg.audit.trail.keep")
        .expect("own practice");
    assert!(ext.index.practices[practice].own);
    assert!(!ext.index.practices[ext.index.practice("cd.config.vc.vcs").expect("base")].own);
    assert!(
        ext.model
            .aliases
            .contains_key("reg.audit.trail.keep.l1.old")
    );
}

#[test]
fn the_base_parts_score_exactly_as_the_base_and_the_added_requirements_are_scored() {
    let base = load_embedded("caict-devops").expect("base");
    let ext = extension();
    // Every base requirement met; the extension's own requirement in a base practice not met.
    let mut answers = answered(
        base.index.requirements.iter().map(|r| r.id.clone()),
        Status::Met,
    );
    let on_base = Scorecard::compute(&base, &answers);
    answers.extend(answered(
        std::iter::once("cd.config.vc.vcs.l1.acme-1".to_string()),
        Status::NotMet,
    ));
    let on_ext = Scorecard::compute(&ext, &answers);
    for (b, e) in on_base.parts.iter().zip(&on_ext.parts) {
        assert_eq!(b.score.id, e.score.id);
        assert_eq!(
            (b.score.level, b.score.min_level),
            (e.score.level, e.score.min_level),
            "{}",
            b.score.id
        );
        for (bd, ed) in b.domains.iter().zip(&e.domains) {
            assert_eq!(bd.score.level, ed.score.level, "{}", bd.score.id);
        }
    }
    let vcs = ext.index.practice("cd.config.vc.vcs").expect("practice");
    assert_eq!(
        on_ext.practices[vcs].level,
        on_base.practices[base.index.practice("cd.config.vc.vcs").expect("p")].level
    );
    // The unmet own requirement is still a gap to close.
    assert_eq!(on_ext.practices[vcs].gaps_up_to(1), 1);
    // The extension's own part is scored on its own requirement.
    let reg = on_ext.part(&ext, "reg").expect("own part");
    assert_eq!(reg.score.level, 0);
    answers.extend(answered(
        std::iter::once("reg.audit.trail.keep.l1.1".to_string()),
        Status::Met,
    ));
    let reg_met = Scorecard::compute(&ext, &answers);
    assert_eq!(reg_met.part(&ext, "reg").expect("own part").score.level, 1);
}

#[test]
fn unknown_bases_and_circles_of_extensions_are_refused_by_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, id: &str, base: &str| {
        let text = format!(
            "#![enable(implicit_some)]\nModel(id: \"{id}\", name: {{\"en\": \"{id}\"}}, version: \"1\", extends: \"{base}\", parts: [])"
        );
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        path
    };
    let lost = write("lost.ron", "lost", "no-such-model");
    let err = load_path(&lost).expect_err("unknown base");
    assert!(matches!(err, ModelError::UnknownBase { .. }), "{err}");
    assert_eq!(
        err.to_string(),
        format!(
            "{}: extends \"no-such-model\", which is neither a bundled model, an installed one, nor a file no-such-model.ron beside it",
            lost.display()
        )
    );
    let a = write("a.ron", "a", "b");
    write("b.ron", "b", "a");
    let err = load_path(&a).expect_err("circle");
    assert!(
        err.to_string()
            .ends_with("the models extend each other in a circle: a → b → a"),
        "{err}"
    );
    let me = write("me.ron", "me", "me");
    let err = load_path(&me).expect_err("itself");
    assert!(err.to_string().ends_with("in a circle: me → me"), "{err}");
}

#[test]
fn an_extension_whose_ids_collide_with_the_base_is_invalid_by_id_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("clash.ron");
    let text = std::fs::read_to_string("tests/fixtures/caict-extension.ron")
        .expect("fixture")
        .replace("Requirement(id: \"acme-1\"", "Requirement(id: \"1\"");
    std::fs::write(&path, text).expect("write");
    let err = load_path(&path).expect_err("duplicate id");
    let ModelError::Invalid { problems, .. } = &err else {
        panic!("{err}");
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].to_string(),
        "cd/config/vc/vcs/L1/1: duplicate id \"1\" among its siblings"
    );
}

#[test]
fn reports_mark_the_added_requirements_as_the_organisations_own() {
    use assess::report::{self, Format, ReportOptions};
    use assess::session::{NewSession, Session};
    let ext = extension();
    let mut session = Session::new(
        &ext,
        NewSession {
            title: "ACME".to_string(),
            organisation: "ACME".to_string(),
            scope: "Payments".to_string(),
            assessors: vec!["tester".to_string()],
            parts: vec!["cd".to_string(), "reg".to_string()],
            target: Some(1),
            model_path: Some("tests/fixtures/caict-extension.ron".to_string()),
        },
    )
    .expect("session");
    session.answers.extend(answered(
        ["reg.audit.trail.keep.l1.1".to_string()].into_iter(),
        Status::Met,
    ));
    let render = |format, lang: &str| {
        let options = ReportOptions {
            lang: lang.to_string(),
            ..ReportOptions::default()
        };
        String::from_utf8(report::render(&ext, &session, format, &options)).expect("utf-8")
    };
    let md = render(Format::Markdown, "en");
    assert!(md.contains("`cd.config.vc.vcs.l1.acme-1` Repositories are mirrored to the bank's own site. *[authored]* *[our own]*"), "{md}");
    assert!(
        md.contains(
            "`reg.audit.trail.keep.l1.1` Deployment records are kept for five years. *[our own]*"
        ),
        "{md}"
    );
    assert_eq!(md.matches("*[our own]*").count(), 2);
    let zh = render(Format::Markdown, "zh");
    assert!(zh.contains("部署记录保存五年。 *[自有要求]*"), "{zh}");
    let html = render(Format::Html, "en");
    assert_eq!(
        html.matches("<span class=\"authored own\">our own</span>")
            .count(),
        2
    );
    let json: serde_json::Value = serde_json::from_str(&render(Format::Json, "en")).expect("json");
    assert_eq!(json["model"]["extends"], "caict-devops");
    let own: Vec<&str> = json["parts"]
        .as_array()
        .expect("parts")
        .iter()
        .flat_map(|p| p["domains"].as_array().expect("domains"))
        .flat_map(|d| d["practices"].as_array().expect("practices"))
        .flat_map(|p| p["requirements"].as_array().expect("requirements"))
        .filter(|r| r["own"] == true)
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        own,
        ["cd.config.vc.vcs.l1.acme-1", "reg.audit.trail.keep.l1.1"]
    );
    let csv = render(Format::Csv, "en");
    let mut lines = csv.lines();
    let head: Vec<&str> = lines.next().expect("head").split(',').collect();
    assert_eq!(head.last(), Some(&"own"));
    let marked: Vec<&str> = lines
        .filter(|l| l.ends_with(",yes"))
        .map(|l| l.split(',').nth(9).expect("requirement id"))
        .collect();
    assert_eq!(
        marked,
        ["cd.config.vc.vcs.l1.acme-1", "reg.audit.trail.keep.l1.1"]
    );
}

#[test]
fn the_workbench_marks_the_organisations_own_requirement() {
    use assess::cli::{NewOptions, create_session};
    use assess::tui::app::App;
    let dir = tempfile::tempdir().expect("temp dir");
    let sessions = dir.path().join("sessions");
    let model = std::fs::canonicalize("tests/fixtures/caict-extension.ron").expect("fixture");
    let path = create_session(
        &sessions,
        NewOptions {
            title: Some("ACME".into()),
            model: Some(model.display().to_string()),
            parts: vec!["reg".into()],
            assessor: Some("tester".into()),
            ..NewOptions::default()
        },
    )
    .expect("session");
    let app = App::open(&sessions, &path).expect("opens");
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).expect("terminal");
    terminal
        .draw(|frame| frame.render_widget(&app, frame.area()))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    let screen: String = (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                + "\n"
        })
        .collect();
    assert!(
        screen.contains("Deployment records are kept for five"),
        "{screen}"
    );
    assert!(screen.contains("[our own]"), "{screen}");
}
