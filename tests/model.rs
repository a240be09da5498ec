//! Loading and validating models: the bundled model is valid, and every kind of mistake in a
//! model file is reported with the file and the place.

use assess::model::{ModelError, load_embedded, parse_model};

const TINY: &str = include_str!("fixtures/tiny-model.ron");

fn invalid(text: &str) -> Vec<String> {
    match parse_model(text, "broken.ron") {
        Err(ModelError::Invalid { origin, problems }) => {
            assert_eq!(origin, "broken.ron");
            problems.iter().map(ToString::to_string).collect()
        }
        other => panic!("expected an invalid model, got {other:?}"),
    }
}

#[test]
fn the_bundled_model_loads_and_validates() {
    let model = load_embedded("caict-devops").expect("bundled model is valid");
    assert_eq!(model.model.languages, ["en", "zh"]);
    assert_eq!(model.model.levels.len(), 5);
    assert!(model.hash.starts_with("sha256:"));
    assert!(model.index.requirement("cd.config.vc.vcs.l3.2").is_some());
}

#[test]
fn a_syntax_error_names_the_file_line_and_column() {
    let broken = TINY.replacen("version: \"1\",", "version: \"1\"\n    oops", 1);
    let err = parse_model(&broken, "models/broken.ron").expect_err("must fail");
    let ModelError::Parse {
        origin,
        line,
        column,
        ..
    } = &err
    else {
        panic!("expected a parse error, got {err:?}");
    };
    assert_eq!(origin, "models/broken.ron");
    assert_eq!((*line, *column), (9, 5), "{err}");
    assert!(
        err.to_string().starts_with("models/broken.ron:9:5:"),
        "{err}"
    );
}

#[test]
fn duplicate_ids_are_reported_with_their_id_path() {
    let text = TINY.replacen(
        "Requirement(id: \"2\", text: {\"en\": \"p1 l3 r2\"",
        "Requirement(id: \"1\", text: {\"en\": \"p1 l3 r2\"",
        1,
    );
    let problems = invalid(&text);
    assert!(
        problems
            .iter()
            .any(|p| p == "a/d1/i1/p1/L3/1: duplicate id \"1\" among its siblings"),
        "{problems:?}"
    );
}

#[test]
fn levels_outside_one_to_five_are_reported() {
    let problems = invalid(&TINY.replacen("Level(level: 3, requirements: [\n                            Requirement(id: \"1\", text: {\"en\": \"p1 l3 r1\"", "Level(level: 7, requirements: [\n                            Requirement(id: \"1\", text: {\"en\": \"p1 l3 r1\"", 1));
    assert!(
        problems
            .iter()
            .any(|p| p == "a/d1/i1/p1/L7: level 7 is outside the model's levels 1..5"),
        "{problems:?}"
    );
}

#[test]
fn empty_texts_in_a_declared_language_are_reported() {
    let problems = invalid(&TINY.replacen(
        "{\"en\": \"p1 l2 r2\", \"zh\": \"二\"}",
        "{\"en\": \"p1 l2 r2\", \"zh\": \" \"}",
        1,
    ));
    assert_eq!(problems, ["a/d1/i1/p1/L2/2: text has no zh text"]);
    let missing = invalid(&TINY.replacen(
        "{\"en\": \"P3\", \"zh\": \"实践三\"}",
        "{\"en\": \"P3\"}",
        1,
    ));
    assert_eq!(missing, ["a/d2/i2/p3: name has no zh text"]);
}

#[test]
fn a_practice_without_requirements_is_reported() {
    let text = TINY.replacen(
        "Level(level: 1, requirements: [\n                            Requirement(id: \"1\", text: {\"en\": \"p3 l1 r1\", \"zh\": \"一\"}),\n                        ]),",
        "",
        1,
    );
    assert_eq!(
        invalid(&text),
        ["a/d2/i2/p3: the practice has no requirements"]
    );
}

#[test]
fn unknown_fields_and_bad_ids_are_refused() {
    let err = parse_model(
        &TINY.replacen("version: \"1\",", "version: \"1\", colour: \"red\",", 1),
        "m.ron",
    )
    .expect_err("unknown field");
    assert!(err.to_string().contains("colour"), "{err}");
    let problems = invalid(&TINY.replacen("Item(id: \"i2\"", "Item(id: \"i.2\"", 1));
    assert!(
        problems[0].starts_with("a/d2/i.2: id \"i.2\" must be"),
        "{problems:?}"
    );
}

#[test]
fn aliases_must_point_at_existing_requirements() {
    let text = TINY.replacen(
        "parts: [",
        "aliases: {\"a.d1.i1.p1.l9.1\": \"a.d1.i1.p1.l1.1\", \"old.id\": \"no.such.id\"},\n    parts: [",
        1,
    );
    assert_eq!(
        invalid(&text),
        ["aliases/old.id: alias points to unknown requirement \"no.such.id\""]
    );
}
