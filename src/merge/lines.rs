//! A session as one line per fact (`assess textconv`): what git shows in `git diff` and
//! `git log -p` once `assess git-setup` has run. Each line starts with what it is about, so a
//! changed answer reads `-cd.config.vc.vcs.l2.1: Partial (Li Na)` / `+… Met (Li Na)`.

use std::fmt::Write;

use crate::lang::Lang;
use crate::model::LoadedModel;
use crate::session::Session;
use crate::session::scale::answer_label;

/// The lines of a session, in a stable order, in English; answers by their labels on their
/// scales (`scale::answer_label`; `model` as there).
pub fn session_lines(s: &Session, model: Option<&LoadedModel>) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(format!("session: {}", s.title));
    line(format!("organisation: {}", s.organisation));
    line(format!("scope: {}", s.scope));
    line(format!("model: {} {}", s.model.id, s.model.version));
    line(format!("parts: {}", s.parts.join(", ")));
    for (part, target) in &s.targets {
        line(format!("target {part}: {target}"));
    }
    line(format!("assessors: {}", s.assessors.join(", ")));
    for p in &s.participants {
        line(format!("participant: {} ({})", p.name, p.role));
    }
    for (id, a) in &s.answers {
        let status = a.status.map_or("(no status)", |st| {
            answer_label(model, id, st.id(), Lang::En).unwrap_or(st.id())
        });
        line(format!("{id}: {status} ({})", a.by));
        if let Some(j) = &a.justification {
            line(format!("{id} justification: {}", one_line(j)));
        }
        for note in a.note.lines() {
            line(format!("{id} note: {note}"));
        }
        if !a.evidence.is_empty() {
            line(format!("{id} evidence: {}", a.evidence.join(", ")));
        }
        if a.flagged {
            line(format!("{id} flagged"));
        }
        if let Some(r) = &a.reviewed {
            line(format!("{id} reviewed by {}", r.by));
        }
        if !a.decided_by.is_empty() {
            line(format!("{id} decided by {}", a.decided_by));
        }
        for d in a.discussion.lines() {
            line(format!("{id} discussion: {d}"));
        }
    }
    for (label, e) in &s.evidence {
        line(format!(
            "{label}: {} [{}] {}",
            e.title,
            e.kind.code(),
            e.location
        ));
    }
    for (label, f) in &s.findings {
        let mut text = format!("{label}: [{}] {} → {}", f.severity.code(), f.title, f.tie);
        if !f.owner.is_empty() || !f.due.is_empty() {
            let _ = write!(text, " ({} {})", f.owner, f.due);
        }
        line(text);
        for d in f.description.lines() {
            line(format!("{label} description: {d}"));
        }
        for r in f.recommendation.lines() {
            line(format!("{label} recommendation: {r}"));
        }
    }
    for (id, c) in &s.conflicts {
        line(format!(
            "CONFLICT {id}: {} ({}): ours {} | theirs {}",
            c.target,
            c.fields.join(", "),
            one_line(&c.ours.value.describe(&c.target, &c.fields, model, Lang::En)),
            one_line(
                &c.theirs
                    .value
                    .describe(&c.target, &c.fields, model, Lang::En)
            )
        ));
    }
    match &s.sign_off {
        Some(so) => line(format!("signed off by {} at {}", so.by, so.at)),
        None => line("not signed off".to_string()),
    }
    line(format!("history: {} entries", s.history.len()));
    out
}

fn one_line(text: &str) -> String {
    text.replace('\n', " ⏎ ")
}
