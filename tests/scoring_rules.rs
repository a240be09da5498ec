//! Answering and scoring by a model's own scale and rule: a SAMM-shaped model scored by `sum`
//! as the SAMM toolbox scores it, a DSOMM-shaped one by `share`, their answers stored as the
//! scale's option ids (and refused, naming file and line, when the model lacks them), and the
//! filters, quick levels, Excel labels, reports and radar that follow the scale.

use std::collections::BTreeMap;
use std::path::Path;

use assess::model::{LoadedModel, load_path};
use assess::review::{Filter, matches_on};
use assess::scoring::Scorecard;
use assess::session::scale::{self, Kind, Slot};
use assess::session::{NewSession, Session, Status, load_session, open_session, save_session};

const WHO: &str = "tester";

fn fixture(name: &str) -> LoadedModel {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    load_path(&path).expect("fixture model")
}

fn session(model: &LoadedModel, path: &Path) -> Session {
    Session::new(
        model,
        NewSession {
            title: "Scales".into(),
            assessors: vec![WHO.into()],
            model_path: Some(path.display().to_string()),
            ..NewSession::default()
        },
    )
    .expect("session")
}

fn status(id: &str) -> Status {
    Status::new(id).expect("option id")
}

/// SAMM answers per stream (function g; practices sm, pc, eg; streams a, b; one question per
/// maturity level), as option ids of the answer set: 0 = 0, 1 = 0.25, 2 = 0.5, 3 = 1.
const SAMM_ANSWERS: [(&str, [Option<&str>; 3]); 6] = [
    ("g.sm.a.s", [Some("3"), Some("2"), Some("1")]), // 1 + 0.5 + 0.25 = 1.75
    ("g.sm.b.s", [Some("3"), Some("3"), Some("0")]), // 1 + 1 + 0 = 2.0
    ("g.pc.a.s", [Some("2"), Some("0"), Some("0")]), // 0.5
    ("g.pc.b.s", [Some("3"), Some("1"), Some("0")]), // 1.25
    ("g.eg.a.s", [Some("3"), Some("3"), Some("3")]), // 3.0
    ("g.eg.b.s", [Some("3"), Some("2"), None]),      // 1.5 (unanswered counts 0)
];

fn answer_samm(session: &mut Session) {
    for (stream, answers) in SAMM_ANSWERS {
        for (level, answer) in answers.iter().enumerate() {
            if let Some(id) = answer {
                let requirement = format!("{stream}.l{}.q", level + 1);
                session
                    .set_status(&requirement, status(id), WHO)
                    .expect("answer");
            }
        }
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn a_samm_session_scores_as_the_samm_toolbox_does() {
    let model = fixture("samm-shaped.ron");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = session(&model, &dir.path().join("m.ron"));
    answer_samm(&mut s);
    let card = Scorecard::compute(&model, &s.answers);
    // Stream = the sum of its answers' values.
    let streams: Vec<f64> = card.practices.iter().map(|p| p.score).collect();
    assert_eq!(streams, [1.75, 2.0, 0.5, 1.25, 3.0, 1.5]);
    // A stream's level is its score rounded down.
    let levels: Vec<u8> = card.practices.iter().map(|p| p.level).collect();
    assert_eq!(levels, [1, 2, 0, 1, 3, 1]);
    // Security practice = the mean of its two streams.
    let part = &card.parts[0];
    let practices: Vec<f64> = part.domains.iter().map(|d| d.score.score).collect();
    assert!(close(practices[0], (1.75 + 2.0) / 2.0), "{practices:?}");
    assert!(close(practices[1], (0.5 + 1.25) / 2.0), "{practices:?}");
    assert!(close(practices[2], (3.0 + 1.5) / 2.0), "{practices:?}");
    // Business function = the mean of its three practices: (1.875 + 0.875 + 2.25) / 3.
    assert!(close(part.score.score, 5.0 / 3.0), "{}", part.score.score);
    // The summary every output reads rounds it to 1.67.
    let summary = assess::summary::summarize_with(&model, &s, &card, "en");
    assert!(close(summary.parts[0].row.score, 1.67));
    // The radar is drawn 0–3.
    let axes = assess::summary::radar_axes(&summary.parts[0].domains);
    assert!(axes.iter().all(|a| close(a.max, 3.0)));
    assert!(close(axes[2].score, 2.25));
}

#[test]
fn a_dsomm_session_scores_by_the_share_of_implemented_activities() {
    let model = fixture("dsomm-shaped.ron");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = session(&model, &dir.path().join("m.ron"));
    let (yes, no) = (status("implemented"), status("not-implemented"));
    let answers: BTreeMap<&str, Status> = [
        ("l1.a1", yes),
        ("l1.a2", yes),
        ("l1.a3", yes),
        ("l1.a4", yes),
        ("l2.a1", yes),
        ("l2.a2", yes),
        ("l2.a3", yes),
        ("l3.a1", yes),
        ("l3.a2", yes),
        ("l3.a3", no),
        ("l3.a4", no),
        ("l4.a1", yes),
        ("l4.a2", no),
    ]
    .into_iter()
    .collect();
    for (id, st) in &answers {
        s.set_status(&format!("build.build.build.build.{id}"), *st, WHO)
            .expect("answer");
    }
    // Not applicable needs its reason, as CAICT's does.
    let na = status("not-applicable");
    s.set_justified("build.build.build.build.l2.a4", na, "no containers", WHO)
        .expect("n/a");
    // l3.a5 stays unanswered: not implemented.
    let card = Scorecard::compute(&model, &s.answers);
    let p = card.practices[0];
    // Shares 1, 3/3, 2/5, 1/2: level 2 (levels 1 and 2 complete), score 2.9.
    assert_eq!(p.level, 2);
    assert!(close(p.score, 2.9), "{}", p.score);
    // The N/A answer without its reason would be caught by the review filter.
    let scale = model.model.default_scale();
    assert_eq!(scale::kind(scale, na), Kind::NotApplicable);
    assert_eq!(
        scale::pick(scale, Slot::Between, None),
        None,
        "no partial answer"
    );
}

#[test]
fn answers_are_stored_as_option_ids_and_unknown_ids_are_refused_with_file_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let model_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/samm-shaped.ron");
    let model = fixture("samm-shaped.ron");
    let file = dir.path().join("samm.ron");
    let mut s = session(&model, &model_path);
    answer_samm(&mut s);
    save_session(&file, &s).expect("save");
    let text = std::fs::read_to_string(&file).expect("read");
    // A bare identifier, as CAICT's `status: Met` (raw, since `3` is not a plain name).
    assert!(text.contains("status: r#3,"), "{text}");
    let opened = open_session(&file).expect("opens with its model");
    assert_eq!(opened.session.answers, s.answers);
    let card = Scorecard::compute(&opened.model, &opened.session.answers);
    assert!(close(card.parts[0].score.score, 5.0 / 3.0));
    // Saving again writes the same bytes.
    let again = load_session(&file).expect("load");
    save_session(&file, &again).expect("save");
    let resaved = std::fs::read_to_string(&file).expect("read");
    assert_eq!(strip_updated(&resaved), strip_updated(&text));
    // An id the scale does not have: refused, naming the file, the line and the requirement.
    let line = text
        .lines()
        .position(|l| l.contains("status: r#2,"))
        .expect("an answer 2")
        + 1;
    let tampered = text.replacen("status: r#2,", "status: r#7,", 1);
    std::fs::write(&file, &tampered).expect("write");
    let err = format!("{:#}", open_session(&file).expect_err("refused"));
    assert!(err.contains(&format!("samm.ron:{line}:")), "{err}");
    assert!(
        err.contains("\"7\" is not an answer of the scale \"coverage\" (its answers: 0, 1, 2, 3)"),
        "{err}"
    );
    // The file keeps answers in id order: the first answer 2 is stream B of eg, level 2.
    assert!(err.contains("answers[\"g.eg.b.s.l2.q\"].status"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        tampered,
        "nothing written"
    );
}

fn strip_updated(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("updated:"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn quick_levels_filters_and_labels_follow_the_scale() {
    let model = fixture("samm-shaped.ron");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = session(&model, &dir.path().join("m.ron"));
    // Quick level 2 on a stream: levels 1–2 the best answer, level 3 the least: score 2.
    s.quick_level(&model, 0, 2, WHO).expect("quick level");
    let card = Scorecard::compute(&model, &s.answers);
    assert_eq!((card.practices[0].level, card.practices[0].score), (2, 2.0));
    assert_eq!(s.status("g.sm.a.s.l3.q"), Some(status("0")));
    // The answer keys by slot: y the best, n the least, p steps through the ones between.
    let scale = model.model.default_scale();
    assert_eq!(scale::pick(scale, Slot::Top, None), Some(status("3")));
    assert_eq!(scale::pick(scale, Slot::Bottom, None), Some(status("0")));
    assert_eq!(scale::pick(scale, Slot::Between, None), Some(status("1")));
    assert_eq!(
        scale::pick(scale, Slot::Between, Some(status("1"))),
        Some(status("2"))
    );
    assert_eq!(
        scale::pick(scale, Slot::Between, Some(status("2"))),
        Some(status("1"))
    );
    // Filters: an answer between is partial; the best answer without evidence is flagged.
    s.set_status("g.sm.b.s.l1.q", status("2"), WHO)
        .expect("answer");
    let checks = BTreeMap::new();
    let partial = |id: &str| matches_on(Filter::Partial, scale, &s, id, &checks);
    assert!(partial("g.sm.b.s.l1.q"));
    assert!(!partial("g.sm.a.s.l1.q"));
    assert!(matches_on(
        Filter::MetWithoutEvidence,
        scale,
        &s,
        "g.sm.a.s.l1.q",
        &checks
    ));
    // Labels: the model's, per requirement's own scale, in either language.
    let coverage = model.scale_of("g.eg.b.s.l1.q");
    let zh = assess::lang::Lang::Zh;
    assert_eq!(scale::label(coverage, status("3"), zh), "整个组织");
    let labels: Vec<String> = assess::xlsx::answer_options(&model, assess::lang::Lang::En)
        .into_iter()
        .map(|o| o.label)
        .collect();
    assert_eq!(
        labels,
        [
            "No",
            "Yes, for a few",
            "Yes, for some",
            "Yes, for most or all"
        ]
    );
    assert_eq!(
        assess::xlsx::parse_answer_for(&model, "g.eg.b.s.l1.q", "part of the organisation"),
        Some(status("2"))
    );
    assert_eq!(
        assess::xlsx::parse_answer_for(&model, "g.sm.a.s.l1.q", "part of the organisation"),
        None,
        "another scale's label"
    );
}

#[test]
fn reports_show_the_scales_labels() {
    let model = fixture("samm-shaped.ron");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = session(&model, &dir.path().join("m.ron"));
    answer_samm(&mut s);
    let opts = assess::report::ReportOptions::default();
    let data = assess::report::prepare(&model, &s, &opts);
    let md = String::from_utf8(assess::report::render_data(
        &data,
        assess::report::Format::Markdown,
        &opts,
    ))
    .expect("utf-8");
    assert!(md.contains("Yes, for some"), "{md}");
    assert!(md.contains("Part of the organisation"), "{md}");
    let csv = String::from_utf8(assess::report::render_data(
        &data,
        assess::report::Format::Csv,
        &opts,
    ))
    .expect("utf-8");
    assert!(csv.contains("Yes, for a few"), "{csv}");
}

/// A reason given for an answer other than N/A is a justification in general (理由); N/A's
/// keeps its own name (不适用理由), in either language.
#[test]
fn reports_name_na_s_justification_apart_from_other_reasons() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dsomm-shaped.ron");
    let text = std::fs::read_to_string(&path).expect("fixture");
    let justify = text.replacen("value: 0.0),", "value: 0.0, justify: true),", 1);
    let model = assess::model::parse_model(&justify, "dsomm.ron").expect("model");
    let mut s = session(&model, &path);
    let (a1, a2) = (
        "build.build.build.build.l1.a1",
        "build.build.build.build.l1.a2",
    );
    s.answer(&model, a1, status("not-implemented"), "no budget", WHO)
        .expect("answer");
    s.answer(&model, a2, status("not-applicable"), "no containers", WHO)
        .expect("answer");
    let md = |lang: &str| {
        let opts = assess::report::ReportOptions {
            lang: lang.into(),
            ..Default::default()
        };
        let bytes = assess::report::render(&model, &s, assess::report::Format::Markdown, &opts);
        String::from_utf8(bytes).expect("utf-8")
    };
    let en = md("en");
    assert!(en.contains("  Justification: no budget"), "{en}");
    assert!(en.contains("  N/A justification: no containers"), "{en}");
    let zh = md("zh");
    assert!(zh.contains("  理由: no budget"), "{zh}");
    assert!(zh.contains("  不适用理由: no containers"), "{zh}");
}

/// The real OWASP SAMM v2 model, imported, scores a session the same way (when the source
/// and the importer are at hand).
#[test]
fn the_imported_samm_model_scores_by_sum() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/external/owasp-samm-v2");
    if !dir.exists() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let imported = assess::model::import::import_samm(&dir.join("model")).expect("imports");
    let model = assess::model::parse_model(&imported.to_ron(), "samm.ron").expect("loads");
    assert_eq!(model.model.scoring, assess::model::Scoring::Sum);
    let mut s = Session::new(
        &model,
        NewSession {
            title: "SAMM".into(),
            assessors: vec![WHO.into()],
            ..NewSession::default()
        },
    )
    .expect("session");
    // The first stream at quick level 1, the second at 2: the practice scores their mean 1.5.
    s.quick_level(&model, 0, 1, WHO).expect("quick level");
    s.quick_level(&model, 1, 2, WHO).expect("quick level");
    let card = Scorecard::compute(&model, &s.answers);
    let streams: Vec<f64> = card.practices[..2].iter().map(|p| p.score).collect();
    assert_eq!(streams, [1.0, 2.0]);
    assert!(close(card.parts[0].domains[0].score.score, 1.5));
    assert_eq!(model.model.max_level(), 3);
}

#[test]
fn the_questionnaire_writes_and_reads_each_requirements_own_answer_set() {
    let model = fixture("samm-shaped.ron");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = session(&model, &dir.path().join("m.ron"));
    answer_samm(&mut s);
    for lang in [assess::lang::Lang::En, assess::lang::Lang::Zh] {
        let options = assess::xlsx::QuestionnaireOptions {
            lang,
            parts: Vec::new(),
        };
        let bytes = assess::xlsx::render(&model, &s, &options).expect("workbook");
        let filled = assess::xlsx::read_bytes(&bytes, &model).expect("reads back");
        assert!(filled.problems.is_empty(), "{:?}", filled.problems);
        let read: BTreeMap<String, Option<Status>> = filled
            .rows
            .iter()
            .map(|r| (r.id.clone(), r.answer))
            .collect();
        assert_eq!(read.len(), 18);
        for (id, answer) in &s.answers {
            assert_eq!(read[id], answer.status, "{id} in {lang:?}");
        }
        // The plan of importing it back changes nothing.
        let plan = assess::xlsx::plan(&model, &s, &filled);
        assert!(plan.changes.is_empty(), "{:?}", plan.changes);
    }
}
