//! OWASP SAMM v2's core model: a folder of YAML files, one document each, linked by GUIDs.
//!
//! Mapping: business function → part; security practice → domain; stream → a capability item
//! holding one practice (same id and name); maturity levels 1..3 → levels; each activity's
//! question → that level's requirement, answered on its answer set (values 0, 0.25, 0.5, 1).
//! Scored as SAMM scores: `sum` per stream, `mean` above.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::yaml::{self, Node};
use super::{
    Expected, ImportError, Imported, Place, en, level_defs, local_id, one_practice_item, read_text,
};
use crate::model::schema::{
    AnswerOption, AnswerScale, Domain, EvidenceKind, Item, Level, Model, ModelSource, Part,
    Provenance, Requirement, Rollup, Scoring, Text,
};

/// A stream's levels, and the GUID of the question behind each requirement (level, local id).
type StreamLevels = (Vec<Level>, Vec<(u8, String, String)>);

/// One YAML document of the model, with its GUID and the file's stem (e.g. `D-SA-1-A`).
struct Record {
    stem: String,
    text: String,
    path: String,
}

/// The folders of the core model, in the order they are read.
const FOLDERS: [&str; 8] = [
    "business_functions",
    "security_practices",
    "streams",
    "maturity_levels",
    "practice_levels",
    "activities",
    "questions",
    "answer_sets",
];

/// Imports the SAMM core model under `dir` (the folder holding `business_functions/` …, or
/// its parent holding `model/`).
pub fn import_samm(dir: &Path) -> Result<Imported, ImportError> {
    let root = if dir.join("business_functions").is_dir() {
        dir.to_path_buf()
    } else {
        dir.join("model")
    };
    let mut skipped = Vec::new();
    let mut folders: HashMap<&str, Vec<Record>> = HashMap::new();
    for folder in FOLDERS {
        folders.insert(folder, read_folder(&root.join(folder), &mut skipped)?);
    }
    let mut parsed: HashMap<&str, Vec<(String, Vec<saphyr::MarkedYaml<'_>>)>> = HashMap::new();
    for (folder, records) in &folders {
        let mut docs = Vec::new();
        for record in records {
            match yaml::parse(&record.text, &record.path) {
                Ok(d) => docs.push((record.stem.clone(), d)),
                Err(e) => skipped.push(e),
            }
        }
        parsed.insert(folder, docs);
    }
    let mut ix = Index::default();
    for folder in FOLDERS {
        for (i, (stem, docs)) in parsed[folder].iter().enumerate() {
            let path = &folders[folder][i].path;
            let Some(doc) = docs
                .iter()
                .find(|d| !matches!(d.data, saphyr::YamlData::Value(saphyr::Scalar::Null)))
            else {
                skipped.push(ImportError::Missing {
                    place: Place::new(path, 1, 1),
                    field: "id".to_string(),
                });
                continue;
            };
            let node = Node::new(path, doc);
            if let Err(e) = ix.add(folder, stem, node) {
                skipped.push(e);
            }
        }
    }
    let model = ix.build(&mut skipped);
    if model.parts.is_empty() {
        return Err(ImportError::Nothing {
            path: dir.to_path_buf(),
        });
    }
    Ok(Imported::new(model, skipped))
}

/// The `.yml`/`.yaml` files of a folder, sorted by name; a missing folder is fatal.
fn read_folder(dir: &Path, skipped: &mut Vec<ImportError>) -> Result<Vec<Record>, ImportError> {
    let entries = std::fs::read_dir(dir).map_err(|source| ImportError::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.extension().is_some_and(|x| {
                    x.eq_ignore_ascii_case("yml") || x.eq_ignore_ascii_case("yaml")
                })
        })
        .collect();
    paths.sort();
    let mut records = Vec::new();
    for path in paths {
        match read_text(&path) {
            Ok(text) => records.push(Record {
                stem: path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                text,
                path: path.display().to_string(),
            }),
            Err(e) => skipped.push(e),
        }
    }
    Ok(records)
}

/// The documents by kind, keyed by GUID, in file order.
#[derive(Default)]
struct Index<'a> {
    guids: HashSet<String>,
    functions: Vec<(String, Node<'a>)>,
    practices: Vec<(String, Node<'a>)>,
    streams: Vec<(String, Node<'a>)>,
    maturity: HashMap<String, Node<'a>>,
    practice_levels: HashMap<String, Node<'a>>,
    activities: Vec<(String, Node<'a>)>,
    questions: Vec<(String, Node<'a>)>,
    answer_sets: HashMap<String, (String, Node<'a>)>,
}

impl<'a> Index<'a> {
    fn add(&mut self, folder: &str, stem: &str, node: Node<'a>) -> Result<(), ImportError> {
        if node.entries().is_none() {
            return Err(ImportError::WrongType {
                place: node.place(),
                field: folder.to_string(),
                expected: Expected::Mapping,
            });
        }
        let id = node.required_text("id")?.to_string();
        if !self.guids.insert(id.clone()) {
            return Err(ImportError::Duplicate {
                place: node.get("id").unwrap_or(node).place(),
                id,
            });
        }
        match folder {
            "business_functions" => self.functions.push((id, node)),
            "security_practices" => self.practices.push((id, node)),
            "streams" => self.streams.push((id, node)),
            "maturity_levels" => {
                self.maturity.insert(id, node);
            }
            "practice_levels" => {
                self.practice_levels.insert(id, node);
            }
            "activities" => self.activities.push((id, node)),
            "questions" => self.questions.push((id, node)),
            _ => {
                self.answer_sets.insert(id, (stem.to_string(), node));
            }
        }
        Ok(())
    }

    /// The model tree, leaving out (and listing) whatever links nowhere or has nothing to ask.
    fn build(&self, skipped: &mut Vec<ImportError>) -> Model {
        let (levels, level_of) = self.levels(skipped);
        let (scales, scale_of) = self.scales(skipped);
        let questions = self.questions_by_activity(&scale_of, skipped);
        let requirements = self.requirements_by_stream(&level_of, &questions, skipped);
        let mut part_ids = HashSet::new();
        let mut parts = Vec::new();
        let mut source_ids = BTreeMap::new();
        for (guid, function) in ordered(&self.functions) {
            let Ok(name) = function.required_text("name") else {
                skipped.push(missing(function, "name"));
                continue;
            };
            let id = local_id(name, &mut part_ids);
            let mut ids = BTreeMap::new();
            let domains = self.domains(guid, &id, &requirements, &mut ids, skipped);
            if domains.is_empty() {
                part_ids.remove(&id);
                skipped.push(empty(function, name));
                continue;
            }
            source_ids.append(&mut ids);
            source_ids.insert(id.clone(), guid.to_string());
            parts.push(Part {
                id,
                name: en(name),
                description: function.optional_text("description").map(en),
                provenance: Provenance::Standard,
                domains,
            });
        }
        let meanings: Vec<String> = levels;
        Model {
            id: "owasp-samm".to_string(),
            name: en("OWASP SAMM"),
            version: "2".to_string(),
            languages: vec!["en".to_string()],
            description: Some(en(
                "OWASP Software Assurance Maturity Model, imported from its core model files.",
            )),
            levels: level_defs(&meanings),
            rollup: Rollup::Mean,
            parts,
            aliases: Default::default(),
            scales,
            scoring: Scoring::Sum,
            extends: None,
            source: Some(ModelSource {
                name: "OWASP SAMM".to_string(),
                version: None,
                url: Some("https://owaspsamm.org/".to_string()),
                licence: Some("CC BY-SA 4.0".to_string()),
                attribution: Some(
                    "OWASP SAMM project, https://owaspsamm.org/ (Creative Commons Attribution-ShareAlike 4.0)"
                        .to_string(),
                ),
                ids: source_ids,
            }),
        }
    }

    /// The maturity levels' meanings by number, and each practice level's number by GUID.
    fn levels(&self, skipped: &mut Vec<ImportError>) -> (Vec<String>, HashMap<String, u8>) {
        let mut by_number: Vec<(u8, String, String)> = Vec::new();
        for (guid, node) in &self.maturity {
            match node.required_number("number") {
                Ok(n) if (1.0..=5.0).contains(&n) && n.fract() == 0.0 => by_number.push((
                    n as u8,
                    guid.clone(),
                    node.optional_text("description").unwrap_or("").to_string(),
                )),
                Ok(_) => skipped.push(ImportError::WrongType {
                    place: node.get("number").unwrap_or(*node).place(),
                    field: "number".to_string(),
                    expected: Expected::Level,
                }),
                Err(e) => skipped.push(e),
            }
        }
        by_number.sort();
        // Levels are 1..=N: keep the run that starts at 1.
        let mut meanings = Vec::new();
        let mut number_of = HashMap::new();
        for (n, guid, meaning) in &by_number {
            if usize::from(*n) == meanings.len() + 1 {
                let text = if meaning.is_empty() {
                    format!("Maturity level {n}")
                } else {
                    meaning.clone()
                };
                meanings.push(text);
                number_of.insert(guid.clone(), *n);
            }
        }
        let mut level_of = HashMap::new();
        for (guid, node) in &self.practice_levels {
            match link(node, "maturityLevel", |g| number_of.get(g).copied()) {
                Ok(n) => {
                    level_of.insert(guid.clone(), n);
                }
                Err(e) => skipped.push(e),
            }
        }
        (meanings, level_of)
    }

    /// One answer scale per answer set, id from its file name (`F.yml` → `f`).
    fn scales(
        &self,
        skipped: &mut Vec<ImportError>,
    ) -> (Vec<AnswerScale>, HashMap<String, String>) {
        let mut sets: Vec<_> = self.answer_sets.iter().collect();
        sets.sort_by(|a, b| a.1.0.cmp(&b.1.0));
        let mut ids = HashSet::new();
        let mut scales = Vec::new();
        let mut scale_of = HashMap::new();
        for (guid, (stem, node)) in sets {
            match answer_options(node) {
                Ok(options) => {
                    let id = local_id(stem, &mut ids);
                    scale_of.insert(guid.clone(), id.clone());
                    scales.push(AnswerScale { id, options });
                }
                Err(e) => skipped.push(e),
            }
        }
        (scales, scale_of)
    }

    /// Each activity's questions (in their order) with their scale ids.
    fn questions_by_activity(
        &self,
        scale_of: &HashMap<String, String>,
        skipped: &mut Vec<ImportError>,
    ) -> HashMap<String, Vec<(String, Requirement)>> {
        let mut by_activity: HashMap<String, Vec<(f64, String, Requirement)>> = HashMap::new();
        for (guid, node) in &self.questions {
            let question = || -> Result<(String, f64, Requirement), ImportError> {
                let activity = link(node, "activity", |g| {
                    self.activities
                        .iter()
                        .any(|(a, _)| a == g)
                        .then(|| g.to_string())
                })?;
                let scale = link(node, "answerSet", |g| scale_of.get(g).cloned())?;
                let text = node.required_text("text")?;
                let quality = node.texts("quality")?;
                let guidance = (!quality.is_empty()).then(|| {
                    let lines: Vec<String> = quality.iter().map(|q| format!("- {q}")).collect();
                    en(&format!("Quality criteria:\n{}", lines.join("\n")))
                });
                let order = node.get("order").and_then(|o| o.number()).unwrap_or(0.0);
                Ok((activity, order, requirement(text, guidance, scale)))
            };
            match question() {
                Ok((activity, order, r)) => {
                    by_activity
                        .entry(activity)
                        .or_default()
                        .push((order, guid.clone(), r));
                }
                Err(e) => skipped.push(e),
            }
        }
        by_activity
            .into_iter()
            .map(|(activity, mut qs)| {
                qs.sort_by(|a, b| a.0.total_cmp(&b.0));
                (activity, qs.into_iter().map(|(_, g, r)| (g, r)).collect())
            })
            .collect()
    }

    /// Each stream's requirements by level, from its activities.
    fn requirements_by_stream(
        &self,
        level_of: &HashMap<String, u8>,
        questions: &HashMap<String, Vec<(String, Requirement)>>,
        skipped: &mut Vec<ImportError>,
    ) -> HashMap<String, StreamLevels> {
        let streams: HashSet<&str> = self.streams.iter().map(|(g, _)| g.as_str()).collect();
        let mut by_stream: HashMap<String, StreamLevels> = HashMap::new();
        for (guid, node) in &self.activities {
            let activity = || -> Result<(String, u8), ImportError> {
                let stream = link(node, "stream", |g| {
                    streams.contains(g).then(|| g.to_string())
                })?;
                let level = link(node, "level", |g| level_of.get(g).copied())?;
                Ok((stream, level))
            };
            let (stream, level) = match activity() {
                Ok(found) => found,
                Err(e) => {
                    skipped.push(e);
                    continue;
                }
            };
            let title = node.optional_text("title").unwrap_or("");
            let Some(asked) = questions.get(guid).filter(|q| !q.is_empty()) else {
                skipped.push(empty(node, title));
                continue;
            };
            let (levels, guids) = by_stream.entry(stream).or_default();
            let about = activity_text(node, title);
            let at = match levels.iter().position(|l| l.level == level) {
                Some(at) => at,
                None => {
                    levels.push(Level {
                        level,
                        provenance: None,
                        evidence: EvidenceKind::Either,
                        requirements: Vec::new(),
                    });
                    levels.len() - 1
                }
            };
            for (question, asked) in asked {
                let mut r = asked.clone();
                r.id = (levels[at].requirements.len() + 1).to_string();
                guids.push((level, r.id.clone(), question.clone()));
                r.guidance = Some(join(&about, r.guidance.as_ref()));
                levels[at].requirements.push(r);
            }
        }
        for (levels, _) in by_stream.values_mut() {
            levels.sort_by_key(|l| l.level);
        }
        by_stream
    }

    /// The security practices of a function, each with its streams.
    fn domains(
        &self,
        function: &str,
        part: &str,
        requirements: &HashMap<String, StreamLevels>,
        source_ids: &mut BTreeMap<String, String>,
        skipped: &mut Vec<ImportError>,
    ) -> Vec<Domain> {
        let mut ids = HashSet::new();
        let mut domains = Vec::new();
        for (guid, practice) in ordered(&self.practices) {
            if practice.optional_text("function") != Some(function) {
                continue;
            }
            let Ok(name) = practice.required_text("name") else {
                skipped.push(missing(practice, "name"));
                continue;
            };
            let short = practice.optional_text("shortName").unwrap_or(name);
            let id = local_id(short, &mut ids);
            let path = format!("{part}.{id}");
            let items = self.items(guid, &path, requirements, source_ids, skipped);
            if items.is_empty() {
                ids.remove(&id);
                skipped.push(empty(practice, name));
                continue;
            }
            source_ids.insert(path, guid.to_string());
            domains.push(Domain {
                id,
                name: en(name),
                items,
            });
        }
        domains
    }

    /// The streams of a practice: an item holding one practice each.
    fn items(
        &self,
        practice: &str,
        domain: &str,
        requirements: &HashMap<String, StreamLevels>,
        source_ids: &mut BTreeMap<String, String>,
        skipped: &mut Vec<ImportError>,
    ) -> Vec<Item> {
        let mut ids = HashSet::new();
        let mut items = Vec::new();
        for (guid, stream) in ordered(&self.streams) {
            if stream.optional_text("practice") != Some(practice) {
                continue;
            }
            let Ok(name) = stream.required_text("name") else {
                skipped.push(missing(stream, "name"));
                continue;
            };
            let Some((levels, guids)) = requirements.get(guid).filter(|l| !l.0.is_empty()) else {
                skipped.push(empty(stream, name));
                continue;
            };
            let id = local_id(stream.optional_text("letter").unwrap_or(name), &mut ids);
            let path = format!("{domain}.{id}.{id}");
            source_ids.insert(path.clone(), guid.to_string());
            for (level, local, question) in guids {
                source_ids.insert(format!("{path}.l{level}.{local}"), question.clone());
            }
            items.push(one_practice_item(id, name, levels.clone()));
        }
        items
    }
}

/// Documents sorted by their `order` field (those without it last), then file order.
fn ordered<'n, 'a>(nodes: &'n [(String, Node<'a>)]) -> Vec<(&'n str, &'n Node<'a>)> {
    let mut sorted: Vec<_> = nodes.iter().enumerate().collect();
    let order = |n: &Node<'_>| n.get("order").and_then(|o| o.number()).unwrap_or(f64::MAX);
    sorted.sort_by(|(i, a), (j, b)| order(&a.1).total_cmp(&order(&b.1)).then(i.cmp(j)));
    sorted
        .into_iter()
        .map(|(_, (g, n))| (g.as_str(), n))
        .collect()
}

/// Follows a GUID link; an unknown or missing target is an error at the link's place.
fn link<T>(
    node: &Node<'_>,
    field: &str,
    find: impl Fn(&str) -> Option<T>,
) -> Result<T, ImportError> {
    let target = node.required_text(field)?;
    find(target).ok_or_else(|| ImportError::UnknownLink {
        place: node.get(field).unwrap_or(*node).place(),
        field: field.to_string(),
        target: target.to_string(),
    })
}

/// An answer set's options, by their `order`; ids are the positions `0`, `1`, ….
fn answer_options(node: &Node<'_>) -> Result<Vec<AnswerOption>, ImportError> {
    let values = node.get("values").ok_or_else(|| missing(node, "values"))?;
    let items = values.items().ok_or_else(|| ImportError::WrongType {
        place: values.place(),
        field: "values".to_string(),
        expected: Expected::AnswerList,
    })?;
    let mut answers = Vec::new();
    for item in items {
        let order = item
            .get("order")
            .and_then(|o| o.number())
            .unwrap_or(answers.len() as f64);
        answers.push((
            order,
            item.required_text("text")?,
            item.required_number("value")?,
        ));
    }
    if answers.is_empty() {
        return Err(ImportError::Empty {
            place: values.place(),
            name: "values".to_string(),
        });
    }
    answers.sort_by(|a, b| a.0.total_cmp(&b.0));
    let top = answers.iter().map(|a| a.2).fold(f64::MIN, f64::max);
    Ok(answers
        .into_iter()
        .enumerate()
        .map(|(i, (_, text, value))| AnswerOption {
            id: i.to_string(),
            label: en(text),
            value,
            passed: value >= top,
            justify: false,
            not_applicable: false,
        })
        .collect())
}

fn requirement(text: &str, guidance: Option<Text>, scale: String) -> Requirement {
    Requirement {
        id: String::new(),
        text: en(text),
        evidence: None,
        guidance,
        provenance: None,
        compound: false,
        scale: Some(scale),
        own: false,
        depends_on: Vec::new(),
    }
}

/// What the activity asks for, shown as the requirement's guidance.
fn activity_text(node: &Node<'_>, title: &str) -> String {
    let mut text = format!("Activity: {title}");
    for key in ["shortDescription", "longDescription"] {
        if let Some(more) = node.optional_text(key) {
            text.push_str("\n\n");
            text.push_str(more);
        }
    }
    text
}

fn join(first: &str, then: Option<&Text>) -> Text {
    match then {
        Some(t) => en(&format!("{first}\n\n{}", t.get("en"))),
        None => en(first),
    }
}

fn missing(node: &Node<'_>, field: &str) -> ImportError {
    ImportError::Missing {
        place: node.place(),
        field: field.to_string(),
    }
}

fn empty(node: &Node<'_>, name: &str) -> ImportError {
    ImportError::Empty {
        place: node.place(),
        name: name.to_string(),
    }
}
