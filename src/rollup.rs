//! Rolling up an organisation (`assess rollup`): many sessions (projects) of one model side by
//! side — a heatmap of projects × domains (levels), min / median / max per domain and part,
//! the practices weakest across projects, and each project's progress. Sessions on another
//! model or version, and files that cannot be read, are listed as skipped with the reason.
//!
//! Reading and scoring the sessions is spread over the machine's cores.

mod render;

pub use render::{render_csv, render_html, render_json, render_markdown};

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::i18n::fill;
use crate::lang::Lang;
use crate::model::LoadedModel;
use crate::scoring::Scorecard;
use crate::session::{self, Session, SessionError};

/// A part or domain: its full id and name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    pub id: String,
    pub name: String,
}

/// One project (session): its progress and levels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Project {
    /// The file stem, by which the CLI names it.
    pub name: String,
    pub path: PathBuf,
    pub title: String,
    pub scope: String,
    pub answered: usize,
    pub total: usize,
    /// Level per part column (None: the part is not in this project's scope).
    pub parts: Vec<Option<u8>>,
    /// Level per domain column.
    pub domains: Vec<Option<u8>>,
}

/// Min / median / max of one column over the projects that have it in scope.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spread {
    pub id: String,
    pub name: String,
    pub projects: usize,
    pub min: u8,
    pub median: f64,
    pub max: u8,
}

/// A practice's level across projects (lowest mean first).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeakPractice {
    pub id: String,
    pub name: String,
    pub mean_level: f64,
    pub min_level: u8,
    pub projects: usize,
}

/// A file left out, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

/// The whole rollup.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rollup {
    pub model: String,
    pub model_version: String,
    /// The language of its names and headings.
    #[serde(skip)]
    pub lang: Lang,
    pub parts: Vec<Column>,
    pub domains: Vec<Column>,
    pub projects: Vec<Project>,
    pub part_spread: Vec<Spread>,
    pub domain_spread: Vec<Spread>,
    pub weakest: Vec<WeakPractice>,
    pub skipped: Vec<Skipped>,
}

/// How many practices the "weakest" list shows.
const WEAKEST: usize = 10;

/// Session files named directly, and the `*.ron` files in named directories (sorted).
pub fn collect_paths(args: &[PathBuf], lang: Lang) -> (Vec<PathBuf>, Vec<Skipped>) {
    let (mut paths, mut skipped) = (Vec::new(), Vec::new());
    for arg in args {
        if arg.is_dir() {
            match std::fs::read_dir(arg) {
                Ok(entries) => {
                    let mut found: Vec<PathBuf> = entries
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|p| p.extension().is_some_and(|x| x == "ron") && p.is_file())
                        .collect();
                    found.sort();
                    paths.extend(found);
                }
                Err(e) => skipped.push(Skipped {
                    path: arg.clone(),
                    reason: fill(
                        lang.texts().team_cli.cannot_list,
                        &[("error", &e.to_string())],
                    ),
                }),
            }
        } else {
            paths.push(arg.clone());
        }
    }
    (paths, skipped)
}

/// Maps `f` over `items` on every core, keeping the order.
fn parallel_map<T: Send, U: Send>(items: Vec<T>, f: impl Fn(T) -> U + Sync) -> Vec<U> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len().max(1));
    let chunk = items.len().div_ceil(threads).max(1);
    let mut chunks: Vec<Vec<T>> = Vec::new();
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        chunks.push(items.by_ref().take(chunk).collect());
    }
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|c| scope.spawn(move || c.into_iter().map(f).collect::<Vec<U>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// Reads and rolls up the sessions at `paths` (plus what was already skipped). The model is
/// the one most of the sessions use; `lang` names parts, domains and practices.
pub fn rollup(paths: &[PathBuf], mut skipped: Vec<Skipped>, lang: Lang) -> anyhow::Result<Rollup> {
    let t = lang.texts().team_cli;
    // The history is never read: each file is parsed up to it (see `load_session_lazily`).
    let loaded: Vec<Result<Session, SessionError>> =
        parallel_map(paths.iter().collect(), |p| session::load_session_lazily(p));
    let mut counts: HashMap<(String, String), usize> = HashMap::new();
    for s in loaded.iter().flatten() {
        *counts
            .entry((s.model.id.clone(), s.model.version.clone()))
            .or_default() += 1;
    }
    let chosen = loaded
        .iter()
        .flatten()
        .max_by_key(|s| counts[&(s.model.id.clone(), s.model.version.clone())]);
    let Some(first) = chosen else {
        anyhow::bail!(
            "{}{}",
            t.nothing_to_roll_up,
            skipped_list(paths, &loaded, &skipped, lang)
        );
    };
    let model = session::model_for(first)?;
    let key = (first.model.id.clone(), first.model.version.clone());
    let mut kept: Vec<(&Path, Session)> = Vec::new();
    for (path, result) in paths.iter().zip(loaded) {
        match result {
            Err(e) => skipped.push(Skipped {
                path: path.clone(),
                reason: lang.session_error(&e).unwrap_or_else(|| e.to_string()),
            }),
            Ok(s) if (s.model.id.clone(), s.model.version.clone()) != key => {
                skipped.push(Skipped {
                    path: path.clone(),
                    reason: fill(
                        t.other_model,
                        &[
                            ("model", &format!("{} {}", s.model.id, s.model.version)),
                            ("rollup", &format!("{} {}", key.0, key.1)),
                        ],
                    ),
                })
            }
            Ok(s) => kept.push((path, s)),
        }
    }
    let scored: Vec<(Project, Vec<Option<u8>>)> =
        parallel_map(kept, |(path, s)| project(&model, path, s));
    Ok(assemble(&model, scored, skipped, lang))
}

fn skipped_list(
    paths: &[PathBuf],
    loaded: &[Result<Session, SessionError>],
    skipped: &[Skipped],
    lang: Lang,
) -> String {
    let mut text = String::new();
    for s in skipped {
        text.push_str(&format!("\n  {}: {}", s.path.display(), s.reason));
    }
    for (p, r) in paths.iter().zip(loaded) {
        if let Err(e) = r {
            let reason = lang.session_error(e).unwrap_or_else(|| e.to_string());
            text.push_str(&format!("\n  {}: {reason}", p.display()));
        }
    }
    text
}

/// One project's row, and its level per practice (None when out of scope).
fn project(model: &LoadedModel, path: &Path, mut s: Session) -> (Project, Vec<Option<u8>>) {
    s.apply_aliases(model);
    let card = Scorecard::compute(model, &s.answers);
    let (answered, total) = s.progress(model);
    let in_scope = |part: &str| s.parts.iter().any(|p| p == part);
    let mut parts = Vec::new();
    let mut domains = Vec::new();
    for (part, pc) in model.model.parts.iter().zip(&card.parts) {
        let here = in_scope(&part.id);
        parts.push(here.then_some(pc.score.level));
        domains.extend(pc.domains.iter().map(|d| here.then_some(d.score.level)));
    }
    let practices = model
        .index
        .practices
        .iter()
        .zip(&card.practices)
        .map(|(p, score)| in_scope(&model.model.parts[p.part].id).then_some(score.level))
        .collect();
    let project = Project {
        name: path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
        path: path.to_path_buf(),
        title: s.title.clone(),
        scope: s.scope.clone(),
        answered,
        total,
        parts,
        domains,
    };
    (project, practices)
}

fn assemble(
    model: &LoadedModel,
    scored: Vec<(Project, Vec<Option<u8>>)>,
    skipped: Vec<Skipped>,
    lang: Lang,
) -> Rollup {
    let code = lang.code();
    let parts: Vec<Column> = model
        .model
        .parts
        .iter()
        .map(|p| Column {
            id: p.id.clone(),
            name: p.name.get(code).to_string(),
        })
        .collect();
    let domains: Vec<Column> = model
        .model
        .parts
        .iter()
        .flat_map(|p| {
            p.domains.iter().map(move |d| Column {
                id: format!("{}.{}", p.id, d.id),
                name: d.name.get(code).to_string(),
            })
        })
        .collect();
    let part_spread = spreads(&parts, scored.iter().map(|(p, _)| &p.parts));
    let domain_spread = spreads(&domains, scored.iter().map(|(p, _)| &p.domains));
    let mut weakest: Vec<WeakPractice> = model
        .index
        .practices
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let levels: Vec<u8> = scored.iter().filter_map(|(_, levels)| levels[i]).collect();
            let min_level = *levels.iter().min()?;
            let name = model.model.parts[p.part].domains[p.domain].items[p.item].practices
                [p.practice]
                .name
                .get(code);
            Some(WeakPractice {
                id: p.id.clone(),
                name: name.to_string(),
                mean_level: round2(
                    levels.iter().map(|&l| f64::from(l)).sum::<f64>() / levels.len() as f64,
                ),
                min_level,
                projects: levels.len(),
            })
        })
        .collect();
    weakest.sort_by(|a, b| {
        a.mean_level
            .total_cmp(&b.mean_level)
            .then(a.min_level.cmp(&b.min_level))
            .then_with(|| a.id.cmp(&b.id))
    });
    weakest.truncate(WEAKEST);
    Rollup {
        model: model.model.id.clone(),
        model_version: model.model.version.clone(),
        lang,
        parts,
        domains,
        projects: scored.into_iter().map(|(p, _)| p).collect(),
        part_spread,
        domain_spread,
        weakest,
        skipped,
    }
}

/// Min / median / max per column, over the projects that have it in scope.
fn spreads<'a>(
    columns: &[Column],
    rows: impl Iterator<Item = &'a Vec<Option<u8>>> + Clone,
) -> Vec<Spread> {
    columns
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let mut levels: Vec<u8> = rows.clone().filter_map(|r| r[i]).collect();
            levels.sort_unstable();
            let n = levels.len();
            let median = match n {
                0 => return None,
                n if n % 2 == 1 => f64::from(levels[n / 2]),
                n => (f64::from(levels[n / 2 - 1]) + f64::from(levels[n / 2])) / 2.0,
            };
            Some(Spread {
                id: c.id.clone(),
                name: c.name.clone(),
                projects: n,
                min: levels[0],
                median,
                max: levels[n - 1],
            })
        })
        .collect()
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
