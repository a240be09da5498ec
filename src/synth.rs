//! Synthetic models and sessions of any size, deterministic from a seed, so that benchmarks and
//! `assess model synth` can measure the workbench at many times the bundled model's size and
//! anyone can reproduce the same files.
//!
//! The shape follows the bundled model: six parts of five domains of four capability items,
//! practices of ten requirements (two per level), texts in English and Chinese. Notes are long
//! (several hundred characters), as in a session an auditor has worked on for days.

use crate::model::{
    Domain, EvidenceKind, Item, Level, LevelDef, LoadedModel, Model, ModelError, Part, Practice,
    Provenance, Requirement, Rollup, Text, parse_model,
};
use crate::session::{EditError, Evidence, NewSession, Session, Status};

const PARTS: usize = 6;
const DOMAINS: usize = 5;
const ITEMS: usize = 4;
/// Requirements per level of a practice.
const PER_LEVEL: usize = 2;

const WORDS_EN: &[&str] = &[
    "pipeline",
    "release",
    "deploy",
    "rollback",
    "plan",
    "review",
    "branch",
    "merge",
    "artifact",
    "build",
    "test",
    "coverage",
    "change",
    "incident",
    "monitor",
    "alert",
    "capacity",
    "config",
    "secret",
    "audit",
    "trace",
    "metric",
    "service",
    "team",
    "backlog",
    "feedback",
    "security",
    "compliance",
    "environment",
    "database",
    "schema",
    "approval",
    "automated",
    "documented",
    "versioned",
    "measured",
    "repeatable",
    "self-service",
    "on demand",
    "every",
    "weekly",
];
const WORDS_ZH: &[&str] = &[
    "流水线",
    "发布",
    "部署",
    "回滚",
    "计划",
    "评审",
    "分支",
    "合并",
    "制品",
    "构建",
    "测试",
    "覆盖率",
    "变更",
    "事件",
    "监控",
    "告警",
    "容量",
    "配置",
    "密钥",
    "审计",
    "追踪",
    "度量",
    "服务",
    "团队",
    "待办",
    "反馈",
    "安全",
    "合规",
    "环境",
    "数据库",
    "自动化",
    "可重复",
];

/// A small deterministic generator (SplitMix64): the same seed gives the same model.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        // The modulo bias is irrelevant for made-up text.
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    fn sentence(&mut self, words: &[&str], n: usize, sep: &str) -> String {
        (0..n)
            .map(|_| words[self.below(words.len())])
            .collect::<Vec<_>>()
            .join(sep)
    }

    fn text(&mut self, n: usize) -> Text {
        let en = self.sentence(WORDS_EN, n, " ");
        let zh = self.sentence(WORDS_ZH, n, "");
        Text::from_pairs(&[("en", &en), ("zh", &zh)])
    }
}

/// Capability items in a synthetic model; each has at least one practice of one requirement.
pub const MIN_REQUIREMENTS: usize = PARTS * DOMAINS * ITEMS;

/// A valid model with exactly `requirements` requirements (at least `MIN_REQUIREMENTS`).
pub fn model(requirements: usize, seed: u64) -> Model {
    let mut rng = Rng(seed);
    let total = requirements.max(MIN_REQUIREMENTS);
    let groups = MIN_REQUIREMENTS;
    let practices = total.div_ceil(5 * PER_LEVEL).max(groups);
    let mut made = 0;
    let mut parts = Vec::new();
    for p in 0..PARTS {
        let mut domains = Vec::new();
        for d in 0..DOMAINS {
            let mut items = Vec::new();
            for i in 0..ITEMS {
                let group = (p * DOMAINS + d) * ITEMS + i;
                // Spread the practices evenly; every item keeps at least one.
                let until = (practices * (group + 1)).div_ceil(groups);
                let count = until.saturating_sub(made).max(1);
                made += count;
                let practices = (0..count)
                    .map(|x| {
                        // Spread the requirements evenly too: practice k of n takes its share.
                        let k = made - count + x;
                        let share = total * (k + 1) / practices - total * k / practices;
                        practice(&mut rng, x, share)
                    })
                    .collect();
                items.push(Item {
                    id: format!("i{i}"),
                    name: rng.text(3),
                    practices,
                });
            }
            domains.push(Domain {
                id: format!("d{d}"),
                name: rng.text(2),
                items,
            });
        }
        parts.push(Part {
            id: format!("p{p}"),
            name: rng.text(2),
            description: None,
            provenance: Provenance::Authored,
            domains,
        });
    }
    Model {
        id: format!("synthetic-{total}"),
        name: Text::from_pairs(&[("en", "Synthetic model"), ("zh", "合成模型")]),
        version: format!("seed-{seed}"),
        languages: vec!["en".into(), "zh".into()],
        description: None,
        levels: (1..=5)
            .map(|level| LevelDef {
                level,
                name: Text::from_pairs(&[("en", &format!("Level {level}")), ("zh", "级")]),
                meaning: Text::from_pairs(&[("en", "A level."), ("zh", "一个级别。")]),
            })
            .collect(),
        rollup: Rollup::Minimum,
        parts,
        aliases: Default::default(),
        scales: Vec::new(),
        scoring: Default::default(),
        extends: None,
        source: None,
    }
}

/// One practice of `share` requirements (1..=10), two per level from level 1 up.
fn practice(rng: &mut Rng, x: usize, share: usize) -> Practice {
    let mut left = share;
    let levels = (1..=5u8)
        .map(|level| {
            let n = PER_LEVEL.min(left);
            left -= n;
            let requirements = (0..n)
                .map(|r| Requirement {
                    id: (r + 1).to_string(),
                    text: rng.text(12),
                    evidence: None,
                    guidance: Some(rng.text(20)),
                    provenance: None,
                    compound: false,
                    scale: None,
                    own: false,
                    depends_on: Vec::new(),
                })
                .collect();
            Level {
                level,
                provenance: None,
                evidence: EvidenceKind::Either,
                requirements,
            }
        })
        .filter(|l| !l.requirements.is_empty())
        .collect();
    Practice {
        id: format!("x{x}"),
        name: rng.text(3),
        provenance: None,
        good_evidence: Some(rng.text(10)),
        trap: None,
        levels,
    }
}

/// The model as RON text, as a model file on disk holds it.
pub fn model_ron(model: &Model) -> String {
    let config = ron::ser::PrettyConfig::default();
    ron::ser::to_string_pretty(model, config).unwrap_or_default()
}

/// A synthetic model, loaded and validated exactly as a model file would be.
pub fn loaded(requirements: usize, seed: u64) -> Result<LoadedModel, ModelError> {
    let text = model_ron(&model(requirements, seed));
    parse_model(&text, &format!("synthetic-{requirements}.ron"))
}

/// A long note (about 400 characters, English and Chinese), different for each `n`.
pub fn note(n: usize, seed: u64) -> String {
    let mut rng = Rng(seed ^ (n as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    format!(
        "{}.\n{}。\nSee docs/evidence/{n}.pdf.",
        rng.sentence(WORDS_EN, 40, " "),
        rng.sentence(WORDS_ZH, 30, "")
    )
}

/// A session over every part of `model` with the first `answers` requirements answered
/// (Met, Partial, Not met in turn; every tenth N/A with a justification), a long note on every
/// third, one of 50 evidence entries attached to every fifth, every 25th flagged.
/// `model_path` is recorded so the session file opens with its model file.
pub fn session(
    model: &LoadedModel,
    answers: usize,
    seed: u64,
    model_path: Option<String>,
) -> Result<Session, EditError> {
    let who = "synth";
    let mut session = Session::new(
        model,
        NewSession {
            title: format!("Synthetic session, {answers} answers"),
            organisation: "Example Co.".into(),
            target: Some(3),
            model_path,
            ..NewSession::default()
        },
    )?;
    let evidence: Vec<String> = (0..50)
        .map(|n| {
            let e = Evidence {
                title: format!("Evidence document {n}, revision 3"),
                location: format!("docs/evidence/{n}.pdf"),
                ..Evidence::default()
            };
            session.add_evidence(e, who)
        })
        .collect::<Result<_, _>>()?;
    for (n, r) in model.index.requirements.iter().take(answers).enumerate() {
        if n % 10 == 9 {
            session.set_not_applicable(&r.id, "Out of scope: no such system here.", who)?;
        } else {
            let status = [Status::Met, Status::Partial, Status::NotMet][n % 3];
            session.set_status(&r.id, status, who)?;
        }
        if n % 3 == 0 {
            session.set_note(&r.id, &note(n, seed), who)?;
        }
        if n % 5 == 0 {
            session.attach_evidence(&r.id, &evidence[n % 50], who)?;
        }
        if n % 25 == 0 {
            session.toggle_flag(&r.id, who)?;
        }
    }
    Ok(session)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_exactly_the_requirements_asked_for_and_is_valid() {
        for n in [MIN_REQUIREMENTS, 121, 1_000, 1_001, 2_345] {
            let loaded = loaded(n, 7).expect("a valid model");
            assert_eq!(loaded.index.requirements.len(), n, "{n} requirements");
        }
    }

    #[test]
    fn is_deterministic_from_the_seed() {
        assert_eq!(
            loaded(1, 1).expect("valid").index.requirements.len(),
            MIN_REQUIREMENTS
        );
        assert_eq!(model(500, 1), model(500, 1));
        assert_ne!(model(500, 1), model(500, 2));
        assert_eq!(note(3, 1), note(3, 1));
        assert!(note(3, 1).chars().count() > 300, "notes are long");
    }

    #[test]
    fn sessions_have_the_answers_asked_for() {
        let model = loaded(1_000, 3).expect("model");
        let session = session(&model, 400, 3, None).expect("session");
        assert_eq!(session.progress(&model), (400, 1_000));
        assert_eq!(session.evidence.len(), 50);
    }
}
