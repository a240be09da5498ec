//! What the status line tells of the last change, kept in every language: `L` then redraws it
//! in the new one instead of leaving the old language's words on screen.

use crate::lang::Lang;

/// A text told in each language, drawn in the one shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said([String; Lang::ALL.len()]);

impl Said {
    /// The text `tell` gives in each language.
    pub fn new(tell: impl Fn(Lang) -> String) -> Self {
        Self(Lang::ALL.map(tell))
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        let at = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        &self.0[at]
    }
}

/// As `Said::new`, when the telling may find nothing to say (in any language alike).
pub fn said(tell: impl Fn(Lang) -> Option<String>) -> Option<Said> {
    let told = Lang::ALL.map(&tell);
    told.iter()
        .all(Option::is_some)
        .then(|| Said(told.map(Option::unwrap_or_default)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn said_is_drawn_in_the_language_asked() {
        let s = Said::new(|l| l.code().to_string());
        assert_eq!(s.get(Lang::En), "en");
        assert_eq!(s.get(Lang::Zh), "zh");
        assert_eq!(said(|l| (l == Lang::En).then(String::new)), None);
    }
}
