//! State of the screens that are not the assessment itself (the home list, the new-session
//! form) and the overlay stack: the `overlays!` list makes the `Overlay` enum and its dispatch.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::session;
pub use crate::tui::overlays::Overlay;

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
            // Why a file cannot be opened is told when Enter is pressed on it.
            rows: crate::summary::overview_sessions(dir, crate::lang::Lang::En).unwrap_or_default(),
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
    Model,
    Title,
    Organisation,
    Scope,
    Parts,
    Target,
    Baseline,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Model,
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
    /// The models offered (the first, the bundled CAICT model, chosen at first) and `model`,
    /// the index of the chosen one: the parts and the target's range follow it.
    pub models: super::model_choice::ModelChoices,
    pub model: usize,
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
        let mut form = Self {
            models: super::model_choice::ModelChoices::read(lang),
            title: LineInput::new(&crate::i18n::fill(
                lang.texts().home.default_title,
                &[("date", &session::now_timestamp()[..10])],
            )),
            ..Self::unfilled()
        };
        form.choose_model(0);
        form
    }

    /// Chooses the `index`th offered model: its parts, all in scope, and the target within
    /// its levels.
    pub fn choose_model(&mut self, index: usize) {
        let Some(chosen) = self.models.offered.get(index) else {
            return;
        };
        self.model = index;
        self.parts = chosen
            .parts
            .iter()
            .map(|(id, en, zh)| (id.clone(), en.clone(), zh.clone(), true))
            .collect();
        self.part_cursor = 0;
        self.target = self.target.min(chosen.max_level);
    }

    /// The chosen model, if any model loads.
    pub fn chosen_model(&self) -> Option<&super::model_choice::ModelChoice> {
        self.models.offered.get(self.model)
    }

    /// An empty form for a workbench opened on a session, which shows the form only after
    /// going home (and `new` fills it then): `new` reads the bundled model.
    pub fn unfilled() -> Self {
        Self {
            models: super::model_choice::ModelChoices::default(),
            model: 0,
            title: LineInput::default(),
            organisation: LineInput::default(),
            scope: LineInput::default(),
            parts: Vec::new(),
            part_cursor: 0,
            target: 3,
            baseline: LineInput::default(),
            // The title first: Enter at once starts an assessment of the bundled model.
            field: 1,
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
            Field::Model | Field::Parts | Field::Target => None,
        }
    }
}

impl Default for NewForm {
    fn default() -> Self {
        Self::new(crate::lang::Lang::En)
    }
}
