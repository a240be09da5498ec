//! Every style of the workbench in one place. One theme, chosen to read on a projector:
//! strong foreground colours on the terminal's own background, no dim grey for anything
//! that matters, and the selection shown by a solid bar, not by colour alone.

use ratatui::style::{Color, Modifier, Style};

use crate::session::{EvidenceCheck, Severity, Status};

pub const TEXT: Style = Style::new();
pub const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);
pub const MUTED: Style = Style::new().fg(Color::Gray);
pub const TITLE: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const BORDER: Style = Style::new().fg(Color::Blue);
pub const BORDER_FOCUS: Style = Style::new().fg(Color::Cyan);
/// The current row: a solid bar that reads from the back of a room.
pub const SELECTED: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::Cyan)
    .add_modifier(Modifier::BOLD);
pub const MATCH: Style = Style::new()
    .fg(Color::Yellow)
    .add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED));
pub const KEY: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
pub const ERROR: Style = Style::new()
    .fg(Color::White)
    .bg(Color::Red)
    .add_modifier(Modifier::BOLD);
pub const OK: Style = Style::new().fg(Color::Green);
pub const WARN: Style = Style::new().fg(Color::Yellow);
pub const AUTHORED: Style = Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD);
pub const STANDARD: Style = Style::new().fg(Color::Green);
/// The FINAL mark of a signed-off session.
pub const FINAL: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::LightMagenta)
    .add_modifier(Modifier::BOLD);
pub const STATUS_BAR: Style = Style::new().fg(Color::White).bg(Color::Blue);
/// The radar's achieved polygon and its target.
pub const ACHIEVED: Color = Color::LightCyan;
pub const TARGET: Color = Color::LightYellow;
/// The baseline (an earlier assessment) on the radar.
pub const BASELINE: Color = Color::LightMagenta;
pub const GRID: Color = Color::DarkGray;
pub const LABEL: Style = Style::new().fg(Color::White).add_modifier(Modifier::BOLD);

/// The timebox in the status line, and once it is over: noticeable, not alarming.
pub const TIMEBOX: Style = Style::new().fg(Color::White).bg(Color::Blue);
pub const TIMEBOX_OVER: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::LightYellow)
    .add_modifier(Modifier::BOLD);
/// The facilitator view's large text.
pub const PROJECTED: Style = Style::new().fg(Color::White).add_modifier(Modifier::BOLD);
pub const PROJECTED_TITLE: Style = Style::new()
    .fg(Color::LightCyan)
    .add_modifier(Modifier::BOLD);

/// Style of a finding's severity.
pub fn severity(severity: Severity) -> Style {
    match severity {
        Severity::High => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        Severity::Medium => Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        Severity::Low => Style::new().fg(Color::Green),
        Severity::Info => Style::new().fg(Color::Gray),
    }
}

/// Glyph and style of an answer (unanswered: a dot).
pub fn status(status: Option<Status>) -> (&'static str, Style) {
    match status {
        Some(Status::Met) => (
            "✓",
            Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
        ),
        Some(Status::Partial) => (
            "◐",
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        ),
        Some(Status::NotMet) => (
            "✗",
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        ),
        Some(Status::NotApplicable) => ("–", Style::new().fg(Color::Gray)),
        None => ("·", Style::new().fg(Color::Gray)),
    }
}

/// Style of a level badge: reaching the target shows green.
pub fn level(level: u8, target: Option<u8>) -> Style {
    match target {
        Some(t) if level >= t => Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
        Some(_) => Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        None => BOLD,
    }
}

/// Style of an evidence file's check: ok green, changed yellow, missing or unreadable red.
pub fn evidence_check(check: &EvidenceCheck) -> Style {
    match check {
        EvidenceCheck::Ok => OK,
        EvidenceCheck::Changed => Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        _ => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    }
}

/// A requirement matching the review filter in force (its checklist mark).
pub const FILTER_MATCH: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
