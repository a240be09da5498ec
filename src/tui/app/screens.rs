//! What actions do on the home screen, the new-session form and the summary screen.

use super::{App, Field, Home, NewForm, Overlay, Screen, Work};
use crate::tui::action::Action;
use crate::tui::keymap::Context;

impl App {
    pub(super) fn update_home(&mut self, action: Action) {
        match action {
            Action::Confirm => {
                let Some(row) = self.home.selected_row() else {
                    return;
                };
                let path = row.path.clone();
                if let Err(e) = self.open_path(&path) {
                    self.message = Some(self.lang().error_message(&e));
                }
            }
            Action::NewSession => {
                self.form = NewForm::new(self.lang());
                self.screen = Screen::NewSession;
            }
            Action::Down => {
                self.home.selected =
                    (self.home.selected + 1).min(self.home.visible.len().saturating_sub(1));
            }
            Action::Up => self.home.selected = self.home.selected.saturating_sub(1),
            Action::Cancel => {
                self.home.filter.text.clear();
                self.home.refilter();
            }
            Action::Help => self
                .overlays
                .push(Overlay::Help(self.help_of(Context::Home))),
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    pub(super) fn update_form(&mut self, action: Action) {
        let form = &mut self.form;
        let n = Field::ALL.len();
        match action {
            Action::NextField => form.field = (form.field + 1) % n,
            Action::PrevField => form.field = (form.field + n - 1) % n,
            // The parts are a vertical list: ↓/↑ walk it and leave it at its ends.
            Action::Down => {
                let parts = form.field() == Field::Parts;
                if parts && form.part_cursor + 1 < form.parts.len() {
                    form.part_cursor += 1;
                } else {
                    form.field = (form.field + 1) % n;
                    if form.field() == Field::Parts {
                        form.part_cursor = 0;
                    }
                }
            }
            Action::Up => {
                let parts = form.field() == Field::Parts;
                if parts && form.part_cursor > 0 {
                    form.part_cursor -= 1;
                } else {
                    form.field = (form.field + n - 1) % n;
                    if form.field() == Field::Parts {
                        form.part_cursor = form.parts.len().saturating_sub(1);
                    }
                }
            }
            Action::Left | Action::Right => {
                let up = action == Action::Right;
                match form.field() {
                    Field::Model if !form.models.offered.is_empty() => {
                        let len = form.models.offered.len();
                        let step = if up { 1 } else { len - 1 };
                        form.choose_model((form.model + step) % len);
                    }
                    Field::Parts if !form.parts.is_empty() => {
                        let len = form.parts.len();
                        form.part_cursor = if up {
                            (form.part_cursor + 1) % len
                        } else {
                            (form.part_cursor + len - 1) % len
                        };
                    }
                    Field::Target if up => {
                        let max = form.chosen_model().map_or(0, |m| m.max_level);
                        form.target = (form.target + 1).min(max);
                    }
                    Field::Target => form.target = form.target.saturating_sub(1),
                    _ => {}
                }
            }
            Action::Confirm => self.create_session(),
            Action::Quit => self.quit = true,
            Action::Cancel => {
                if self.home.rows.is_empty() {
                    self.quit = true;
                } else {
                    self.screen = Screen::Home;
                }
            }
            _ => {}
        }
    }

    fn create_session(&mut self) {
        let form = &self.form;
        let parts: Vec<String> = form
            .parts
            .iter()
            .filter(|p| p.3)
            .map(|p| p.0.clone())
            .collect();
        if parts.is_empty() {
            self.form.error = Some(self.lang().texts().home.choose_a_part.to_string());
            return;
        }
        let opts = crate::session::NewOptions {
            title: Some(form.title.text.clone()),
            organisation: Some(form.organisation.text.clone()),
            scope: Some(form.scope.text.clone()),
            model: form.chosen_model().map(|m| m.spec.clone()),
            parts,
            target: Some(form.target),
            assessor: Some(self.who.clone()),
            lang: crate::lang::Lang::choose(None),
            ..Default::default()
        };
        // The baseline is found (and read) before anything is created, so a typo creates nothing.
        let baseline = match form.baseline.text.trim() {
            "" => None,
            spec => match crate::session::resolve_session(spec, &self.dir)
                .map_err(anyhow::Error::from)
                .and_then(|p| Ok(crate::session::load_session(&p).map(|_| p)?))
            {
                Ok(p) => Some(p),
                Err(e) => {
                    let lang = self.lang();
                    let said = lang.error_message(&e);
                    let text = lang.texts().home.baseline_error;
                    self.form.error = Some(crate::i18n::fill(text, &[("error", &said)]));
                    return;
                }
            },
        };
        let created = crate::session::create(&self.dir, opts).and_then(|p| {
            if let Some(prev) = &baseline {
                crate::session::set_baseline(&p, prev, &self.who)?;
            }
            Ok(p)
        });
        match created.and_then(|p| Work::open(&p)) {
            Ok(work) => {
                self.home = Home::load(&self.dir);
                self.open_work(work);
            }
            Err(e) => self.form.error = Some(self.lang().error_message(&e)),
        }
    }

    pub(super) fn update_summary(&mut self, action: Action) {
        if self.update_global(action) {
            return;
        }
        let Some(work) = &mut self.work else { return };
        let n = work.session.parts.len() + 1;
        let now = work.summary_focus.map_or(0, |i| i + 1);
        let next = match action {
            Action::NextField => (now + 1) % n,
            Action::PrevField => (now + n - 1) % n,
            _ => return,
        };
        work.summary_focus = next.checked_sub(1);
    }
}
