//! State of the screens that are not the assessment itself (the home list, the new-session
//! form) and the overlay stack: the `overlays!` list makes the `Overlay` enum and its dispatch.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::model;
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
