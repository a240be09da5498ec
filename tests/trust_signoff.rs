//! A sign-off that means something: the hash covers what a report shows and the whole
//! history (as a set, so merged histories agree), the sign-off's history entry must match,
//! the model must be unchanged, and an SSH signature (`ssh-keygen -Y sign`, checked against an
//! allowed-signers file) says who signed — so recomputing the hash is caught.
#![cfg(unix)]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use assess::session::{
    Session, Status, Verification, load_session, model_for, save_session, signed_hash,
};
use support::{Home, Pty};

const WHO: &str = "tester";

fn new_session(home: &Home, args: &[&str]) -> PathBuf {
    let mut all = vec!["new", "--title", "Signed", "--no-open"];
    all.extend_from_slice(args);
    let out = home.run(&all);
    assert!(out.status.success(), "{out:?}");
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

/// A session with two answers and a participant, signed off (not saved).
fn signed_session(home: &Home) -> (PathBuf, Session) {
    let path = new_session(home, &[]);
    let mut s = load_session(&path).expect("load");
    let model = model_for(&s).expect("model");
    for r in &model.index.requirements[..2] {
        s.set_status(&r.id, Status::Met, WHO).expect("answer");
    }
    s.add_participant("Bob", "Dev lead", WHO)
        .expect("participant");
    s.finalize(WHO).expect("finalize");
    (path, s)
}

fn is_match(s: &Session) -> bool {
    matches!(s.verify(), Verification::Match { .. })
}

/// A named change to a signed session.
type Tamper = (&'static str, fn(&mut Session));

#[test]
fn the_hash_covers_metadata_sign_off_and_every_history_entry() {
    let home = Home::new();
    let (_, signed) = signed_session(&home);
    assert!(is_match(&signed));
    let tampers: Vec<Tamper> = vec![
        ("title", |s| s.title.push('!')),
        ("organisation", |s| s.organisation = "Other".into()),
        ("scope", |s| s.scope = "Other".into()),
        ("assessors", |s| s.assessors.push("Mallory".into())),
        ("created", |s| s.created = "2020-01-01T00:00:00Z".into()),
        ("model path", |s| {
            s.model.path = Some("/elsewhere.ron".into())
        }),
        ("signed by", |s| {
            if let Some(o) = &mut s.sign_off {
                o.by = "Mallory".into();
            }
        }),
        ("signed at", |s| {
            if let Some(o) = &mut s.sign_off {
                o.at = "2020-01-01T00:00:00Z".into();
            }
        }),
        ("history wiped", |s| s.history.clear()),
        ("history entry removed", |s| {
            s.history.remove(0);
        }),
        ("history entry rewritten", |s| {
            s.history[0].by = "Mallory".into()
        }),
        ("sign-off entry removed", |s| {
            s.history.pop();
        }),
    ];
    for (what, tamper) in tampers {
        let mut s = signed.clone();
        tamper(&mut s);
        assert!(!is_match(&s), "{what} changed and still verified");
    }
    let mut view = signed.clone();
    view.cursor.lang = "zh".into();
    view.cursor.requirement = "elsewhere".into();
    assert!(is_match(&view), "the cursor is not content");

    // Histories merged as a union come in any order: the set is what is hashed.
    let mut merged = signed.clone();
    merged.history.reverse();
    assert!(is_match(&merged));

    // Pasting the recomputed hash into the sign-off alone is caught by its history entry.
    let mut pasted = signed.clone();
    pasted.title = "Forged".into();
    let o = pasted.sign_off.clone().expect("final");
    let forged = signed_hash(&pasted, &o.by, &o.at, Some(&o.hash));
    if let Some(sign_off) = &mut pasted.sign_off {
        sign_off.hash = forged;
    }
    assert!(!is_match(&pasted));
}

#[test]
fn editing_the_model_of_a_signed_session_is_caught() {
    let home = Home::new();
    let model = home.path().join("model.ron");
    let tiny = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tiny-model.ron");
    std::fs::copy(&tiny, &model).expect("copy the model");
    let path = new_session(&home, &["--model", &model.display().to_string()]);
    let spec = path.display().to_string();
    assert!(home.run(&["finalize", &spec]).status.success());
    assert!(home.run(&["verify", &spec]).status.success());
    let text = std::fs::read_to_string(&model).expect("read");
    std::fs::write(&model, text.replacen("p1", "p1-edited", 1)).expect("edit the model");
    let out = home.run(&["verify", &spec]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("model"), "{said}");
}

/// Makes an ed25519 key pair in `dir`; None when ssh-keygen is not installed.
fn keypair(dir: &Path, name: &str) -> Option<(PathBuf, String)> {
    let key = dir.join(name);
    let made = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(&key)
        .status();
    if !made.is_ok_and(|s| s.success()) {
        return None;
    }
    let public = std::fs::read_to_string(key.with_extension("pub")).expect("public key");
    Some((key, public.trim().to_string()))
}

#[test]
fn an_ssh_signed_sign_off_says_who_and_a_recomputed_hash_is_caught() {
    let home = Home::new();
    let Some((alice_key, alice_pub)) = keypair(home.path(), "alice") else {
        eprintln!("skipped: ssh-keygen is not installed");
        return;
    };
    let (mallory_key, _) = keypair(home.path(), "mallory").expect("second key");
    let allowed = home.path().join("allowed_signers");
    let public = alice_pub
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    std::fs::write(&allowed, format!("alice@example.org {public}\n")).expect("allowed");
    let allowed = allowed.display().to_string();

    let unsigned = new_session(&home, &[]);
    let spec = unsigned.display().to_string();
    assert!(home.run(&["finalize", &spec]).status.success());
    let out = home.run(&["verify", &spec, "--allowed-signers", &allowed]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("content intact"), "{said}");
    assert!(said.contains("not signed: integrity only"), "{said}");

    // The key may come from the environment (the workbench's `S` reads it too).
    let by_env = new_session(&home, &[]);
    let out = Command::new(support::binary())
        .args(["finalize", &by_env.display().to_string()])
        .envs(home.env())
        .env("ASSESS_SIGNING_KEY", &alice_key)
        .output()
        .expect("run");
    assert!(out.status.success(), "{out:?}");
    let out = home.run(&[
        "verify",
        &by_env.display().to_string(),
        "--allowed-signers",
        &allowed,
    ]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("(alice@example.org)"));

    let (path, mut session) = signed_session(&home);
    session
        .reopen("to sign it with a key", WHO)
        .expect("reopen");
    save_session(&path, &session).expect("save");
    let spec = path.display().to_string();
    let key = alice_key.display().to_string();
    let out = home.run(&["finalize", &spec, "--key", &key]);
    assert!(out.status.success(), "{out:?}");
    let out = home.run(&["verify", &spec, "--allowed-signers", &allowed]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("content intact"), "{said}");
    assert!(said.contains("signed by ED25519 key SHA256:"), "{said}");
    assert!(said.contains("(alice@example.org)"), "{said}");
    let out = home.run(&["verify", &spec]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("was not checked"));

    // Someone who can edit the file changes an answer and recomputes everything a hash can.
    let mut forged = load_session(&path).expect("load");
    let first = forged.answers.keys().next().cloned().expect("an answer");
    if let Some(a) = forged.answers.get_mut(&first) {
        a.status = Some(Status::NotMet);
    }
    let o = forged.sign_off.clone().expect("final");
    let hash = signed_hash(&forged, &o.by, &o.at, Some(&o.hash));
    for c in &mut forged.history {
        if c.new == format!("final {}", o.hash) {
            c.new = format!("final {hash}");
        }
    }
    if let Some(sign_off) = &mut forged.sign_off {
        sign_off.hash = hash;
    }
    assert!(is_match(&forged), "a hash alone can be recomputed");
    save_session(&path, &forged).expect("save the forgery");
    let out = home.run(&["verify", &spec, "--allowed-signers", &allowed]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("SIGNATURE NOT VALID"), "{said}");

    // Re-signed by a key that is not an allowed signer: refused too.
    let mut resigned = load_session(&path).expect("load");
    let hash = resigned.sign_off.as_ref().expect("final").hash.clone();
    let signature = assess::session::sshsig::sign(&mallory_key, &hash).expect("mallory signs");
    if let Some(sign_off) = &mut resigned.sign_off {
        sign_off.signature = Some(signature);
    }
    save_session(&path, &resigned).expect("save");
    let out = home.run(&["verify", &spec, "--allowed-signers", &allowed]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("not an allowed signer"), "{said}");
}

#[test]
fn a_sign_off_made_by_an_older_build_still_verifies_and_says_it_covers_less() {
    let home = Home::new();
    let (path, mut s) = signed_session(&home);
    // What an older build wrote: a form-1 hash and no `canonical` field.
    if let Some(o) = &mut s.sign_off {
        o.canonical = 1;
    }
    let old_hash = s.sign_off.as_ref().expect("final").hash.clone();
    let v1 = assess::session::content_hash(&s);
    for c in &mut s.history {
        if c.new == format!("final {old_hash}") {
            c.new = format!("final {v1}");
        }
    }
    if let Some(o) = &mut s.sign_off {
        o.hash = v1;
    }
    save_session(&path, &s).expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    let old: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("canonical:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&path, old).expect("as an older build wrote it");
    let out = home.run(&["verify", &path.display().to_string()]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("made by an older assess"), "{said}");
}

#[test]
fn the_workbench_signs_with_the_key_from_the_environment() {
    let home = Home::new();
    let Some((key, public)) = keypair(home.path(), "carol") else {
        eprintln!("skipped: ssh-keygen is not installed");
        return;
    };
    let allowed = home.path().join("allowed_signers");
    let public = public
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    std::fs::write(&allowed, format!("carol@example.org {public}\n")).expect("allowed");
    let path = new_session(&home, &["--parts", "cd"]);
    let key = key.display().to_string();
    let mut pty = Pty::spawn_with_env(
        &home,
        &["open", &path.display().to_string()],
        160,
        48,
        &[("ASSESS_SIGNING_KEY", key.as_str())],
    );
    pty.wait_for(" saved ");
    pty.send("S");
    pty.wait_for("Sign off this session");
    pty.send("y");
    pty.wait_for("signed with the SSH key");
    pty.send("q");
    assert!(pty.wait_exit().success());
    let out = home.run(&[
        "verify",
        &path.display().to_string(),
        "--allowed-signers",
        &allowed.display().to_string(),
    ]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("(carol@example.org)"), "{said}");
}
