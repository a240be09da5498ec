//! DSOMM's generated `model.yaml`: a `meta` document, then dimensions → subdimensions →
//! activities (by name) with level, description, risk, measure and `dependsOn`.
//!
//! Mapping: dimension → part; subdimension → a domain holding one item and one practice of the
//! same name; activity → requirement at its level; one scale (implemented / not implemented /
//! not applicable) scored as the share of implemented activities.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use super::yaml::{self, Node};
use super::{
    Expected, ImportError, Imported, en, en_zh, level_defs, local_id, one_practice_item, read_text,
};
use crate::model::schema::{
    AnswerOption, AnswerScale, Domain, EvidenceKind, Level, MAX_LEVELS, Model, ModelSource, Part,
    Provenance, Requirement, Rollup, Scoring,
};

/// What DSOMM's levels mean (its own wording).
const LEVEL_MEANINGS: [&str; 5] = [
    "Basic understanding of security practices",
    "Adoption of basic security practices",
    "High adoption of security practices",
    "Very high adoption of security practices",
    "Advanced deployment of security practices at scale",
];

/// A level being filled: its requirements, the ids taken, and each activity's node, name and
/// UUID.
type LevelDraft<'a> = (
    Vec<Requirement>,
    HashSet<String>,
    Vec<(Node<'a>, &'a str, Option<&'a str>)>,
);

/// An activity read from the file, before its dependencies are resolved.
struct Activity<'a> {
    node: Node<'a>,
    name: &'a str,
    uuid: Option<&'a str>,
    /// Where it went: (part, domain, level, requirement) positions and its full id.
    at: (usize, usize, usize, usize),
    id: String,
}

/// Imports DSOMM's generated `model.yaml`.
pub fn import_dsomm(path: &Path) -> Result<Imported, ImportError> {
    let text = read_text(path)?;
    let file = path.display().to_string();
    let docs = yaml::parse(&text, &file)?;
    let mut skipped = Vec::new();
    let mut version = None;
    let mut dimensions = Vec::new();
    for doc in &docs {
        let node = Node::new(&file, doc);
        let Some(entries) = node.entries() else {
            if !node.is_null() {
                skipped.push(ImportError::WrongType {
                    place: node.place(),
                    field: "document".to_string(),
                    expected: Expected::Dimensions,
                });
            }
            continue;
        };
        for (key, value) in entries {
            match key.text() {
                Some("meta") => version = value.optional_text("version"),
                Some(name) => dimensions.push((name.trim(), key, value)),
                None => skipped.push(ImportError::WrongType {
                    place: key.place(),
                    field: "dimension".to_string(),
                    expected: Expected::Name,
                }),
            }
        }
    }
    let mut activities = Vec::new();
    let mut parts = Vec::new();
    let mut part_ids = HashSet::new();
    for (name, key, value) in dimensions {
        let part = parts.len();
        let domains = subdimensions(value, part, &mut activities, &mut skipped);
        if domains.is_empty() {
            skipped.push(ImportError::Empty {
                place: key.place(),
                name: name.to_string(),
            });
            continue;
        }
        let id = local_id(name, &mut part_ids);
        for activity in activities.iter_mut().filter(|a| a.at.0 == part) {
            activity.id = format!("{id}.{}", activity.id);
        }
        parts.push(Part {
            id,
            name: en(name),
            description: None,
            provenance: Provenance::Standard,
            domains,
        });
    }
    if parts.is_empty() {
        return Err(ImportError::Nothing {
            path: path.to_path_buf(),
        });
    }
    let dependencies = resolve_dependencies(&activities, &mut skipped);
    let mut ids = BTreeMap::new();
    for (i, activity) in activities.iter().enumerate() {
        let (p, d, l, r) = activity.at;
        let requirement = &mut parts[p].domains[d].items[0].practices[0].levels[l].requirements[r];
        requirement.depends_on = dependencies[i]
            .iter()
            .map(|&j| activities[j].id.clone())
            .collect();
        if !requirement.depends_on.is_empty() {
            let names: Vec<String> = dependencies[i]
                .iter()
                .map(|&j| format!("{} ({})", activities[j].name, activities[j].id))
                .collect();
            let guidance = requirement.guidance.take().map(|g| g.get("en").to_string());
            let depends = format!("Depends on: {}", names.join("; "));
            requirement.guidance = Some(en(&match guidance {
                Some(g) => format!("{g}\n\n{depends}"),
                None => depends,
            }));
        }
        if let Some(uuid) = activity.uuid {
            ids.insert(activity.id.clone(), uuid.to_string());
        }
    }
    let top = activities
        .iter()
        .map(|a| parts[a.at.0].domains[a.at.1].items[0].practices[0].levels[a.at.2].level)
        .max()
        .unwrap_or(1);
    let meanings: Vec<String> = LEVEL_MEANINGS[..usize::from(top)]
        .iter()
        .map(|m| (*m).to_string())
        .collect();
    let model = Model {
        id: "owasp-dsomm".to_string(),
        name: en("OWASP DevSecOps Maturity Model"),
        version: version.unwrap_or("1").to_string(),
        languages: vec!["en".to_string()],
        description: Some(en(
            "OWASP DevSecOps Maturity Model (DSOMM), imported from its generated model.yaml.",
        )),
        levels: level_defs(&meanings),
        rollup: Rollup::Mean,
        parts,
        aliases: Default::default(),
        scales: vec![scale()],
        scoring: Scoring::Share,
        extends: None,
        source: Some(ModelSource {
            name: "OWASP DevSecOps Maturity Model (DSOMM)".to_string(),
            version: version.map(str::to_string),
            url: Some("https://dsomm.owasp.org/".to_string()),
            licence: Some("GPL-3.0".to_string()),
            attribution: Some(
                "OWASP DevSecOps Maturity Model project (GNU General Public License v3.0)"
                    .to_string(),
            ),
            ids,
        }),
    };
    Ok(Imported::new(model, skipped))
}

/// Implemented / not implemented / not applicable.
fn scale() -> AnswerScale {
    let option = |id: &str, label, value, passed, na| AnswerOption {
        id: id.to_string(),
        label,
        value,
        passed,
        justify: na,
        not_applicable: na,
    };
    AnswerScale {
        id: "implementation".to_string(),
        options: vec![
            option(
                "implemented",
                en_zh("Implemented", "已实施"),
                1.0,
                true,
                false,
            ),
            option(
                "not-implemented",
                en_zh("Not implemented", "未实施"),
                0.0,
                false,
                false,
            ),
            option(
                "not-applicable",
                en_zh("Not applicable", "不适用"),
                0.0,
                false,
                true,
            ),
        ],
    }
}

/// A dimension's subdimensions: a domain each, holding one item and one practice.
fn subdimensions<'a>(
    dimension: Node<'a>,
    part: usize,
    activities: &mut Vec<Activity<'a>>,
    skipped: &mut Vec<ImportError>,
) -> Vec<Domain> {
    let Some(entries) = dimension.entries() else {
        skipped.push(ImportError::WrongType {
            place: dimension.place(),
            field: "dimension".to_string(),
            expected: Expected::Subdimensions,
        });
        return Vec::new();
    };
    let mut ids = HashSet::new();
    let mut domains = Vec::new();
    for (key, value) in entries {
        let Some(name) = key.text().map(str::trim).filter(|n| !n.is_empty()) else {
            skipped.push(ImportError::WrongType {
                place: key.place(),
                field: "subdimension".to_string(),
                expected: Expected::Name,
            });
            continue;
        };
        let at = (part, domains.len());
        let first = activities.len();
        let levels = levels(value, at, activities, skipped);
        if levels.is_empty() {
            skipped.push(ImportError::Empty {
                place: key.place(),
                name: name.to_string(),
            });
            continue;
        }
        let id = local_id(name, &mut ids);
        for activity in &mut activities[first..] {
            activity.id = format!("{id}.{id}.{id}.{}", activity.id);
        }
        domains.push(Domain {
            id: id.clone(),
            name: en(name),
            items: vec![one_practice_item(id, name, levels)],
        });
    }
    domains
}

/// A subdimension's activities as requirements by level (levels in ascending order).
fn levels<'a>(
    subdimension: Node<'a>,
    (part, domain): (usize, usize),
    activities: &mut Vec<Activity<'a>>,
    skipped: &mut Vec<ImportError>,
) -> Vec<Level> {
    let Some(entries) = subdimension.entries() else {
        skipped.push(ImportError::WrongType {
            place: subdimension.place(),
            field: "subdimension".to_string(),
            expected: Expected::Activities,
        });
        return Vec::new();
    };
    let mut by_level: BTreeMap<u8, LevelDraft<'a>> = BTreeMap::new();
    for (key, node) in entries {
        let read = || -> Result<(&'a str, u8, Requirement), ImportError> {
            let name = key
                .text()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .ok_or_else(|| ImportError::WrongType {
                    place: key.place(),
                    field: "activity".to_string(),
                    expected: Expected::Name,
                })?;
            if node.entries().is_none() {
                return Err(ImportError::WrongType {
                    place: node.place(),
                    field: name.to_string(),
                    expected: Expected::Mapping,
                });
            }
            let level = node.required_number("level")?;
            if !(1.0..=f64::from(MAX_LEVELS)).contains(&level) || level.fract() != 0.0 {
                return Err(ImportError::WrongType {
                    place: node.get("level").unwrap_or(node).place(),
                    field: "level".to_string(),
                    expected: Expected::Level,
                });
            }
            Ok((name, level as u8, requirement(name, node)?))
        };
        match read() {
            Ok((name, level, mut requirement)) => {
                let (requirements, taken, found) = by_level.entry(level).or_default();
                requirement.id = local_id(name, taken);
                requirements.push(requirement);
                found.push((node, name, node.optional_text("uuid")));
            }
            Err(e) => skipped.push(e),
        }
    }
    let mut levels = Vec::new();
    for (level, (requirements, _, found)) in by_level {
        for (r, (node, name, uuid)) in found.into_iter().enumerate() {
            activities.push(Activity {
                node,
                name,
                uuid,
                at: (part, domain, levels.len(), r),
                id: format!("l{level}.{}", requirements[r].id),
            });
        }
        levels.push(Level {
            level,
            provenance: None,
            evidence: EvidenceKind::Either,
            requirements,
        });
    }
    levels
}

/// An activity as a requirement: its name is the statement; what to do and why is guidance.
fn requirement(name: &str, node: Node<'_>) -> Result<Requirement, ImportError> {
    let mut guidance = Vec::new();
    if let Some(text) = node.optional_text("description") {
        guidance.push(text.to_string());
    }
    for (key, label) in [
        ("risk", "Risk"),
        ("measure", "Measure"),
        ("assessment", "Assessment"),
    ] {
        if let Some(text) = node.optional_text(key) {
            guidance.push(format!("{label}: {text}"));
        }
    }
    if let Some(text) = node
        .get("meta")
        .and_then(|m| m.optional_text("implementationGuide"))
    {
        guidance.push(format!("Implementation guide: {text}"));
    }
    Ok(Requirement {
        id: String::new(),
        text: en(name),
        evidence: None,
        guidance: (!guidance.is_empty()).then(|| en(&guidance.join("\n\n"))),
        provenance: None,
        compound: false,
        scale: None,
        own: false,
        depends_on: Vec::new(),
    })
}

/// Each activity's dependencies (by UUID, or by name as older files wrote them), as positions
/// in `activities`. Unknown targets are listed and left out; a dependency that would close a
/// cycle is listed and left out, so what remains is a proper order.
fn resolve_dependencies(
    activities: &[Activity<'_>],
    skipped: &mut Vec<ImportError>,
) -> Vec<Vec<usize>> {
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    for (i, a) in activities.iter().enumerate() {
        by_key.entry(a.name).or_insert(i);
        if let Some(uuid) = a.uuid {
            by_key.insert(uuid, i);
        }
    }
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); activities.len()];
    for (i, a) in activities.iter().enumerate() {
        let Some(list) = a.node.get("dependsOn").filter(|v| !v.is_null()) else {
            continue;
        };
        let Some(items) = list.items() else {
            skipped.push(ImportError::WrongType {
                place: list.place(),
                field: "dependsOn".to_string(),
                expected: Expected::ActivityList,
            });
            continue;
        };
        for item in items {
            let target = item.text().map(str::trim).unwrap_or("");
            match by_key.get(target) {
                Some(&j) if !edges[i].contains(&j) => edges[i].push(j),
                Some(_) => {}
                None => skipped.push(ImportError::UnknownLink {
                    place: item.place(),
                    field: "dependsOn".to_string(),
                    target: target.to_string(),
                }),
            }
        }
    }
    break_cycles(activities, &mut edges, skipped);
    edges
}

/// Removes every edge that closes a cycle (found by an iterative depth-first walk, so a long
/// chain cannot exhaust the stack), listing each with the chain it closed.
fn break_cycles(
    activities: &[Activity<'_>],
    edges: &mut [Vec<usize>],
    skipped: &mut Vec<ImportError>,
) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark = vec![Mark::New; edges.len()];
    for start in 0..edges.len() {
        if mark[start] != Mark::New {
            continue;
        }
        let mut stack = vec![(start, 0usize)];
        mark[start] = Mark::Open;
        while let Some(&(node, next)) = stack.last() {
            let Some(&to) = edges[node].get(next) else {
                mark[node] = Mark::Done;
                stack.pop();
                continue;
            };
            match mark[to] {
                Mark::New => {
                    advance(&mut stack);
                    mark[to] = Mark::Open;
                    stack.push((to, 0));
                }
                Mark::Open => {
                    let from = stack.iter().position(|(n, _)| *n == to).unwrap_or(0);
                    let mut chain: Vec<&str> = stack[from..]
                        .iter()
                        .map(|(n, _)| activities[*n].name)
                        .collect();
                    chain.push(activities[to].name);
                    let node_yaml = activities[node].node;
                    skipped.push(ImportError::Cycle {
                        place: node_yaml.get("dependsOn").unwrap_or(node_yaml).place(),
                        chain: chain.join(" → "),
                    });
                    edges[node].remove(next);
                }
                Mark::Done => advance(&mut stack),
            }
        }
    }
}

/// Moves the walk's top entry to its next edge.
fn advance(stack: &mut [(usize, usize)]) {
    if let Some(top) = stack.last_mut() {
        top.1 += 1;
    }
}
