//! `parse_changes` against RON: histories our serializer writes (plain and escaped) must be
//! read by the fast path and give what RON gives; odd or damaged text must give what RON
//! gives or `None`.

use super::*;
use crate::session::{FileText, History, Session, session_to_string};

fn ron(text: &str) -> Option<Vec<Change>> {
    ron::Options::default().from_str(text).ok()
}

/// Either the fast path declines, or it reads exactly what RON reads.
fn agrees(text: &str) -> bool {
    parse_changes(text).is_none_or(|fast| ron(text) == Some(fast))
}

/// A small seeded generator (splitmix64): the same cases on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) % n as u64) as usize
    }
}

/// Pieces of text that exercise the reader: quotes, hashes and backslashes (raw strings),
/// syntax characters, Chinese, emoji, combining marks, line breaks, tabs.
const PLAIN: [&str; 22] = [
    "met",
    "需要评审",
    "📄 证据",
    " ",
    "\"",
    "\\",
    "\n",
    "\t",
    "#",
    "\"#",
    "r#\"",
    "'",
    "é",
    "e\u{301}",
    "}",
    "{",
    ",",
    ")",
    "]",
    "Change(",
    "// /*",
    "\u{200d}",
];
/// Control characters: any of them makes the serializer escape every string of the file.
const CONTROLS: [&str; 6] = ["\0", "\r", "\u{1b}", "\u{7f}", "\u{85}", "\u{2028}"];

fn text(rng: &mut Rng, controls: bool) -> String {
    (0..rng.below(5))
        .map(|_| {
            let i = rng.below(PLAIN.len() + if controls { CONTROLS.len() } else { 0 });
            PLAIN
                .get(i)
                .copied()
                .unwrap_or_else(|| CONTROLS[i - PLAIN.len()])
        })
        .collect()
}

fn change(rng: &mut Rng, controls: bool) -> Change {
    let mut field = |required: bool| {
        if required || rng.below(3) > 0 {
            text(rng, controls)
        } else {
            String::new()
        }
    };
    Change {
        id: field(false),
        at: field(true),
        by: field(true),
        target: field(true),
        field: field(true),
        old: field(false),
        new: field(false),
        via: field(false),
    }
}

fn session() -> Session {
    ron::from_str(
        "Session(format: 3, title: \"T\", model: ModelRef(id: \"m\", version: \"1\", hash: \"h\"), parts: [])",
    )
    .expect("a minimal session")
}

/// The history's text as `session_to_string` writes it.
fn history_text(session: &Session) -> String {
    let file = session_to_string(session);
    let split = super::super::split::find(&file).expect("a history");
    file[split.value].to_string()
}

#[test]
fn reads_what_our_serializer_writes_exactly_as_ron_does() {
    let mut rng = Rng(25);
    let mut base = session();
    let (mut escaped, mut raw) = (0, 0);
    for case in 0..300 {
        let controls = case % 2 == 0;
        let entries: Vec<Change> = (0..1 + rng.below(6))
            .map(|_| change(&mut rng, controls))
            .collect();
        // A control character elsewhere in the file escapes the history's strings too.
        base.title = if case % 7 == 0 { "T\u{1}" } else { "T" }.to_string();
        base.history = History::from(entries.clone());
        let text = history_text(&base);
        escaped += usize::from(text.contains("\\u{") || text.contains("\\n"));
        raw += usize::from(text.contains("r#\""));
        assert_eq!(ron(&text).as_ref(), Some(&entries), "RON reads it back");
        assert_eq!(parse_changes(&text), Some(entries), "case {case}:\n{text}");
    }
    assert!(escaped > 50 && raw > 50, "escaped {escaped}, raw {raw}");
}

#[test]
fn damaged_text_is_read_as_ron_reads_it_or_left_to_ron() {
    let mut rng = Rng(13);
    let mut base = session();
    for case in 0..6 {
        let entries: Vec<Change> = (0..3).map(|_| change(&mut rng, case % 2 == 0)).collect();
        base.history = History::from(entries);
        let text = history_text(&base);
        let cuts = text.char_indices().map(|(i, _)| i);
        for i in cuts {
            let truncated = &text[..i];
            let dropped = format!(
                "{}{}",
                &text[..i],
                &text[i..].chars().skip(1).collect::<String>()
            );
            assert!(agrees(truncated), "truncated at {i}:\n{truncated}");
            assert!(agrees(&dropped), "a character dropped at {i}:\n{dropped}");
        }
    }
}

#[test]
fn odd_but_valid_text_is_read_as_ron_reads_it() {
    let odd = [
        "[]",
        " \n[ ]\t\r\n",
        "[(at: \"1\", by: \"b\", target: \"t\", field: \"f\")]",
        "[Change (field: \"f\", target: \"t\", by: \"b\", at: \"1\", via: \"v\",),]",
        "[(at:\"1\",by:r\"b\\\",target:r##\"t\"#\"##,field:\"\\u{41}\\u{1F600}\\'\")]",
    ];
    for text in odd {
        assert_eq!(parse_changes(text), ron(text), "{text}");
        assert!(parse_changes(text).is_some(), "{text}");
    }
}

#[test]
fn anything_unexpected_is_left_to_ron() {
    let entry = "at: \"1\", by: \"b\", target: \"t\", field: \"f\"";
    let declined = [
        format!("[({entry}) // a comment\n]"),
        format!("[/* c */ ({entry})]"),
        format!("[({entry}, at: \"2\")]"),
        format!("[({entry}, colour: \"red\")]"),
        "[(at: \"1\", by: \"b\", target: \"t\")]".to_string(),
        format!("[Changes({entry})]"),
        format!("[Session({entry})]"),
        format!("[({entry}, old: \"a\\x41\")]"),
        format!("[({entry}, old: \"a\\\n  b\")]"),
        format!("[({entry}, old: \"\\u{{d800}}\")]"),
        format!("[({entry}, old: \"\\u{{1234567}}\")]"),
        format!("[({entry}, old: Some(\"a\"))]"),
        "[(r#at: \"1\", by: \"b\", target: \"t\", field: \"f\")]".to_string(),
        format!("[({entry})] trailing"),
        format!("[({entry}),,]"),
        format!("[,({entry})]"),
        format!("[({entry}) ({entry})]"),
        format!("[({entry})"),
        format!("\u{feff}[({entry})]"),
        format!("[\u{2028}({entry})]"),
    ];
    for text in &declined {
        assert_eq!(parse_changes(text), None, "{text}");
        assert!(agrees(text));
    }
}

#[test]
fn damage_is_still_told_at_its_line_and_column_in_the_file() {
    let file = "Session(\n    format: 3,\n    history: [\n        (at: \"1\", by: 2),\n    ],\n)\n";
    let start = file.find('[').expect("a history");
    let end = file.rfind(']').expect("its end") + 1;
    let history = History::unparsed(
        FileText::whole(std::sync::Arc::new(file.to_string())),
        start..end,
    );
    let damage = history.damage().expect("damaged");
    assert_eq!((damage.line, damage.column), (4, 22), "{damage:?}");
    assert!(history.is_empty());
}
