//! The bundled CAICT model's content: the shape of Continuous Delivery as the published tables
//! have it, complete levels, both languages, provenance, and the stats/show commands.

use assess::model::terms::{CORE, MAJOR};
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

/// Every requirement with its full id, resolved provenance and texts.
fn requirements() -> Vec<(String, Provenance, String, String, bool)> {
    let model = load_embedded("caict-devops").expect("model");
    model
        .index
        .requirements
        .iter()
        .map(|rref| {
            let pref = &model.index.practices[rref.practice];
            let req = model.model.requirement_of(pref, rref);
            (
                rref.id.clone(),
                model.model.requirement_provenance(pref, rref),
                req.text.get("en").to_string(),
                req.text.get("zh").to_string(),
                req.compound,
            )
        })
        .collect()
}

#[test]
fn no_requirement_text_is_repeated_verbatim_in_another_part() {
    let mut seen: std::collections::HashMap<String, String> = Default::default();
    for (id, _, en, zh, _) in requirements() {
        for text in [en, zh] {
            let key = text.trim().trim_end_matches(['.', '。']).to_lowercase();
            let part = id.split('.').next().unwrap_or_default().to_string();
            if let Some(other) = seen.get(&key) {
                assert_eq!(
                    other.split('.').next(),
                    Some(part.as_str()),
                    "{id} repeats {other}: {text}"
                );
            } else {
                seen.insert(key, id.clone());
            }
        }
    }
}

const EN_UNITS: [&str; 17] = [
    "ms", "second", "seconds", "min", "minute", "minutes", "hour", "hours", "day", "days", "week",
    "weeks", "month", "months", "year", "years", "people",
];
const EN_NUMBERS: [&str; 12] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty",
    "thirty",
];
const ZH_UNITS: [&str; 10] = [
    "%", "％", "毫秒", "秒", "分钟", "小时", "天", "周", "个月", "年",
];

/// A number that decides pass or fail: a percentage, a comparison, or a count of time units.
fn english_threshold(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| ",.;:()".contains(c))
                .to_lowercase()
        })
        .collect();
    for (i, word) in words.iter().enumerate() {
        let numeric = word.chars().next().is_some_and(|c| c.is_ascii_digit())
            || word.starts_with(['≤', '≥', '<', '>']);
        // "5 working days" counts as well as "5 days".
        let skip = usize::from(matches!(
            words.get(i + 1).map(String::as_str),
            Some("working" | "business" | "calendar")
        ));
        let next = words
            .get(i + 1 + skip)
            .map(String::as_str)
            .unwrap_or_default();
        if (numeric && (word.ends_with('%') || word.starts_with(['≤', '≥', '<', '>'])))
            || ((numeric || EN_NUMBERS.contains(&word.as_str())) && EN_UNITS.contains(&next))
        {
            return Some(format!("{word} {next}"));
        }
    }
    None
}

fn chinese_threshold(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let numeral = c.is_ascii_digit() || "一两二三四五六七八九十".contains(*c);
        let starts_run = i == 0 || !(chars[i - 1].is_ascii_digit() || chars[i - 1] == '.');
        if !numeral || !starts_run {
            continue;
        }
        let end = chars[i..]
            .iter()
            .position(|c| {
                !(c.is_ascii_digit() || *c == '.' || "一两二三四五六七八九十百".contains(*c))
            })
            .map_or(chars.len(), |n| i + n);
        let rest: String = chars[end..].iter().collect();
        let rest = rest.trim_start();
        // Words such as 统一, 一次 or 一键 are not numbers of a unit.
        if let Some(unit) = ZH_UNITS.iter().find(|u| rest.starts_with(**u)) {
            return Some(format!(
                "{}{unit}",
                chars[i..end].iter().collect::<String>()
            ));
        }
    }
    None
}

#[test]
fn every_threshold_in_a_requirement_has_a_source() {
    let mut unsourced = Vec::new();
    for (id, provenance, en, zh, _) in requirements() {
        if provenance != Provenance::Authored {
            continue;
        }
        if let Some(n) = english_threshold(&en).or_else(|| chinese_threshold(&zh)) {
            unsourced.push(format!("{id}: {n}"));
        }
    }
    assert!(
        unsourced.is_empty(),
        "authored requirements with thresholds (make them guidance, \"e.g.\"): {unsourced:#?}"
    );
    // The detector itself finds what it must.
    assert!(english_threshold("RPO under 5 minutes").is_some());
    assert!(english_threshold("at least 99.9% of requests").is_some());
    assert!(english_threshold("within five minutes of a decision").is_some());
    assert!(english_threshold("held within 5 working days").is_some());
    assert!(chinese_threshold("不超过五分钟").is_some());
    assert!(chinese_threshold("可用性不低于 99.95%").is_some());
    assert!(chinese_threshold("统一的版本控制系统").is_none());
}

#[test]
fn every_periodic_requirement_says_how_its_period_is_set() {
    for (id, _, en, zh, _) in requirements() {
        let zh_bare = zh.replace("不定期", "").replace("设定期", "");
        assert!(
            !zh_bare.contains("定期") || zh_bare.contains("周期") || zh_bare.contains('每'),
            "{id}: 定期 without a period: {zh}"
        );
        let en_lower = en.to_lowercase();
        assert!(
            !(en_lower.contains("regularly") || en_lower.contains("periodically")),
            "{id}: 'regularly' without a period: {en}"
        );
    }
}

#[test]
fn requirements_ask_one_thing_unless_marked_compound() {
    for (id, _, en, zh, compound) in requirements() {
        if compound {
            continue;
        }
        // Two clauses joined by ", and" or by ，并/，且/同时/并且/； are two checks: split them.
        assert!(!en.contains(", and "), "{id}: two checks in one: {en}");
        for joint in ["，同时", "并且", "；"] {
            assert!(!zh.contains(joint), "{id}: two checks in one: {zh}");
        }
        for joint in ["，并", "，且"] {
            assert!(!zh.contains(joint), "{id}: two checks in one: {zh}");
        }
    }
}

#[test]
fn an_answer_on_a_moved_requirement_follows_its_alias() {
    let model = load_embedded("caict-devops").expect("model");
    let old = "srm.delivery.build.sbom.l2.1";
    let new = model.model.aliases.get(old).expect("alias kept");
    assert!(model.index.requirement(old).is_none());
    assert!(model.index.requirement(new).is_some());
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("moved.ron");
    let text = format!(
        "#![enable(implicit_some)]\nSession(\n    format: 2,\n    title: \"Moved\",\n    model: ModelRef(\n        id: \"caict-devops\",\n        version: \"{}\",\n        hash: \"{}\",\n    ),\n    parts: [\"srm\"],\n    answers: {{\n        \"{old}\": Answer(status: Met, by: \"A\", at: \"2026-01-01T00:00:00Z\"),\n    }},\n)\n",
        model.model.version, model.hash
    );
    std::fs::write(&path, text).expect("write");
    let opened = assess::session::open_session(&path).unwrap_or_else(|e| panic!("{e:#}"));
    assert!(opened.session.answers.contains_key(new.as_str()));
    assert!(!opened.session.answers.contains_key(old));
}

#[test]
fn every_requirement_reads_on_its_own_in_natural_chinese() {
    for (id, _, en, zh, _) in requirements() {
        // A translated "even if" clause reads as English in Chinese.
        assert!(!zh.contains("即使") && !zh.contains("哪怕"), "{id}: {zh}");
        // A requirement is read alone in reports and filters: no pointing at a sibling.
        for word in ["该系统", "该规范", "这种", "这些", "上述", "前述"] {
            assert!(!zh.contains(word), "{id}: leans on a sibling: {zh}");
        }
        let lower = format!(" {} ", en.to_lowercase());
        for word in [" these ", " those ", " that system", " that analysis"] {
            assert!(!lower.contains(word), "{id}: leans on a sibling: {en}");
        }
    }
}

#[test]
fn the_model_says_who_decides_what_is_core() {
    let model = load_embedded("caict-devops").expect("model");
    let description = model.model.description.as_ref().expect("description");
    assert!(description.get("en").contains("Core (核心)"));
    assert!(description.get("zh").contains("书面列出"));
    // Major and important: the organisation's own classification, in both languages.
    assert!(description.get("en").contains("Major (重大)"));
    assert!(description.get("zh").contains("“重大”"));
}

#[test]
fn reports_mark_draft_text_apart_from_the_standard_and_authored_text() {
    use assess::report::{self, Format, ReportOptions};
    use assess::session::{NewSession, Session};
    let model = load_embedded("caict-devops").expect("model");
    let spec = NewSession {
        title: "Ops".into(),
        organisation: "Org".into(),
        scope: "Scope".into(),
        assessors: vec!["A".into()],
        parts: vec!["to".into()],
        target: Some(3),
        model_path: None,
    };
    let session = Session::new(&model, spec).expect("session");
    let data = report::build(&model, &session, "en");
    let practices: Vec<_> = data
        .parts
        .iter()
        .flat_map(|p| &p.domains)
        .flat_map(|d| &d.practices)
        .collect();
    let processing = practices
        .iter()
        .find(|p| p.id == "to.monitoring.data.processing")
        .expect("draft practice");
    assert!(processing.draft && !processing.authored);
    let recovery = practices
        .iter()
        .find(|p| p.id == "to.continuity.risk.rto_rpo")
        .expect("authored practice");
    assert!(recovery.authored);
    assert!(
        recovery
            .requirements
            .iter()
            .any(|r| r.id == "to.continuity.risk.rto_rpo.l4.2" && r.draft && !r.authored),
        "a draft figure inside an authored practice"
    );
    let options = ReportOptions {
        lang: "zh".into(),
        redact: false,
        bom: false,
    };
    let md = String::from_utf8(report::render(&model, &session, Format::Markdown, &options))
        .expect("utf-8");
    assert!(md.contains("*[草案转述]*"), "draft marked");
    assert!(md.contains("公开工作草案"), "and explained");
}

/// System and Tools follows its draft's own grading: the functions a tool must have (应包含)
/// are checked at level 2, those it may have (可以包含) from level 3 up, in every tool the
/// draft describes.
#[test]
fn tools_follow_the_drafts_basic_and_advanced_grading() {
    let model = load_embedded("caict-devops").expect("model");
    let mut draft_levels: std::collections::BTreeMap<String, Vec<u8>> = Default::default();
    for rref in &model.index.requirements {
        let pref = &model.index.practices[rref.practice];
        if !pref.id.starts_with("tools.")
            || model.model.requirement_provenance(pref, rref) != Provenance::Draft
        {
            continue;
        }
        let level: u8 = rref.id.rsplit('.').nth(1).expect("level")[1..]
            .parse()
            .expect("level number");
        assert!(
            level >= 2,
            "{}: the draft has no level-1 functions",
            rref.id
        );
        draft_levels.entry(pref.id.clone()).or_default().push(level);
    }
    // Tools whose draft lists basic functions check them at level 2 ...
    for tool in [
        "projects.project",
        "projects.workitems",
        "projects.planning",
        "projects.knowledge",
        "projects.metrics",
        "appdev.framework",
        "appdev.ide",
        "cd.vcs",
        "cd.ci",
        "cd.pipeline",
        "autotest.codequality",
        "autotest.unit",
        "autotest.api",
        "autotest.ui",
        "autotest.mobile",
        "cd.artifacts",
        "cd.deploy",
        "cd.release",
        "cd.envs",
        "cd.appconfig",
        "cd.dbchange",
        "testmgmt.cases",
        "testmgmt.testdata",
        "secdev.sast",
    ] {
        let levels = draft_levels
            .get(&format!("tools.{tool}.capability"))
            .unwrap_or_else(|| panic!("{tool}: no draft functions"));
        assert!(levels.contains(&2), "{tool}: basic functions at level 2");
    }
    // ... and team collaboration and programme management, which the draft lists only as
    // advanced functions, never below level 3.
    for tool in ["projects.collaboration", "projects.programme"] {
        let levels = &draft_levels[&format!("tools.{tool}.capability")];
        assert!(levels.iter().all(|l| *l >= 3), "{tool}: {levels:?}");
    }
    // Functions moved to the draft's level keep their answers through aliases.
    for (old, new) in [
        (
            "tools.cd.pipeline.capability.l4.3",
            "tools.cd.pipeline.capability.l2.6",
        ),
        (
            "tools.cd.appconfig.capability.l2.3",
            "tools.cd.appconfig.capability.l3.4",
        ),
        (
            "tools.autotest.ui.capability.l2.2",
            "tools.autotest.ui.capability.l3.4",
        ),
    ] {
        assert_eq!(model.model.aliases.get(old).map(String::as_str), Some(new));
        assert!(model.index.requirement(new).is_some());
    }
}

/// Every requirement text and every guidance text (requirement guidance, good evidence, trap)
/// of the bundled model, with where it is.
fn guidance_texts() -> Vec<(String, String, String)> {
    let model = load_embedded("caict-devops").expect("model");
    let mut texts = Vec::new();
    for pref in &model.index.practices {
        let practice = model.model.practice_of(pref);
        for (what, text) in [
            ("good evidence", &practice.good_evidence),
            ("trap", &practice.trap),
        ] {
            if let Some(t) = text {
                let at = format!("{} ({what})", pref.id);
                texts.push((at, t.get("en").to_string(), t.get("zh").to_string()));
            }
        }
        for r in pref.requirements.clone() {
            let rref = &model.index.requirements[r];
            let req = model.model.requirement_of(pref, rref);
            if let Some(g) = &req.guidance {
                let at = format!("{} (guidance)", rref.id);
                texts.push((at, g.get("en").to_string(), g.get("zh").to_string()));
            }
        }
    }
    texts
}

/// "Core", "key" and "main" are never left to the reader: a requirement or its guidance (read
/// aloud in workshops) names them as the items the organisation lists (the model's one
/// definition, see its description), in the agreed words "the … the organisation lists as core"
/// / "组织认定的核心…".
#[test]
fn core_key_and_main_always_point_to_the_organisations_list() {
    let requirement_texts = requirements()
        .into_iter()
        .map(|(id, _, en, zh, _)| (id, en, zh));
    let unlisted: Vec<String> = requirement_texts
        .chain(guidance_texts())
        .filter_map(|(at, en, zh)| CORE.untied_word(&en, &zh).map(|w| format!("{at}: {w}")))
        .collect();
    assert!(unlisted.is_empty(), "say whose list: {unlisted:#?}");
    // The check itself finds what it must and spares other meanings.
    assert!(
        CORE.untied_word("Core systems run active-active.", "组织认定的核心系统")
            .is_some()
    );
    assert!(CORE.untied_word("x", "核心系统实现双活。").is_some());
    assert!(
        CORE.untied_word(
            "The systems the organisation lists as core run active-active.",
            "组织认定的核心系统实现双活。"
        )
        .is_none()
    );
    assert!(
        CORE.untied_word("Tests are keyword-driven on the main line.", "关键字驱动")
            .is_none()
    );
    assert_eq!(
        CORE.untied_word(
            "A plan listing non-critical functions.",
            "组织认定的核心功能"
        ),
        Some("critical".to_string())
    );
    assert!(
        CORE.untied_word(
            "Ask what happens when a hot key expires or a configuration key changes.",
            "询问热点键过期或配置项变更时会怎样。"
        )
        .is_none()
    );
}

/// "Major" and "important" are never left to the reader either: a requirement or its guidance
/// names them as what the organisation's own classification or grading puts in that class (the
/// model's description), in the agreed words "changes the organisation classifies as major" /
/// "组织定义的重大变更" and "incidents the organisation grades as major" / "组织定级的重大事件".
#[test]
fn major_and_important_always_point_to_the_organisations_classification() {
    let requirement_texts = requirements()
        .into_iter()
        .map(|(id, _, en, zh, _)| (id, en, zh));
    let untied: Vec<String> = requirement_texts
        .chain(guidance_texts())
        .filter_map(|(at, en, zh)| MAJOR.untied_word(&en, &zh).map(|w| format!("{at}: {w}")))
        .collect();
    assert!(untied.is_empty(), "say whose classification: {untied:#?}");
    // The check itself finds what it must, in either language, and spares other meanings.
    let tied = "A load test is run before every release the organisation classifies as major.";
    assert_eq!(
        MAJOR.untied_word(
            "A load test is run before every major release.",
            "组织定义的重大版本"
        ),
        Some("major".to_string())
    );
    assert_eq!(
        MAJOR.untied_word("Important alerts open tickets.", "组织定级的重要告警"),
        Some("important".to_string())
    );
    assert_eq!(
        MAJOR.untied_word(tied, "每个重大版本发布前都进行性能测试。"),
        Some("重大".to_string())
    );
    assert_eq!(
        MAJOR.untied_word("x", "重要告警未及时受理时自动电话提示。"),
        Some("重要".to_string())
    );
    assert!(
        MAJOR
            .untied_word(tied, "每个组织定义的重大版本发布前都进行性能测试。")
            .is_none()
    );
    assert!(
        MAJOR
            .untied_word(
                "Alerts the organisation grades as important open tickets.",
                "组织定级的重要告警生成工单。"
            )
            .is_none()
    );
    assert!(
        MAJOR
            .untied_word(
                "Systems are graded by business importance.",
                "按业务重要性对系统分级。"
            )
            .is_none()
    );
    assert!(MAJOR.untied_word("x", "业务服务按重要程度分级。").is_none());
}

/// Technical Operations has the public draft's structure: its 7 domains, 15 items and 35
/// sub-items, in the draft's order and with its names.
#[test]
fn technical_operations_has_the_drafts_35_sub_items() {
    let model = load_embedded("caict-devops").expect("model");
    let to = &model.model.parts[model.model.part_index("to").expect("to")];
    let items: Vec<Vec<&str>> = to
        .domains
        .iter()
        .flat_map(|d| &d.items)
        .map(|i| i.practices.iter().map(|p| p.name.get("zh")).collect())
        .collect();
    assert_eq!(
        items,
        [
            vec!["采集服务", "数据传输"],
            vec!["数据筛选", "数据处理", "数据存储"],
            vec!["告警与管控", "数据服务", "可视化管理"],
            vec!["事前管理", "事件处理", "事后管理"],
            vec!["变更流程管理"],
            vec!["配置管理能力", "配置对象与关联关系"],
            vec!["硬件容量", "业务容量"],
            vec!["成本合理性", "预算与核算"],
            vec!["弹性能力", "柔性能力", "运行与维护管理"],
            vec!["数据库高可用", "缓存高可用"],
            vec!["应急预案计划", "应急演练计划与执行", "应急管理组织架构"],
            vec!["RTO和RPO的衡量", "业务影响分析", "风险分析"],
            vec!["重大风险与危机管理机制", "灾备管理能力"],
            vec!["业务学习管理", "业务知识考核机制"],
            vec!["体验数据管理", "体验优化"],
        ]
    );
    assert_eq!(items.iter().map(Vec::len).sum::<usize>(), 35);
}

/// The Technical Operations ids of the model before it took the draft's structure.
fn old_to_ids() -> Vec<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/to-ids-before-the-draft-structure.txt");
    std::fs::read_to_string(path)
        .expect("fixture")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(String::from)
        .collect()
}

/// Every id Technical Operations had still opens, and no two old ids share a new one (an
/// answer would be lost).
#[test]
fn every_old_technical_operations_id_still_resolves() {
    let model = load_embedded("caict-devops").expect("model");
    let old = old_to_ids();
    assert_eq!(old.len(), 579);
    let mut targets = std::collections::HashSet::new();
    for id in &old {
        let now = model.model.aliases.get(id).unwrap_or(id);
        assert!(model.index.requirement(now).is_some(), "{id} is lost");
        assert!(targets.insert(now.clone()), "{id}: {now} already taken");
    }
}

/// A session answered on the old Technical Operations ids opens with every answer on the
/// requirement it moved to.
#[test]
fn a_session_answered_on_old_technical_operations_ids_opens_on_the_new_ones() {
    let model = load_embedded("caict-devops").expect("model");
    let moved: Vec<(String, String)> = old_to_ids()
        .into_iter()
        .filter_map(|id| Some((model.model.aliases.get(&id)?.clone(), id)))
        .map(|(new, old)| (old, new))
        .collect();
    assert!(moved.len() > 250, "half the part moved: {}", moved.len());
    let answers: String = moved
        .iter()
        .map(|(old, _)| {
            format!(
                "        \"{old}\": Answer(status: Met, note: \"on {old}\", by: \"A\", at: \"2026-01-01T00:00:00Z\"),\n"
            )
        })
        .collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ops.ron");
    let text = format!(
        "#![enable(implicit_some)]\nSession(\n    format: 2,\n    title: \"Ops\",\n    model: ModelRef(\n        id: \"caict-devops\",\n        version: \"{}\",\n        hash: \"sha256:0\",\n    ),\n    parts: [\"to\"],\n    answers: {{\n{answers}    }},\n)\n",
        model.model.version
    );
    std::fs::write(&path, text).expect("write");
    let opened = assess::session::open_session(&path).unwrap_or_else(|e| panic!("{e:#}"));
    for (old, new) in &moved {
        let answer = opened
            .session
            .answers
            .get(new)
            .unwrap_or_else(|| panic!("{old}: no answer on {new}"));
        assert_eq!(answer.note, format!("on {old}"));
        assert!(!opened.session.answers.contains_key(old));
    }
}
