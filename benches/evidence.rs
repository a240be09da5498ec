//! Timings of checking the evidence register when a session is opened: every local file is
//! hashed again (a file of another size is known to have changed without reading it), and of
//! counting the review filters.
//! Run with `cargo bench --bench evidence`; figures are recorded in BENCHMARKS.md.

use std::path::Path;

use assess::model::{LoadedModel, load_embedded};
use assess::review;
use assess::session::{
    EvidenceType, NewSession, Session, describe_evidence, evidence_checks, register_checks_progress,
};
use divan::Bencher;

fn main() {
    divan::main();
}

/// A session whose register holds 100 evidence files of 1 MiB each in `dir`: a large register
/// of real documents and screenshots.
fn register(dir: &Path) -> (LoadedModel, Session) {
    let model = load_embedded("caict-devops").expect("model");
    let mut session = Session::new(
        &model,
        NewSession {
            title: "bench".into(),
            ..NewSession::default()
        },
    )
    .expect("session");
    let bytes = vec![b'x'; 1024 * 1024];
    for n in 0..100 {
        let name = format!("evidence-{n}.bin");
        std::fs::write(dir.join(&name), &bytes).expect("write");
        let e = describe_evidence(dir, &name, EvidenceType::Document, &name).expect("e");
        session.add_evidence(e, "bench").expect("add");
    }
    (model, session)
}

/// Opening a session: every file hashed again (100 × 1 MiB).
#[divan::bench(sample_count = 10)]
fn check_every_file(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, session) = register(dir.path());
    bencher.bench_local(|| evidence_checks(&session, dir.path()));
}

/// The same check as the workbench runs it on its thread: reporting progress (each whole
/// percent, as `tui/app/background.rs` passes it on) and watching a cancel flag.
#[divan::bench(sample_count = 10)]
fn check_every_file_with_progress(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, session) = register(dir.path());
    let cancel = std::sync::atomic::AtomicBool::new(false);
    bencher.bench_local(|| {
        let mut shown = Vec::new();
        let checks = register_checks_progress(&session.evidence, dir.path(), &cancel, &mut |p| {
            if shown.last() != Some(&p.percent()) {
                shown.push(p.percent());
            }
        });
        (checks, shown)
    });
}

/// Every file resized: known changed from its size alone.
#[divan::bench(sample_count = 30)]
fn check_every_file_all_resized(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, session) = register(dir.path());
    for n in 0..100 {
        std::fs::write(dir.path().join(format!("evidence-{n}.bin")), b"short").expect("write");
    }
    bencher.bench_local(|| evidence_checks(&session, dir.path()));
}

/// Counting all seven review filters over the whole model.
#[divan::bench(sample_count = 30)]
fn count_review_filters(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (model, session) = register(dir.path());
    let checks = evidence_checks(&session, dir.path());
    bencher.bench_local(|| review::counts(&model, &session, &checks));
}
