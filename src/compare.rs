//! Comparing two sessions of the same scope over time (`assess diff`, baselines): what changed
//! per requirement (status, note, evidence, justification), then the level and score of
//! every practice, domain and part that moved. Sessions on different versions of a model are
//! compared on the requirements both have, following the newer model's aliases; the rest is
//! listed.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::LoadedModel;
use crate::scoring::Scorecard;
use crate::session::{Answer, Session};

/// One changed field of one requirement's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerChange {
    pub id: String,
    pub field: String,
    pub then: String,
    pub now: String,
}

/// A practice, domain or part whose level or score moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelChange {
    pub id: String,
    pub name: String,
    pub level_then: u8,
    pub level_now: u8,
    pub score_then: f64,
    pub score_now: f64,
}

/// Everything that changed from `then` to `now`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionDiff {
    pub then: String,
    pub now: String,
    pub model_then: String,
    pub model_now: String,
    pub answers: Vec<AnswerChange>,
    pub practices: Vec<LevelChange>,
    pub domains: Vec<LevelChange>,
    pub parts: Vec<LevelChange>,
    /// Requirement ids only the earlier model has (not compared).
    pub only_then: Vec<String>,
    /// Requirement ids only the later model has (not compared).
    pub only_now: Vec<String>,
}

/// Compares an earlier session (on its model) with a later one (on its model).
pub fn diff(
    then: &Session,
    then_model: &LoadedModel,
    now: &Session,
    now_model: &LoadedModel,
    lang: &str,
) -> SessionDiff {
    let moved = moved_answers(then, now_model);
    let answers = answer_changes(&moved, then, now);
    let card_then = Scorecard::compute(then_model, &then.answers);
    let card_now = Scorecard::compute(now_model, &now.answers);
    let (practices, domains, parts) =
        level_changes(then_model, &card_then, now_model, &card_now, lang);
    let ids = |m: &LoadedModel| -> BTreeSet<String> {
        m.index.requirements.iter().map(|r| r.id.clone()).collect()
    };
    let (ids_then, ids_now) = (ids(then_model), ids(now_model));
    let follow = |id: &String| {
        now_model
            .model
            .aliases
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.clone())
    };
    let followed: BTreeSet<String> = ids_then.iter().map(follow).collect();
    SessionDiff {
        then: then.title.clone(),
        now: now.title.clone(),
        model_then: format!("{} {}", then.model.id, then.model.version),
        model_now: format!("{} {}", now.model.id, now.model.version),
        answers,
        practices,
        domains,
        parts,
        only_then: ids_then
            .iter()
            .filter(|id| !ids_now.contains(&follow(id)))
            .cloned()
            .collect(),
        only_now: ids_now
            .iter()
            .filter(|id| !followed.contains(*id))
            .cloned()
            .collect(),
    }
}

/// The earlier answers under the later model's ids (aliases followed).
fn moved_answers(then: &Session, now_model: &LoadedModel) -> BTreeMap<String, Answer> {
    then.answers
        .iter()
        .map(|(id, a)| {
            let id = now_model.model.aliases.get(id).unwrap_or(id);
            (id.clone(), a.clone())
        })
        .collect()
}

/// The compared fields of an answer; evidence by title (labels differ between sessions).
fn fields(a: &Answer, s: &Session) -> [(&'static str, String); 4] {
    let mut titles: Vec<String> = a
        .evidence
        .iter()
        .map(|l| {
            s.evidence
                .get(l)
                .map_or_else(|| l.clone(), |e| e.title.clone())
        })
        .collect();
    titles.sort();
    [
        (
            "status",
            a.status
                .map(|st| st.label().to_string())
                .unwrap_or_default(),
        ),
        ("justification", a.justification.clone().unwrap_or_default()),
        ("note", a.note.clone()),
        ("evidence", titles.join(", ")),
    ]
}

fn answer_changes(
    then_answers: &BTreeMap<String, Answer>,
    then: &Session,
    now: &Session,
) -> Vec<AnswerChange> {
    let keys: BTreeSet<&String> = then_answers.keys().chain(now.answers.keys()).collect();
    let empty = Answer::default();
    let mut out = Vec::new();
    for id in keys {
        let a = fields(then_answers.get(id).unwrap_or(&empty), then);
        let b = fields(now.answers.get(id).unwrap_or(&empty), now);
        for ((field, old), (_, new)) in a.into_iter().zip(b) {
            if old != new {
                out.push(AnswerChange {
                    id: id.clone(),
                    field: field.to_string(),
                    then: old,
                    now: new,
                });
            }
        }
    }
    out
}

type Changes = Vec<LevelChange>;

/// Practices, domains and parts (by id, in the later model's order) whose level or score moved.
fn level_changes(
    then_model: &LoadedModel,
    then: &Scorecard,
    now_model: &LoadedModel,
    now: &Scorecard,
    lang: &str,
) -> (Changes, Changes, Changes) {
    let practice_then: BTreeMap<&str, (u8, f64)> = then_model
        .index
        .practices
        .iter()
        .zip(&then.practices)
        .map(|(p, s)| (p.id.as_str(), (s.level, s.score)))
        .collect();
    let mut practices = Vec::new();
    for (p, s) in now_model.index.practices.iter().zip(&now.practices) {
        if let Some(&(level, score)) = practice_then.get(p.id.as_str()) {
            let name = now_model.model.parts[p.part].domains[p.domain].items[p.item].practices
                [p.practice]
                .name
                .get(lang);
            push_change(
                &mut practices,
                &p.id,
                name,
                (level, score),
                (s.level, s.score),
            );
        }
    }
    let groups = |m: &LoadedModel, card: &Scorecard| -> BTreeMap<String, (u8, f64)> {
        m.model
            .parts
            .iter()
            .zip(&card.parts)
            .flat_map(|(_, pc)| {
                std::iter::once((pc.score.id.clone(), (pc.score.level, pc.score.score))).chain(
                    pc.domains
                        .iter()
                        .map(|d| (d.score.id.clone(), (d.score.level, d.score.score))),
                )
            })
            .collect()
    };
    let before = groups(then_model, then);
    let (mut domains, mut parts) = (Vec::new(), Vec::new());
    for (part, pc) in now_model.model.parts.iter().zip(&now.parts) {
        if let Some(&old) = before.get(&pc.score.id) {
            push_change(
                &mut parts,
                &part.id,
                part.name.get(lang),
                old,
                (pc.score.level, pc.score.score),
            );
        }
        for (domain, dc) in part.domains.iter().zip(&pc.domains) {
            if let Some(&old) = before.get(&dc.score.id) {
                push_change(
                    &mut domains,
                    &dc.score.id,
                    domain.name.get(lang),
                    old,
                    (dc.score.level, dc.score.score),
                );
            }
        }
    }
    (practices, domains, parts)
}

fn push_change(out: &mut Changes, id: &str, name: &str, then: (u8, f64), now: (u8, f64)) {
    let round = |x: f64| (x * 100.0).round() / 100.0;
    if then.0 != now.0 || round(then.1) != round(now.1) {
        out.push(LevelChange {
            id: id.to_string(),
            name: name.to_string(),
            level_then: then.0,
            level_now: now.0,
            score_then: round(then.1),
            score_now: round(now.1),
        });
    }
}

/// The diff as text for people, in `lang`; answers by their labels on the later model's
/// scales (`scale::answer_label`).
pub fn render_text(d: &SessionDiff, model: &LoadedModel, lang: crate::lang::Lang) -> String {
    use crate::i18n::fill;
    use std::fmt::Write;
    let t = lang.texts().team_cli;
    let mut out = String::new();
    let _ = writeln!(out, "{} → {}", d.then, d.now);
    if d.model_then != d.model_now {
        let line = fill(
            t.model_changed,
            &[("then", &d.model_then), ("now", &d.model_now)],
        );
        let _ = writeln!(out, "{line}");
    }
    let n = d.answers.len().to_string();
    let _ = writeln!(out, "\n{}", fill(t.requirement_changes, &[("n", &n)]));
    for c in &d.answers {
        let label = |v: &str| crate::session::scale::answer_label(Some(model), &c.id, v, lang);
        let shown = |v: &str| match label(v) {
            Some(label) if c.field == "status" => label.to_string(),
            _ if v.is_empty() => t.none.to_string(),
            _ => v.replace('\n', " ⏎ "),
        };
        let field = DIFF_FIELDS
            .iter()
            .position(|f| *f == c.field)
            .map_or(c.field.as_str(), |i| t.diff_fields[i]);
        let (then, now) = (shown(&c.then), shown(&c.now));
        let change = format!("{then} → {now}");
        let labelled = lang.texts().deliverable.labelled;
        let line = fill(labelled, &[("label", field), ("value", &change)]);
        let _ = writeln!(out, "  {}  {line}", c.id);
    }
    for (title, rows) in t.levels.iter().zip([&d.practices, &d.domains, &d.parts]) {
        let n = rows.len().to_string();
        let _ = writeln!(out, "\n{}", fill(t.moved, &[("title", title), ("n", &n)]));
        for r in rows {
            let delta = format!("{:+}", i16::from(r.level_now) - i16::from(r.level_then));
            let line = fill(
                t.level_line,
                &[
                    ("then", &r.level_then.to_string()),
                    ("now", &r.level_now.to_string()),
                    ("delta", &delta),
                    ("score_then", &format!("{:.2}", r.score_then)),
                    ("score_now", &format!("{:.2}", r.score_now)),
                ],
            );
            let _ = writeln!(out, "  {}  {}  {line}", r.id, r.name);
        }
    }
    for (title, ids) in [(t.only_then, &d.only_then), (t.only_now, &d.only_now)] {
        if !ids.is_empty() {
            let labelled = lang.texts().deliverable.labelled;
            let line = fill(labelled, &[("label", title), ("value", &ids.join(", "))]);
            let _ = writeln!(out, "\n{line}");
        }
    }
    out
}

/// The compared answer fields, in the order `TeamCli::diff_fields` names them.
const DIFF_FIELDS: [&str; 4] = ["status", "justification", "note", "evidence"];

/// A part's or domain's level in the baseline and now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BaselineRow {
    pub id: String,
    pub name: String,
    /// True for a domain (shown under its part).
    pub domain: bool,
    pub then: Option<u8>,
    pub now: u8,
}

impl BaselineRow {
    /// `then → now (Δ)`, or `– → now` when the baseline did not assess it.
    pub fn shown(&self) -> String {
        match self.then {
            Some(then) => format!(
                "{then} → {} ({:+})",
                self.now,
                i16::from(self.now) - i16::from(then)
            ),
            None => format!("– → {}", self.now),
        }
    }
}

/// Every part and domain of `now` with its level in `then` (matched by id).
pub fn baseline_rows(
    now: &crate::summary::Summary,
    then: &crate::summary::Summary,
) -> Vec<BaselineRow> {
    let before: BTreeMap<&str, u8> = then
        .parts
        .iter()
        .flat_map(|p| std::iter::once(&p.row).chain(&p.domains))
        .map(|r| (r.id.as_str(), r.level))
        .collect();
    let row = |r: &crate::summary::ResultRow, domain| BaselineRow {
        id: r.id.clone(),
        name: r.name.clone(),
        domain,
        then: before.get(r.id.as_str()).copied(),
        now: r.level,
    };
    now.parts
        .iter()
        .flat_map(|p| {
            std::iter::once(row(&p.row, false)).chain(p.domains.iter().map(|d| row(d, true)))
        })
        .collect()
}

/// Where a session's baseline file is: relative paths are read from the session's folder.
pub fn baseline_path(
    session_path: &std::path::Path,
    session: &Session,
) -> Option<std::path::PathBuf> {
    let named = std::path::Path::new(session.baseline.as_deref()?);
    Some(if named.is_absolute() {
        named.to_path_buf()
    } else {
        crate::session::base_dir(session_path).join(named)
    })
}

/// The baseline's summary (names in `lang`), if the session names one; an error names the
/// baseline file. Its history is not read: the workbench draws this on its first frame, and
/// last year's session carries a year of history.
pub fn baseline_summary(
    session_path: &std::path::Path,
    session: &Session,
    lang: &str,
) -> Option<anyhow::Result<(String, crate::summary::Summary)>> {
    let path = baseline_path(session_path, session)?;
    Some(crate::session::open_session_lazily(&path).map(|opened| {
        let summary = crate::summary::summarize(&opened.model, &opened.session, lang);
        (opened.session.title, summary)
    }))
}

impl Session {
    /// Names an earlier session as this one's baseline (None clears it); logged.
    pub fn set_baseline(
        &mut self,
        baseline: Option<String>,
        who: &str,
    ) -> Result<(), crate::session::EditError> {
        self.ensure_editable()?;
        let old = self.baseline.clone().unwrap_or_default();
        let new = baseline.clone().unwrap_or_default();
        self.baseline = baseline.filter(|b| !b.trim().is_empty());
        self.record(who, "session", "baseline", &old, &new);
        Ok(())
    }
}
