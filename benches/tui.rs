//! Key-to-saved-frame: one key handled by the workbench, the next frame drawn, its save and the
//! status line redrawn (the whole work of one key, as the event loop does it), per screen
//! (assessment, summary with radar, palette with a query), at 80×24 and 250×70, on the bundled
//! model and on a synthetic model of 10,000 requirements. The session lives in memory
//! (`/dev/shm`) so an answer's fsync is not counted here: the `autosave` bench times the disk.
//! Run with `cargo bench --bench tui`; figures are recorded in BENCHMARKS.md.

mod support;

use divan::Bencher;
use support::{SCREENS, Size, fixture};

fn main() {
    divan::main();
}

/// Screen names, as the bench arguments.
const NAMES: [&str; 4] = [SCREENS[0].0, SCREENS[1].0, SCREENS[2].0, SCREENS[3].0];

fn key_to_frame(bencher: Bencher, size: Size, (w, h): (u16, u16), name: &str) {
    let (_, setup, keys) = SCREENS
        .iter()
        .find(|s| s.0 == name)
        .expect("a screen of SCREENS");
    let f = fixture(size, 1_000, true);
    let mut app = support::open(&f);
    let mut terminal = support::terminal(w, h);
    app.press(setup);
    support::draw(&mut app, &mut terminal);
    let mut turn = 0;
    bencher.bench_local(|| {
        app.press(keys[turn % keys.len()]);
        turn += 1;
        support::draw(&mut app, &mut terminal);
        let _ = support::after_frame(&mut app, &mut terminal);
    });
}

#[divan::bench(args = NAMES, sample_count = 50)]
fn bundled_80x24(bencher: Bencher, name: &str) {
    key_to_frame(bencher, Size::Bundled, (80, 24), name);
}

#[divan::bench(args = NAMES, sample_count = 50)]
fn bundled_250x70(bencher: Bencher, name: &str) {
    key_to_frame(bencher, Size::Bundled, (250, 70), name);
}

#[divan::bench(args = NAMES, sample_count = 50)]
fn synthetic_10k_80x24(bencher: Bencher, name: &str) {
    key_to_frame(bencher, Size::Synthetic(10_000), (80, 24), name);
}

#[divan::bench(args = NAMES, sample_count = 50)]
fn synthetic_10k_250x70(bencher: Bencher, name: &str) {
    key_to_frame(bencher, Size::Synthetic(10_000), (250, 70), name);
}
