//! The workbench's state and its one way to change: keys become `Action`s (through the keymap
//! of the current context) and `update` applies them. Rendering only reads this state.

mod agenda;
mod apply;
mod audit;
pub mod background;
mod findings;
mod forms;
mod model_choice;
mod overlays;
mod quick;
mod register;
mod review;
mod said;
mod screens;
mod undo;
mod work;

pub use crate::tui::overlays::OnYes;
pub use crate::tui::overlays::agenda::{AgendaEditor, MINUTES_STEP};
pub use crate::tui::overlays::evidence::EvidencePicker;
pub use crate::tui::overlays::evidence_form::{EVIDENCE_KINDS, EvidenceForm};
pub use crate::tui::overlays::evidence_search::{EvidenceSearch, evidence_items};
pub use crate::tui::overlays::export::{ExportKind, ExportState, FORMATS, LANGS};
pub use crate::tui::overlays::filter::FilterPicker;
pub use crate::tui::overlays::finding_form::FindingForm;
pub use crate::tui::overlays::findings::FindingsList;
pub use crate::tui::overlays::note::NoteState;
pub use crate::tui::overlays::palette::PaletteState;
pub use crate::tui::overlays::participants::ParticipantsState;
pub use agenda::{TIME_SAVE_EVERY, TimeClock, Timebox};
pub use findings::{finding_marks, tie_requirement};
pub use forms::{Field, Home, HomeRow, LineInput, NewForm, Overlay};
pub use model_choice::{ModelChoice, ModelChoices};
pub use register::{Attaching, evidence_from_form};
pub use said::Said;
pub use undo::Snapshot;
pub use work::{SaveState, Work};

use crate::i18n::fill;
use crate::lang::Lang;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::tui::overlays::Env;
use crate::tui::overlays::confirm::Confirm;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use super::action::Action;
use super::keymap::{self, Context};
use crate::session::scale::{self, Slot};
use crate::session::{self, Status};

/// How often a note draft is written while typing, and a failed save retried.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(2);
/// How long a cursor move may wait before it is written (answers are written at once).
pub const CURSOR_SAVE_AFTER: Duration = Duration::from_secs(1);

/// The screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    NewSession,
    Assessment,
    Summary,
}

/// The whole workbench.
#[derive(Debug)]
pub struct App {
    pub dir: PathBuf,
    pub screen: Screen,
    pub home: Home,
    pub form: NewForm,
    pub work: Option<Work>,
    pub overlays: Vec<Overlay>,
    /// A one-off message for the status line.
    pub message: Option<String>,
    /// A large evidence file being hashed on another thread (Esc cancels).
    pub attaching: Option<Attaching>,
    /// What the last change to the session was ("Met · L1 …"), so the room sees what was
    /// just saved even after the cursor has moved on. Kept in every language (`L`).
    pub said_change: Option<Said>,
    pub quit: bool,
    /// Edits are saved after their frame (see `defer_saves`).
    defer_saves: bool,
    /// The last drawn terminal area, for mouse hit tests.
    pub area: Rect,
    pub who: String,
    /// A session another process is writing, waiting for "view it read-only?".
    pub pending_read_only: Option<(PathBuf, session::LockHolder)>,
    /// The language while no session is open (home, new session): `ASSESS_LANG`, then the
    /// locale. An open session shows its own language.
    pub lang: Lang,
    /// Which pre-flight checks refuse `S` (the default until an organisation's setting
    /// supplies one).
    pub sign_off_policy: crate::review::SignOffPolicy,
}

impl App {
    /// The home screen of a sessions dir; with no sessions, the new-session form.
    pub fn home(dir: &Path) -> Self {
        Self::with_home(dir, Home::load(dir), NewForm::new(Lang::choose(None)))
    }

    fn with_home(dir: &Path, home: Home, form: NewForm) -> Self {
        let screen = if home.rows.is_empty() {
            Screen::NewSession
        } else {
            Screen::Home
        };
        Self {
            dir: dir.to_path_buf(),
            screen,
            home,
            form,
            work: None,
            overlays: Vec::new(),
            message: None,
            attaching: None,
            said_change: None,
            quit: false,
            defer_saves: false,
            area: Rect::new(0, 0, 80, 24),
            who: session::current_user(),
            pending_read_only: None,
            lang: Lang::choose(None),
            sign_off_policy: crate::review::SignOffPolicy::default(),
        }
    }

    /// `M`: the conflicts queue, or a word that there is nothing in it.
    fn open_conflicts(&mut self) {
        let Some(work) = &self.work else { return };
        if work.session.has_conflicts() {
            self.overlays.push(Overlay::Conflicts(Default::default()));
        } else {
            self.message = Some(work.lang().texts().teams.no_conflicts.to_string());
        }
    }

    /// Who edits: the name given at start, else the account's user.
    fn who_or_user(&self) -> String {
        if self.who.is_empty() {
            session::current_user()
        } else {
            self.who.clone()
        }
    }

    /// The language shown: the open session's, else the workbench's.
    pub fn lang(&self) -> Lang {
        self.work.as_ref().map_or(self.lang, Work::lang)
    }

    /// The workbench on a session file, on the screen it was left on.
    /// When another process is writing it, the home screen asks whether to view it read-only.
    pub fn open(dir: &Path, path: &Path) -> anyhow::Result<Self> {
        Self::open_as(dir, path, &session::current_user())
    }

    /// As `open`, recording edits under `who` (who joins the assessors if new).
    pub fn open_as(dir: &Path, path: &Path, who: &str) -> anyhow::Result<Self> {
        Self::open_with(dir, path, who, false)
    }

    /// As `open_as`; `deferred` as the event loop runs it (see `defer_saves`), so the first
    /// frame does not wait for the evidence files to be hashed.
    pub fn open_with(dir: &Path, path: &Path, who: &str, deferred: bool) -> anyhow::Result<Self> {
        // The home screen reads every session in the dir, and the new-session form the bundled
        // model: only when they can be shown.
        let mut app = Self::with_home(dir, Home::default(), NewForm::unfilled());
        app.who = who.to_string();
        if deferred {
            app.defer_saves();
        }
        app.open_path(path)?;
        if app.work.is_none() {
            app.home = Home::load(dir);
            app.form = NewForm::new(app.lang());
        }
        Ok(app)
    }

    /// Opens a session as its writer; if someone else writes it, offers read-only viewing.
    pub(super) fn open_path(&mut self, path: &Path) -> anyhow::Result<()> {
        match Work::open(path) {
            Ok(work) => {
                self.open_work(work);
                Ok(())
            }
            Err(e) => match e.downcast_ref::<session::LockError>() {
                Some(session::LockError::Held { holder, .. }) => {
                    let name = path.file_stem().unwrap_or_default().to_string_lossy();
                    let holder_text = self.lang().lock_holder(holder);
                    let question = crate::i18n::fill(
                        self.lang().texts().home.read_only_question,
                        &[("name", &name), ("holder", &holder_text)],
                    );
                    self.pending_read_only = Some((path.to_path_buf(), holder.clone()));
                    self.screen = Screen::Home;
                    self.overlays.push(Overlay::Confirm(Confirm {
                        question,
                        on_yes: OnYes::OpenReadOnly,
                    }));
                    Ok(())
                }
                _ => Err(e),
            },
        }
    }

    /// The answer "yes" to "view it read-only?".
    pub(super) fn open_read_only(&mut self, pending: Option<(PathBuf, session::LockHolder)>) {
        let Some((path, holder)) = pending else {
            return;
        };
        match Work::open_read_only(&path, holder) {
            Ok(work) => self.open_work(work),
            Err(e) => self.message = Some(self.lang().error_message(&e)),
        }
    }

    fn open_work(&mut self, mut work: Work) {
        work.who = self.who.clone();
        work.defer_saves = self.defer_saves;
        // The event loop draws first and takes the evidence checks when they are done.
        if !self.defer_saves {
            work.settle_checks(true);
        }
        self.screen = if work.session.cursor.screen == "summary" {
            Screen::Summary
        } else {
            Screen::Assessment
        };
        self.message = work.warnings.first().map(|w| self.lang().open_warning(w));
        // A session a merge left with conflicts opens on its conflicts queue.
        let conflicts = work.session.has_conflicts();
        self.work = Some(work);
        if conflicts {
            self.overlays.push(Overlay::Conflicts(Default::default()));
        }
    }

    /// Whether an answer moves to the next unanswered requirement (kept in the session).
    pub fn auto_advance(&self) -> bool {
        self.work
            .as_ref()
            .is_none_or(|w| w.session.cursor.auto_advance)
    }

    /// The context whose keymap applies now.
    pub fn context(&self) -> Context {
        match self.overlays.last() {
            Some(overlay) => overlay.context(),
            None => match self.screen {
                Screen::Home => Context::Home,
                Screen::NewSession => Context::NewSession,
                Screen::Assessment => Context::Assessment,
                Screen::Summary => Context::Summary,
            },
        }
    }

    /// Whether work runs on another thread (hashing evidence): the event loop then looks for
    /// its progress more often.
    pub fn busy(&self) -> bool {
        self.attaching.is_some() || self.work.as_ref().is_some_and(|w| w.checking.is_some())
    }

    /// Handles one key press.
    pub fn handle_key(&mut self, key: KeyEvent) {
        // While a large evidence file is hashed, Esc cancels it and other keys wait.
        if self.attaching.is_some() {
            if key.code == KeyCode::Esc {
                self.cancel_attaching();
            }
            return;
        }
        // Esc on the workbench itself (no overlay open) stops a check of the evidence files.
        if key.code == KeyCode::Esc
            && self.overlays.is_empty()
            && self.work.as_mut().is_some_and(Work::cancel_checks)
        {
            self.message = Some(self.trust_texts().check_cancelled.to_string());
            return;
        }
        self.message = None;
        let context = self.context();
        // On home, once a filter is being typed, letters belong to it.
        if context == Context::Home
            && let KeyCode::Char(_) = key.code
            && (!self.home.filter.text.is_empty() || keymap::lookup(context, key).is_none())
            && !key.modifiers.contains(KeyModifiers::CONTROL)
        {
            self.home.filter.input(key);
            self.home.refilter();
            return;
        }
        match keymap::lookup(context, key) {
            Some(action) => {
                let mut next = Some(action);
                while let Some(action) = next {
                    next = self.update(action);
                }
            }
            None => self.text_input(key),
        }
    }

    /// Handles pasted text (bracketed paste). It goes whole into the text field in focus and
    /// never through the keymap, so a pasted line break cannot confirm a prompt and the rest of
    /// the text cannot become answers; where no text field has focus it is ignored.
    pub fn handle_paste(&mut self, text: &str) {
        self.message = None;
        let taken = match self.overlays.last_mut() {
            Some(overlay) => overlays::paste(overlay, text),
            None if self.screen == Screen::Home => {
                self.home.filter.paste(text);
                self.home.refilter();
                true
            }
            None if self.screen == Screen::NewSession => match self.form.focused_input() {
                Some(input) => {
                    input.paste(text);
                    self.form.error = None;
                    true
                }
                None => false,
            },
            None => false,
        };
        let defer = self.defer_saves;
        match self.overlays.last_mut().and_then(Overlay::ranking) {
            Some(p) => p.query_changed(defer),
            None if !taken => {
                self.message = Some(self.lang().texts().messages.paste_ignored.into());
            }
            _ => {}
        }
    }

    /// Presses keys written in keymap notation, separated by spaces: `"y y n 3"`, `"C-r"`.
    /// From now on an edit is saved right after the frame that shows it, by `after_frame`,
    /// instead of before its key returns (and a palette query is ranked after the frame showing
    /// the typed letter): the room sees the answer without waiting for the disk, and the save
    /// still lands before the next key is read.
    pub fn defer_saves(&mut self) {
        self.defer_saves = true;
        if let Some(work) = &mut self.work {
            work.defer_saves = true;
        }
    }

    /// The work that waited for a frame: ranking a query whose typed letter has been drawn,
    /// and saving an edit that has been drawn. True when the screen changed.
    pub fn after_frame(&mut self) -> bool {
        if let Some(work) = &mut self.work {
            // Once the first frame is up: the history's parse and the file's digest, on
            // another core (both wait for nothing on screen).
            work.session.history.parse_in_background();
            work.guard.digest_in_background();
        }
        let mut ranked = false;
        if let Some(p) = self.overlays.last_mut().and_then(Overlay::ranking)
            && p.stale
        {
            p.rerank();
            ranked = true;
        }
        let saved = self.work.as_mut().is_some_and(Work::save_pending);
        ranked || saved
    }

    pub fn press(&mut self, keys: &str) {
        for token in keys.split_whitespace() {
            match keymap::parse_key(token) {
                Some(key) => self.handle_key(key),
                None => panic!("not a key: {token:?}"),
            }
        }
    }

    /// Types text as key presses (a newline is Enter), exactly as a person would.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            let code = if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            self.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
        }
    }

    /// Applies an action; may return a follow-up action.
    pub fn update(&mut self, action: Action) -> Option<Action> {
        if !self.overlays.is_empty() {
            return self.update_overlay(action);
        }
        match self.screen {
            Screen::Home => self.update_home(action),
            Screen::NewSession => self.update_form(action),
            Screen::Assessment => self.update_assessment(action),
            Screen::Summary => self.update_summary(action),
        }
        None
    }

    fn update_global(&mut self, action: Action) -> bool {
        match action {
            Action::Quit => self.request_quit(),
            Action::Help => self
                .overlays
                .push(Overlay::Help(self.help_of(self.context()))),
            Action::Palette => self.open_palette(),
            Action::ToggleLang => {
                if let Some(work) = &mut self.work {
                    work.session.cursor.lang = work.lang().toggled();
                    work.dirty = true;
                }
            }
            Action::Export => self.open_export(),
            Action::Conflicts => self.open_conflicts(),
            Action::Summary => {
                let to = if self.screen == Screen::Summary {
                    Screen::Assessment
                } else {
                    Screen::Summary
                };
                self.set_screen(to);
            }
            _ => return false,
        }
        true
    }

    fn set_screen(&mut self, screen: Screen) {
        self.screen = screen;
        if let Some(work) = &mut self.work {
            work.session.cursor.screen = match screen {
                Screen::Summary => "summary",
                _ => "assessment",
            }
            .to_string();
            work.dirty = true;
        }
    }

    fn update_assessment(&mut self, action: Action) {
        if self.update_global(action) {
            return;
        }
        let auto = self.auto_advance();
        let who = self.who.clone();
        let Some(work) = &mut self.work else { return };
        if let Some(holder) = &work.read_only
            && action.edits()
        {
            let holder = work.lang().lock_holder(holder);
            let text = work.lang().texts().home.read_only;
            self.message = Some(crate::i18n::fill(text, &[("holder", &holder)]));
            return;
        }
        if work.scope.is_empty() && action.edits() {
            self.message = Some(work.lang().texts().messages.nothing_in_scope.to_string());
            return;
        }
        if self.update_audit(action) {
            return;
        }
        let Some(work) = &mut self.work else { return };
        let id = work.requirement_id();
        let requirement = work.requirement;
        // Only the key right after an Esc at a reason steps past the answer declined.
        let declined = work
            .declined
            .take()
            .filter(|(at, _)| *at == requirement)
            .map(|(_, status)| status);
        let practice = work.practice;
        let decider = work.session.cursor.decider.clone();
        let advance = move |work: &mut Work| {
            if auto {
                work.advance();
            }
        };
        // `p` on a scale with several answers between its best and its least (SAMM) steps
        // through them in place; the cursor moves on with the next key as usual.
        let stepping = action == Action::Partial
            && scale::slot_options(scale::scale_at(&work.model, requirement), Slot::Between).len()
                > 1;
        let advance = move |work: &mut Work| {
            if !stepping {
                advance(work);
            }
        };
        let answer = |work: &mut Work, status: Status| {
            work.edit_then(
                |s, model| {
                    s.answer(model, &id, status, "", &who)?;
                    audit::stamp_decider(s, &[id.as_str()], &decider, &who)
                },
                advance,
            )
        };
        let mut result = Ok(());
        match action {
            Action::NextRequirement
            | Action::PrevRequirement
            | Action::NextPractice
            | Action::PrevPractice
                if work.filter.is_some() =>
            {
                self.message = register::move_among_matches(work, action);
            }
            Action::NextRequirement => work.next_requirement(true),
            Action::PrevRequirement => work.next_requirement(false),
            Action::NextPractice => work.next_practice(true),
            Action::PrevPractice => work.next_practice(false),
            Action::NextUnanswered | Action::PrevUnanswered
                if !work.next_unanswered(action == Action::NextUnanswered) =>
            {
                self.message = Some(work.lang().texts().messages.all_answered.to_string());
            }
            Action::Met | Action::Partial | Action::NotMet | Action::NotApplicable => {
                let scale = scale::scale_at(&work.model, requirement);
                let slot = answer_slot(action).unwrap_or(Slot::Top);
                let current = work.status(requirement);
                // N/A's key gives the scale's first not-applicable answer, never the next.
                let from = declined.or(current).filter(|_| slot != Slot::NotApplicable);
                match scale::pick(scale, slot, from) {
                    // An answer that needs a reason is asked for one first.
                    Some(status) if scale::needs_reason(scale, status) => {
                        let reason = work.session.answers.get(&id).and_then(|a| {
                            a.justification.clone().filter(|_| current == Some(status))
                        });
                        let ask = crate::tui::overlays::justify::Justify::open(
                            status,
                            &reason.unwrap_or_default(),
                        );
                        self.overlays.push(Overlay::Justify(ask));
                    }
                    Some(status) => result = answer(work, status),
                    None => self.message = Some(no_such_answer(work.lang(), action)),
                }
            }
            Action::Clear => result = work.edit(|s, _| s.clear_status(&id, &who)),
            Action::QuickLevel(level) => {
                self.quick_level(level);
                return;
            }
            Action::Flag => result = work.edit(|s, _| s.toggle_flag(&id, &who).map(|_| ())),
            Action::Undo | Action::Redo => match work.undo(action == Action::Redo, &who) {
                Ok(false) => {
                    let m = work.lang().texts().messages;
                    let nothing = if action == Action::Redo {
                        m.nothing_to_redo
                    } else {
                        m.nothing_to_undo
                    };
                    self.message = Some(nothing.to_string());
                }
                other => result = other.map(|_| ()),
            },
            Action::EditNote => self.open_note(false),
            Action::Review => {
                result = work.edit(|s, _| s.toggle_reviewed(&id, &who).map(|_| ()));
            }
            Action::FilterPicker => {
                let counts = crate::review::counts(&work.model, &work.session, &work.checks);
                let picker = FilterPicker::open(counts, work.filter);
                self.overlays.push(Overlay::Filter(picker));
            }
            Action::ClearFilter if work.filter.take().is_some() => {
                self.message = Some(work.lang().texts().messages.filter_cleared.to_string());
            }
            Action::Evidence => self
                .overlays
                .push(Overlay::Evidence(EvidencePicker::default())),
            Action::NewFinding => self.open_new_finding(),
            Action::Findings => self
                .overlays
                .push(Overlay::Findings(FindingsList::default())),
            Action::Agenda => {
                let editor = AgendaEditor::open(&work.session, &work.model);
                self.overlays.push(Overlay::Agenda(editor));
            }
            Action::ToggleFacilitator => {
                let on = !work.session.cursor.facilitator;
                work.session.cursor.facilitator = on;
                work.dirty = true;
            }
            Action::ToggleNavigator => work.show_navigator = !work.show_navigator,
            Action::ToggleAutoAdvance => {
                let on = !work.session.cursor.auto_advance;
                work.session.cursor.auto_advance = on;
                work.dirty = true;
                let t = work.lang().texts();
                let state = if on { t.overlays.on } else { t.overlays.off };
                self.message = Some(fill(t.messages.auto_advance, &[("state", state)]));
            }
            _ => {}
        }
        if let Err(e) = result {
            self.message = Some(self.lang().edit_error(&e));
        }
        // N/A is a change only once its justification is confirmed (in the prompt).
        if self.message.is_none()
            && action != Action::NotApplicable
            && let Some(change) = self.describe_change(action, requirement, practice)
        {
            self.said_change = Some(change);
        }
    }

    /// The last change in the shown language, as the status line tells it.
    pub fn last_change(&self) -> Option<&str> {
        self.said_change.as_ref().map(|s| s.get(self.lang()))
    }

    /// What a change just did, in every language: "Met · L1 Some large requirements …".
    pub fn describe_change(
        &self,
        action: Action,
        requirement: usize,
        practice: usize,
    ) -> Option<Said> {
        said::said(|lang| self.describe_change_in(action, requirement, practice, lang))
    }

    fn describe_change_in(
        &self,
        action: Action,
        requirement: usize,
        practice: usize,
        lang: Lang,
    ) -> Option<String> {
        let work = self.work.as_ref()?;
        let m = lang.texts().messages;
        let pick = |text: &str| text.to_string();
        let (what, on) = match action {
            // The answer the key just gave, in the scale's words.
            Action::Met | Action::Partial | Action::NotMet | Action::NotApplicable => {
                let id = &work.model.index.requirements[requirement].id;
                let status = work.status(requirement)?.id();
                let label = scale::answer_label(Some(&work.model), id, status, lang);
                (label.unwrap_or(status).to_string(), requirement)
            }
            Action::Clear => (pick(m.cleared), requirement),
            Action::Flag => {
                let id = &work.model.index.requirements[requirement].id;
                let flagged = work.session.answers.get(id).is_some_and(|a| a.flagged);
                let what = if flagged {
                    pick(m.flagged)
                } else {
                    pick(m.flag_removed)
                };
                (what, requirement)
            }
            Action::Review => {
                let id = &work.model.index.requirements[requirement].id;
                let reviewed = work
                    .session
                    .answers
                    .get(id)
                    .is_some_and(|a| a.reviewed.is_some());
                let what = if reviewed {
                    pick(m.reviewed)
                } else {
                    pick(m.review_removed)
                };
                (what, requirement)
            }
            Action::Undo => (pick(m.undone), work.requirement),
            Action::Redo => (pick(m.redone), work.requirement),
            Action::QuickLevel(level) => {
                let pref = &work.model.index.practices[practice];
                let name = work.model.model.practice_of(pref).name.get(lang);
                return Some(format!("L{level} · {name}"));
            }
            _ => return None,
        };
        Some(format!("{what} · {}", work.requirement_label_in(on, lang)))
    }

    fn open_palette(&mut self) {
        if let Some(work) = &mut self.work {
            let items = work.palette_items();
            self.overlays
                .push(Overlay::Palette(PaletteState::new(items)));
        }
    }

    /// Help on a context: its keys, the answer keys in the model's own words.
    pub(super) fn help_of(&self, context: Context) -> crate::tui::overlays::help::Help {
        let words = |a| {
            self.work
                .as_ref()
                .map_or(keymap::Words::Keymap, |w| w.key_words(a))
        };
        let entries = keymap::help_lines_with(context, self.lang(), &words);
        crate::tui::overlays::help::Help::open(context, entries)
    }

    fn open_note(&mut self, discussion: bool) {
        let Some(work) = &self.work else { return };
        let note = NoteState::open(&work.ctx(), discussion);
        self.overlays.push(Overlay::Note(Box::new(note)));
    }

    fn open_export(&mut self) {
        if self.work.is_none() {
            return;
        }
        let lang = self.lang();
        self.overlays
            .push(Overlay::Export(ExportState::new(lang.code())));
    }

    /// Quits, saving first; asks when the save fails.
    pub fn request_quit(&mut self) {
        self.flush_note();
        if let Some(work) = &mut self.work
            && work.needs_save()
        {
            work.save_now();
            if let SaveState::Failed(err) = &work.save {
                let question =
                    crate::i18n::fill(work.lang().texts().workbench.quit_unsaved, &[("err", err)]);
                self.overlays.push(Overlay::Confirm(Confirm {
                    question,
                    on_yes: OnYes::QuitUnsaved,
                }));
                return;
            }
        }
        self.quit = true;
    }

    /// Writes an open note draft into the session (and to disk) if it changed; a refusal
    /// (a final session) is said on the status line.
    pub fn flush_note(&mut self) {
        for i in 0..self.overlays.len() {
            let Overlay::Note(note) = &mut self.overlays[i] else {
                continue;
            };
            note.last_autosave = Instant::now();
            let Some(edit) = note.draft(false) else {
                continue;
            };
            let result = self.make(edit);
            if let Overlay::Note(note) = &mut self.overlays[i] {
                note.written();
            }
            if let Err(refused) = result {
                self.message = Some(refused);
            }
        }
    }

    /// What overlays read: the shown language and the open session.
    pub fn ctx(&self) -> Env<'_> {
        ctx_of(self.work.as_ref(), self.lang)
    }

    /// Periodic work: note autosave, cursor save, retrying a failed save, workshop time.
    /// `now` is passed in so tests drive the clock without sleeping. Returns whether anything
    /// on screen may have changed (a save, a message, the clock shown), so the event loop
    /// redraws only then.
    pub fn tick(&mut self, now: Instant) -> bool {
        let shown = self.clock_shown();
        let message = self.message.clone();
        self.account_time(now);
        let clock_moved = self.clock_shown() != shown || self.message != message;
        let note_due = self.overlays.iter().any(|o| {
            matches!(o, Overlay::Note(n) if now.duration_since(n.last_autosave) >= AUTOSAVE_EVERY
                && n.text() != n.saved_text)
        });
        if note_due {
            self.flush_note();
        }
        let checked = self.work.as_mut().is_some_and(|w| w.settle_checks(false));
        let checked = self.poll_attaching() || checked;
        let mut saved = false;
        if let Some(work) = &mut self.work
            && work.dirty
        {
            let wait = match work.save {
                SaveState::Pending => Duration::ZERO,
                SaveState::Saved => CURSOR_SAVE_AFTER,
                SaveState::Failed(_) => AUTOSAVE_EVERY,
            };
            let due = work
                .last_save_attempt
                .is_none_or(|t| now.duration_since(t) >= wait);
            if due {
                work.save_now();
                saved = true;
            }
        }
        note_due || saved || clock_moved || checked
    }

    /// What of the workshop clock is on screen: the status line's timebox, and the time spent
    /// that an open overlay (the agenda editor) shows as it runs.
    fn clock_shown(&self) -> (Option<String>, Option<session::Agenda>) {
        let Some(work) = &self.work else {
            return (None, None);
        };
        let timebox = work.timebox().map(|t| t.text);
        let editing_agenda = self
            .overlays
            .iter()
            .any(|o| matches!(o, Overlay::Agenda(_)));
        let spent = editing_agenda.then(|| work.session.agenda.clone());
        (timebox, spent)
    }

    /// Keys that are not bound in the current context: text for inputs.
    fn text_input(&mut self, key: KeyEvent) {
        match self.overlays.last_mut() {
            Some(overlay) => overlays::text_input(overlay, key),
            None if self.screen == Screen::NewSession => {
                let form = &mut self.form;
                if form.field() == Field::Parts && key.code == KeyCode::Char(' ') {
                    if let Some(part) = form.parts.get_mut(form.part_cursor) {
                        part.3 = !part.3;
                    }
                } else if let Some(input) = form.focused_input() {
                    input.input(key);
                }
                form.error = None;
            }
            None => {}
        }
        let defer = self.defer_saves;
        if let Some(p) = self.overlays.last_mut().and_then(Overlay::ranking) {
            p.query_changed(defer);
        }
    }
}

/// What overlays read, from the open session (the workbench's own language without one).
/// A free function, so the app can hand it to the overlay on top while that is borrowed.
fn ctx_of(work: Option<&Work>, lang: Lang) -> Env<'_> {
    Env {
        lang: work.map_or(lang, Work::lang),
        work: work.map(Work::ctx),
        auto_advance: work.is_none_or(|w| w.session.cursor.auto_advance),
        hints: keymap::hints_in,
    }
}

/// The scale slot an answer key stands for (`y` / `p` / `n` / `x` by default).
pub fn answer_slot(action: Action) -> Option<Slot> {
    match action {
        Action::Met => Some(Slot::Top),
        Action::Partial => Some(Slot::Between),
        Action::NotMet => Some(Slot::Bottom),
        Action::NotApplicable => Some(Slot::NotApplicable),
        _ => None,
    }
}

/// "This model's scale has no such answer" when a key's slot is empty (DSOMM has no partial).
fn no_such_answer(lang: crate::lang::Lang, action: Action) -> String {
    fill(
        lang.texts().scales.no_such_answer,
        &[("key", &action.describe_in(lang))],
    )
}
