//! The workbench: a terminal UI over the core. `run` owns the terminal: it sets it up, runs the
//! event loop, and restores it on every way out — quit, SIGHUP/SIGTERM/SIGINT (saving first),
//! and panic (restoring first, then writing the in-memory session to a recovery file).

pub mod action;
pub mod app;
pub mod binding;
pub mod history;
pub mod keymap;
pub mod layout;
pub mod mouse;
pub mod overlays;
pub mod palette;
pub mod theme;
pub mod views;
pub mod widgets;
pub mod words;

use std::io::{self, IsTerminal, Stdout};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

use self::app::App;
use crate::session;

type Term = Terminal<CrosstermBackend<Stdout>>;

/// What the workbench says when it opens (a configuration problem), set before `run`.
static NOTICE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Sets what the workbench says when it opens.
pub fn startup_notice(text: String) {
    let _ = NOTICE.set(text);
}

/// The problems of the workbench's part of a configuration: key and action names, the theme.
pub fn check_config(loaded: &crate::config::Loaded) -> Vec<crate::config::ConfigError> {
    let mut problems = keymap::user::check(loaded).err().unwrap_or_default();
    problems.extend(configured_theme(loaded).err().map(|e| *e));
    problems
}

/// Applies a configuration already checked clean: the user's keys and theme (`NO_COLOR`
/// is honoured whatever the configuration says).
pub fn install_config(loaded: &crate::config::Loaded) {
    if let Ok(overrides) = keymap::user::check(loaded) {
        keymap::user::install(overrides);
    }
    theme::install(configured_theme(loaded).unwrap_or_else(|_| {
        theme::configured(None, &Default::default(), theme::no_color_requested())
            .unwrap_or(theme::DARK)
    }));
}

/// The configuration's theme, or the problem with it (naming the file and line).
fn configured_theme(
    loaded: &crate::config::Loaded,
) -> Result<theme::Theme, Box<crate::config::ConfigError>> {
    use crate::config::{ConfigError, Unknown};
    let c = &loaded.config;
    theme::configured(c.theme.as_deref(), &c.styles, theme::no_color_requested()).map_err(
        |unknown| {
            let (what, name, after, known): (_, _, _, Vec<String>) = match unknown {
                theme::Unknown::Theme(name) => (
                    Unknown::Theme,
                    name,
                    None,
                    theme::BUILT_IN.iter().map(|t| t.name.to_string()).collect(),
                ),
                theme::Unknown::Style(name) => (
                    Unknown::Style,
                    name,
                    Some("styles"),
                    theme::STYLE_NAMES.iter().map(|s| s.to_string()).collect(),
                ),
                theme::Unknown::Colour(name) => (
                    Unknown::Colour,
                    name,
                    Some("styles"),
                    ["red", "light-red", "dark-gray", "#ff8800", "…"]
                        .map(String::from)
                        .into(),
                ),
            };
            Box::new(ConfigError::Unknown {
                path: loaded.file(),
                line: loaded.line_of(&name, after),
                what,
                name,
                known,
            })
        },
    )
}

/// Opens the workbench on a session, or on the home screen of `dir`.
/// `who` is the name edits are recorded under (`--as`; default the OS user).
pub fn run(dir: &Path, session: Option<&Path>, who: Option<&str>) -> Result<ExitCode> {
    let who = who.map_or_else(session::current_user, str::to_string);
    let mut app = match session {
        Some(path) => App::open_with(dir, path, &who, true)?,
        None => App::home(dir),
    };
    app.who = who;
    if let Some(notice) = NOTICE.get() {
        app.message = Some(notice.clone());
    }
    // Whether another process writes the session is known before the terminal is touched:
    // without a terminal to ask "view it read-only?", say who holds it, as the question would.
    if let Some((path, holder)) = &app.pending_read_only
        && !(io::stdin().is_terminal() && io::stdout().is_terminal())
    {
        let lang = app.lang();
        let session = path.display().to_string();
        let holder = lang.lock_holder(holder);
        let text = lang.texts().health.held_no_terminal;
        anyhow::bail!(crate::i18n::fill(
            text,
            &[("session", &session), ("holder", &holder)]
        ));
    }
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("cannot install the signal handlers")?;
    }
    install_panic_hook();
    let mut terminal = setup().context("cannot set up the terminal")?;
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut app, &stop)
    }));
    restore();
    match result {
        Ok(outcome) => {
            // Whatever ended the loop, what is in memory goes to disk.
            app.flush_note();
            if let Some(work) = &mut app.work
                && work.needs_save()
            {
                work.save_now();
            }
            if let Some(work) = &app.work
                && matches!(work.save, app::SaveState::Failed(_))
            {
                // The last save failed (a full disk, a deleted folder, a conflict): what is in
                // memory goes to a recovery file somewhere that exists, and the exit says so.
                match session::save_recovery(&work.path, &work.session) {
                    Ok(path) => crate::terminal_text::warn(&format!(
                        "assess: the session could not be saved; what was in memory is in {}",
                        path.display()
                    )),
                    Err(e) => crate::terminal_text::warn(&format!(
                        "assess: the session could not be saved, nor a recovery file written: {e}"
                    )),
                }
                return Ok(ExitCode::FAILURE);
            }
            outcome?;
            Ok(ExitCode::SUCCESS)
        }
        Err(_) => {
            if let Some(path) = write_recovery(&app) {
                crate::terminal_text::warn(&format!(
                    "assess: the session in memory was written to {}",
                    path.display()
                ));
            }
            Ok(ExitCode::FAILURE)
        }
    }
}

/// Draws only after something happened (a key, a click, a paste, a resize, a save by the
/// timer), never in a busy loop: an idle workbench wakes four times a second to look at the
/// clock and draws nothing. Each draw sends the terminal only the cells that changed.
fn event_loop(terminal: &mut Term, app: &mut App, stop: &AtomicBool) -> Result<()> {
    let events = spawn_event_reader();
    app.defer_saves();
    let mut redraw = true;
    loop {
        if redraw {
            let size = terminal.size()?;
            app.area = Rect::new(0, 0, size.width, size.height);
            terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        }
        // The frame showing an edit (or a typed query) is out; now its save (or the ranking),
        // before the next key is read, and a redraw ("saved", or why not; the ranked hits).
        if app.after_frame() {
            redraw = true;
            continue;
        }
        if app.quit || stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        // While evidence is hashed, its progress is shown ten times a second.
        let wait = Duration::from_millis(if app.busy() { 100 } else { 250 });
        redraw = match events.recv_timeout(wait) {
            Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => {
                app.handle_key(key);
                true
            }
            Ok(Event::Mouse(mouse)) if mouse.kind != MouseEventKind::Moved => {
                app.handle_mouse(mouse);
                true
            }
            Ok(Event::Paste(text)) => {
                app.handle_paste(&text);
                true
            }
            Ok(Event::Resize(..)) => true,
            Ok(_) | Err(mpsc::RecvTimeoutError::Timeout) => false,
            // The terminal is gone: leave the loop so what is in memory is saved.
            Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
        };
        redraw |= app.tick(Instant::now());
    }
}

/// Reads terminal events on a thread of their own. Once a terminal hangs up, crossterm's
/// reader retries the dead descriptor forever and never returns; waiting on a channel with a
/// timeout keeps the loop alive to see SIGHUP, save and exit (the thread ends with the process).
fn spawn_event_reader() -> mpsc::Receiver<Event> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        while let Ok(event) = event::read() {
            if sender.send(event).is_err() {
                break;
            }
        }
    });
    receiver
}

fn setup() -> io::Result<Term> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    // Bracketed paste: a pasted block arrives as one event, so its line breaks and letters
    // cannot act as keys (confirm a prompt, answer requirements, quit).
    execute!(
        out,
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    Terminal::new(CrosstermBackend::new(out))
}

/// Puts the terminal back as it was; safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Restores the terminal before the panic message is printed, then chains to the old hook.
fn install_panic_hook() {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Writes the session in memory beside its file (`NAME.ron.recovered`, mode 0600).
pub fn write_recovery(app: &App) -> Option<PathBuf> {
    let work = app.work.as_ref()?;
    session::save_recovery(&work.path, &work.session).ok()
}
