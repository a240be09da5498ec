//! The three-way merge of sessions: what git's merge driver, `assess merge` and the tests call.
//!
//! Field by field: a field changed on one side is taken; the same change on both sides is
//! taken once; different changes are a conflict, stored in the result as data (base, ours,
//! theirs with who and when; ours provisional) — never decided by date. Notes and other free
//! text get a line-level three-way merge first. Evidence links, assessors, participants and
//! parts merge as sets; histories as a union by entry id in time order. Evidence and findings
//! are matched by their ids, not their labels: an item added on both sides under the same
//! label keeps both, one renumbered, logged, with every answer's link following. A sign-off
//! survives only when the merged content is exactly what was signed.

mod lines;
mod text;

pub use lines::session_lines;
pub use text::merge_text;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::session::{
    Answer, Change, Conflict, ConflictSide, ConflictValue, Evidence, FORMAT_VERSION, Finding,
    Session, content_hash, now_timestamp,
};

/// Why two sessions cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error(
        "the two sides use different model versions (ours: {ours}, theirs: {theirs}); open the older one with the newer assess and save it so both are on one version, then merge again"
    )]
    ModelMismatch { ours: String, theirs: String },
}

/// A merged session and what the merge did.
#[derive(Debug, Clone)]
pub struct Merged {
    pub session: Session,
    /// Conflicts added by this merge (the session may hold earlier ones too).
    pub new_conflicts: usize,
    /// What people should know: renumbered items, a voided sign-off, conflicts.
    pub notes: Vec<MergeNote>,
}

/// One thing a merge did that people should know, told in their language by `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeNote {
    /// An evidence entry one side removed is kept because an answer still cites it.
    EvidenceKept { label: String, title: String },
    /// The same label was added on both sides: theirs was renumbered.
    Renumbered { old: String, new: String },
    /// A target changed differently on both sides (its conflicting field codes).
    Conflict {
        id: String,
        target: String,
        fields: String,
    },
    /// A sign-off the merge voided because content changed.
    SignOffVoided { by: String, at: String },
    /// The agenda's times changed on both sides; ours are kept.
    AgendaKept,
}

impl MergeNote {
    /// The note in `lang`.
    pub fn text(&self, lang: crate::lang::Lang) -> String {
        let t = lang.texts().team_cli;
        let fill = crate::i18n::fill;
        match self {
            MergeNote::EvidenceKept { label, title } => {
                fill(t.evidence_kept, &[("label", label), ("title", title)])
            }
            MergeNote::Renumbered { old, new } => fill(t.renumbered, &[("old", old), ("new", new)]),
            MergeNote::Conflict { id, target, fields } => fill(
                t.conflict_recorded,
                &[
                    ("id", id),
                    ("target", target),
                    ("fields", &crate::session::fields_label(fields, lang)),
                ],
            ),
            MergeNote::SignOffVoided { by, at } => {
                fill(t.sign_off_voided, &[("by", by), ("at", at)])
            }
            MergeNote::AgendaKept => t.agenda_kept.to_string(),
        }
    }
}

/// Merges `ours` and `theirs`, which both started from `base`. `who` signs the log entries.
pub fn merge(
    base: &Session,
    ours: &Session,
    theirs: &Session,
    who: &str,
) -> Result<Merged, MergeError> {
    let model_of = |s: &Session| format!("{} {}", s.model.id, s.model.version);
    if (&ours.model.id, &ours.model.version) != (&theirs.model.id, &theirs.model.version) {
        return Err(MergeError::ModelMismatch {
            ours: model_of(ours),
            theirs: model_of(theirs),
        });
    }
    let mut m = Merger::new(base, ours, theirs, who);
    let mut out = ours.clone();
    out.format = FORMAT_VERSION;
    out.evidence = m.register(
        "E",
        "evidence",
        &base.evidence,
        &ours.evidence,
        &theirs.evidence,
        merge_evidence,
        ConflictValue::Evidence,
    );
    out.findings = m.register(
        "F",
        "finding",
        &base.findings,
        &ours.findings,
        &theirs.findings,
        merge_finding,
        ConflictValue::Finding,
    );
    out.answers = m.answers(&mut out.evidence);
    m.scalars(&mut out);
    out.updated = ours.updated.clone().max(theirs.updated.clone());
    out.history = union_history(&ours.history, &theirs.history).into();
    out.conflicts = merge_old_conflicts(&ours.conflicts, &theirs.conflicts);
    let new_conflicts = m.conflicts.len();
    m.settle_sign_off(&mut out);
    m.log(&mut out);
    Ok(Merged {
        session: out,
        new_conflicts,
        notes: m.notes,
    })
}

/// One merge in progress: the three sides, and what it found along the way.
struct Merger<'a> {
    base: &'a Session,
    ours: &'a Session,
    theirs: &'a Session,
    who: &'a str,
    /// Evidence labels of each side → the item's id.
    links: [HashMap<String, String>; 3],
    /// Evidence id → its label in the result.
    final_label: HashMap<String, String>,
    /// Every evidence entry of the three sides by id (to restore one still cited).
    all_evidence: HashMap<String, Evidence>,
    conflicts: Vec<Conflict>,
    renumbered: Vec<(String, String, String)>,
    notes: Vec<MergeNote>,
}

/// Items that carry an id beside their label.
trait Identified: Clone + PartialEq {
    fn uid(&self) -> &str;
}

impl Identified for Evidence {
    fn uid(&self) -> &str {
        &self.uid
    }
}

impl Identified for Finding {
    fn uid(&self) -> &str {
        &self.uid
    }
}

/// A three-way merge of one item's fields: the result with ours in conflicting fields, the
/// same with theirs, and the names of the conflicting fields.
type FieldMerge<T> = fn(&T, &T, &T) -> (T, T, Vec<String>);

impl<'a> Merger<'a> {
    fn new(base: &'a Session, ours: &'a Session, theirs: &'a Session, who: &'a str) -> Self {
        let links = [base, ours, theirs].map(|s| {
            s.evidence
                .iter()
                .map(|(label, e)| (label.clone(), e.uid.clone()))
                .collect()
        });
        let all_evidence = [theirs, base, ours]
            .iter()
            .flat_map(|s| s.evidence.values())
            .map(|e| (e.uid.clone(), e.clone()))
            .collect();
        Self {
            base,
            ours,
            theirs,
            who,
            links,
            final_label: HashMap::new(),
            all_evidence,
            conflicts: Vec::new(),
            renumbered: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Merges a register (evidence or findings) by item id; ours keep their labels, an item
    /// only theirs has keeps its label unless ours uses it, else it gets the next free one.
    #[allow(clippy::too_many_arguments)]
    fn register<T: Identified>(
        &mut self,
        prefix: &str,
        kind: &str,
        base: &BTreeMap<String, T>,
        ours: &BTreeMap<String, T>,
        theirs: &BTreeMap<String, T>,
        fields: FieldMerge<T>,
        wrap: fn(Option<T>) -> ConflictValue,
    ) -> BTreeMap<String, T> {
        let by_uid = |m: &BTreeMap<String, T>| -> HashMap<String, (String, T)> {
            m.iter()
                .map(|(l, t)| (t.uid().to_string(), (l.clone(), t.clone())))
                .collect()
        };
        let (b, o, t) = (by_uid(base), by_uid(ours), by_uid(theirs));
        let mut used: BTreeSet<String> = ours.keys().cloned().collect();
        let mut order: Vec<(String, String)> = ours
            .iter()
            .map(|(l, x)| (x.uid().to_string(), l.clone()))
            .collect();
        for (label, item) in theirs.iter().filter(|(_, x)| !o.contains_key(x.uid())) {
            let fresh = if used.contains(label) {
                let next = next_label(prefix, used.iter().chain(base.keys()).chain(theirs.keys()));
                self.renumbered
                    .push((format!("{kind}/{next}"), label.clone(), next.clone()));
                next
            } else {
                label.clone()
            };
            used.insert(fresh.clone());
            order.push((item.uid().to_string(), fresh));
        }
        let mut out = BTreeMap::new();
        for (uid, label) in order {
            let pick = |m: &HashMap<String, (String, T)>| m.get(&uid).map(|(_, x)| x.clone());
            let (bv, ov, tv) = (pick(&b), pick(&o), pick(&t));
            let target = format!("{kind}/{label}");
            let merged = match (&bv, &ov, &tv) {
                (_, Some(x), Some(y)) => {
                    let base_value = bv.clone().unwrap_or_else(|| x.clone());
                    let (mine, other, clash) = fields(&base_value, x, y);
                    if !clash.is_empty() {
                        self.conflict(
                            &target,
                            clash,
                            wrap(bv.clone()),
                            wrap(Some(mine.clone())),
                            wrap(Some(other)),
                        );
                    }
                    Some(mine)
                }
                // Removed on one side: gone if the other left it as it was, else a conflict.
                (Some(was), Some(x), None) | (Some(was), None, Some(x)) => {
                    if was == x {
                        None
                    } else {
                        let removed_by_theirs = ov.is_some();
                        let (mine, other) = if removed_by_theirs {
                            (Some(x.clone()), None)
                        } else {
                            (None, Some(x.clone()))
                        };
                        self.conflict(
                            &target,
                            vec!["removed".into()],
                            wrap(bv.clone()),
                            wrap(mine.clone()),
                            wrap(other),
                        );
                        mine
                    }
                }
                (None, Some(x), None) | (None, None, Some(x)) => Some(x.clone()),
                (_, None, None) => None,
            };
            if let Some(item) = merged {
                if kind == "evidence" {
                    self.final_label.insert(uid.clone(), label.clone());
                }
                out.insert(label, item);
            }
        }
        out
    }

    /// Merges every answer, evidence links as sets of evidence ids.
    fn answers(&mut self, register: &mut BTreeMap<String, Evidence>) -> BTreeMap<String, Answer> {
        let keys: BTreeSet<&String> = [self.base, self.ours, self.theirs]
            .iter()
            .flat_map(|s| s.answers.keys())
            .collect();
        let mut out = BTreeMap::new();
        for key in keys {
            let side = |i: usize, s: &Session| s.answers.get(key).map(|a| self.with_ids(i, a));
            let (b, o, t) = (side(0, self.base), side(1, self.ours), side(2, self.theirs));
            let empty = Answer::default();
            let (mine, other, clash) = merge_answer(
                b.as_ref().unwrap_or(&empty),
                o.as_ref().unwrap_or(&empty),
                t.as_ref().unwrap_or(&empty),
            );
            let mine = self.labelled(mine, register);
            if !clash.is_empty() {
                let other = self.labelled(other, register);
                let base = b.map(|a| self.labelled(a, register));
                let value = |a: Answer| ConflictValue::Answer((!a.is_empty()).then_some(a));
                let base_value = ConflictValue::Answer(base);
                self.conflict(key, clash, base_value, value(mine.clone()), value(other));
            }
            if !mine.is_empty() {
                out.insert(key.clone(), mine);
            }
        }
        out
    }

    /// An answer with its evidence labels (side `i`) replaced by evidence ids.
    fn with_ids(&self, i: usize, answer: &Answer) -> Answer {
        let mut a = answer.clone();
        for link in &mut a.evidence {
            *link = match self.links[i].get(link.as_str()) {
                Some(uid) => uid.clone(),
                None => format!("?{link}"),
            };
        }
        a
    }

    /// An answer with evidence ids replaced by the result's labels; an entry still cited
    /// but removed on the other side is put back, so no citation is left dangling.
    fn labelled(
        &mut self,
        mut answer: Answer,
        register: &mut BTreeMap<String, Evidence>,
    ) -> Answer {
        for link in &mut answer.evidence {
            if let Some(raw) = link.strip_prefix('?') {
                *link = raw.to_string();
                continue;
            }
            if let Some(label) = self.final_label.get(link.as_str()) {
                *link = label.clone();
            } else if let Some(entry) = self.all_evidence.get(link.as_str()).cloned() {
                let label = next_label("E", register.keys());
                self.notes.push(MergeNote::EvidenceKept {
                    label: label.clone(),
                    title: entry.title.clone(),
                });
                self.final_label.insert(link.clone(), label.clone());
                register.insert(label.clone(), entry);
                *link = label;
            }
        }
        answer
    }

    /// Title, organisation, scope, targets, parts, assessors, participants, agenda.
    fn scalars(&mut self, out: &mut Session) {
        let (b, o, t) = (self.base, self.ours, self.theirs);
        for (name, get) in [
            (
                "title",
                (|s: &Session| s.title.clone()) as fn(&Session) -> String,
            ),
            ("organisation", |s| s.organisation.clone()),
            ("scope", |s| s.scope.clone()),
        ] {
            let (bv, ov, tv) = (get(b), get(o), get(t));
            if let Some(v) = pick(&bv, &ov, &tv) {
                match name {
                    "title" => out.title = v,
                    "organisation" => out.organisation = v,
                    _ => out.scope = v,
                }
            } else {
                self.conflict(
                    name,
                    vec![name.into()],
                    ConflictValue::Text(bv),
                    ConflictValue::Text(ov),
                    ConflictValue::Text(tv),
                );
            }
        }
        let parts: BTreeSet<&String> = [b, o, t].iter().flat_map(|s| s.targets.keys()).collect();
        for part in parts {
            let (bv, ov, tv) = (
                b.targets.get(part).copied(),
                o.targets.get(part).copied(),
                t.targets.get(part).copied(),
            );
            match pick(&bv, &ov, &tv) {
                Some(Some(v)) => {
                    out.targets.insert(part.clone(), v);
                }
                Some(None) => {
                    out.targets.remove(part);
                }
                None => self.conflict(
                    &format!("part/{part}"),
                    vec!["target".into()],
                    ConflictValue::Target(bv),
                    ConflictValue::Target(ov),
                    ConflictValue::Target(tv),
                ),
            }
        }
        out.parts = set_merge(&b.parts, &o.parts, &t.parts);
        out.assessors = set_merge(&b.assessors, &o.assessors, &t.assessors);
        out.participants = set_merge(&b.participants, &o.participants, &t.participants);
        match pick(&b.agenda, &o.agenda, &t.agenda) {
            Some(agenda) => out.agenda = agenda,
            None => self.notes.push(MergeNote::AgendaKept),
        }
    }

    /// Records a conflict; who and when come from each side's last change of the target.
    fn conflict(
        &mut self,
        target: &str,
        fields: Vec<String>,
        base: ConflictValue,
        ours: ConflictValue,
        theirs: ConflictValue,
    ) {
        let side = |s: &Session, value| {
            let (by, at) = last_change(s, target);
            ConflictSide { value, by, at }
        };
        self.conflicts.push(Conflict {
            target: target.to_string(),
            fields,
            base: side(self.base, base),
            ours: side(self.ours, ours),
            theirs: side(self.theirs, theirs),
        });
    }

    /// Keeps a sign-off only when the merged content is what was signed, without conflicts.
    fn settle_sign_off(&mut self, out: &mut Session) {
        let (b, o, t) = (
            &self.base.sign_off,
            &self.ours.sign_off,
            &self.theirs.sign_off,
        );
        let signed = pick(b, o, t).unwrap_or_else(|| o.clone().or_else(|| t.clone()));
        // The hash covers the sign-off's own signer and time, so it is taken with it in place.
        out.sign_off = signed.clone();
        let Some(sign_off) = signed else { return };
        if self.conflicts.is_empty()
            && out.conflicts.is_empty()
            && content_hash(out) == sign_off.hash
        {
            return;
        }
        out.sign_off = None;
        self.notes.push(MergeNote::SignOffVoided {
            by: sign_off.by.clone(),
            at: sign_off.at.clone(),
        });
        // Codes, not sentences: the history panel and `assess log` tell it in their language.
        out.append(
            self.who,
            "session",
            "sign-off voided",
            &format!("final {}", sign_off.hash),
            "merge",
        );
    }

    /// Logs renumbered items and stores the new conflicts under fresh ids.
    fn log(&mut self, out: &mut Session) {
        for (target, old, new) in std::mem::take(&mut self.renumbered) {
            self.notes.push(MergeNote::Renumbered {
                old: old.clone(),
                new: new.clone(),
            });
            out.append(self.who, &target, "renumbered", &old, &new);
        }
        for conflict in std::mem::take(&mut self.conflicts) {
            let id = next_label("C", out.conflicts.keys());
            let fields = conflict.fields.join(", ");
            self.notes.push(MergeNote::Conflict {
                id: id.clone(),
                target: conflict.target.clone(),
                fields: fields.clone(),
            });
            out.append(
                self.who,
                &conflict.target,
                "conflict",
                "",
                &format!("{id}: {fields}"),
            );
            out.conflicts.insert(id, conflict);
        }
        if !out.history.is_empty()
            && out.updated < out.history.last().map(|c| c.at.clone()).unwrap_or_default()
        {
            out.updated = now_timestamp();
        }
    }
}

/// The value both sides agree on, or the side that changed it; None when both changed it
/// differently.
fn pick<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> Option<T> {
    if ours == theirs || base == theirs {
        Some(ours.clone())
    } else if base == ours {
        Some(theirs.clone())
    } else {
        None
    }
}

/// Field-by-field merging into an "ours" and a "theirs" variant of the result.
#[derive(Default)]
struct Fields(Vec<String>);

impl Fields {
    fn value<V: PartialEq + Clone>(&mut self, name: &str, b: &V, o: &V, t: &V) -> (V, V) {
        match pick(b, o, t) {
            Some(v) => (v.clone(), v),
            None => {
                self.0.push(name.to_string());
                (o.clone(), t.clone())
            }
        }
    }

    fn text(&mut self, name: &str, b: &str, o: &str, t: &str) -> (String, String) {
        match merge_text(b, o, t) {
            Some(v) => (v.clone(), v),
            None => {
                self.0.push(name.to_string());
                (o.to_string(), t.to_string())
            }
        }
    }
}

fn merge_answer(b: &Answer, o: &Answer, t: &Answer) -> (Answer, Answer, Vec<String>) {
    let mut f = Fields::default();
    let (mut mine, mut other) = (o.clone(), o.clone());
    (
        (mine.status, mine.justification),
        (other.status, other.justification),
    ) = f.value(
        "status",
        &(b.status, b.justification.clone()),
        &(o.status, o.justification.clone()),
        &(t.status, t.justification.clone()),
    );
    (mine.note, other.note) = f.text("note", &b.note, &o.note, &t.note);
    (mine.discussion, other.discussion) =
        f.text("discussion", &b.discussion, &o.discussion, &t.discussion);
    let links = set_merge(&b.evidence, &o.evidence, &t.evidence);
    (mine.evidence, other.evidence) = (links.clone(), links);
    (mine.flagged, other.flagged) = f.value("flag", &b.flagged, &o.flagged, &t.flagged);
    (mine.reviewed, other.reviewed) = f.value("reviewed", &b.reviewed, &o.reviewed, &t.reviewed);
    (mine.decided_by, other.decided_by) =
        f.value("decided by", &b.decided_by, &o.decided_by, &t.decided_by);
    // Who and when: the side whose answer this is, else the later change.
    for a in [&mut mine, &mut other] {
        let same = |x: &Answer| {
            Answer {
                by: a.by.clone(),
                at: a.at.clone(),
                ..x.clone()
            } == *a
        };
        let (by, at) = if same(o) {
            (o.by.clone(), o.at.clone())
        } else if same(t) || t.at > o.at {
            (t.by.clone(), t.at.clone())
        } else {
            (o.by.clone(), o.at.clone())
        };
        (a.by, a.at) = (by, at);
    }
    (mine, other, f.0)
}

fn merge_evidence(b: &Evidence, o: &Evidence, t: &Evidence) -> (Evidence, Evidence, Vec<String>) {
    let mut f = Fields::default();
    let (mut mine, mut other) = (o.clone(), o.clone());
    (mine.title, other.title) = f.value("title", &b.title, &o.title, &t.title);
    (mine.kind, other.kind) = f.value("kind", &b.kind, &o.kind, &t.kind);
    let place = |e: &Evidence| (e.location.clone(), e.sha256.clone(), e.size);
    (
        (mine.location, mine.sha256, mine.size),
        (other.location, other.sha256, other.size),
    ) = f.value("location", &place(b), &place(o), &place(t));
    (mine, other, f.0)
}

fn merge_finding(b: &Finding, o: &Finding, t: &Finding) -> (Finding, Finding, Vec<String>) {
    let mut f = Fields::default();
    let (mut mine, mut other) = (o.clone(), o.clone());
    (mine.title, other.title) = f.value("title", &b.title, &o.title, &t.title);
    (mine.severity, other.severity) = f.value("severity", &b.severity, &o.severity, &t.severity);
    (mine.description, other.description) = f.text(
        "description",
        &b.description,
        &o.description,
        &t.description,
    );
    (mine.recommendation, other.recommendation) = f.text(
        "recommendation",
        &b.recommendation,
        &o.recommendation,
        &t.recommendation,
    );
    (mine.owner, other.owner) = f.value("owner", &b.owner, &o.owner, &t.owner);
    (mine.due, other.due) = f.value("due", &b.due, &o.due, &t.due);
    (mine.tie, other.tie) = f.value("tie", &b.tie, &o.tie, &t.tie);
    (mine, other, f.0)
}

/// A three-way merge of sets kept as lists: what either side added is in, what either side
/// removed (and the other kept) is out; ours' order, then theirs' additions.
fn set_merge<T: PartialEq + Clone>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    let keep = |x: &T| !base.contains(x) || theirs.contains(x);
    let mut out: Vec<T> = ours.iter().filter(|x| keep(x)).cloned().collect();
    for x in theirs {
        if !base.contains(x) && !out.contains(x) {
            out.push(x.clone());
        }
    }
    out
}

/// Both histories as one, by entry id, in time order (ours' order kept among equals). An
/// entry both have in different versions (a note typed on in one sitting) keeps the later.
fn union_history(ours: &[Change], theirs: &[Change]) -> Vec<Change> {
    let theirs_by_id: HashMap<&str, &Change> = theirs.iter().map(|c| (c.id.as_str(), c)).collect();
    let ours_ids: HashSet<&str> = ours.iter().map(|c| c.id.as_str()).collect();
    let mut mine = ours
        .iter()
        .map(|c| match theirs_by_id.get(c.id.as_str()) {
            Some(t) if t.at > c.at => *t,
            _ => c,
        })
        .peekable();
    let mut only_theirs = theirs
        .iter()
        .filter(|c| !ours_ids.contains(c.id.as_str()))
        .peekable();
    let mut out = Vec::with_capacity(ours.len() + theirs.len());
    loop {
        let next = match (mine.peek(), only_theirs.peek()) {
            (Some(m), Some(t)) if m.at <= t.at => mine.next(),
            (_, Some(_)) => only_theirs.next(),
            (Some(_), None) => mine.next(),
            (None, None) => break,
        };
        out.extend(next.cloned());
    }
    out
}

/// Conflicts left unresolved on either side, theirs renumbered after ours.
fn merge_old_conflicts(
    ours: &BTreeMap<String, Conflict>,
    theirs: &BTreeMap<String, Conflict>,
) -> BTreeMap<String, Conflict> {
    let mut out = ours.clone();
    for c in theirs.values() {
        if !out.values().any(|x| x == c) {
            let id = next_label("C", out.keys());
            out.insert(id, c.clone());
        }
    }
    out
}

/// The next label after the highest `PREFIX<n>` among `taken`.
fn next_label<'a>(prefix: &str, taken: impl Iterator<Item = &'a String>) -> String {
    let max = taken
        .filter_map(|k| k.strip_prefix(prefix)?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{}", max + 1)
}

/// Who last changed `target` on a side, and when (its answer's stamp for a requirement).
fn last_change(s: &Session, target: &str) -> (String, String) {
    if let Some(a) = s.answers.get(target) {
        return (a.by.clone(), a.at.clone());
    }
    s.history
        .iter()
        .rev()
        .find(|c| c.target == target)
        .map(|c| (c.by.clone(), c.at.clone()))
        .unwrap_or_default()
}
