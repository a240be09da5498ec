//! The real binary in a pseudo-terminal on a SAMM-shaped model: the answer keys speak the
//! model's answer set, `p` steps through the answers between, quick levels stop at the model's
//! highest level, and the session scores as the SAMM toolbox would.

mod support;

use std::path::Path;

use support::{Home, Pty};

fn summary(home: &Home, file: &Path) -> serde_json::Value {
    let out = home.run(&["summary", "--json", &file.display().to_string()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn answered(screen: &str, n: usize) -> bool {
    screen.contains(&format!(" {n}/18 answered"))
}

#[test]
fn a_samm_session_answered_in_the_workbench_scores_as_the_samm_toolbox_would() {
    let home = Home::new();
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/samm-shaped.ron");
    let model = model.display().to_string();
    let out = home.run(&["new", "--no-open", "--model", &model, "--title", "SAMM"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = home.session_files().pop().expect("a session file");
    let stem = file
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .to_string();
    let mut pty = Pty::spawn(&home, &["open", &stem], 140, 36);
    // The footer names the answer set's words, not CAICT's.
    let screen = pty.wait_for("Yes, for most or all");
    assert!(!screen.contains("Not met"), "{screen}");
    // The scale has no not applicable: no `x` hint at all (it was `x —`).
    assert!(
        !screen.contains("x —") && !screen.contains(" x "),
        "{screen}"
    );
    // Stream A of Strategy and Metrics: level 1 the best answer (1), level 2 "some" (p twice:
    // a few, then some; the cursor stays), level 3 "a few" (0.25).
    pty.send("y");
    pty.wait_until("1 answered", |s| answered(s, 1));
    pty.send("p");
    pty.wait_for("saved · Yes, for a few ·");
    assert!(answered(&pty.screen(), 2));
    pty.send("p");
    // The status line names the answer just given.
    pty.wait_for("saved · Yes, for some ·");
    pty.send("j");
    pty.send("p");
    pty.wait_until("3 answered", |s| answered(s, 3));
    // Stream B: quick level 2 (levels 1–2 the best answer, level 3 the least).
    pty.send("\t");
    pty.send("2");
    pty.wait_until("6 answered", |s| answered(s, 6));
    // A quick level beyond the model's levels means nothing: refused, saying the range.
    pty.send("4");
    pty.wait_for("levels are 0–3");
    // Stream A of Policy and Compliance: quick level 0.
    pty.send("0");
    pty.wait_until("9 answered", |s| answered(s, 9));
    pty.send("q");
    assert!(pty.wait_exit().success());

    // By hand: sm.a = 1 + 0.5 + 0.25 = 1.75, sm.b = 1 + 1 + 0 = 2, so Strategy and Metrics
    // = (1.75 + 2) / 2 = 1.875; Policy and Compliance = (0 + 0) / 2 = 0; Education and
    // Guidance unanswered = 0; the function = (1.875 + 0 + 0) / 3 = 0.625.
    let json = summary(&home, &file);
    let part = &json["parts"][0];
    assert_eq!(part["score"].as_f64(), Some(0.63), "{part}");
    let domains: Vec<f64> = part["domains"]
        .as_array()
        .expect("domains")
        .iter()
        .map(|d| d["score"].as_f64().expect("score"))
        .collect();
    assert_eq!(domains, [1.88, 0.0, 0.0]);
    // The log names the answers given by their labels.
    let out = home.run(&["log", &file.display().to_string()]);
    let log = String::from_utf8_lossy(&out.stdout);
    assert!(log.contains("Yes, for a few → Yes, for some\n"), "{log}");
    let text = std::fs::read_to_string(&file).expect("session file");
    assert!(
        text.contains("status: r#2,"),
        "the option id is stored: {text}"
    );
}
