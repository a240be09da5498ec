//! Words of the bundled CAICT model whose meaning the organisation defines, not the model: its
//! core, key and main items (a written list) and its major and important ones (its own
//! classification or grading). A requirement using one says whose definition it means, in the
//! agreed words; the workbench shows the rule beside it and the model's tests refuse an untied use.

/// One class of words left to the organisation, in both languages.
pub struct Term {
    /// Whole words (English, lower case) that leave "which ones?" to the reader.
    pub en_words: &'static [&'static str],
    /// Phrases where the same letters mean something else ("main line").
    pub en_other: &'static [&'static str],
    /// Phrases that tie the words to the organisation's definition.
    pub en_tied: &'static [&'static str],
    pub zh_words: &'static [&'static str],
    pub zh_other: &'static [&'static str],
    pub zh_tied: &'static [&'static str],
}

/// Core, key and main: the items on the organisation's written list.
pub const CORE: Term = Term {
    en_words: &["core", "key", "main", "critical"],
    en_other: &[
        "main line",
        "main branch",
        "idempotency key",
        "signing keys",
        "managed key service",
        "key management",
        "key or token",
        "hot key",
        "configuration key",
        "critical vulnerabilit",
        "critical known vulnerabilit",
    ],
    en_tied: &["organisation lists", "organisation's list"],
    zh_words: &["核心", "关键", "主要"],
    zh_other: &["关键字", "主线", "主分支"],
    zh_tied: &["组织认定的"],
};

/// Major and important: what the organisation's own classification or grading puts in that
/// class (changes, releases, features and business events it classifies; incidents, outages and
/// alerts it grades).
pub const MAJOR: Term = Term {
    en_words: &["major", "important", "significant"],
    en_other: &[],
    en_tied: &[
        "organisation classifies",
        "organisation classified",
        "organisation grades",
        "organisation graded",
        "organisation would grade",
    ],
    zh_words: &["重大", "重要"],
    zh_other: &["重要性", "重要程度"],
    zh_tied: &["组织定义的", "组织定级的"],
};

impl Term {
    /// The English words of the term in `text`, other meanings left out.
    fn en_word(&self, text: &str) -> Option<String> {
        let mut text = text.to_lowercase();
        for other in self.en_other {
            text = text.replace(other, "");
        }
        // "non-core" leaves the same list to the reader as "core".
        text.split(|c: char| !c.is_alphanumeric() && c != '-')
            .map(|w| w.strip_prefix("non-").unwrap_or(w))
            .find(|w| self.en_words.contains(w))
            .map(str::to_string)
    }

    /// The Chinese words of the term in `text`, other meanings left out.
    fn zh_word(&self, text: &str) -> Option<String> {
        let mut text = text.to_string();
        for other in self.zh_other {
            text = text.replace(other, "");
        }
        self.zh_words
            .iter()
            .find(|w| text.contains(**w))
            .map(|w| (*w).to_string())
    }

    /// Whether a text (in either language) relies on the term.
    pub fn appears_in(&self, text: &str) -> bool {
        self.en_word(text).is_some() || self.zh_word(text).is_some()
    }

    /// The first word of the term in a text pair that is not tied to the organisation's
    /// definition in the agreed words.
    pub fn untied_word(&self, en: &str, zh: &str) -> Option<String> {
        let tied_en = self.en_tied.iter().any(|t| en.to_lowercase().contains(t));
        if let Some(word) = self.en_word(en).filter(|_| !tied_en) {
            return Some(word);
        }
        let tied_zh = self.zh_tied.iter().any(|t| zh.contains(t));
        self.zh_word(zh).filter(|_| !tied_zh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn major_is_found_in_both_languages_and_spared_in_other_meanings() {
        assert!(MAJOR.appears_in("Before a major change"));
        assert!(MAJOR.appears_in("重要告警"));
        assert!(!MAJOR.appears_in("按业务重要性对系统分级，业务服务按重要程度分级。"));
        assert!(!MAJOR.appears_in("Majority rules"));
        assert!(CORE.appears_in("组织认定的核心系统"));
        assert!(!CORE.appears_in("Tests run on the main line."));
        assert!(CORE.appears_in("Switch off a non-critical function."));
        assert!(CORE.appears_in("The autoscaling rules of a key service."));
        assert!(!CORE.appears_in("Keys are kept in a managed key service."));
        assert!(!CORE.appears_in("A hot key expires; a configuration key changes."));
    }
}
