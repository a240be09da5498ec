//! Every built-in theme (and `NO_COLOR`) draws every screen: snapshots of the assessment
//! screen in each, and cell checks that the selection is a visible bar and that without colour
//! no cell has a colour.

mod workbench;

use std::path::Path;

use assess::tui::app::App;
use assess::tui::theme::{self, BUILT_IN, DARK, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const SAMPLE: &str = "sessions/eastbridge-trading-platform.ron";

fn sample() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("eastbridge-trading-platform.ron");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE), &path).expect("copy");
    let mut app = App::open(dir.path(), &path).expect("open sample");
    app.message = None;
    (dir, app)
}

fn buffer(app: &App, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| f.render_widget(app, f.area()))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The themes under test: the built-in ones and `dark` as `NO_COLOR` leaves it.
fn themes() -> Vec<(&'static str, &'static Theme)> {
    let plain: &'static Theme = Box::leak(Box::new(DARK.without_colour()));
    BUILT_IN
        .into_iter()
        .map(|t| (t.name, t))
        .chain([("no-color", plain)])
        .collect()
}

#[test]
fn the_assessment_screen_in_each_theme() {
    for (name, theme) in themes() {
        let (_dir, app) = sample();
        let buf = theme::scoped(theme, || buffer(&app, 160, 48));
        insta::assert_snapshot!(format!("assessment_{name}"), workbench::text(&buf));
        let bar = buf.content().iter().filter(|c| {
            let s = c.style();
            s.bg.unwrap_or(Color::Reset) == theme.selected.bg.unwrap_or(Color::Reset)
                && s.add_modifier.contains(theme.selected.add_modifier)
        });
        assert!(
            bar.count() > 40,
            "{name}: the current requirement is a solid bar"
        );
    }
}

#[test]
fn every_theme_draws_every_screen_and_no_color_has_none() {
    let screens = ["", "r", "?", "/", "o", "e", "F", "A", "h", "P", "v"];
    for (name, theme) in themes() {
        for keys in screens {
            let (_dir, mut app) = sample();
            app.press(keys);
            let buf = theme::scoped(theme, || buffer(&app, 100, 30));
            assert!(!workbench::text(&buf).trim().is_empty(), "{name} {keys}");
            if name == "no-color" {
                let coloured = buf
                    .content()
                    .iter()
                    .find(|c| c.fg != Color::Reset || c.bg != Color::Reset);
                assert!(coloured.is_none(), "{keys}: {coloured:?}");
            }
        }
    }
}

#[test]
fn high_contrast_tells_target_from_achieved_by_shape() {
    let (_dir, app) = sample();
    let legend = |theme| workbench::text(&theme::scoped(theme, || buffer(&app, 160, 48)));
    // The target is dashed in every theme, so shape tells it apart even without colour.
    assert!(legend(&theme::HIGH_CONTRAST).contains("▪ ▪ target"));
    assert!(legend(&DARK).contains("▪ ▪ target"));
    assert!(
        theme::HIGH_CONTRAST
            .met
            .add_modifier
            .contains(Modifier::BOLD)
    );
}
