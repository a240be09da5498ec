//! Kill at any moment: the real binary in a pseudo-terminal goes through random edits
//! (answers, notes, evidence, flags, undo and redo) and is killed with SIGKILL at random
//! points — right after a key, a few milliseconds later, mid-note, or at rest. After each kill
//! the file must parse and hold every change the screen had acknowledged as saved, and the
//! reopened workbench must show it.
//!
//! A change counts as acknowledged once a later probe key (toggling auto-advance, which changes
//! only a setting kept with the cursor, not answers) has been drawn with " saved " in the status line: keys are handled
//! in order and answers are saved before the next key is read. The expected state is a mirror
//! session edited with the same core functions.
//!
//! 50 iterations (one spawn, 1–5 edits, one kill) by default, seeded; the long run:
//! `ASSESS_STRESS_ITERATIONS=1000 cargo test --test kill_at_any_moment -- --nocapture`.

mod fixtures;
mod support;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use assess::model::{LoadedModel, load_embedded};
use assess::session::{Evidence, Session, Status, load_session};
use fixtures::Rng;
use support::{DEADLINE, Home, Pty};

const WHO: &str = "tester";

/// Text typed into notes and evidence titles: wide CJK, emoji, combining marks, RTL.
const WORDS: &[&str] = &[
    "pipeline",
    "评审记录",
    "发布",
    "👍",
    "🚀",
    "e\u{301}te\u{301}",
    "שלום",
    "مرحبا",
    "ok",
    "v2.1",
    "(draft)",
    "\"quoted\"",
    "x",
];

/// What the file must hold: answers and the evidence register, without timestamps.
type Projection = (
    BTreeMap<String, (Option<Status>, Option<String>, String, Vec<String>, bool)>,
    BTreeMap<String, (String, String)>,
);

fn project(s: &Session) -> Projection {
    let answers = s
        .answers
        .iter()
        .map(|(id, a)| {
            let value = (
                a.status,
                a.justification.clone(),
                a.note.clone(),
                a.evidence.clone(),
                a.flagged,
            );
            (id.clone(), value)
        })
        .collect();
    let evidence = s
        .evidence
        .iter()
        .map(|(id, e)| (id.clone(), (e.title.clone(), e.location.clone())))
        .collect();
    (answers, evidence)
}

/// The session as the test expects it, with undo and redo as the workbench does them.
struct Mirror {
    now: Session,
    undo: Vec<Session>,
    redo: Vec<Session>,
}

impl Mirror {
    fn edit(&mut self, change: impl FnOnce(&mut Session)) {
        let before = self.now.clone();
        change(&mut self.now);
        self.undo.push(before);
        self.redo.clear();
    }
    fn undo(&mut self, redo: bool) {
        let (from, to) = if redo {
            (&mut self.redo, &mut self.undo)
        } else {
            (&mut self.undo, &mut self.redo)
        };
        if let Some(previous) = from.pop() {
            to.push(std::mem::replace(&mut self.now, previous));
        }
    }
}

/// One random edit: the keys to send and its effect on the mirror.
enum Edit {
    Answer(&'static str, Status),
    Clear,
    Flag,
    Note(String),
    Evidence(String),
    Undo,
    Redo,
    Move(&'static str),
}

fn random_edit(rng: &mut Rng) -> Edit {
    let text = |rng: &mut Rng| {
        let n = 1 + rng.below(4);
        let words: Vec<&str> = (0..n).map(|_| rng.pick(WORDS)).collect();
        words.join(" ")
    };
    match rng.below(16) {
        0..=2 => Edit::Answer("y", Status::Met),
        3 | 4 => Edit::Answer("p", Status::Partial),
        5 | 6 => Edit::Answer("n", Status::NotMet),
        7 => Edit::Clear,
        8 => Edit::Flag,
        9 | 10 => Edit::Note(text(rng)),
        11 => Edit::Evidence(text(rng)),
        12 | 13 => Edit::Undo,
        14 => Edit::Redo,
        _ => Edit::Move(if rng.below(2) == 0 { "j" } else { "k" }),
    }
}

impl Edit {
    /// Applies the edit to the mirror, for the requirement `id` the screen is on.
    fn apply(&self, mirror: &mut Mirror, id: &str) {
        match self {
            Edit::Answer(_, status) => mirror.edit(|s| {
                s.set_status(id, *status, WHO).expect("status");
            }),
            Edit::Clear => mirror.edit(|s| s.clear_status(id, WHO).expect("edit")),
            Edit::Flag => mirror.edit(|s| {
                s.toggle_flag(id, WHO).expect("edit");
            }),
            Edit::Note(text) => {
                let old = mirror.now.answers.get(id).map(|a| a.note.clone());
                let new = format!("{}{text}", old.unwrap_or_default());
                mirror.edit(|s| s.set_note(id, &new, WHO).expect("edit"));
            }
            Edit::Evidence(title) => mirror.edit(|s| {
                let e = s
                    .add_evidence(
                        Evidence {
                            title: title.trim().to_string(),
                            ..Evidence::default()
                        },
                        WHO,
                    )
                    .expect("edit");
                s.attach_evidence(id, &e, WHO).expect("attach");
            }),
            Edit::Undo => mirror.undo(false),
            Edit::Redo => mirror.undo(true),
            Edit::Move(_) => {}
        }
    }
}

/// Polls the screen every 2 ms up to the deadline; prints the screen if it runs out.
fn wait(pty: &Pty, what: &str, pred: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let screen = pty.screen();
        if pred(&screen) {
            return screen;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "timed out waiting for {what}; the screen was:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// The current requirement's id, shown in the guidance box as `(id)`.
fn current_id(screen: &str, model: &LoadedModel) -> Option<String> {
    screen.split('(').skip(1).find_map(|rest| {
        let id = rest.split(')').next()?;
        model.index.requirement(id).map(|_| id.to_string())
    })
}

/// The answered count in the status line (`… 4/311 answered · EN`).
fn answered(screen: &str) -> Option<usize> {
    let line = screen.lines().find(|l| l.contains(" answered · "))?;
    let before = line.split(" answered · ").next()?;
    before.rsplit(' ').next()?.split('/').next()?.parse().ok()
}

/// Toggles auto-advance and waits until that is drawn: every earlier key has been handled.
fn probe(pty: &mut Pty, auto_on: &mut bool) -> String {
    pty.send("a");
    *auto_on = !*auto_on;
    let on = *auto_on;
    wait(pty, "the probe", move |s| {
        if on {
            s.contains("auto-advance on") && !s.contains("auto-advance off")
        } else {
            s.contains("auto-advance off")
        }
    })
}

/// How the spawn ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kill {
    /// After the last edit was acknowledged.
    AtRest,
    /// Right after the last edit's keys were written.
    RightAfter,
    /// A few milliseconds after the last edit's keys.
    Soon(u64),
    /// Half way through typing a note.
    MidNote,
}

struct Figures {
    iterations: usize,
    kills: usize,
    /// Kills with an edit's keys sent but not yet acknowledged.
    in_flight: usize,
    /// Of those, how many edits had reached the file anyway.
    in_flight_landed: usize,
    changes: usize,
    losses: Vec<String>,
}

fn iterations() -> usize {
    std::env::var("ASSESS_STRESS_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50)
}

#[test]
fn every_acknowledged_change_survives_sigkill() {
    let model = load_embedded("caict-devops").expect("model");
    let home = Home::new();
    let out = home.run(&["new", "--title", "Stress", "--parts", "cd", "--no-open"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = std::path::PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let mut mirror = Mirror {
        now: load_session(&file).expect("new session loads"),
        undo: Vec::new(),
        redo: Vec::new(),
    };
    let mut rng = Rng(0x6b69_6c6c_2d39);
    let mut figures = Figures {
        iterations: 0,
        kills: 0,
        in_flight: 0,
        in_flight_landed: 0,
        changes: 0,
        losses: Vec::new(),
    };
    for iteration in 0..iterations() {
        figures.iterations += 1;
        let (before, after, acked) = run_once(&home, &file, &model, &mut mirror, &mut rng);
        figures.kills += 1;
        figures.changes += acked;
        check_after_kill(&file, &mut mirror, &before, &after, iteration, &mut figures);
        if !figures.losses.is_empty() {
            break;
        }
    }
    eprintln!(
        "kill test: {} iterations, {} kills ({} with an edit in flight, {} of which had landed), {} acknowledged changes checked, {} losses",
        figures.iterations,
        figures.kills,
        figures.in_flight,
        figures.in_flight_landed,
        figures.changes,
        figures.losses.len()
    );
    assert!(figures.losses.is_empty(), "{}", figures.losses.join("\n\n"));
}

/// One spawn: reopen, check the screen, make 1–5 edits, kill. Returns the mirror states
/// the file may hold (before and after an edit in flight) and the acknowledged edit count.
fn run_once(
    home: &Home,
    file: &Path,
    model: &LoadedModel,
    mirror: &mut Mirror,
    rng: &mut Rng,
) -> (Session, Session, usize) {
    let stem = file
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .to_string();
    let mut pty = Pty::spawn(home, &["open", &stem], 160, 48);
    let (expected, _) = mirror.now.progress(model);
    wait(&pty, "the reopened session", |s| {
        answered(s) == Some(expected) && current_id(s, model).is_some()
    });
    // Auto-advance is kept with the session: start from what the reopened file says.
    let mut auto_on = load_session(file).map_or(true, |s| s.cursor.auto_advance);
    let mut screen = probe(&mut pty, &mut auto_on);
    let edits = 1 + rng.below(5);
    let kill = match rng.below(4) {
        0 => Kill::AtRest,
        1 => Kill::RightAfter,
        2 => Kill::Soon(rng.next() % 15),
        _ => Kill::MidNote,
    };
    let mut acked = 0;
    for n in 0..edits {
        let last = n + 1 == edits;
        let id = current_id(&screen, model).expect("a current requirement on screen");
        let edit = random_edit(rng);
        let before = mirror.now.clone();
        let mut after = Mirror {
            now: mirror.now.clone(),
            undo: mirror.undo.clone(),
            redo: mirror.redo.clone(),
        };
        edit.apply(&mut after, &id);
        if last
            && kill == Kill::MidNote
            && let Edit::Note(text) = &edit
        {
            pty.send("o");
            wait(&pty, "the note editor", |s| s.contains("Note ·"));
            let half: String = text.chars().take(text.chars().count() / 2).collect();
            pty.send(&half);
            return kill_now(pty, before, after.now, acked);
        }
        send_edit(&mut pty, &edit);
        if last && kill != Kill::AtRest {
            if let Kill::Soon(ms) = kill {
                std::thread::sleep(Duration::from_millis(ms));
            }
            return kill_now(pty, before, after.now, acked);
        }
        screen = probe(&mut pty, &mut auto_on);
        assert!(
            screen.contains(" saved "),
            "the status line must say saved:\n{screen}"
        );
        *mirror = after;
        acked += usize::from(!matches!(edit, Edit::Move(_)));
    }
    let now = mirror.now.clone();
    kill_now(pty, now.clone(), now, acked)
}

fn kill_now(
    mut pty: Pty,
    before: Session,
    after: Session,
    acked: usize,
) -> (Session, Session, usize) {
    pty.signal(9);
    pty.wait_exit();
    (before, after, acked)
}

/// Sends an edit's keys; overlays are waited out so Esc is never read as Alt+key.
fn send_edit(pty: &mut Pty, edit: &Edit) {
    match edit {
        Edit::Answer(key, _) => pty.send(key),
        Edit::Clear => pty.send("\x7f"),
        Edit::Flag => pty.send("f"),
        Edit::Undo => pty.send("u"),
        Edit::Redo => pty.send("\x12"),
        Edit::Move(key) => pty.send(key),
        Edit::Note(text) => {
            pty.send("o");
            wait(pty, "the note editor", |s| s.contains("Note ·"));
            pty.send(text);
            pty.send("\x13"); // C-s: save and close
            wait(pty, "the note editor to close", |s| !s.contains("Note ·"));
        }
        Edit::Evidence(title) => {
            pty.send("e");
            wait(pty, "the evidence register", |s| {
                s.contains("Evidence register")
            });
            pty.send("a");
            wait(pty, "the evidence form", |s| s.contains("New evidence"));
            pty.send(title);
            pty.send("\r");
            wait(pty, "the form to close", |s| !s.contains("New evidence"));
            pty.send("\x1b");
            wait(pty, "the register to close", |s| {
                !s.contains("Evidence register")
            });
        }
    }
}

/// The file must parse and be exactly the acknowledged state, or that plus the edit in flight
/// (a note cut short may hold a prefix of its text); the mirror then follows the file.
fn check_after_kill(
    file: &Path,
    mirror: &mut Mirror,
    before: &Session,
    after: &Session,
    iteration: usize,
    figures: &mut Figures,
) {
    let on_disk = match load_session(file) {
        Ok(s) => s,
        Err(e) => {
            figures.losses.push(format!(
                "iteration {iteration}: the file does not load: {e}"
            ));
            return;
        }
    };
    let got = project(&on_disk);
    let in_flight = project(before) != project(after);
    figures.in_flight += usize::from(in_flight);
    if got != project(before) && got != project(after) {
        figures.losses.push(format!(
            "iteration {iteration}: the file holds neither the acknowledged state nor the edit in flight\nfile:     {got:?}\nexpected: {:?}\nor:       {:?}",
            project(before),
            project(after)
        ));
        return;
    }
    figures.in_flight_landed += usize::from(in_flight && got == project(after));
    mirror.now = on_disk;
    // A new process starts with an empty undo history.
    mirror.undo.clear();
    mirror.redo.clear();
}
