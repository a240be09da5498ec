//! Timings of checking the evidence register when a session is opened: every local file is
//! hashed again (a file of another size is known to have changed without reading it).
//! Run with `cargo bench --bench evidence`; figures are recorded in BENCHMARKS.md.

mod harness;

use harness::time;

use assess::model::load_embedded;
use assess::review;
use assess::session::{EvidenceType, NewSession, Session, describe_evidence, evidence_checks};

fn main() {
    let model = load_embedded("caict-devops").expect("model");
    let dir = tempfile::tempdir().expect("tempdir");
    let mut session = Session::new(
        &model,
        NewSession {
            title: "bench".into(),
            ..NewSession::default()
        },
    )
    .expect("session");
    // 100 evidence files of 1 MiB each: a large register of real documents and screenshots.
    let bytes = vec![b'x'; 1024 * 1024];
    for n in 0..100 {
        let name = format!("evidence-{n}.bin");
        std::fs::write(dir.path().join(&name), &bytes).expect("write");
        let e = describe_evidence(dir.path(), &name, EvidenceType::Document, &name).expect("e");
        session.add_evidence(e, "bench").expect("add");
    }
    println!("register: 100 files of 1 MiB\n");
    time(
        "check every file (open a session: 100 × 1 MiB)",
        10,
        || evidence_checks(&session, dir.path()),
    );
    for n in 0..100 {
        std::fs::write(dir.path().join(format!("evidence-{n}.bin")), b"short").expect("write");
    }
    time("check every file, all resized (size only)", 50, || {
        evidence_checks(&session, dir.path())
    });
    let checks = evidence_checks(&session, dir.path());
    time("count all seven review filters (whole model)", 200, || {
        review::counts(&model, &session, &checks)
    });
}
