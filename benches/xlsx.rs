//! The Excel round trip on a full session: the bundled model, all six parts in scope, every
//! one of its requirements answered (notes, N/A with reasons among them).
//! Run with `cargo bench --bench xlsx`; figures are recorded in BENCHMARKS.md.

mod support;

use assess::lang::Lang;
use assess::xlsx::{self, QuestionnaireOptions};
use divan::Bencher;
use support::{Size, fixture};

fn main() {
    divan::main();
}

/// Every requirement of the bundled model.
fn answers() -> usize {
    assess::model::load_embedded("caict-devops")
        .expect("model")
        .index
        .requirements
        .len()
}

fn options() -> QuestionnaireOptions {
    QuestionnaireOptions {
        lang: Lang::Zh,
        parts: Vec::new(),
    }
}

/// Writing the questionnaire workbook (all six sheets) to bytes.
#[divan::bench(sample_count = 20)]
fn export(bencher: Bencher) {
    let f = fixture(Size::Bundled, answers(), true);
    bencher.bench_local(|| xlsx::render(&f.model, &f.session, &options()).expect("render"));
}

/// Reading the filled workbook and comparing it with the session (what `--dry-run` does).
#[divan::bench(sample_count = 20)]
fn import_plan(bencher: Bencher) {
    let f = fixture(Size::Bundled, answers(), true);
    let bytes = xlsx::render(&f.model, &f.session, &options()).expect("render");
    bencher.bench_local(|| {
        let filled = xlsx::read_bytes(&bytes, &f.model).expect("read");
        xlsx::plan(&f.model, &f.session, &filled)
    });
}

/// The whole import into an empty session: read, compare, and every answer, note and reason
/// applied as a logged edit.
#[divan::bench(sample_count = 20)]
fn import_apply(bencher: Bencher) {
    let f = fixture(Size::Bundled, answers(), true);
    let bytes = xlsx::render(&f.model, &f.session, &options()).expect("render");
    let mut empty = f.session.clone();
    empty.answers.clear();
    empty.history.clear();
    bencher.bench_local(|| {
        let filled = xlsx::read_bytes(&bytes, &f.model).expect("read");
        let plan = xlsx::plan(&f.model, &empty, &filled);
        let mut into = empty.clone();
        let via = "imported from bench.xlsx";
        xlsx::apply(&mut into, &f.model, &plan, "bench", via, false).expect("apply");
        into
    });
}
