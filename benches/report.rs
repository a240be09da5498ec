//! Timings of reports on a large session: the bundled model with every part in scope and
//! 1,000 answers (notes, evidence, flags and N/A among them), in each format.
//! Run with `cargo bench --bench report`; figures are recorded in BENCHMARKS.md.

mod harness;

use harness::time;

use assess::model::load_embedded;
use assess::report::{self, Format, ReportOptions};
use assess::session::{Evidence, NewSession, Session, Status};

fn main() {
    let model = load_embedded("caict-devops").expect("model");
    let mut session = Session::new(
        &model,
        NewSession {
            title: "bench".into(),
            organisation: "Bench Co.".into(),
            target: Some(4),
            ..NewSession::default()
        },
    )
    .expect("session");
    let evidence: Vec<String> = (0..50)
        .map(|n| {
            let e = Evidence {
                title: format!("Evidence document {n}, revision 3"),
                location: format!("docs/evidence/{n}.pdf"),
                ..Evidence::default()
            };
            session.add_evidence(e, "bench").expect("edit")
        })
        .collect();
    for (n, r) in model.index.requirements.iter().take(1000).enumerate() {
        match n % 10 {
            9 => session.set_not_applicable(&r.id, "Out of scope: no such system here.", "bench"),
            k => session.set_status(
                &r.id,
                [Status::Met, Status::Partial, Status::NotMet][k % 3],
                "bench",
            ),
        }
        .expect("answer");
        if n % 3 == 0 {
            let note = "A note of a realistic length, with \"quotes\", commas, 中文 text\nand a second line.";
            session.set_note(&r.id, note, "bench").expect("edit");
            session
                .attach_evidence(&r.id, &evidence[n % 50], "bench")
                .expect("evidence");
        }
        if n % 25 == 0 {
            session.toggle_flag(&r.id, "bench").expect("edit");
        }
    }
    println!(
        "model: {} practices, {} requirements; session: {} answers, {} evidence\n",
        model.index.practices.len(),
        model.index.requirements.len(),
        session.answers.len(),
        session.evidence.len()
    );
    let options = ReportOptions::default();
    time("build the report data (1,000 answers)", 50, || {
        report::prepare(&model, &session, &options)
    });
    for format in Format::ALL {
        let name = format!("render {} (build included)", format.extension());
        time(&name, 50, || {
            report::render(&model, &session, format, &options)
        });
    }
    let redacted = ReportOptions {
        redact: true,
        ..ReportOptions::default()
    };
    time("render html, redacted", 50, || {
        report::render(&model, &session, Format::Html, &redacted)
    });
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bench.report.html");
    time("render html and write it atomically", 50, || {
        report::write_report(&path, &model, &session, Format::Html, &options).expect("write")
    });
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("\nHTML report size: {} KiB", size / 1024);
}
