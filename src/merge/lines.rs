//! A session as one line per fact (`assess textconv`): what git shows in `git diff` and
//! `git log -p` once `assess git-setup` has run. Each line starts with what it is about, so a
//! changed answer reads `-cd.config.vc.vcs.l2.1: Partial (Li Na)` / `+… Met (Li Na)`.

use std::fmt::Write;

use crate::lang::Lang;
use crate::model::LoadedModel;
use crate::session::scale::answer_label;
use crate::session::{self, Session};

/// The lines of a session in `lang`, in a stable order (`textconv` follows the reader's
/// language, as the merge driver does: both sides of a diff are shown in one language);
/// answers by their labels on their scales (`scale::answer_label`; `model` as there).
pub fn session_lines(s: &Session, model: Option<&LoadedModel>, lang: Lang) -> String {
    let (t, fill) = (lang.texts(), crate::i18n::fill);
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    // `label: value`, with the language's colon.
    let labelled = |label: &str, value: &str| {
        fill(
            t.deliverable.labelled,
            &[("label", label), ("value", value)],
        )
    };
    // A field of an item (`cd….l2.1 note: …`), named as the history names it.
    let field = |id: &str, code: &str, value: &str| {
        let shown = session::recorded_value(None, id, code, value, lang);
        let shown = shown.unwrap_or_else(|| value.to_string());
        format!(
            "{id} {}",
            labelled(session::field_label(code, lang), &shown)
        )
    };
    let w = t.lines;
    line(labelled(w.session, &s.title));
    line(labelled(w.organisation, &s.organisation));
    line(labelled(w.scope, &s.scope));
    let model_ref = format!("{} {}", s.model.id, s.model.version);
    line(labelled(w.model, &model_ref));
    line(labelled(w.parts, &s.parts.join(", ")));
    for (part, target) in &s.targets {
        let label = fill(w.target, &[("part", part)]);
        line(labelled(&label, &target.to_string()));
    }
    line(labelled(w.assessors, &s.assessors.join(", ")));
    for p in &s.participants {
        line(labelled(w.participant, &format!("{} ({})", p.name, p.role)));
    }
    for (id, a) in &s.answers {
        let status = a.status.map_or(t.team_cli.no_status, |st| {
            answer_label(model, id, st.id(), lang).unwrap_or(st.id())
        });
        line(labelled(id, &format!("{status} ({})", a.by)));
        if let Some(j) = &a.justification {
            line(field(id, "justification", &one_line(j)));
        }
        for note in a.note.lines() {
            line(field(id, "note", note));
        }
        if !a.evidence.is_empty() {
            line(field(id, "evidence", &a.evidence.join(", ")));
        }
        if a.flagged {
            line(format!("{id} {}", t.messages.flagged));
        }
        if let Some(r) = &a.reviewed {
            line(format!("{id} {}", fill(w.reviewed_by, &[("by", &r.by)])));
        }
        if !a.decided_by.is_empty() {
            line(field(id, "decided by", &a.decided_by));
        }
        for d in a.discussion.lines() {
            line(field(id, "discussion", d));
        }
    }
    for (label, e) in &s.evidence {
        let kind = session::recorded_value(None, label, "kind", e.kind.code(), lang);
        let kind = kind.unwrap_or_default();
        line(labelled(
            label,
            &format!("{} [{kind}] {}", e.title, e.location),
        ));
    }
    for (label, f) in &s.findings {
        let severity = session::recorded_value(None, label, "severity", f.severity.code(), lang);
        let severity = severity.unwrap_or_default();
        let mut text = format!("[{severity}] {} → {}", f.title, f.tie);
        if !f.owner.is_empty() || !f.due.is_empty() {
            let _ = write!(text, " ({} {})", f.owner, f.due);
        }
        line(labelled(label, &text));
        for d in f.description.lines() {
            line(field(label, "description", d));
        }
        for r in f.recommendation.lines() {
            line(field(label, "recommendation", r));
        }
    }
    for (id, c) in &s.conflicts {
        let values = [
            ("id", id.clone()),
            ("target", c.target.clone()),
            ("fields", session::fields_label(&c.fields.join(", "), lang)),
            (
                "ours",
                one_line(&c.ours.value.describe(&c.target, &c.fields, model, lang)),
            ),
            (
                "theirs",
                one_line(&c.theirs.value.describe(&c.target, &c.fields, model, lang)),
            ),
        ];
        let values = values.each_ref().map(|(k, v)| (*k, v.as_str()));
        line(fill(w.conflict, &values));
    }
    match &s.sign_off {
        Some(so) => line(fill(w.signed_off, &[("by", &so.by), ("at", &so.at)])),
        None => line(w.not_signed_off.to_string()),
    }
    line(fill(w.history, &[("n", &s.history.len().to_string())]));
    out
}

fn one_line(text: &str) -> String {
    text.replace('\n', " ⏎ ")
}
