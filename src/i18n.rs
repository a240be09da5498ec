//! The language catalogue: every text the program shows itself (workbench, CLI output, reports,
//! error messages), one typed table per language. The model's own texts come from the model.
//!
//! A section is a struct of `&'static str` fields (the keys) with one `static` value per
//! language beside it (`i18n/cli.rs`: `Cli`, `EN`, `ZH`). A key missing in one language does
//! not compile; the tests below check that both languages fill the same `{name}` slots and that
//! no Chinese text was left as its English copy. Code reads a text as
//! `lang.texts().cli.review` and fills slots with [`fill`].

pub mod actions;
pub mod cli;
pub mod cli_help;
pub mod config;
pub mod deliverable;
pub mod errors;
pub mod files;
pub mod health;
pub mod hints;
pub mod home;
pub mod lines;
pub mod messages;
pub mod models;
pub mod opening;
pub mod overlays;
pub mod parse;
pub mod radar;
pub mod recorded;
pub mod report;
pub mod scales;
pub mod signoff;
pub mod team_cli;
pub mod teams;
pub mod terms;
pub mod trust;
pub mod verify;
pub mod workbench;
pub mod xlsx;

pub use crate::lang::Lang;

/// The whole catalogue in one language: one field per section.
#[derive(Debug)]
pub struct Texts {
    pub actions: &'static actions::Actions,
    pub cli: &'static cli::Cli,
    pub hints: &'static hints::Hints,
    pub config: &'static config::Config,
    pub radar: &'static radar::Radar,
    pub deliverable: &'static deliverable::Deliverable,
    pub xlsx: &'static xlsx::Xlsx,
    pub signoff: &'static signoff::SignOff,
    pub teams: &'static teams::Teams,
    pub team_cli: &'static team_cli::TeamCli,
    pub trust: &'static trust::Trust,
    pub errors: &'static errors::Errors,
    pub health: &'static health::Health,
    pub home: &'static home::Home,
    pub messages: &'static messages::Messages,
    pub overlays: &'static overlays::Overlays,
    pub report: &'static report::Labels,
    pub terms: &'static terms::Terms,
    pub verify: &'static verify::Verify,
    pub workbench: &'static workbench::Words,
    pub models: &'static models::Models,
    pub scales: &'static scales::Scales,
    pub recorded: &'static recorded::Recorded,
    pub parse: &'static parse::Parse,
    pub cli_help: &'static cli_help::CliHelp,
    pub opening: &'static opening::Opening,
    pub files: &'static files::Files,
    pub lines: &'static lines::Lines,
}

static EN: Texts = Texts {
    actions: &actions::EN,
    cli: &cli::EN,
    hints: &hints::EN,
    config: &config::EN,
    radar: &radar::EN,
    deliverable: &deliverable::EN,
    xlsx: &xlsx::EN,
    signoff: &signoff::EN,
    teams: &teams::EN,
    team_cli: &team_cli::EN,
    trust: &trust::EN,
    errors: &errors::EN,
    health: &health::EN,
    home: &home::EN,
    messages: &messages::EN,
    overlays: &overlays::EN,
    report: &report::EN,
    terms: &terms::EN,
    verify: &verify::EN,
    workbench: &workbench::EN,
    models: &models::EN,
    scales: &scales::EN,
    recorded: &recorded::EN,
    parse: &parse::EN,
    cli_help: &cli_help::EN,
    opening: &opening::EN,
    files: &files::EN,
    lines: &lines::EN,
};

static ZH: Texts = Texts {
    actions: &actions::ZH,
    cli: &cli::ZH,
    hints: &hints::ZH,
    config: &config::ZH,
    radar: &radar::ZH,
    deliverable: &deliverable::ZH,
    xlsx: &xlsx::ZH,
    signoff: &signoff::ZH,
    teams: &teams::ZH,
    team_cli: &team_cli::ZH,
    trust: &trust::ZH,
    errors: &errors::ZH,
    health: &health::ZH,
    home: &home::ZH,
    messages: &messages::ZH,
    overlays: &overlays::ZH,
    report: &report::ZH,
    terms: &terms::ZH,
    verify: &verify::ZH,
    workbench: &workbench::ZH,
    models: &models::ZH,
    scales: &scales::ZH,
    recorded: &recorded::ZH,
    parse: &parse::ZH,
    cli_help: &cli_help::ZH,
    opening: &opening::ZH,
    files: &files::ZH,
    lines: &lines::ZH,
};

impl Lang {
    /// This language's catalogue.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }
}

/// `template` with each `{name}` slot replaced by its value, in one pass (values are never
/// read as slots, so a title holding `{id}` stays as typed; an unknown slot stays as written).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let slot = after
            .find('}')
            .and_then(|close| Some((values.iter().find(|(k, _)| *k == &after[..close])?, close)));
        match slot {
            Some(((_, value), close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts that read the same in both languages (codes, units, file formats).
    const SAME_IN_BOTH: &[&str] = &["{kind} {value}"];

    /// The `{name}` slots of a text, sorted.
    fn slots(text: &str) -> Vec<&str> {
        let mut out: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(name, _)| name))
            .collect();
        out.sort_unstable();
        out
    }

    /// The catalogue as `(key path line, text)` pairs, read from its `Debug` form so that a
    /// new section or key is checked without being listed here.
    fn entries(lang: Lang) -> Vec<(String, String)> {
        format!("{:#?}", lang.texts())
            .lines()
            .map(|line| match line.split_once('"') {
                Some((key, text)) => (key.to_string(), text.trim_end_matches([',', '"']).into()),
                // Not a text (a flag such as `zh: true`): only its key must agree.
                None => (line.split(':').next().unwrap_or(line).into(), String::new()),
            })
            .collect()
    }

    #[test]
    fn both_languages_have_the_same_keys_and_slots() {
        let (en, zh) = (entries(Lang::En), entries(Lang::Zh));
        assert_eq!(en.len(), zh.len(), "the sections differ in shape");
        for ((en_key, en_text), (zh_key, zh_text)) in en.iter().zip(&zh) {
            assert_eq!(en_key, zh_key);
            assert_eq!(
                slots(en_text),
                slots(zh_text),
                "{en_key}: {en_text} / {zh_text}"
            );
        }
    }

    #[test]
    fn no_chinese_text_is_left_in_english() {
        for ((key, en), (_, zh)) in entries(Lang::En).iter().zip(&entries(Lang::Zh)) {
            let wordy = en
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| w.len() > 2);
            if wordy && en == zh && !SAME_IN_BOTH.contains(&en.as_str()) {
                panic!("{key} is English in the Chinese catalogue: {zh}");
            }
        }
    }

    #[test]
    fn fill_replaces_slots_once_and_keeps_braces_in_values() {
        let text = fill("{id} “{title}” {x}", &[("id", "F1"), ("title", "{id} {")]);
        assert_eq!(text, "F1 “{id} {” {x}");
    }
}
