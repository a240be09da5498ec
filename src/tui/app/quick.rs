//! The quick-level digits in the workbench: a practice's blanks are filled at once, but an
//! answer someone gave is replaced only after one `y` (the question lists what would change).
//! What a level would change is the core's `Session::quick_level_plan`.

use super::{App, OnYes, Overlay, Work, audit};
use crate::i18n::workbench::Words;
use crate::session::{EditError, QuickPlan, Status, scale};
use crate::tui::action::Action;
use crate::tui::overlays::confirm::Confirm;
use crate::tui::widgets::wrap::truncate;

/// How many changed answers the question lists before "… and N more".
const LISTED: usize = 8;

impl App {
    /// A digit on the assessment screen.
    pub(super) fn quick_level(&mut self, level: u8) {
        let Some(work) = &mut self.work else { return };
        // Only the model's levels mean something (SAMM: 0–3).
        let max = work.model.model.max_level();
        if level > max {
            let text = work.lang().texts().scales.level_range;
            self.message = Some(crate::i18n::fill(text, &[("max", &max.to_string())]));
            return;
        }
        let plan = work
            .session
            .quick_level_plan(&work.model, work.practice, level);
        if plan.is_empty() {
            let w = work.lang().texts().workbench;
            self.message = Some(Words::fill(w.quick_same, &[("level", &level.to_string())]));
            work.next_practice(true);
        } else if plan.needs_asking() {
            let question = question(work, &plan);
            self.overlays.push(Overlay::Confirm(Confirm {
                question,
                on_yes: OnYes::QuickLevel(level),
            }));
        } else if let Err(e) = self.apply_quick_level(level) {
            self.message = Some(self.lang().edit_error(&e));
        }
    }

    /// Rates the current practice at `level` (asked first when it replaces answers), stamps
    /// the decider on the answers that changed, and moves to the next practice.
    pub(super) fn apply_quick_level(&mut self, level: u8) -> Result<(), EditError> {
        let who = self.who.clone();
        let Some(work) = &mut self.work else {
            return Ok(());
        };
        let practice = work.practice;
        let decider = work.session.cursor.decider.clone();
        work.edit_then(
            |s, m| {
                let plan = s.quick_level_plan(m, practice, level);
                let changed = s.apply_quick_level(m, &plan, &who)?;
                let ids: Vec<&str> = changed.iter().map(String::as_str).collect();
                audit::stamp_decider(s, &ids, &decider, &who)
            },
            |w| w.next_practice(true),
        )?;
        self.said_change = self.describe_change(Action::QuickLevel(level), 0, practice);
        Ok(())
    }
}

/// "Quick level 2 on … replaces 2 earlier answers …", then one line per change.
fn question(work: &Work, plan: &QuickPlan) -> String {
    let lang = work.lang();
    let w = lang.texts().workbench;
    let pref = &work.model.index.practices[plan.practice];
    let name = work.model.model.practice_of(pref).name.get(lang);
    let replaced = plan.replaced().count();
    let mut lines = vec![Words::fill(
        w.quick_ask,
        &[
            ("level", &plan.level.to_string()),
            ("practice", name),
            ("replaced", &replaced.to_string()),
            ("careful", &plan.careful().to_string()),
            ("filled", &plan.filled().to_string()),
        ],
    )];
    for change in plan.replaced().take(LISTED) {
        let label = |s: Option<Status>| match s {
            Some(s) => scale::answer_label(Some(&work.model), &change.requirement, s.id(), lang)
                .unwrap_or(s.id()),
            None => "—",
        };
        let text = work
            .model
            .index
            .requirement(&change.requirement)
            .map(|r| work.requirement_label(r))
            .unwrap_or_default();
        let mark = if change.careful { "✎" } else { "·" };
        lines.push(format!(
            "{mark} {} → {}  {}",
            label(change.from),
            label(Some(change.to)),
            truncate(&text, 40)
        ));
    }
    if replaced > LISTED {
        let more = (replaced - LISTED).to_string();
        lines.push(Words::fill(w.quick_more, &[("n", &more)]));
    }
    lines.push(w.quick_keep.to_string());
    lines.join("\n")
}
