//! The bundled CAICT model's content: the shape of Continuous Delivery as the published tables
//! have it, complete levels, both languages, provenance, and the stats/show commands.

use assess::model::{Provenance, load_embedded, model_stats};

#[test]
fn continuous_delivery_has_the_published_shape() {
    let model = load_embedded("caict-devops").expect("model");
    let stats = model_stats(&model.model, "en");
    let cd = stats
        .parts
        .iter()
        .find(|p| p.counts.id == "cd")
        .expect("cd");
    // The published self-assessment table lists 7 domains, 14 capability items (环境管理 is a
    // single item) and 49 sub-items (7 + 8 + 10 + 7 + 3 + 6 + 8).
    assert_eq!(
        (cd.counts.domains, cd.counts.items, cd.counts.practices),
        (7, 14, 49)
    );
    let per_domain: Vec<(&str, usize)> = cd
        .domains
        .iter()
        .map(|d| (d.id.as_str(), d.practices))
        .collect();
    assert_eq!(
        per_domain,
        [
            ("config", 7),
            ("build", 8),
            ("test", 10),
            ("deploy", 7),
            ("env", 3),
            ("data", 6),
            ("measure", 8)
        ]
    );
    assert_eq!(
        cd.counts.authored, 0,
        "CD practices follow the standard's tables"
    );
}

#[test]
fn all_six_parts_are_there_in_the_standards_order() {
    let model = load_embedded("caict-devops").expect("model");
    let ids: Vec<&str> = model.model.parts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["agile", "cd", "to", "ad", "srm", "tools"]);
    for part in &model.model.parts {
        let authored = part.provenance == Provenance::Authored;
        assert_eq!(authored, part.id != "cd", "{}: provenance", part.id);
        if authored {
            let description = part.description.as_ref().expect("authored parts say so");
            assert!(!description.get("en").is_empty() && !description.get("zh").is_empty());
        }
    }
}

#[test]
fn every_practice_is_assessable_at_levels_one_to_three_in_both_languages() {
    let model = load_embedded("caict-devops").expect("model");
    for pref in &model.index.practices {
        let practice = model.model.practice_of(pref);
        for level in 1..=3u8 {
            let has = practice
                .levels
                .iter()
                .any(|l| l.level == level && !l.requirements.is_empty());
            assert!(has, "{}: no requirements at level {level}", pref.id);
        }
        for text in [&practice.good_evidence, &practice.trap] {
            let text = text
                .as_ref()
                .unwrap_or_else(|| panic!("{}: guidance missing", pref.id));
            assert!(!text.get("en").is_empty() && !text.0.get("zh").is_none_or(String::is_empty));
        }
        for r in pref.requirements.clone() {
            let req = model
                .model
                .requirement_of(pref, &model.index.requirements[r]);
            for lang in ["en", "zh"] {
                assert!(
                    req.text.0.get(lang).is_some_and(|t| !t.trim().is_empty()),
                    "{}",
                    model.index.requirements[r].id
                );
            }
        }
    }
    assert_eq!(model.model.levels[0].name.get("zh"), "初始级");
    assert_eq!(model.model.levels[4].name.get("zh"), "卓越级");
}

#[test]
fn stats_command_prints_counts_per_part_domain_and_level() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(["model", "stats"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let cd = text
        .lines()
        .find(|l| l.starts_with("  cd Continuous Delivery"))
        .expect("cd row");
    let numbers: Vec<&str> = cd.split_whitespace().skip(3).take(3).collect();
    assert_eq!(numbers, ["7", "14", "49"], "{cd}");
    assert!(text.contains("provenance: authored"), "{text}");
}
