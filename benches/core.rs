//! Timings of the core paths a user waits on: loading the bundled model at start-up, scoring
//! the whole model after an answer, and the atomic, fsynced save that follows every change.
//! Run with `cargo bench --bench core`; figures are recorded in BENCHMARKS.md.

mod harness;

use harness::time;

use assess::model::load_embedded;
use assess::scoring::Scorecard;
use assess::session::{NewSession, Session, Status, save_session};

fn main() {
    let model = load_embedded("caict-devops").expect("model");
    let mut session = Session::new(
        &model,
        NewSession {
            title: "bench".into(),
            ..NewSession::default()
        },
    )
    .expect("session");
    // Answer 1,000 requirements across all parts, with notes on every tenth.
    for (n, r) in model.index.requirements.iter().take(1000).enumerate() {
        let status = [Status::Met, Status::Partial, Status::NotMet][n % 3];
        session.set_status(&r.id, status, "bench").expect("answer");
        if n % 10 == 0 {
            session
                .set_note(
                    &r.id,
                    "A note of a realistic length, with 中文 text and a path docs/x.pdf.",
                    "bench",
                )
                .expect("edit");
        }
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bench.ron");

    println!(
        "model: {} practices, {} requirements; session: {} answers\n",
        model.index.practices.len(),
        model.index.requirements.len(),
        session.answers.len()
    );
    time("load + validate the bundled model", 20, || {
        load_embedded("caict-devops").expect("model")
    });
    time(
        "score every practice and roll up (1,000 answers)",
        200,
        || Scorecard::compute(&model, &session.answers),
    );
    time("summary of all six parts", 200, || {
        assess::summary::summarize(&model, &session, "en")
    });
    time(
        "atomic save with fsync and backup (1,000 answers)",
        50,
        || save_session(&path, &session).expect("save"),
    );
    time(
        "sign-off content hash (finalize / verify, 1,000 answers)",
        200,
        || assess::session::content_hash(&session),
    );
    // Undo in the workbench: bring back the snapshot before one answer, logging the change.
    let before = session.clone();
    let mut after = session.clone();
    let first = &model.index.requirements[0].id;
    after
        .set_status(first, Status::NotMet, "bench")
        .expect("edit");
    time("undo one answer, appending to the history", 200, || {
        let mut s = after.clone();
        s.revert_to(&before, "bench").expect("undo");
        s
    });
}
