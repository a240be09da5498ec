//! Every style of the workbench in one place, as a `Theme` value chosen at start-up: `dark`
//! (the default, made to read on a projector: strong foreground colours on the terminal's own
//! background, the selection a solid bar), `light` (for light terminal backgrounds), and
//! `high-contrast` (projectors that wash colours out, colour-blind readers: bold bright text,
//! and the radar's target drawn dashed so achieved and target differ by shape as well). The
//! configuration file picks one and may override single styles; `NO_COLOR` removes every colour
//! and keeps what reads without it (bold, reversed selection, the dashed target).
//!
//! Views read styles as `theme::get().muted`.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::str::FromStr;
use std::sync::OnceLock;

use ratatui::style::{Color, Modifier, Style};

use crate::config::StyleSpec;
use crate::session::scale::Kind;
use crate::session::{EvidenceCheck, Severity};

/// Every style the workbench draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: &'static str,
    pub text: Style,
    pub bold: Style,
    pub muted: Style,
    pub title: Style,
    pub border: Style,
    pub border_focus: Style,
    /// The current row: a solid bar that reads from the back of a room.
    pub selected: Style,
    pub matched: Style,
    pub key: Style,
    pub error: Style,
    pub ok: Style,
    pub warn: Style,
    pub authored: Style,
    pub standard: Style,
    /// The FINAL mark of a signed-off session.
    pub final_mark: Style,
    pub status_bar: Style,
    /// The radar's achieved polygon, its target and its grid.
    pub achieved: Color,
    pub target: Color,
    /// The baseline (an earlier assessment) on the radar.
    pub baseline: Color,
    pub grid: Color,
    pub label: Style,
    /// The timebox in the status line, and once it is over: noticeable, not alarming.
    pub timebox: Style,
    pub timebox_over: Style,
    /// The facilitator view's large text.
    pub projected: Style,
    pub projected_title: Style,
    /// A requirement matching the review filter in force (its checklist mark).
    pub filter_match: Style,
    /// Answers: met, partial, not met, not applicable, unanswered.
    pub met: Style,
    pub partial: Style,
    pub not_met: Style,
    pub not_applicable: Style,
    pub unanswered: Style,
    /// Finding severities: high, medium, low, info.
    pub high: Style,
    pub medium: Style,
    pub low: Style,
    pub info: Style,
    /// A level badge at or above its target, and below it.
    pub reached: Style,
    pub below: Style,
    /// An evidence file changed since it was attached, and missing or unreadable.
    pub changed: Style,
    pub broken: Style,
}

const fn fg(color: Color) -> Style {
    Style::new().fg(color)
}

const fn strong(color: Color) -> Style {
    Style::new().fg(color).add_modifier(Modifier::BOLD)
}

const B: Modifier = Modifier::BOLD;

/// Today's theme: bright colours on the terminal's (dark) background.
pub const DARK: Theme = Theme {
    name: "dark",
    text: Style::new(),
    bold: Style::new().add_modifier(B),
    muted: fg(Color::Gray),
    title: strong(Color::Cyan),
    border: fg(Color::Blue),
    border_focus: fg(Color::Cyan),
    selected: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(B),
    matched: strong(Color::Yellow).add_modifier(Modifier::UNDERLINED),
    key: strong(Color::Yellow),
    error: Style::new().fg(Color::White).bg(Color::Red).add_modifier(B),
    ok: fg(Color::Green),
    warn: fg(Color::Yellow),
    authored: strong(Color::Magenta),
    standard: fg(Color::Green),
    final_mark: Style::new()
        .fg(Color::Black)
        .bg(Color::LightMagenta)
        .add_modifier(B),
    status_bar: Style::new().fg(Color::White).bg(Color::Blue),
    achieved: Color::LightCyan,
    target: Color::LightYellow,
    baseline: Color::LightMagenta,
    grid: Color::DarkGray,
    label: strong(Color::White),
    timebox: Style::new().fg(Color::White).bg(Color::Blue),
    timebox_over: Style::new()
        .fg(Color::Black)
        .bg(Color::LightYellow)
        .add_modifier(B),
    projected: strong(Color::White),
    projected_title: strong(Color::LightCyan),
    filter_match: strong(Color::Yellow),
    met: strong(Color::Green),
    partial: strong(Color::Yellow),
    not_met: strong(Color::Red),
    not_applicable: fg(Color::Gray),
    unanswered: fg(Color::Gray),
    high: strong(Color::Red),
    medium: strong(Color::Yellow),
    low: fg(Color::Green),
    info: fg(Color::Gray),
    reached: strong(Color::Green),
    below: strong(Color::Yellow),
    changed: strong(Color::Yellow),
    broken: strong(Color::Red),
};

/// Dark-on-light: no yellow or white text (unreadable on white), darker accents.
pub const LIGHT: Theme = Theme {
    name: "light",
    muted: fg(Color::DarkGray),
    title: strong(Color::Blue),
    border: fg(Color::Blue),
    border_focus: fg(Color::Magenta),
    selected: Style::new()
        .fg(Color::White)
        .bg(Color::Blue)
        .add_modifier(B),
    matched: strong(Color::Magenta).add_modifier(Modifier::UNDERLINED),
    key: strong(Color::Blue),
    ok: fg(Color::Green),
    warn: strong(Color::Red),
    standard: fg(Color::Green),
    achieved: Color::Blue,
    target: Color::Red,
    baseline: Color::Magenta,
    grid: Color::Gray,
    label: strong(Color::Black),
    timebox_over: Style::new()
        .fg(Color::White)
        .bg(Color::Magenta)
        .add_modifier(B),
    projected: strong(Color::Black),
    projected_title: strong(Color::Blue),
    filter_match: strong(Color::Magenta),
    partial: strong(Color::Magenta),
    not_applicable: fg(Color::DarkGray),
    unanswered: fg(Color::DarkGray),
    medium: strong(Color::Magenta),
    info: fg(Color::DarkGray),
    below: strong(Color::Magenta),
    changed: strong(Color::Magenta),
    ..DARK
};

/// For projectors and colour-blind readers: bold, bright, few hues (blue/orange-like pairs
/// rather than red/green), the target dashed.
pub const HIGH_CONTRAST: Theme = Theme {
    name: "high-contrast",
    text: strong(Color::White),
    muted: fg(Color::White),
    title: strong(Color::LightCyan),
    border: strong(Color::White),
    border_focus: strong(Color::LightYellow),
    selected: Style::new()
        .fg(Color::Black)
        .bg(Color::LightYellow)
        .add_modifier(B),
    matched: strong(Color::LightYellow).add_modifier(Modifier::UNDERLINED),
    key: strong(Color::LightYellow),
    ok: strong(Color::LightCyan),
    warn: strong(Color::LightYellow),
    standard: strong(Color::LightCyan),
    achieved: Color::LightCyan,
    target: Color::LightYellow,
    grid: Color::Gray,
    met: strong(Color::LightCyan),
    partial: strong(Color::LightYellow),
    not_met: strong(Color::LightMagenta),
    not_applicable: strong(Color::White),
    unanswered: strong(Color::White),
    high: strong(Color::LightMagenta),
    medium: strong(Color::LightYellow),
    low: strong(Color::LightCyan),
    info: strong(Color::White),
    reached: strong(Color::LightCyan),
    below: strong(Color::LightYellow),
    changed: strong(Color::LightYellow),
    broken: strong(Color::LightMagenta),
    ..DARK
};

/// The built-in themes, by the names the configuration uses.
pub const BUILT_IN: [&Theme; 3] = [&DARK, &LIGHT, &HIGH_CONTRAST];

/// The style names a configuration may override.
pub const STYLE_NAMES: [&str; 38] = [
    "text",
    "bold",
    "muted",
    "title",
    "border",
    "border_focus",
    "selected",
    "matched",
    "key",
    "error",
    "ok",
    "warn",
    "authored",
    "standard",
    "final_mark",
    "status_bar",
    "label",
    "timebox",
    "timebox_over",
    "projected",
    "projected_title",
    "filter_match",
    "met",
    "partial",
    "not_met",
    "not_applicable",
    "unanswered",
    "high",
    "medium",
    "low",
    "info",
    "reached",
    "below",
    "changed",
    "broken",
    "achieved",
    "target",
    "baseline",
];

impl Theme {
    /// The built-in theme called `name`.
    pub fn named(name: &str) -> Option<Theme> {
        BUILT_IN.into_iter().find(|t| t.name == name).copied()
    }

    fn style_mut(&mut self, name: &str) -> Option<&mut Style> {
        let style = match name {
            "text" => &mut self.text,
            "bold" => &mut self.bold,
            "muted" => &mut self.muted,
            "title" => &mut self.title,
            "border" => &mut self.border,
            "border_focus" => &mut self.border_focus,
            "selected" => &mut self.selected,
            "matched" => &mut self.matched,
            "key" => &mut self.key,
            "error" => &mut self.error,
            "ok" => &mut self.ok,
            "warn" => &mut self.warn,
            "authored" => &mut self.authored,
            "standard" => &mut self.standard,
            "final_mark" => &mut self.final_mark,
            "status_bar" => &mut self.status_bar,
            "label" => &mut self.label,
            "timebox" => &mut self.timebox,
            "timebox_over" => &mut self.timebox_over,
            "projected" => &mut self.projected,
            "projected_title" => &mut self.projected_title,
            "filter_match" => &mut self.filter_match,
            "met" => &mut self.met,
            "partial" => &mut self.partial,
            "not_met" => &mut self.not_met,
            "not_applicable" => &mut self.not_applicable,
            "unanswered" => &mut self.unanswered,
            "high" => &mut self.high,
            "medium" => &mut self.medium,
            "low" => &mut self.low,
            "info" => &mut self.info,
            "reached" => &mut self.reached,
            "below" => &mut self.below,
            "changed" => &mut self.changed,
            "broken" => &mut self.broken,
            _ => return None,
        };
        Some(style)
    }

    /// Applies one override; `Err` names the unknown style or colour. The radar's lines
    /// (`achieved`, `target`, `baseline`) take only `fg`.
    pub fn override_style(&mut self, name: &str, spec: &StyleSpec) -> Result<(), Unknown> {
        let colour = |c: &Option<String>| -> Result<Option<Color>, Unknown> {
            c.as_deref()
                .map(|c| Color::from_str(c).map_err(|_| Unknown::Colour(c.to_string())))
                .transpose()
        };
        let (fg, bg) = (colour(&spec.fg)?, colour(&spec.bg)?);
        let line = match name {
            "achieved" => Some(&mut self.achieved),
            "target" => Some(&mut self.target),
            "baseline" => Some(&mut self.baseline),
            _ => None,
        };
        if let Some(line) = line {
            *line = fg.unwrap_or(*line);
            return Ok(());
        }
        let style = self
            .style_mut(name)
            .ok_or_else(|| Unknown::Style(name.to_string()))?;
        let mut s = *style;
        s.fg = fg.or(s.fg);
        s.bg = bg.or(s.bg);
        for (on, modifier) in [
            (spec.bold, Modifier::BOLD),
            (spec.underline, Modifier::UNDERLINED),
        ] {
            match on {
                Some(true) => s = s.add_modifier(modifier),
                Some(false) => s = s.remove_modifier(modifier),
                None => {}
            }
        }
        *style = s;
        Ok(())
    }

    /// This theme without any colour (`NO_COLOR`): bold and underline stay, the selection
    /// and bars are reversed, the radar's target is dashed.
    pub fn without_colour(mut self) -> Theme {
        let reversed = Style::new().add_modifier(Modifier::REVERSED.union(B));
        for name in STYLE_NAMES {
            if let Some(style) = self.style_mut(name) {
                let had_bg = style.bg.is_some();
                *style = Style {
                    fg: None,
                    bg: None,
                    ..*style
                };
                if had_bg {
                    *style = reversed;
                }
            }
        }
        self.achieved = Color::Reset;
        self.target = Color::Reset;
        self.baseline = Color::Reset;
        self.grid = Color::Reset;
        self
    }
}

/// What an override named that the theme does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unknown {
    Theme(String),
    Style(String),
    Colour(String),
}

/// The theme a configuration asks for (`None` means the default), with its overrides and
/// `NO_COLOR` applied; `Err` names the unknown theme, style or colour.
pub fn configured(
    name: Option<&str>,
    styles: &BTreeMap<String, StyleSpec>,
    no_color: bool,
) -> Result<Theme, Unknown> {
    let mut theme = match name {
        None => DARK,
        Some(name) => Theme::named(name).ok_or_else(|| Unknown::Theme(name.to_string()))?,
    };
    for (style, spec) in styles {
        theme.override_style(style, spec)?;
    }
    Ok(if no_color {
        theme.without_colour()
    } else {
        theme
    })
}

/// `NO_COLOR` set to anything but the empty string (no-color.org).
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

static INSTALLED: OnceLock<Theme> = OnceLock::new();

thread_local! {
    static SCOPED: Cell<Option<&'static Theme>> = const { Cell::new(None) };
}

/// Makes `theme` the workbench's (once, at start-up).
pub fn install(theme: Theme) {
    let _ = INSTALLED.set(theme);
}

/// The theme in force: one set for this thread by `scoped` (tests), else the installed one,
/// else `dark`.
pub fn get() -> &'static Theme {
    SCOPED
        .with(Cell::get)
        .or_else(|| INSTALLED.get())
        .unwrap_or(&DARK)
}

/// Runs `f` with `theme` in force on this thread (how tests draw every theme side by side).
pub fn scoped<R>(theme: &'static Theme, f: impl FnOnce() -> R) -> R {
    let before = SCOPED.with(|s| s.replace(Some(theme)));
    let out = f();
    SCOPED.with(|s| s.set(before));
    out
}

/// Style of a finding's severity.
pub fn severity(severity: Severity) -> Style {
    let t = get();
    match severity {
        Severity::High => t.high,
        Severity::Medium => t.medium,
        Severity::Low => t.low,
        Severity::Info => t.info,
    }
}

/// Glyph and style of an answer (unanswered: a dot). The glyphs differ by shape, not only
/// by colour.
pub fn status(kind: Option<Kind>) -> (&'static str, Style) {
    let t = get();
    match kind {
        Some(Kind::Passed) => ("✓", t.met),
        Some(Kind::Partial) => ("◐", t.partial),
        Some(Kind::NotPassed) => ("✗", t.not_met),
        Some(Kind::NotApplicable) => ("–", t.not_applicable),
        None => ("·", t.unanswered),
    }
}

/// Style of a level badge: reaching the target shows green.
pub fn level(level: u8, target: Option<u8>) -> Style {
    let t = get();
    match target {
        Some(target) if level >= target => t.reached,
        Some(_) => t.below,
        None => t.bold,
    }
}

/// Style of an evidence file's check: ok green, changed yellow, missing or unreadable red.
pub fn evidence_check(check: &EvidenceCheck) -> Style {
    let t = get();
    match check {
        EvidenceCheck::Ok => t.ok,
        EvidenceCheck::Changed => t.changed,
        _ => t.broken,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_style_name_can_be_overridden_and_unknown_names_are_named() {
        let spec = StyleSpec {
            fg: Some("light-red".into()),
            bg: Some("#102030".into()),
            bold: Some(false),
            underline: None,
        };
        for name in STYLE_NAMES {
            let mut theme = DARK;
            theme.override_style(name, &spec).expect(name);
            assert_ne!(theme, DARK, "{name} changed nothing");
        }
        let mut theme = DARK;
        assert_eq!(
            theme.override_style("selcted", &spec),
            Err(Unknown::Style("selcted".into()))
        );
        let bad = StyleSpec {
            fg: Some("mauve-ish".into()),
            ..StyleSpec::default()
        };
        assert_eq!(
            theme.override_style("selected", &bad),
            Err(Unknown::Colour("mauve-ish".into()))
        );
    }

    #[test]
    fn no_color_leaves_no_colour_and_keeps_the_selection_visible() {
        for theme in BUILT_IN {
            let plain = theme.without_colour();
            for name in STYLE_NAMES {
                let mut copy = plain;
                if let Some(style) = copy.style_mut(name) {
                    assert_eq!((style.fg, style.bg), (None, None), "{name}");
                }
            }
            assert!(plain.selected.add_modifier.contains(Modifier::REVERSED));
        }
    }
}
