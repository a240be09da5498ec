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

/// `model show --json` as a reader would get it.
fn model_json() -> serde_json::Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(["model", "show", "--json"])
        .output()
        .expect("run");
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).expect("json")
}

fn practices(json: &serde_json::Value) -> impl Iterator<Item = &serde_json::Value> {
    json["parts"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|p| p["domains"].as_array().into_iter().flatten())
        .flat_map(|d| d["items"].as_array().into_iter().flatten())
        .flat_map(|i| i["practices"].as_array().into_iter().flatten())
}

#[test]
fn json_export_resolves_provenance_at_every_level_and_requirement() {
    let json = model_json();
    let model = load_embedded("caict-devops").expect("model");
    let known = ["standard", "draft", "authored"];
    let mut seen = 0;
    for practice in practices(&json) {
        for level in practice["levels"].as_array().expect("levels") {
            let level_p = level["provenance"]
                .as_str()
                .unwrap_or_else(|| panic!("{} L{}: no provenance", practice["id"], level["level"]));
            assert!(known.contains(&level_p), "{level_p}");
            for r in level["requirements"].as_array().expect("requirements") {
                let id = r["id"].as_str().expect("id");
                let p = r["provenance"].as_str().unwrap_or_else(|| panic!("{id}"));
                // The export agrees with the model's own resolution.
                let ri = model.index.requirement(id).expect("known id");
                let rref = &model.index.requirements[ri];
                let pref = &model.index.practices[rref.practice];
                let want = match model.model.requirement_provenance(pref, rref) {
                    Provenance::Standard => "standard",
                    Provenance::Draft => "draft",
                    Provenance::Authored => "authored",
                };
                assert_eq!(p, want, "{id}");
                seen += 1;
            }
        }
    }
    assert_eq!(seen, model.index.requirements.len());
    // A level the table leaves blank shows as authored inside a standard practice.
    let vcs = practices(&json)
        .find(|p| p["id"] == "cd.config.vc.branch")
        .expect("branch");
    assert_eq!(vcs["provenance"], "standard");
    assert_eq!(vcs["levels"][0]["provenance"], "authored");
}

#[test]
fn stats_command_counts_requirements_per_provenance_per_part() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(["model", "stats"])
        .output()
        .expect("run");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let section = text
        .split("Requirements by provenance:")
        .nth(1)
        .expect("provenance section");
    let model = load_embedded("caict-devops").expect("model");
    let stats = model_stats(&model.model, "en");
    for part in &stats.parts {
        let c = &part.counts;
        let row = section
            .lines()
            .find(|l| l.starts_with(&format!("  {} ", c.id)))
            .unwrap_or_else(|| panic!("{} row in {section}", c.id));
        let numbers: Vec<usize> = row
            .split_whitespace()
            .rev()
            .take(3)
            .map(|n| n.parse().expect("number"))
            .collect();
        let p = c.provenance;
        assert_eq!(numbers, [p.authored, p.draft, p.standard], "{row}");
        assert_eq!(p.standard + p.draft + p.authored, c.requirements);
    }
}
