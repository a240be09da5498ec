//! Hostile input. A light, seeded fuzz harness (no extra dependency) throws arbitrary bytes
//! and mutated valid files at the session and model parsers: each must return an error or a
//! value, never panic. Notes and evidence with any Unicode round-trip exactly through
//! save and load.
//!
//! `ASSESS_FUZZ_ITERATIONS` raises the number of cases (default 1,500 per target).

mod fixtures;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use assess::model::parse_model;
use assess::session::{
    Evidence, EvidenceType, Session, load_session, parse_session, save_session, session_to_string,
};
use fixtures::{Rng, WHO, model, requirement_ids, sample_session};

fn iterations() -> usize {
    std::env::var("ASSESS_FUZZ_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1500)
}

/// Bytes that matter to RON's grammar, so mutations reach deeper than the first token.
const SPICE: &[&[u8]] = &[
    b"(",
    b")",
    b"{",
    b"}",
    b"[",
    b"]",
    b":",
    b",",
    b"\"",
    b"\\",
    b"r#\"",
    b"\"#",
    b"//",
    b"/*",
    b"*/",
    b"Some(",
    b"None",
    b"1e999",
    b"-0",
    b"0x",
    b"'",
    b"#![enable(implicit_some)]",
    b"\xff",
    b"\xe4\xb8",
    b"\0",
    b"\n",
    b"format: 99,",
    b"answers: {",
    b"\"E1\": Evidence(",
];

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(7) {
            0 => out.truncate(at),
            1 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            2 if at < out.len() => {
                let end = (at + 1 + rng.below(40)).min(out.len());
                out.drain(at..end);
            }
            3 => {
                let spice = SPICE[rng.below(SPICE.len())];
                out.splice(at..at, spice.iter().copied());
            }
            4 if !out.is_empty() => {
                // Duplicate a slice (duplicate keys, repeated fields).
                let start = rng.below(out.len());
                let end = (start + 1 + rng.below(200)).min(out.len());
                let copy = out[start..end].to_vec();
                out.splice(at..at, copy);
            }
            5 => {
                let b = rng.byte();
                out.insert(at, b);
            }
            _ => out.truncate(at.max(out.len().saturating_sub(rng.below(3)))),
        }
    }
    out
}

fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    let len = rng.below(300);
    (0..len).map(|_| rng.byte()).collect()
}

/// Runs `parse` on each case; on a panic, fails naming the case and showing its bytes.
fn fuzz(seed: u64, valid: &[u8], parse: impl Fn(&[u8])) {
    let mut rng = Rng(seed);
    for case in 0..iterations() {
        let input = if case % 4 == 0 {
            random_bytes(&mut rng)
        } else {
            mutate(&mut rng, valid)
        };
        if catch_unwind(AssertUnwindSafe(|| parse(&input))).is_err() {
            panic!(
                "seed {seed} case {case} panicked on {:?}",
                String::from_utf8_lossy(&input)
            );
        }
    }
}

#[test]
fn the_session_parser_never_panics() {
    let valid = session_to_string(&sample_session(&model()));
    let path = Path::new("fuzz.ron");
    fuzz(0x5e55_1011, valid.as_bytes(), |bytes| {
        if let Err(e) = parse_session(bytes, path) {
            assert!(e.to_string().contains("fuzz.ron"), "{e}");
        }
    });
}

/// The bundled model cut down to one practice, so mutations reach every part of the
/// grammar quickly.
fn small_model() -> String {
    let mut model: assess::model::Model =
        ron::from_str(assess::model::EMBEDDED_MODELS[0].2).expect("bundled model");
    model.parts.truncate(1);
    model.aliases.clear();
    let part = &mut model.parts[0];
    part.domains.truncate(1);
    part.domains[0].items.truncate(1);
    part.domains[0].items[0].practices.truncate(1);
    let text = ron::ser::to_string_pretty(&model, ron::ser::PrettyConfig::new()).expect("ron");
    parse_model(&text, "small.ron").expect("the small model is valid");
    text
}

#[test]
fn the_model_parser_never_panics() {
    let valid = small_model();
    fuzz(0x0de1_2024, valid.as_bytes(), |bytes| {
        // The model loader checks UTF-8 before parsing; only text reaches `parse_model`.
        if let Ok(text) = std::str::from_utf8(bytes)
            && let Err(e) = parse_model(text, "fuzz-model.ron")
        {
            assert!(e.to_string().contains("fuzz-model.ron"), "{e}");
        }
    });
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for open in ["[", "(", "{\"a\":", "Some("] {
        let text = format!("Session(format: 1, title: {})", open.repeat(100_000));
        assert!(parse_session(text.as_bytes(), Path::new("deep.ron")).is_err());
        assert!(parse_model(&open.repeat(100_000), "deep.ron").is_err());
    }
}

// ---- Unicode round trips ----

const NASTY: &[&str] = &[
    "宽字符：评估会议纪要，第三季度",
    "emoji 👩‍👩‍👧‍👦 🇨🇳 🏳️‍🌈 👍🏽",
    "combining: e\u{301} a\u{308}\u{304} Z\u{351}\u{34d}\u{35a}",
    "RTL: שלום עולם مرحبا بالعالم \u{202e}reversed\u{202c} \u{200f}",
    "controls: \0 \x07 \x08 \x1b[31mred\x1b[0m \x7f \u{85} \u{2028} \u{2029} \u{feff}",
    "line\nbreaks\r\nand\ttabs\rcarriage",
    "quotes \" ' \\ \\\" r#\"raw\"# \"# ){}[]:, // /* */",
    "",
    " leading and trailing spaces ",
    "\u{10ffff}\u{e000}\u{fffd}\u{fffe}",
];

fn round_trip(session: &Session) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("unicode.ron");
    save_session(&path, session).expect("save");
    let back = load_session(&path).expect("load");
    assert_eq!(&back, session);
    save_session(&path, &back).expect("save again");
    assert_eq!(&load_session(&path).expect("load again"), session);
}

fn with_everywhere(texts: &[String]) -> Session {
    let m = model();
    let ids = requirement_ids(&m);
    let mut s = sample_session(&m);
    for (i, text) in texts.iter().enumerate() {
        let id = &ids[i % ids.len()];
        s.set_note(id, text, WHO).expect("edit");
        if !text.trim().is_empty() {
            s.set_not_applicable(id, text, WHO).expect("na");
        }
        let e = s
            .add_evidence(
                Evidence {
                    title: text.clone(),
                    kind: EvidenceType::Document,
                    location: text.clone(),
                    sha256: Some(text.clone()),
                    ..Evidence::default()
                },
                text,
            )
            .expect("edit");
        s.attach_evidence(id, &e, WHO).expect("attach");
        // Keys too: a requirement id is just a string to the session file.
        s.set_note(&format!("orphan {text}"), text, WHO)
            .expect("edit");
    }
    s.title = texts.concat();
    s.assessors = texts.to_vec();
    s
}

#[test]
fn notes_and_evidence_with_any_unicode_round_trip_exactly() {
    let texts: Vec<String> = NASTY.iter().map(ToString::to_string).collect();
    round_trip(&with_everywhere(&texts));
}

#[test]
fn random_unicode_round_trips_exactly() {
    let mut rng = Rng(0x00c0_ffee);
    for _ in 0..20 {
        let texts: Vec<String> = (0..8)
            .map(|_| {
                (0..rng.below(60))
                    .filter_map(|_| {
                        // Mostly low planes, sometimes anywhere.
                        let c = if rng.below(3) == 0 {
                            rng.next() % 0x11_0000
                        } else {
                            rng.next() % 0x3000
                        };
                        char::from_u32(u32::try_from(c).unwrap_or(0))
                    })
                    .collect()
            })
            .collect();
        round_trip(&with_everywhere(&texts));
    }
}

#[test]
fn a_one_megabyte_paste_round_trips_exactly() {
    let line = "粘贴的会议记录 — pasted minutes with emoji 📋 and \"quotes\"\n";
    let paste: String = line.repeat(1_048_576 / line.len() + 1);
    assert!(paste.len() > 1_048_576);
    let m = model();
    let mut s = sample_session(&m);
    s.set_note(&requirement_ids(&m)[0], &paste, WHO)
        .expect("edit");
    round_trip(&s);
}

#[test]
fn files_are_plain_text_unless_a_control_character_would_reach_the_terminal() {
    let plain = with_everywhere(&["two\nlines and a \"quote\"#, 中文".to_string()]);
    let text = assess::session::session_to_string(&plain);
    assert!(
        text.contains("two\nlines"),
        "multi-line notes stay readable"
    );
    round_trip(&plain);

    let hostile = with_everywhere(&["\x1b[31mred\x1b[0m and \u{85}".to_string()]);
    let text = assess::session::session_to_string(&hostile);
    assert!(
        !text.contains('\x1b') && !text.contains('\u{85}'),
        "escape sequences are escaped in the file"
    );
    round_trip(&hostile);
}
