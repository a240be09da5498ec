//! State of the screens and overlays that are not the assessment itself: the home list, the
//! new-session form, and the overlays (palette, note, N/A, evidence, confirm, export).

use std::time::Instant;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui_textarea::TextArea;

use crate::model;
use crate::session;
use crate::tui::keymap::Context;
use crate::tui::overlays::{
    Edit, Opened, evidence, evidence_form, evidence_search, finding_form, findings, palette,
};
pub use crate::tui::widgets::line_input::LineInput;

/// One session on the home screen: the same overview `assess list` prints.
pub type HomeRow = crate::summary::SessionOverview;

/// The home screen: sessions newest first, filtered fuzzily by what is typed.
#[derive(Debug, Clone, Default)]
pub struct Home {
    pub rows: Vec<HomeRow>,
    pub filter: LineInput,
    /// Indices into `rows` that match the filter, best first.
    pub visible: Vec<usize>,
    pub selected: usize,
}

impl Home {
    /// Reads the sessions dir.
    pub fn load(dir: &std::path::Path) -> Self {
        let mut home = Self {
            rows: crate::summary::overview_sessions(dir).unwrap_or_default(),
            ..Self::default()
        };
        home.refilter();
        home
    }

    /// Recomputes which rows match the filter.
    pub fn refilter(&mut self) {
        let query = self.filter.text.trim();
        if query.is_empty() {
            self.visible = (0..self.rows.len()).collect();
        } else {
            let matcher = SkimMatcherV2::default().ignore_case();
            let mut scored: Vec<(i64, usize)> = self
                .rows
                .iter()
                .enumerate()
                .filter_map(|(i, r)| {
                    let hay = format!("{} {} {} {}", r.title, r.organisation, r.name, r.model);
                    matcher.fuzzy_match(&hay, query).map(|s| (s, i))
                })
                .collect();
            scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            self.visible = scored.into_iter().map(|(_, i)| i).collect();
        }
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
    }

    pub fn selected_row(&self) -> Option<&HomeRow> {
        self.visible.get(self.selected).map(|&i| &self.rows[i])
    }
}

/// The fields of the new-session form, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Organisation,
    Scope,
    Parts,
    Target,
    Baseline,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Title,
        Field::Organisation,
        Field::Scope,
        Field::Parts,
        Field::Target,
        Field::Baseline,
    ];
}

/// The new-session form, filled with sensible defaults.
#[derive(Debug, Clone)]
pub struct NewForm {
    pub title: LineInput,
    pub organisation: LineInput,
    pub scope: LineInput,
    /// (part id, English name, Chinese name, in scope).
    pub parts: Vec<(String, String, String, bool)>,
    pub part_cursor: usize,
    pub target: u8,
    /// An earlier session of the same scope (its name in the sessions dir, or a path), to
    /// compare with; empty for none.
    pub baseline: LineInput,
    pub field: usize,
    pub error: Option<String>,
}

impl NewForm {
    /// The form for a new session, its default title in `lang`.
    pub fn new(lang: crate::lang::Lang) -> Self {
        let parts = model::load_embedded(model::DEFAULT_MODEL)
            .map(|m| {
                m.model
                    .parts
                    .iter()
                    .map(|p| {
                        (
                            p.id.clone(),
                            p.name.get("en").to_string(),
                            p.name.get("zh").to_string(),
                            true,
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        Self {
            title: LineInput::new(&crate::i18n::fill(
                lang.texts().home.default_title,
                &[("date", &session::now_timestamp()[..10])],
            )),
            organisation: LineInput::default(),
            scope: LineInput::default(),
            parts,
            part_cursor: 0,
            target: 3,
            baseline: LineInput::default(),
            field: 0,
            error: None,
        }
    }

    /// An empty form for a workbench opened on a session, which shows the form only after
    /// going home (and `new` fills it then): `new` reads the bundled model.
    pub fn unfilled() -> Self {
        Self {
            title: LineInput::default(),
            organisation: LineInput::default(),
            scope: LineInput::default(),
            parts: Vec::new(),
            part_cursor: 0,
            target: 3,
            baseline: LineInput::default(),
            field: 0,
            error: None,
        }
    }

    pub fn field(&self) -> Field {
        Field::ALL[self.field.min(Field::ALL.len() - 1)]
    }

    pub fn focused_input(&mut self) -> Option<&mut LineInput> {
        match self.field() {
            Field::Title => Some(&mut self.title),
            Field::Organisation => Some(&mut self.organisation),
            Field::Scope => Some(&mut self.scope),
            Field::Baseline => Some(&mut self.baseline),
            Field::Parts | Field::Target => None,
        }
    }
}

impl Default for NewForm {
    fn default() -> Self {
        Self::new(crate::lang::Lang::En)
    }
}

/// The note editor: the draft, and when it was last written to disk.
#[derive(Debug)]
pub struct NoteState {
    pub editor: TextArea<'static>,
    pub requirement: String,
    /// The text last written into the session.
    pub saved_text: String,
    pub last_autosave: Instant,
    /// An undo snapshot was taken for this editing round.
    pub recorded: bool,
    /// The discussion (dissent) note beside the answer rather than the note.
    pub discussion: bool,
}

impl NoteState {
    pub fn text(&self) -> String {
        self.editor.lines().join("\n")
    }
}

/// The review filter picker: "no filter" then every filter with its count.
#[derive(Debug, Clone, Default)]
pub struct FilterPicker {
    pub selected: usize,
    pub counts: Vec<(crate::review::Filter, usize)>,
}

/// What a yes does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OnYes {
    /// Quit although the last changes could not be saved.
    QuitUnsaved,
    /// Open the session in `App::pending_read_only` to view only.
    OpenReadOnly,
    /// An overlay's edit, asked about first (deleting a finding).
    Apply(Box<Edit>),
    /// Sign the session off as final.
    SignOff,
    /// Rate the current practice at this level, replacing the answers the question listed.
    QuickLevel(u8),
}

/// An overlay; the top of the stack gets keys first.
#[derive(Debug)]
pub enum Overlay {
    Help {
        context: Context,
        scroll: u16,
    },
    Palette(palette::PaletteState),
    Note(Box<NoteState>),
    Justify {
        input: LineInput,
        error: Option<String>,
    },
    Evidence(evidence::EvidencePicker),
    EvidenceForm(evidence_form::EvidenceForm),
    /// Fuzzy search over the register; `target` of each item is its index in the register.
    EvidenceSearch(evidence_search::EvidenceSearch),
    Filter(FilterPicker),
    Confirm {
        question: String,
        on_yes: OnYes,
    },
    Export(super::export::ExportState),
    Findings(findings::FindingsList),
    FindingForm(Box<finding_form::FindingForm>),
    Agenda(super::AgendaEditor),
    /// The history of the current requirement, newest first.
    History {
        scroll: u16,
    },
    /// Who decides the following answers.
    Decider(crate::tui::overlays::decider::Decider),
    Participants(super::audit::ParticipantsState),
    /// Why a final session is reopened.
    Reason {
        input: LineInput,
        error: Option<String>,
    },
    /// The conflicts a merge left, one selected.
    Conflicts {
        selected: usize,
    },
}

impl Overlay {
    /// The fuzzy ranking of the palette or the register's search, which ranks after the
    /// frame that shows a typed letter.
    pub fn ranking(&mut self) -> Option<&mut palette::PaletteState> {
        match self {
            Overlay::Palette(p) => Some(p),
            Overlay::EvidenceSearch(s) => Some(s),
            _ => None,
        }
    }

    pub fn context(&self) -> Context {
        match self {
            Overlay::Help { .. } => Context::Help,
            Overlay::Palette(_) => Context::Palette,
            Overlay::Note(_) => Context::Note,
            Overlay::Justify { .. } => Context::Justify,
            Overlay::Evidence(_) => Context::Evidence,
            Overlay::EvidenceForm(_) => Context::EvidenceForm,
            Overlay::EvidenceSearch(_) => Context::EvidenceSearch,
            Overlay::Filter(_) => Context::Filter,
            Overlay::Confirm { .. } => Context::Confirm,
            Overlay::Export(_) => Context::Export,
            Overlay::Findings(_) => Context::Findings,
            Overlay::FindingForm(_) => Context::FindingForm,
            Overlay::Agenda(_) => Context::Agenda,
            Overlay::History { .. } => Context::History,
            Overlay::Decider(_) => Context::Decider,
            Overlay::Conflicts { .. } => Context::Conflicts,
            Overlay::Participants(p) if p.form.is_some() => Context::ParticipantForm,
            Overlay::Participants(_) => Context::Participants,
            Overlay::Reason { .. } => Context::Reason,
        }
    }
}

impl From<Opened> for Overlay {
    fn from(opened: Opened) -> Self {
        match opened {
            Opened::EvidenceForm(form) => Overlay::EvidenceForm(form),
            Opened::EvidenceSearch(search) => Overlay::EvidenceSearch(search),
            Opened::FindingForm(form) => Overlay::FindingForm(form),
            Opened::Confirm { question, on_yes } => Overlay::Confirm {
                question,
                on_yes: OnYes::Apply(Box::new(on_yes)),
            },
        }
    }
}
