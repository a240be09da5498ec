//! The whole model tree as JSON (`assess model show --json`) with full ids and resolved
//! evidence hints, so other tools need not know our id scheme.

use serde_json::{Value, json};

use super::load::LoadedModel;
use super::schema::{Level, Model, Part, Practice, Provenance};

/// The model as a JSON value: `parts[].domains[].items[].practices[].levels[].requirements[]`.
pub fn model_json(loaded: &LoadedModel) -> Value {
    let model = &loaded.model;
    json!({
        "id": model.id,
        "name": model.name,
        "version": model.version,
        "hash": loaded.hash,
        "languages": model.languages,
        "rollup": model.rollup,
        "scoring": model.scoring,
        "scales": if model.scales.is_empty() {
            std::slice::from_ref(model.default_scale())
        } else {
            &model.scales[..]
        },
        "extends": model.extends,
        "source": model.source,
        "levels": model.levels,
        "parts": model.parts.iter().map(|part| part_json(model, part)).collect::<Vec<_>>(),
        "aliases": model.aliases,
    })
}

fn part_json(model: &Model, part: &Part) -> Value {
    json!({
        "id": part.id,
        "name": part.name,
        "provenance": part.provenance,
        "domains": part.domains.iter().map(|domain| {
            let domain_id = format!("{}.{}", part.id, domain.id);
            json!({
                "id": domain_id,
                "name": domain.name,
                "items": domain.items.iter().map(|item| {
                    let item_id = format!("{domain_id}.{}", item.id);
                    json!({
                        "id": item_id,
                        "name": item.name,
                        "practices": item.practices.iter()
                            .map(|p| practice_json(model, &item_id, p, part.provenance))
                            .collect::<Vec<_>>(),
                    })
                }).collect::<Vec<_>>(),
            })
        }).collect::<Vec<_>>(),
    })
}

fn practice_json(model: &Model, item_id: &str, practice: &Practice, default: Provenance) -> Value {
    let id = format!("{item_id}.{}", practice.id);
    let own = practice.provenance.unwrap_or(default);
    let mut levels: Vec<_> = practice.levels.iter().collect();
    levels.sort_by_key(|l| l.level);
    json!({
        "id": id,
        "name": practice.name,
        "provenance": own,
        "good_evidence": practice.good_evidence,
        "trap": practice.trap,
        "levels": levels.iter().map(|level| level_json(model, &id, level, own)).collect::<Vec<_>>(),
    })
}

/// A level and its requirements, each with its resolved provenance, so a reader of the JSON
/// never mistakes an authored or draft level of a standard practice for the standard's text.
fn level_json(model: &Model, practice_id: &str, level: &Level, practice: Provenance) -> Value {
    let own = level.provenance.unwrap_or(practice);
    json!({
        "level": level.level,
        "provenance": own,
        "evidence": level.evidence,
        "requirements": level.requirements.iter().map(|r| json!({
            "id": format!("{practice_id}.l{}.{}", level.level, r.id),
            "text": r.text,
            "provenance": r.provenance.unwrap_or(own),
            "compound": r.compound,
            "evidence": r.evidence.unwrap_or(level.evidence),
            "guidance": r.guidance,
            "scale": model.scale_for(r).id,
            "own": r.own,
            "depends_on": r.depends_on,
        })).collect::<Vec<_>>(),
    })
}
