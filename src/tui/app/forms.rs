//! State of the screens that are not the assessment itself (the home list, the new-session
//! form) and the overlay stack: the `overlays!` list makes the `Overlay` enum and its dispatch.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::model;
use crate::session;
use crate::tui::keymap::Context;
use crate::tui::overlays::{self, Component, OnYes, Opened};

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

/// Declares the overlays: a component per line (`Variant(Type)`, the type implementing
/// `overlays::Component`), then the ones not yet components with their own arms elsewhere.
/// It makes the `Overlay` enum and its dispatch to the component on top.
macro_rules! overlays {
    (components { $($variant:ident($ty:ty),)* } others { $($other:tt)* }) => {
        /// An overlay; the top of the stack gets keys first.
        #[derive(Debug)]
        pub enum Overlay {
            $($variant($ty),)*
            $($other)*
        }

        impl Overlay {
            /// The overlay as a component (None for those not yet converted).
            pub fn component(&self) -> Option<&dyn Component> {
                match self {
                    $(Overlay::$variant(c) => Some(c),)*
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }

            pub fn component_mut(&mut self) -> Option<&mut dyn Component> {
                match self {
                    $(Overlay::$variant(c) => Some(c),)*
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }
        }
    };
}

overlays! {
    components {
        Agenda(overlays::agenda::AgendaEditor),
        Confirm(overlays::confirm::Confirm),
        Decider(overlays::decider::Decider),
        Evidence(overlays::evidence::EvidencePicker),
        EvidenceForm(overlays::evidence_form::EvidenceForm),
        EvidenceSearch(overlays::evidence_search::EvidenceSearch),
        Export(overlays::export::ExportState),
        Filter(overlays::filter::FilterPicker),
        FindingForm(Box<overlays::finding_form::FindingForm>),
        Findings(overlays::findings::FindingsList),
        Help(overlays::help::Help),
        History(overlays::history::History),
        Justify(overlays::justify::Justify),
        Note(Box<overlays::note::NoteState>),
        Palette(overlays::palette::PaletteState),
        Participants(overlays::participants::ParticipantsState),
        Reason(overlays::reason::Reason),
    }
    others {
        /// The conflicts a merge left, one selected.
        Conflicts {
            selected: usize,
        },
    }
}

impl Overlay {
    /// The fuzzy ranking of the palette or the register's search, which ranks after the
    /// frame that shows a typed letter.
    pub fn ranking(&mut self) -> Option<&mut overlays::palette::PaletteState> {
        match self {
            Overlay::Palette(p) => Some(p),
            Overlay::EvidenceSearch(s) => Some(s),
            _ => None,
        }
    }

    pub fn context(&self) -> Context {
        if let Some(component) = self.component() {
            return component.context();
        }
        match self {
            Overlay::Conflicts { .. } => Context::Conflicts,
            _ => unreachable!("a component names its own context"),
        }
    }
}

impl From<Opened> for Overlay {
    fn from(opened: Opened) -> Self {
        match opened {
            Opened::EvidenceForm(form) => Overlay::EvidenceForm(form),
            Opened::EvidenceSearch(search) => Overlay::EvidenceSearch(search),
            Opened::FindingForm(form) => Overlay::FindingForm(form),
            Opened::Confirm { question, on_yes } => Overlay::Confirm(overlays::confirm::Confirm {
                question,
                on_yes: OnYes::Apply(Box::new(on_yes)),
            }),
        }
    }
}
