//! Answer scales, scoring rules, provenance and models of fewer than five levels: what a model
//! file may declare about how it is answered, and how mistakes in it are named by id path.

use assess::model::{ModelError, Scoring, caict_scale, load_embedded, parse_model, validate_model};

const TINY: &str = include_str!("fixtures/tiny-model.ron");

fn invalid(text: &str) -> Vec<String> {
    match parse_model(text, "m.ron") {
        Err(ModelError::Invalid { problems, .. }) => {
            problems.iter().map(ToString::to_string).collect()
        }
        other => panic!("expected an invalid model, got {other:?}"),
    }
}

/// The tiny model with `fields` added after its version.
fn with(fields: &str) -> String {
    TINY.replacen("version: \"1\",", &format!("version: \"1\",\n{fields}"), 1)
}

const SAMM_LIKE: &str = r#"scoring: sum,
    scales: [
        AnswerScale(id: "coverage", options: [
            AnswerOption(id: "no", label: {"en": "No", "zh": "否"}, value: 0.0),
            AnswerOption(id: "some", label: {"en": "Some", "zh": "部分"}, value: 0.5),
            AnswerOption(id: "all", label: {"en": "All", "zh": "全部"}, value: 1.0, passed: true),
        ]),
        AnswerScale(id: "yesno", options: [
            AnswerOption(id: "yes", label: {"en": "Yes", "zh": "是"}, value: 1.0, passed: true),
            AnswerOption(id: "na", label: {"en": "N/A", "zh": "不适用"}, value: 0.0, justify: true, not_applicable: true),
        ]),
    ],
    source: ModelSource(name: "Example", version: "2.0", licence: "CC BY-SA 4.0"),"#;

#[test]
fn a_model_without_scales_is_answered_on_the_caict_scale_as_sessions_always_were() {
    let loaded = load_embedded("caict-devops").expect("bundled model");
    let model = &loaded.model;
    assert_eq!(model.scoring, Scoring::Staged);
    assert!(model.scales.is_empty() && model.extends.is_none() && model.source.is_none());
    let scale = model.default_scale();
    assert_eq!(scale, caict_scale());
    let ids: Vec<_> = scale.options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["Met", "Partial", "NotMet", "NotApplicable"]);
    let values: Vec<_> = scale.options.iter().map(|o| o.value).collect();
    assert_eq!(values, [1.0, 0.5, 0.0, 0.0]);
    let met = scale.option("Met").expect("present");
    assert!(met.passed && !met.justify && !met.not_applicable);
    assert_eq!(met.label.get("zh"), "满足");
    let na = scale.option("NotApplicable").expect("present");
    assert!(!na.passed && na.justify && na.not_applicable);
    assert_eq!(na.label.get("en"), "Not applicable");
    assert_eq!(
        scale.option("NotMet").expect("present").label.get("zh"),
        "不满足"
    );
    let any = loaded
        .requirement("cd.config.vc.vcs.l3.2")
        .expect("present");
    assert_eq!(model.scale_for(any).id, "caict");
    assert_eq!(loaded.scale_of("no.such.id").id, "caict");
}

#[test]
fn a_requirement_uses_its_own_scale_else_the_first_one() {
    let text = with(SAMM_LIKE).replacen(
        "Requirement(id: \"1\", text: {\"en\": \"p3 l1 r1\", \"zh\": \"一\"}",
        "Requirement(id: \"1\", text: {\"en\": \"p3 l1 r1\", \"zh\": \"一\"}, scale: \"yesno\"",
        1,
    );
    let loaded = parse_model(&text, "m.ron").expect("valid");
    let model = &loaded.model;
    assert_eq!(model.scoring, Scoring::Sum);
    assert_eq!(
        model.source.as_ref().expect("present").licence.as_deref(),
        Some("CC BY-SA 4.0")
    );
    assert_eq!(loaded.scale_of("a.d2.i2.p3.l1.1").id, "yesno");
    let other = loaded.requirement("a.d1.i1.p1.l1.1").expect("present");
    assert_eq!(model.scale_for(other).id, "coverage");
    assert_eq!(model.scale_for(other).options[1].value, 0.5);
}

#[test]
fn scale_mistakes_are_named_by_id_path() {
    let text = with(
        r#"scales: [
        AnswerScale(id: "s", options: [
            AnswerOption(id: "a", label: {"en": "A", "zh": "甲"}, value: 1.0, passed: true),
            AnswerOption(id: "a", label: {"en": "A2"}, value: 0.0),
        ]),
        AnswerScale(id: "s", options: []),
        AnswerScale(id: "nopass", options: [
            AnswerOption(id: "x", label: {"en": "X", "zh": "叉"}, value: 0.0),
        ]),
    ],"#,
    )
    .replacen(
        "Requirement(id: \"1\", text: {\"en\": \"p3 l1 r1\", \"zh\": \"一\"}",
        "Requirement(id: \"1\", text: {\"en\": \"p3 l1 r1\", \"zh\": \"一\"}, scale: \"nope\"",
        1,
    );
    let problems = invalid(&text);
    for expected in [
        "tiny/scales/s/a: duplicate id \"a\" among its siblings",
        "tiny/scales/s/a: label has no zh text",
        "tiny/scales/s: duplicate id \"s\" among its siblings",
        "tiny/scales/s: the answer scale has no options",
        "tiny/scales/nopass: staged scoring needs at least one option marked `passed: true`",
        "a/d2/i2/p3/L1/1: unknown answer scale \"nope\"",
    ] {
        assert!(
            problems.iter().any(|p| p == expected),
            "{expected}\n{problems:?}"
        );
    }
    assert_eq!(problems.len(), 6, "{problems:?}");
}

#[test]
fn an_option_value_must_be_finite() {
    let loaded = parse_model(&with(SAMM_LIKE), "m.ron").expect("valid");
    let mut model = loaded.model;
    model.scales[0].options[0].value = f64::NAN;
    model.scales[0].options[1].value = f64::INFINITY;
    let problems: Vec<_> = validate_model(&model)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            "tiny/scales/coverage/no: value must be a finite number",
            "tiny/scales/coverage/some: value must be a finite number",
        ]
    );
}

#[test]
fn a_model_may_have_fewer_levels_but_no_gaps_and_none_above_its_last() {
    let three = TINY
        .replacen("        LevelDef(level: 4, name: {\"en\": \"Four\", \"zh\": \"四\"}, meaning: {\"en\": \"m4\", \"zh\": \"义四\"}),\n", "", 1)
        .replacen("        LevelDef(level: 5, name: {\"en\": \"Five\", \"zh\": \"五\"}, meaning: {\"en\": \"m5\", \"zh\": \"义五\"}),\n", "", 1);
    let loaded = parse_model(&three, "m.ron").expect("three levels are fine");
    assert_eq!(loaded.model.max_level(), 3);

    let gap = three.replacen("        LevelDef(level: 2, name: {\"en\": \"Two\", \"zh\": \"二\"}, meaning: {\"en\": \"m2\", \"zh\": \"义二\"}),\n", "", 1);
    assert_eq!(invalid(&gap), ["tiny: level 2 has no definition"]);

    let two = three.replacen("        LevelDef(level: 3, name: {\"en\": \"Three\", \"zh\": \"三\"}, meaning: {\"en\": \"m3\", \"zh\": \"义三\"}),\n", "", 1);
    let problems = invalid(&two);
    assert!(
        problems.contains(&"a/d1/i1/p1/L3: level 3 is outside the model's levels 1..2".to_string()),
        "{problems:?}"
    );

    let six = TINY.replacen(
        "    ],\n    parts",
        "        LevelDef(level: 6, name: {\"en\": \"Six\", \"zh\": \"六\"}, meaning: {\"en\": \"m6\", \"zh\": \"义六\"}),\n    ],\n    parts",
        1,
    );
    assert!(invalid(&six).contains(&"tiny/levels/L6: level 6 is outside 1..5".to_string()));
}

/// The loader on hostile model files: a clear message with the file and place, never a panic.
#[test]
fn hostile_model_files_are_refused_with_file_and_place() {
    let deep = format!("Model(id: \"x\", name: {}", "[".repeat(50_000));
    let err = parse_model(&deep, "deep.ron").expect_err("too deep");
    assert!(err.to_string().starts_with("deep.ron:1:"), "{err}");
    let wrong = with("").replacen("version: \"1\",", "version: 1,", 1);
    let err = parse_model(&wrong, "wrong.ron").expect_err("wrong type");
    assert!(err.to_string().starts_with("wrong.ron:8:13:"), "{err}");
    let twice = TINY.replacen(
        "{\"en\": \"Tiny\", \"zh\": \"微型\"}",
        "{\"en\": \"Tiny\", \"en\": \"Again\"}",
        1,
    );
    let err = parse_model(&twice, "twice.ron").expect_err("duplicate key");
    assert!(err.to_string().starts_with("twice.ron:"), "{err}");
    let scale = with(
        "scales: [AnswerScale(id: \"s\", options: [AnswerOption(id: \"a\", label: {\"en\": \"A\"}, value: \"high\")])],",
    );
    let err = parse_model(&scale, "scale.ron").expect_err("value not a number");
    assert!(err.to_string().starts_with("scale.ron:9:"), "{err}");
    let depends = TINY.replacen(
        "Requirement(id: \"1\", text: {\"en\": \"p3 l1 r1\", \"zh\": \"一\"}",
        "Requirement(id: \"1\", text: {\"en\": \"p3 l1 r1\", \"zh\": \"一\"}, depends_on: [\"a.d2.i2.p3.l1.1\", \"no.such\"]",
        1,
    );
    assert_eq!(
        invalid(&depends),
        ["a/d2/i2/p3/L1/1: depends on unknown requirement \"no.such\""]
    );
}

#[test]
fn the_scoring_rule_reads_in_either_case() {
    for (written, rule) in [
        ("sum", Scoring::Sum),
        ("Share", Scoring::Share),
        ("staged", Scoring::Staged),
    ] {
        let loaded = parse_model(&with(&format!("scoring: {written},")), "m.ron").expect(written);
        assert_eq!(loaded.model.scoring, rule);
    }
}

/// The SAMM-shaped fixture: "frequency" answers, and "coverage" on Education and Guidance B.
fn samm_shaped() -> assess::model::LoadedModel {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/samm-shaped.ron");
    assess::model::load_path(&path).expect("fixture")
}

#[test]
fn an_answer_reads_as_its_label_on_its_requirements_scale_in_the_readers_language() {
    use assess::lang::Lang::{En, Zh};
    use assess::session::scale::answer_label;
    let samm = samm_shaped();
    let m = Some(&samm);
    // (model, requirement, stored value, language, shown)
    let cases = [
        // CAICT's, with or without the model: the trail's codes, ids and older English labels.
        (None, "cd.a", "met", En, Some("Met")),
        (None, "cd.a", "NotMet", Zh, Some("不满足")),
        (None, "cd.a", "Not applicable", Zh, Some("不适用")),
        (None, "cd.a", "partial", En, Some("Partial")),
        // Another scale's ids, by the requirement's own scale.
        (m, "g.sm.a.s.l1.q", "2", En, Some("Yes, for some")),
        (m, "g.sm.a.s.l1.q", "2", Zh, Some("是，部分")),
        (
            m,
            "g.eg.b.s.l1.q",
            "2",
            En,
            Some("Part of the organisation"),
        ),
        (m, "g.eg.b.s.l1.q", "3", Zh, Some("整个组织")),
        // Not an answer there: shown as stored by the caller.
        (m, "g.sm.a.s.l1.q", "met", En, None),
        (m, "g.sm.a.s.l1.q", "7", En, None),
        (None, "cd.a", "3", En, None),
        (None, "cd.a", "", En, None),
    ];
    for (model, requirement, value, lang, shown) in cases {
        assert_eq!(
            answer_label(model, requirement, value, lang),
            shown,
            "{requirement} {value:?} in {lang:?}"
        );
    }
}

#[test]
fn an_answer_its_scale_marks_justify_is_refused_without_a_reason() {
    use assess::session::{EditError, NewSession, Session, Status};
    // "A few" needs a reason on this copy of the fixture.
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/samm-shaped.ron"),
    )
    .expect("fixture")
    .replacen("value: 0.25),", "value: 0.25, justify: true),", 1);
    let model = parse_model(&text, "samm-justify.ron").expect("model");
    let mut s = Session::new(&model, NewSession::default()).expect("session");
    let id = "g.sm.a.s.l1.q";
    let few = Status::new("1").expect("id");
    let refused = s.answer(&model, id, few, "  ", "ann").expect_err("refused");
    assert!(
        matches!(refused, EditError::AnswerNeedsReason(_)),
        "{refused:?}"
    );
    assert_eq!(
        assess::lang::Lang::En.edit_error(&refused),
        "the answer \"Yes, for a few\" needs a reason"
    );
    assert_eq!(
        assess::lang::Lang::Zh.edit_error(&refused),
        "答案“是，少数”需要填写理由"
    );
    assert_eq!(s.status(id), None, "nothing was answered");
    // An id the scale does not offer is refused, naming what it offers.
    let refused = s
        .answer(&model, id, Status::Met, "", "ann")
        .expect_err("not on the scale");
    assert_eq!(
        refused.to_string(),
        "\"Met\" is not an answer of this requirement (its answers: 0, 1, 2, 3)"
    );
    // With a reason it is kept; another answer drops it.
    s.answer(&model, id, few, "only the pilot teams", "ann")
        .expect("answered");
    assert_eq!(s.status(id), Some(few));
    assert_eq!(
        s.answers[id].justification.as_deref(),
        Some("only the pilot teams")
    );
    s.answer(&model, id, Status::new("3").expect("id"), "", "ann")
        .expect("answered");
    assert_eq!(s.answers[id].justification, None);
}
