//! Working as a team: the git merge driver as a whole process on two full sessions with long
//! histories, `assess rollup` over 1,000 sessions (a process, on every core), and the first
//! frame of a session worked on for a year (100,000 history entries); and parsing such
//! histories, with RON and with the fast reader. Run with `cargo bench --bench teams`;
//! figures are recorded in BENCHMARKS.md.

mod support;

use std::path::Path;
use std::process::Command;

use assess::session::{
    Change, Session, Status, fresh_id, parse_changes, save_session, session_to_string,
};
use divan::Bencher;
use support::{Size, fixture};

fn main() {
    divan::main();
}

/// Pads a session's history to `n` entries of realistic shape (ids, times, old → new).
fn grow_history(s: &mut Session, n: usize, who: &str) {
    let targets: Vec<String> = s.answers.keys().cloned().collect();
    let mut i = s.history.len();
    while s.history.len() < n {
        let minute = i % 60;
        s.history.push(Change {
            id: fresh_id(),
            at: format!(
                "2026-0{}-1{}T10:{minute:02}:00Z",
                1 + i / 20_000 % 9,
                i / 2_000 % 10
            ),
            by: who.to_string(),
            target: targets[i % targets.len()].clone(),
            field: "status".into(),
            old: "partial".into(),
            new: "met".into(),
            via: String::new(),
        });
        i += 1;
    }
}

/// Base, ours and theirs of the bundled model's full session (1,897 answers): each side
/// answered 100 requirements of its own and has 5,000 history entries.
fn three_sides(dir: &Path) {
    let f = fixture(Size::Bundled, 1_897, false);
    let mut base = f.session.clone();
    grow_history(&mut base, 4_800, "base");
    let ids: Vec<String> = f
        .model
        .index
        .requirements
        .iter()
        .map(|r| r.id.clone())
        .collect();
    let side = |who: &str, range: std::ops::Range<usize>| {
        let mut s = base.clone();
        for id in &ids[range] {
            s.set_status(id, Status::NotMet, who).expect("edit");
        }
        grow_history(&mut s, 5_000, who);
        s
    };
    save_session(&dir.join("base.ron"), &base).expect("save");
    save_session(&dir.join("ours.ron"), &side("li", 0..100)).expect("save");
    save_session(&dir.join("theirs.ron"), &side("wang", 1_000..1_100)).expect("save");
}

/// `assess merge-driver %O %A %B %L %P` as git runs it: a fresh process, reading three files
/// and writing the result over %A.
#[divan::bench(sample_count = 20)]
fn merge_driver_process(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("tempdir");
    three_sides(dir.path());
    let ours = std::fs::read(dir.path().join("ours.ron")).expect("read");
    let a = dir.path().join("a.ron");
    bencher
        .with_inputs(|| std::fs::write(&a, &ours).expect("write %A"))
        .bench_local_values(|()| {
            let status = Command::new(env!("CARGO_BIN_EXE_assess"))
                .current_dir(dir.path())
                .args([
                    "merge-driver",
                    "base.ron",
                    "a.ron",
                    "theirs.ron",
                    "7",
                    "s.ron",
                ])
                .status()
                .expect("runs");
            assert!(status.success());
        });
}

/// `assess rollup DIR -o out.md` over 1,000 project sessions of 200 answers each.
#[divan::bench(sample_count = 5)]
fn rollup_1000_sessions_process(bencher: Bencher) {
    let f = fixture(Size::Bundled, 200, false);
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read(&f.path).expect("read");
    for i in 0..1_000 {
        std::fs::write(dir.path().join(format!("project-{i:04}.ron")), &text).expect("write");
    }
    bencher.bench_local(|| {
        let status = Command::new(env!("CARGO_BIN_EXE_assess"))
            .current_dir(dir.path())
            .args(["rollup", ".", "-o", "../rollup.md"])
            .status()
            .expect("runs");
        assert!(status.success());
    });
}

/// Start-up to the first frame of a full session with a year of history (100,000 entries).
#[divan::bench(sample_count = 10)]
fn first_frame_100k_history(bencher: Bencher) {
    let mut f = fixture(Size::Bundled, 1_897, false);
    grow_history(&mut f.session, 100_000, "li");
    save_session(&f.path, &f.session).expect("save");
    bencher.bench_local(|| {
        let mut app = support::open(&f);
        let mut terminal = support::terminal(80, 24);
        support::draw(&mut app, &mut terminal);
        app
    });
}

/// The history's `[ … ]` of `n` entries as a session file holds it (it is the last field).
fn history_text(n: usize) -> String {
    let mut f = fixture(Size::Bundled, 200, true);
    grow_history(&mut f.session, n, "li");
    let file = session_to_string(&f.session);
    let start = file.rfind("\n    history: [").expect("a history") + "\n    history: ".len();
    let end = file.rfind(']').expect("its end") + 1;
    file[start..end].to_string()
}

/// Parsing a history of 5,000 entries (the merge driver reads two) and of 100,000 (a year) with
/// RON, as every history was read before the fast reader …
#[divan::bench(args = [5_000, 100_000], sample_count = 10)]
fn history_parse_ron(bencher: Bencher, n: usize) {
    let text = history_text(n);
    bencher.bench_local(|| {
        ron::Options::default()
            .from_str::<Vec<Change>>(&text)
            .expect("parses")
    });
}

/// … and with the fast reader (`parse_changes`), which gives the same entries.
#[divan::bench(args = [5_000, 100_000], sample_count = 10)]
fn history_parse_fast(bencher: Bencher, n: usize) {
    let text = history_text(n);
    bencher.bench_local(|| parse_changes(&text).expect("parses"));
}
