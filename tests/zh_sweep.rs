//! Every screen and overlay in Chinese over Chinese content, at three sizes: no wide character
//! covers a border cell, and no English word shows outside an allow-list (ids, key names,
//! file names).

mod workbench;

use assess::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

/// Words that may stay as they are in Chinese: key names and fixed notations.
const ALLOWED: &[&str] = &[
    "Enter",
    "Esc",
    "Tab",
    "Space",
    "Bksp",
    "Backspace",
    "Ctrl",
    "Shift",
    "PgUp",
    "PgDn",
    "Home",
    "End",
    "Del",
    "YYYY",
    "MM",
    "DD",
    "SHA",
    "EN",
    "assess",
    "ron",
    "Markdown",
    "HTML",
    "CSV",
    "JSON",
    "Excel",
    // Product names the model's Chinese texts keep.
    "Nexus",
    "Harbor",
    "DevOps",
];

/// A session on Continuous Delivery with Chinese content, shown in Chinese.
fn chinese_workshop() -> (tempfile::TempDir, App) {
    let (dir, mut app) = workbench::fresh_on_cd("交易平台持续交付评估");
    app.who = "李娜".into();
    app.press("L");
    app.press("P a");
    app.type_text("王芳: 开发组长");
    app.press("Enter Esc");
    app.press("o");
    app.type_text("主干每天合并，分支存活不超过一天；评审记录在代码平台上。");
    app.press("Esc");
    app.press("!");
    app.type_text("配置回滚只覆盖代码");
    app.press("Tab Tab");
    app.type_text("应用发布的回滚有脚本并已演示，但配置变更的回滚仍依赖手工操作，上两次事故都需要人工恢复配置。");
    app.press("Tab");
    app.type_text("配置与发布一同版本化");
    app.press("Enter");
    app.press("y j p");
    app.message = None;
    (dir, app)
}

/// The screens and overlays, each as the keys that open it from the assessment screen (`|`
/// types the text after it, then presses the keys after the next `|`), and the context it
/// must end in, so a view that did not open fails instead of sweeping the screen below.
const VIEWS: &[(&str, &str, &str)] = &[
    ("assessment", "", "Assessment"),
    ("summary", "r", "Summary"),
    ("facilitator", "v", "Assessment"),
    ("help", "?", "Help"),
    ("palette", "/", "Palette"),
    ("note", "o", "Note"),
    ("justify", "x", "Justify"),
    // A refused N/A (no reason): the refusal in the prompt and on the status line.
    ("justify_refused", "x Enter", "Justify"),
    ("evidence", "e", "Evidence"),
    ("evidence_form", "e a", "EvidenceForm"),
    ("evidence_search", "e /", "EvidenceSearch"),
    ("filter", "C-f", "Filter"),
    ("export", "E", "Export"),
    // Written: where the report went (the session's folder is left out of the check).
    ("export_written", "E Enter", "Export"),
    // The questionnaire, the dialog's last choice (two steps left of HTML).
    ("export_questionnaire", "E Left Left", "Export"),
    ("findings", "F", "Findings"),
    ("finding_form", "!", "FindingForm"),
    ("agenda", "A", "Agenda"),
    ("agenda_changed", "A Right j Right Right", "Agenda"),
    ("history", "h", "History"),
    ("decider", "w", "Decider"),
    ("participants", "P", "Participants"),
    ("participant_form", "P a|赵强: 测试|", "ParticipantForm"),
    // A participant already there: refused, said in the editor and on the status line.
    (
        "participant_refused",
        "P a|王芳: 开发组长|Enter",
        "ParticipantForm",
    ),
    ("discussion", "D", "Note"),
    ("sign_off", "S", "Confirm"),
    // A quick level that replaces the answers given asks first, listing them.
    ("quick_level_question", "5", "Confirm"),
    // A final session: S asks why it is reopened.
    ("reopen", "S y S", "Reason"),
    ("reopen_refused", "S y S Enter", "Reason"),
];

/// Opens a view: keys, then text typed, then keys (see `VIEWS`).
fn open(app: &mut App, steps: &str) {
    for (i, step) in steps.split('|').enumerate() {
        if i % 2 == 1 {
            app.type_text(step);
        } else if !step.trim().is_empty() {
            app.press(step);
        }
    }
}

/// The frame as drawn, before the terminal diff (which hides a border under a wide character).
fn buffer(app: &App, w: u16, h: u16) -> Buffer {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    app.render(area, &mut buf);
    buf
}

/// Places where a wide character's right half lands on a border cell (the terminal would draw
/// the character over the border).
fn broken_borders(buf: &Buffer) -> Vec<(u16, u16)> {
    let area = buf.area;
    let mut out = Vec::new();
    for y in 0..area.height {
        for x in 0..area.width.saturating_sub(1) {
            let wide = buf[(x, y)].symbol().width() > 1;
            let next = buf[(x + 1, y)].symbol();
            if wide && next.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c)) {
                out.push((x + 1, y));
            }
        }
    }
    out
}

/// English words on a screen: runs of three or more ASCII letters that are not part of an id,
/// a file name or a key, and not allowed.
fn english_words(screen: &str) -> Vec<String> {
    screen
        .split(|c: char| {
            c.is_whitespace() || "()[]{}<>|│·:：,，;；、。“”\"'‹›«»…/=→←↑↓".contains(c)
        })
        .filter(|token| {
            !token.contains(['.', '_', '@', '-']) && !token.contains(|c: char| c.is_ascii_digit())
        })
        .flat_map(|token| token.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|w| w.len() >= 3 && !ALLOWED.contains(w))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_view_in_chinese_keeps_its_borders_and_has_no_english() {
    let mut problems = Vec::new();
    for (name, keys, context) in VIEWS {
        let (dir, mut app) = chinese_workshop();
        open(&mut app, keys);
        let shown = format!("{:?}", app.context());
        if shown != *context {
            problems.push(format!("{name}: {keys:?} opened {shown}, not {context}"));
            continue;
        }
        let folder = dir.path().display().to_string();
        for (w, h) in SIZES {
            let buf = buffer(&app, w, h);
            let broken = broken_borders(&buf);
            if !broken.is_empty() {
                problems.push(format!("{name} {w}x{h}: border covered at {broken:?}"));
            }
            let screen = workbench::text(&buf);
            let english = english_words(&screen.replace(&folder, ""));
            if !english.is_empty() {
                problems.push(format!("{name} {w}x{h}: English {english:?}\n{screen}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn home_and_new_session_in_chinese() {
    let (dir, _app) = chinese_workshop();
    let mut home = App::home(dir.path());
    home.lang = assess::lang::Lang::Zh;
    let mut problems = Vec::new();
    for (name, keys) in [("home", ""), ("home_help", "?"), ("new_session", "n")] {
        let mut app = App::home(dir.path());
        app.lang = assess::lang::Lang::Zh;
        if !keys.is_empty() {
            app.press(keys);
        }
        for (w, h) in SIZES {
            let buf = buffer(&app, w, h);
            let screen = workbench::text(&buf).replace(&dir.path().display().to_string(), "");
            let english = english_words(&screen);
            if !english.is_empty() || !broken_borders(&buf).is_empty() {
                problems.push(format!("{name} {w}x{h}: {english:?}\n{screen}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A damaged session on the home screen, in Chinese: its row and, after Enter, why it cannot
/// be opened (the parser's own finding included) have no English.
#[test]
fn a_damaged_session_on_the_home_screen_in_chinese() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "Session(format: 3, colour: 1, title: \"x\")";
    std::fs::write(dir.path().join("broken.ron"), text).expect("write");
    let mut app = App::home(dir.path());
    app.lang = assess::lang::Lang::Zh;
    app.press("Enter");
    let folder = dir.path().display().to_string();
    for (w, h) in SIZES {
        let screen = workbench::text(&buffer(&app, w, h)).replace(&folder, "");
        let flat: String = screen.lines().map(str::trim).collect();
        assert!(
            flat.contains("broken.ron:1:20：评估文件已损坏：未知字段"),
            "{screen}"
        );
        // Names in backticks are the file's own words (`colour`, `Session` …), shown as
        // written, as is the file's name (`broken`).
        let outside: String = flat.split('`').step_by(2).collect();
        let english: Vec<_> = english_words(&outside.replace("broken", ""));
        assert!(english.is_empty(), "{english:?}\n{screen}");
    }
}

/// One word for a session in Chinese: 评估 (an assessment) throughout the catalogue, never
/// 会话 (a login or chat session), which read as another thing in the same dialog.
#[test]
fn the_chinese_catalogue_calls_a_session_an_assessment_throughout() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n");
    for entry in std::fs::read_dir(&dir).expect("src/i18n") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        for (n, line) in text.lines().enumerate() {
            assert!(
                !line.contains("会话"),
                "{}:{}: says 会话 where the catalogue says 评估: {line}",
                path.display(),
                n + 1
            );
        }
    }
}
