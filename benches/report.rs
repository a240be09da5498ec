//! Reports of a large session: the bundled model with every part in scope and 1,000 answers
//! (notes, evidence, flags and N/A among them), in each format.
//! Run with `cargo bench --bench report`; figures are recorded in BENCHMARKS.md.

mod support;

use assess::report::{self, Format, ReportOptions};
use divan::Bencher;
use support::{Size, fixture};

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 30)]
fn build_report_data(bencher: Bencher) {
    let f = fixture(Size::Bundled, 1_000, true);
    bencher.bench_local(|| report::prepare(&f.model, &f.session, &ReportOptions::default()));
}

/// Each format, building the data included.
#[divan::bench(args = ["md", "html", "csv", "json"], sample_count = 30)]
fn render(bencher: Bencher, extension: &str) {
    let f = fixture(Size::Bundled, 1_000, true);
    let format = Format::ALL
        .into_iter()
        .find(|f| f.extension() == extension)
        .expect("format");
    bencher.bench_local(|| report::render(&f.model, &f.session, format, &ReportOptions::default()));
}

#[divan::bench(sample_count = 30)]
fn render_html_redacted(bencher: Bencher) {
    let f = fixture(Size::Bundled, 1_000, true);
    let redacted = ReportOptions {
        redact: true,
        ..ReportOptions::default()
    };
    bencher.bench_local(|| report::render(&f.model, &f.session, Format::Html, &redacted));
}

/// Rendering HTML and writing it atomically (fsync, 0600) to disk.
#[divan::bench(sample_count = 30)]
fn write_html_report(bencher: Bencher) {
    let f = fixture(Size::Bundled, 1_000, false);
    let path = f.dir.path().join("bench.report.html");
    bencher.bench_local(|| {
        report::write_report(
            &path,
            &f.model,
            &f.session,
            Format::Html,
            &ReportOptions::default(),
        )
        .expect("write")
    });
}
