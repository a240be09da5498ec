//! The core paths a user waits on: start-up to the first drawn frame, the scoring rollup, the
//! atomic autosave after every change, and the fuzzy palette, on the bundled model and on a
//! synthetic model of 10,000 requirements. Run with `cargo bench --bench core`; figures are
//! recorded in BENCHMARKS.md.

mod support;

use std::hint::black_box;

use assess::model::load_embedded;
use assess::scoring::Scorecard;
use assess::session::{open_session, save_session, session_to_string};
use assess::tui::palette::{items, rank};
use divan::Bencher;
use support::{Size, fixture};

fn main() {
    divan::main();
}

/// Answers in the sessions of the scoring and autosave benches (on the 10,000 model).
const ANSWERS: [usize; 3] = [100, 1_000, 10_000];

#[divan::bench(sample_count = 30)]
fn load_bundled_model() -> assess::model::LoadedModel {
    load_embedded("caict-devops").expect("model")
}

/// Model load and validation, session load: what `assess open` does before drawing.
#[divan::bench(sample_count = 30)]
fn open_full_session(bencher: Bencher) {
    let f = fixture(Size::Bundled, 1_897, false);
    bencher.bench_local(|| open_session(&f.path).expect("open"));
}

/// Start-up to the first drawn frame: model, session, lock, scorecard, layout and render.
#[divan::bench(args = [(80, 24), (250, 70)], sample_count = 30)]
fn first_frame_full_session(bencher: Bencher, (w, h): (u16, u16)) {
    let f = fixture(Size::Bundled, 1_897, false);
    bencher.bench_local(|| {
        let mut app = support::open(&f);
        let mut terminal = support::terminal(w, h);
        support::draw(&mut app, &mut terminal);
        app
    });
}

#[divan::bench(sample_count = 10)]
fn first_frame_synthetic_10k(bencher: Bencher) {
    let f = fixture(Size::Synthetic(10_000), 1_000, false);
    bencher.bench_local(|| {
        let mut app = support::open(&f);
        let mut terminal = support::terminal(250, 70);
        support::draw(&mut app, &mut terminal);
        app
    });
}

/// Scoring every practice and rolling up items, domains and parts from scratch.
#[divan::bench(args = ANSWERS, sample_count = 30)]
fn scoring_full_rollup(bencher: Bencher, answers: usize) {
    let f = fixture(Size::Synthetic(10_000), answers, true);
    bencher.bench_local(|| Scorecard::compute(&f.model, &f.session.answers));
}

/// What an answer costs the scorecard now: one practice rescored, its item, domain and part
/// rolled up again.
#[divan::bench(args = ANSWERS, sample_count = 30)]
fn scoring_rescore_one_practice(bencher: Bencher, answers: usize) {
    let f = fixture(Size::Synthetic(10_000), answers, true);
    let mut card = Scorecard::compute(&f.model, &f.session.answers);
    let practice = f.model.index.practices.len() / 2;
    bencher.bench_local(|| card.rescore(&f.model, &f.session.answers, black_box(practice)));
}

/// One autosave: serialise, write a temp file, fsync, backup link, rename, fsync the dir.
#[divan::bench(args = ANSWERS, sample_count = 30)]
fn autosave(bencher: Bencher, answers: usize) {
    let f = fixture(Size::Synthetic(10_000), answers, false);
    bencher.bench_local(|| save_session(&f.path, &f.session).expect("save"));
}

/// The workbench's autosave: `autosave` after the re-check that the file and its lock are
/// still this writer's (a stat, and a SHA-256 of the text written, for the next re-check).
#[divan::bench(args = ANSWERS, sample_count = 30)]
fn autosave_guarded(bencher: Bencher, answers: usize) {
    let f = fixture(Size::Synthetic(10_000), answers, false);
    let mut lock = Some(assess::session::acquire_lock(&f.path).expect("lock"));
    let mut guard = assess::session::SaveGuard::watch(&f.path);
    bencher.bench_local(|| guard.save(&f.path, &f.session, &mut lock).expect("save"));
}

/// The serialising part of an autosave alone.
#[divan::bench(args = ANSWERS, sample_count = 30)]
fn autosave_serialise_only(bencher: Bencher, answers: usize) {
    let f = fixture(Size::Synthetic(10_000), answers, true);
    bencher.bench_local(|| session_to_string(&f.session));
}

/// The sign-off content hash (finalize / verify).
#[divan::bench(args = ANSWERS, sample_count = 30)]
fn sign_off_content_hash(bencher: Bencher, answers: usize) {
    let f = fixture(Size::Synthetic(10_000), answers, true);
    bencher.bench_local(|| assess::session::content_hash(&f.session));
}

/// Undo in the workbench: bring back the session before one answer, logging the change.
#[divan::bench(args = ANSWERS, sample_count = 30)]
fn undo_one_answer_logged(bencher: Bencher, answers: usize) {
    let f = fixture(Size::Synthetic(10_000), answers, true);
    let mut after = f.session.clone();
    let first = &f.model.index.requirements[0].id;
    after
        .set_status(first, assess::session::Status::NotMet, "bench")
        .expect("edit");
    bencher
        .with_inputs(|| after.clone())
        .bench_local_values(|mut s| {
            s.revert_to(&f.session, "bench").expect("undo");
            s
        });
}

const QUERIES: [&str; 4] = ["d", "deploy", "部署", "rollback plan"];

#[divan::bench(args = QUERIES, sample_count = 30)]
fn palette_query_bundled(bencher: Bencher, query: &str) {
    let f = fixture(Size::Bundled, 1_000, true);
    let all = items(&f.model, &f.session);
    bencher.bench_local(|| rank(black_box(&all), query));
}

/// 10,000 requirements, a third of the 1,000 answers with a long note.
#[divan::bench(args = QUERIES, sample_count = 20)]
fn palette_query_synthetic_10k(bencher: Bencher, query: &str) {
    let f = fixture(Size::Synthetic(10_000), 10_000, true);
    let all = items(&f.model, &f.session);
    bencher.bench_local(|| rank(black_box(&all), query));
}
