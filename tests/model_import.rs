//! Importing public models: OWASP SAMM v2 (a folder of YAML files linked by GUIDs) and DSOMM
//! (one generated YAML file). The real sources are read from `../shared/external/` when present
//! (the test says it skipped them otherwise); small hand-written fixtures of the same shapes
//! run every time.

use std::path::{Path, PathBuf};

use assess::model::import::{ImportError, Imported, import_dsomm, import_samm};
use assess::model::{Model, Scoring, parse_model};

/// `../shared/external/REL` beside the repository (or under `ASSESS_EXTERNAL_DIR`).
fn external(rel: &str) -> Option<PathBuf> {
    let base = std::env::var_os("ASSESS_EXTERNAL_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/external"),
        PathBuf::from,
    );
    let path = base.join(rel);
    if path.exists() {
        Some(path)
    } else {
        println!("skipped: {} is absent", path.display());
        None
    }
}

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// The imported model written as RON loads and validates like any model file.
fn round_trip(imported: &Imported) -> Model {
    let text = imported.to_ron();
    match parse_model(&text, "imported.ron") {
        Ok(loaded) => loaded.model,
        Err(e) => panic!("the imported model does not load: {e}"),
    }
}

fn requirements(model: &Model) -> impl Iterator<Item = &assess::model::Requirement> {
    model
        .parts
        .iter()
        .flat_map(|p| &p.domains)
        .flat_map(|d| &d.items)
        .flat_map(|i| &i.practices)
        .flat_map(|p| &p.levels)
        .flat_map(|l| &l.requirements)
}

#[test]
fn the_real_samm_core_model_imports_whole() {
    let Some(dir) = external("owasp-samm-v2") else {
        return;
    };
    let imported = import_samm(&dir).expect("imports");
    assert!(imported.skipped.is_empty(), "{:#?}", imported.skipped);
    let model = round_trip(&imported);
    assert_eq!(model.parts.len(), 5);
    let practices: usize = model.parts.iter().map(|p| p.domains.len()).sum();
    assert_eq!(practices, 15);
    let streams: usize = model
        .parts
        .iter()
        .flat_map(|p| &p.domains)
        .map(|d| d.items.len())
        .sum();
    assert_eq!(streams, 30);
    assert_eq!(requirements(&model).count(), 90);
    assert_eq!(model.scoring, Scoring::Sum);
    assert_eq!(model.max_level(), 3);
    for r in requirements(&model) {
        let values: Vec<f64> = model.scale_for(r).options.iter().map(|o| o.value).collect();
        assert_eq!(values, [0.0, 0.25, 0.5, 1.0], "{:?}", r.text);
        assert_eq!(model.scale_for(r).options[0].label.get("en"), "No");
    }
    let names: Vec<_> = model.parts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        names,
        [
            "governance",
            "design",
            "implementation",
            "verification",
            "operations"
        ]
    );
    let source = model.source.as_ref().expect("source");
    assert_eq!(source.licence.as_deref(), Some("CC BY-SA 4.0"));
    assert_eq!(
        source.ids.get("design.sa.a.a.l1.1").map(String::as_str),
        Some("c4eb5618d1814173a995f8aea96f1c0b")
    );
}

#[test]
fn the_real_dsomm_model_imports_whole() {
    let Some(file) = external("owasp-dsomm/generated/model.yaml") else {
        return;
    };
    let imported = import_dsomm(&file).expect("imports");
    assert!(imported.skipped.is_empty(), "{:#?}", imported.skipped);
    let model = round_trip(&imported);
    assert_eq!(model.parts.len(), 5);
    let subdimensions: usize = model.parts.iter().map(|p| p.domains.len()).sum();
    assert_eq!(subdimensions, 19);
    assert_eq!(requirements(&model).count(), 194);
    let mut per_level = [0; 5];
    for practice in model
        .parts
        .iter()
        .flat_map(|p| &p.domains)
        .flat_map(|d| &d.items)
        .flat_map(|i| &i.practices)
    {
        for level in &practice.levels {
            per_level[usize::from(level.level) - 1] += level.requirements.len();
        }
    }
    assert_eq!(per_level, [26, 57, 61, 31, 19]);
    assert_eq!(model.scoring, Scoring::Share);
    assert_eq!(model.version, "4.3.1");
    assert_eq!(imported.counts.dependencies, 123);
    let built = requirements(&model)
        .find(|r| r.text.get("en") == "Pinning of artifacts")
        .expect("activity");
    assert_eq!(
        built.depends_on,
        ["build-and-deployment.build.build.build.l1.defined-build-process"]
    );
    assert!(
        built
            .guidance
            .as_ref()
            .expect("guidance")
            .get("en")
            .contains("Depends on: Defined build process")
    );
}

#[test]
fn a_samm_shaped_folder_imports_with_its_links_answer_sets_and_order() {
    let imported = import_samm(&fixture("samm")).expect("imports");
    assert!(imported.skipped.is_empty(), "{:#?}", imported.skipped);
    let model = round_trip(&imported);
    let ids: Vec<_> = model.parts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["governance", "design"]);
    let sm = &model.parts[0].domains[0];
    assert_eq!(
        (sm.id.as_str(), sm.name.get("en")),
        ("sm", "Strategy and Metrics")
    );
    let streams: Vec<_> = sm
        .items
        .iter()
        .map(|i| (i.id.as_str(), i.practices[0].id.as_str()))
        .collect();
    assert_eq!(streams, [("a", "a"), ("b", "b")]);
    assert_eq!(model.max_level(), 2);
    let levels: Vec<u8> = sm.items[0].practices[0]
        .levels
        .iter()
        .map(|l| l.level)
        .collect();
    assert_eq!(levels, [1, 2]);
    assert_eq!(imported.counts.requirements, 4);
    assert_eq!(
        (model.scoring, model.rollup),
        (Scoring::Sum, assess::model::Rollup::Mean)
    );
    let ta = &model.parts[1].domains[0].items[0].practices[0].levels[0].requirements[0];
    assert_eq!(ta.text.get("en"), "Do you classify applications?");
    let scale = model.scale_for(ta);
    assert_eq!(scale.id, "y");
    let labels: Vec<_> = scale
        .options
        .iter()
        .map(|o| (o.label.get("en"), o.value))
        .collect();
    assert_eq!(
        labels,
        [
            ("No", 0.0),
            ("Yes, for a few", 0.25),
            ("Yes, for some", 0.5),
            ("Yes, for most or all of them", 1.0)
        ]
    );
    let guidance = ta.guidance.as_ref().expect("guidance").get("en");
    assert!(
        guidance.starts_with("Activity: Classify applications"),
        "{guidance}"
    );
    assert!(
        guidance.contains("- You have it written down"),
        "{guidance}"
    );
    let source = model.source.as_ref().expect("source");
    assert_eq!(
        source.ids.get("governance.sm.b.b.l1.1").map(String::as_str),
        Some("q3")
    );
    assert_eq!(
        source.ids.get("design").map(String::as_str),
        Some("f0000000000000000000000000000002")
    );
}

#[test]
fn a_dsomm_shaped_file_imports_with_levels_and_dependencies_by_uuid_or_name() {
    let imported = import_dsomm(&fixture("dsomm.yaml")).expect("imports");
    assert!(imported.skipped.is_empty(), "{:#?}", imported.skipped);
    let model = round_trip(&imported);
    assert_eq!(model.version, "0.9");
    assert_eq!(model.max_level(), 3);
    let ids: Vec<_> = model.parts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["build-and-deployment", "culture-and-organization"]);
    assert_eq!(imported.counts.domains, 3);
    assert_eq!(imported.counts.requirements, 5);
    assert_eq!(imported.counts.dependencies, 3);
    let rolling = requirements(&model)
        .find(|r| r.text.get("en") == "Rolling update on deployment")
        .expect("activity");
    assert_eq!(
        rolling.depends_on,
        [
            "build-and-deployment.deployment.deployment.deployment.l1.defined-deployment-process",
            "build-and-deployment.build.build.build.l2.pinning-of-artifacts",
        ]
    );
    let training = requirements(&model)
        .find(|r| r.text.get("en") == "Security training for all")
        .expect("activity");
    assert_eq!(training.guidance.as_ref().expect("text").get("en"), "No");
    let scale = model.default_scale();
    let options: Vec<_> = scale
        .options
        .iter()
        .map(|o| (o.id.as_str(), o.passed, o.not_applicable))
        .collect();
    assert_eq!(
        options,
        [
            ("implemented", true, false),
            ("not-implemented", false, false),
            ("not-applicable", false, true)
        ]
    );
    assert_eq!(scale.options[0].label.get("zh"), "已实施");
    let source = model.source.as_ref().expect("source");
    assert_eq!(source.licence.as_deref(), Some("GPL-3.0"));
    assert_eq!(
        source.ids.get("culture-and-organization.education-and-guidance.education-and-guidance.education-and-guidance.l1.security-training-for-all").map(String::as_str),
        Some("00000000-0000-0000-0000-000000000005")
    );
}

/// A copy of the SAMM fixture in a temporary folder, with `change` applied to it.
fn samm_copy(change: impl FnOnce(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = fixture("samm");
    for folder in std::fs::read_dir(&from).expect("fixture") {
        let folder = folder.expect("entry").path();
        let to = dir.path().join(folder.file_name().expect("name"));
        std::fs::create_dir_all(&to).expect("mkdir");
        for file in std::fs::read_dir(&folder).expect("folder") {
            let file = file.expect("entry").path();
            std::fs::copy(&file, to.join(file.file_name().expect("name"))).expect("copy");
        }
    }
    change(dir.path());
    dir
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write");
}

fn messages(skipped: &[ImportError]) -> Vec<String> {
    skipped.iter().map(ToString::to_string).collect()
}

#[test]
fn samm_links_to_nowhere_duplicates_and_wrong_types_are_listed_with_file_and_place() {
    let dir = samm_copy(|d| {
        // A question whose answer set does not exist.
        let q = d.join("questions/q1.yml");
        let text = std::fs::read_to_string(&q)
            .expect("read")
            .replace("answerSet: as-f", "answerSet: nowhere");
        write(&q, &text);
        // A second document with a GUID already used.
        write(
            &d.join("streams/zz.yml"),
            "id: s1\nname: Copy\npractice: p0000000000000000000000000000001\n",
        );
        // A level number that is not a number.
        write(
            &d.join("maturity_levels/level-9.yml"),
            "id: m9\nnumber: high\n",
        );
        write(
            &d.join("maturity_levels/level-7.yml"),
            "id: m7\nnumber: 7\n",
        );
        // Not YAML at all.
        write(&d.join("activities/broken.yml"), "id: [unclosed\n");
    });
    let imported = import_samm(dir.path()).expect("the rest imports");
    let skipped = messages(&imported.skipped);
    let at = |file: &str| dir.path().join(file).display().to_string();
    let expected = [
        format!(
            "{}:3:12: `answerSet` links to \"nowhere\", which is not in the model",
            at("questions/q1.yml")
        ),
        format!(
            "{}:1:5: \"s1\" appears a second time; the first one is kept",
            at("streams/zz.yml")
        ),
        format!(
            "{}:2:9: `number` should be a number",
            at("maturity_levels/level-9.yml")
        ),
        format!(
            "{}:2:9: `number` should be a level from 1 to 5",
            at("maturity_levels/level-7.yml")
        ),
    ];
    for line in &expected {
        assert!(skipped.contains(line), "{line}\n{skipped:#?}");
    }
    assert!(
        skipped.iter().any(|s| s.starts_with(&format!(
            "{}:2:1: not valid YAML",
            at("activities/broken.yml")
        ))),
        "{skipped:#?}"
    );
    // The activity whose only question was lost is left out and said so; the rest loads.
    assert!(
        skipped
            .iter()
            .any(|s| s.contains("\"Identify objectives\" has nothing to answer")),
        "{skipped:#?}"
    );
    assert_eq!(imported.counts.requirements, 3);
    round_trip(&imported);
}

#[test]
fn a_samm_folder_without_its_parts_or_with_nothing_usable_is_refused() {
    let empty = tempfile::tempdir().expect("temp dir");
    let err = import_samm(empty.path()).expect_err("no folders");
    assert!(matches!(err, ImportError::Read { .. }), "{err}");
    assert!(err.to_string().contains("business_functions"), "{err}");
    let dir = samm_copy(|d| {
        for q in ["q1", "q2", "q3", "q4"] {
            std::fs::remove_file(d.join(format!("questions/{q}.yml"))).expect("rm");
        }
    });
    let err = import_samm(dir.path()).expect_err("nothing to ask");
    assert_eq!(
        err.to_string(),
        format!("{}: nothing could be imported", dir.path().display())
    );
}

#[test]
fn deep_nesting_is_refused_before_parsing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let deep = dir.path().join("deep.yaml");
    write(&deep, &format!("a: {}\n", "[".repeat(100_000)));
    let err = import_dsomm(&deep).expect_err("too deep");
    assert_eq!(
        err.to_string(),
        format!("{}:1:68: nested deeper than 64 levels", deep.display())
    );
    let block = (0..2000)
        .map(|i| format!("{}k:\n", " ".repeat(i)))
        .collect::<String>();
    write(&deep, &block);
    assert!(matches!(
        import_dsomm(&deep),
        Err(ImportError::TooDeep { .. })
    ));
}

#[test]
fn dsomm_cycles_unknown_dependencies_and_wrong_types_are_listed_not_fatal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("model.yaml");
    write(
        &file,
        "D:\n  S:\n    A:\n      uuid: a\n      level: 1\n      dependsOn: [b]\n    B:\n      uuid: b\n      level: 2\n      dependsOn: [a, nowhere]\n    C:\n      level: high\n    E: just text\n",
    );
    let imported = import_dsomm(&file).expect("imports the rest");
    let skipped = messages(&imported.skipped);
    let f = file.display();
    assert_eq!(
        skipped,
        [
            format!("{f}:12:14: `level` should be a number"),
            format!("{f}:13:8: `E` should be a mapping"),
            format!("{f}:10:22: `dependsOn` links to \"nowhere\", which is not in the model"),
            format!("{f}:10:18: depends on itself through A → B → A"),
        ]
    );
    let model = round_trip(&imported);
    assert_eq!(imported.counts.dependencies, 1);
    assert_eq!(requirements(&model).count(), 2);
}

#[test]
fn dsomm_files_that_are_not_models_are_refused_with_their_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("model.yaml");
    let f = file.display().to_string();
    for (text, expected) in [
        ("a: 1\na: 2\n", format!("{f}:2:1: not valid YAML")),
        (
            "- just\n- a list\n",
            format!("{f}: nothing could be imported"),
        ),
        ("", format!("{f}: nothing could be imported")),
        ("D: {S: {}}\n", format!("{f}: nothing could be imported")),
    ] {
        write(&file, text);
        let err = import_dsomm(&file).expect_err(text);
        assert!(err.to_string().starts_with(&expected), "{text:?}: {err}");
    }
    std::fs::write(&file, b"D:\n  S: \xff\n").expect("write");
    let err = import_dsomm(&file).expect_err("not UTF-8");
    assert_eq!(
        err.to_string(),
        format!("{f}:2:6: the file is not UTF-8 text")
    );
    let err = import_dsomm(&dir.path().join("absent.yaml")).expect_err("absent");
    assert!(matches!(err, ImportError::Read { .. }), "{err}");
}

/// Every prefix of the fixtures (a file cut off anywhere) imports or is refused with a message;
/// nothing panics and whatever imports still loads as a model.
#[test]
fn files_cut_off_anywhere_never_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cut = dir.path().join("model.yaml");
    let full = std::fs::read(fixture("dsomm.yaml")).expect("fixture");
    for end in (0..full.len()).step_by(11) {
        std::fs::write(&cut, &full[..end]).expect("write");
        if let Ok(imported) = import_dsomm(&cut) {
            round_trip(&imported);
        }
    }
    let samm = samm_copy(|_| {});
    let answers = samm.path().join("answer_sets/F.yml");
    let full = std::fs::read(&answers).expect("fixture");
    for end in (0..full.len()).step_by(13) {
        std::fs::write(&answers, &full[..end]).expect("write");
        if let Ok(imported) = import_samm(samm.path()) {
            round_trip(&imported);
        }
    }
}
