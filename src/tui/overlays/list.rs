//! The list of overlays: one line each. The `overlays!` macro makes from it the keymap's
//! `Context` (the screens', then each overlay's, in this order: KEYS.md and the catalogue's
//! context titles follow it), the `Overlay` stack entry, its dispatch to the `Component` on
//! top, and each overlay context's default bindings (its file's `BINDINGS`). Adding an overlay
//! is its file and one line here (and its context's title in the catalogue).

use super::{Component, OnYes, Opened};
use crate::tui::binding::Binding;

/// An overlay's state as the stack holds it: boxed when large.
macro_rules! slot {
    ($t:ty) => { $t };
    ($t:ty, boxed) => { Box<$t> };
}

macro_rules! overlays {
    (
        screens { $($screen:ident,)* }
        components {
            $($variant:ident => $module:ident :: $ty:ident $([$boxed:ident])?
                $(+ $extra:ident : $extra_bindings:ident)?,)*
        }
        others { $($other:ident { $($field:ident : $fty:ty),* },)* }
    ) => {
        /// Where a key is pressed; each context has its own bindings.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Context {
            $($screen,)*
            $($variant, $($extra,)?)*
            $($other,)*
        }

        impl Context {
            const LIST: &[Context] = &[
                $(Context::$screen,)*
                $(Context::$variant, $(Context::$extra,)?)*
                $(Context::$other,)*
            ];

            /// Every context, screens first, in the list's order.
            pub const ALL: [Context; Context::LIST.len()] = {
                let mut all = [Context::LIST[0]; Context::LIST.len()];
                let mut i = 0;
                while i < all.len() {
                    all[i] = Context::LIST[i];
                    i += 1;
                }
                all
            };
        }

        /// An overlay; the top of the stack gets keys first.
        #[derive(Debug)]
        pub enum Overlay {
            $($variant(slot!(super::$module::$ty $(, $boxed)?)),)*
            $($other { $($field: $fty),* },)*
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

            /// The context whose bindings apply while it is on top.
            pub fn context(&self) -> Context {
                match self {
                    $(Overlay::$variant(c) => c.context(),)*
                    $(Overlay::$other { .. } => Context::$other,)*
                }
            }
        }

        /// The default bindings of an overlay's context (None for a screen's, which the
        /// keymap holds, and for the overlays not yet components).
        pub fn defaults(context: Context) -> Option<&'static [Binding]> {
            match context {
                $(Context::$variant => Some(super::$module::BINDINGS),
                  $(Context::$extra => Some(super::$module::$extra_bindings),)?)*
                _ => None,
            }
        }
    };
}

overlays! {
    screens { Home, NewSession, Assessment, Summary, }
    components {
        Help => help::Help,
        Palette => palette::PaletteState,
        Note => note::NoteState [boxed],
        Justify => justify::Justify,
        Evidence => evidence::EvidencePicker,
        EvidenceForm => evidence_form::EvidenceForm,
        EvidenceSearch => evidence_search::EvidenceSearch,
        Filter => filter::FilterPicker,
        Confirm => confirm::Confirm,
        Export => export::ExportState,
        Findings => findings::FindingsList,
        FindingForm => finding_form::FindingForm [boxed],
        Agenda => agenda::AgendaEditor,
        History => history::History,
        Decider => decider::Decider,
        Participants => participants::ParticipantsState + ParticipantForm: FORM_BINDINGS,
        Reason => reason::Reason,
        Conflicts => conflicts::Conflicts,
    }
    others {}
}

impl Context {
    /// The title of this context in help.
    pub fn title(self) -> &'static str {
        self.title_in(crate::lang::Lang::En)
    }

    /// The context's name in `lang` (help's title).
    pub fn title_in(self, lang: crate::lang::Lang) -> &'static str {
        let i = Context::ALL.iter().position(|c| *c == self).unwrap_or(0);
        lang.texts().overlays.contexts[i]
    }
}

impl Overlay {
    /// The fuzzy ranking of the palette or the register's search, which ranks after the
    /// frame that shows a typed letter.
    pub fn ranking(&mut self) -> Option<&mut super::palette::PaletteState> {
        match self {
            Overlay::Palette(p) => Some(p),
            Overlay::EvidenceSearch(s) => Some(s),
            _ => None,
        }
    }
}

impl From<Opened> for Overlay {
    fn from(opened: Opened) -> Self {
        match opened {
            Opened::EvidenceForm(form) => Overlay::EvidenceForm(form),
            Opened::EvidenceSearch(search) => Overlay::EvidenceSearch(search),
            Opened::FindingForm(form) => Overlay::FindingForm(form),
            Opened::Confirm { question, on_yes } => Overlay::Confirm(super::confirm::Confirm {
                question,
                on_yes: OnYes::Apply(Box::new(on_yes)),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn every_context_has_a_title_in_both_languages() {
        for lang in [Lang::En, Lang::Zh] {
            assert_eq!(Context::ALL.len(), lang.texts().overlays.contexts.len());
        }
    }

    #[test]
    fn every_overlay_context_has_its_bindings() {
        let screens = [
            Context::Home,
            Context::NewSession,
            Context::Assessment,
            Context::Summary,
        ];
        for context in Context::ALL {
            assert_eq!(
                defaults(context).is_some(),
                !screens.contains(&context),
                "{context:?}"
            );
        }
    }
}
