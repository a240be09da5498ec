//! The findings view, the finding form, the evidence register, its form and its search, and
//! the sign-off and reopen questions in Chinese (`L`): snapshots, and the messages they give.

mod workbench;

use workbench::draw;

use std::path::Path;

use assess::tui::app::{App, Overlay};

const SAMPLE: &str = "sessions/eastbridge-trading-platform.ron";

/// A fresh session on Continuous Delivery, switched to Chinese.
fn fresh_zh() -> (tempfile::TempDir, App) {
    let (dir, mut app) = workbench::fresh_on_cd("Workshop");
    app.who = "facilitator".into();
    app.press("L");
    assert_eq!(
        app.work.as_ref().expect("work").lang(),
        assess::lang::Lang::Zh
    );
    (dir, app)
}

/// The sample session in a temp dir, switched to Chinese.
fn sample_zh() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("eastbridge-trading-platform.ron");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE), &path).expect("copy");
    workbench::place_evidence_files(&path);
    let mut app = App::open(dir.path(), &path).expect("open sample");
    app.press("L");
    app.message = None;
    (dir, app)
}

/// Snapshots a state at 80×24 and 160×48, hiding the temp dir.
fn snap(name: &str, app: &App, dir: &Path) {
    for (w, h) in [(80, 24), (160, 48)] {
        let screen = draw(app, w, h).replace(&dir.display().to_string(), "[DIR]");
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
    }
}

/// None of `english` is on the screen.
fn assert_none_of(screen: &str, english: &[&str]) {
    for word in english {
        assert!(
            !screen.contains(word),
            "{word:?} left in English:\n{screen}"
        );
    }
}

/// The finding form filled as a person would, in Chinese.
fn write_finding(app: &mut App) {
    app.press("!");
    app.type_text("分支存活数周");
    app.press("Tab Right Tab");
    app.type_text("合并困难。\n主干无人负责。");
    app.press("Tab");
    app.type_text("采用基于主干的开发");
    app.press("Tab");
    app.type_text("开发组长");
    app.press("Tab");
    app.type_text("2026-06-30");
}

#[test]
fn findings_view_and_form_in_chinese() {
    let (dir, mut app) = fresh_zh();
    write_finding(&mut app);
    let form = draw(&app, 160, 48);
    assert!(
        form.contains("新增发现项") && form.contains("整改建议"),
        "{form}"
    );
    assert_none_of(
        &form,
        &["New finding", "recommendation", "owner", "about", "save"],
    );
    snap("finding_form_zh", &app, dir.path());
    app.press("C-s");
    app.press("j !");
    app.type_text("第二项，低");
    app.press("Tab Left C-s F");
    let view = draw(&app, 160, 48);
    assert!(
        view.contains("发现项 · 2") && view.contains("严重度"),
        "{view}"
    );
    assert_none_of(
        &view,
        &["Findings", "sev.", "owner", "about", "requirement"],
    );
    snap("findings_view_zh", &app, dir.path());
}

#[test]
fn the_empty_findings_view_says_so_in_chinese() {
    let (_dir, mut app) = fresh_zh();
    app.press("F");
    assert!(draw(&app, 80, 24).contains("尚无发现项"));
    app.press("Enter");
    assert_eq!(
        app.message.as_deref(),
        Some("尚无发现项：在某条要求上按 ! 新增")
    );
}

#[test]
fn a_bad_due_date_and_a_missing_title_are_told_in_chinese() {
    let (_dir, mut app) = fresh_zh();
    app.press("!");
    app.press("Enter");
    let error = |app: &App| match app.overlays.last() {
        Some(Overlay::FindingForm(form)) => form.error.clone().unwrap_or_default(),
        other => panic!("form closed: {other:?}"),
    };
    assert_eq!(error(&app), "发现项需要填写标题");
    app.type_text("逾期");
    app.press("Tab Tab Tab Tab Tab");
    app.type_text("2026-02-30");
    app.press("Enter");
    assert_eq!(
        error(&app),
        "“2026-02-30”不是真实存在的日期：该月没有这一天"
    );
    assert!(draw(&app, 80, 24).contains("不是真实存在的日期"));
}

#[test]
fn deleting_a_finding_asks_in_chinese() {
    let (dir, mut app) = fresh_zh();
    write_finding(&mut app);
    app.press("C-s F d");
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("请确认"), "{screen}");
    assert!(screen.contains("删除发现项 F1“分支存活数周”？"), "{screen}");
    assert_none_of(&screen, &["Are you sure", "Delete finding"]);
    snap("finding_delete_zh", &app, dir.path());
    app.press("y");
    let work = app.work.as_ref().expect("work");
    assert!(work.session.findings.is_empty());
}

/// The register with a changed file, its detail lines, the form and the search, in Chinese.
#[test]
fn evidence_register_form_and_search_in_chinese() {
    let (dir, mut app) = sample_zh();
    std::fs::write(dir.path().join("pipeline-log.txt"), b"run 1: green").expect("write");
    app.press("e a");
    app.type_text("流水线日志");
    app.press("Tab Right Tab");
    app.type_text("pipeline-log.txt");
    let form = draw(&app, 80, 24);
    assert!(form.contains("新增证据") && form.contains("截图"), "{form}");
    assert_none_of(&form, &["New evidence", "Location", "SHA-256 and size"]);
    snap("evidence_form_zh", &app, dir.path());
    app.press("S-Tab Left");
    app.press("Enter");
    std::fs::write(dir.path().join("pipeline-log.txt"), b"run 2: red!!").expect("change");
    workbench::stamp_evidence_and_recheck(&mut app);
    let register = draw(&app, 160, 48);
    assert!(
        register.contains("证据登记") && register.contains("已更改"),
        "{register}"
    );
    assert_none_of(
        &register,
        &[
            "Evidence register",
            "collected by",
            "cited by",
            "changed",
            "document",
        ],
    );
    snap("evidence_register_zh", &app, dir.path());
    app.press("/");
    app.type_text("pipe");
    let search = draw(&app, 160, 48);
    assert!(search.contains("查找要关联的证据"), "{search}");
    assert_none_of(&search, &["Find evidence", " of ", "changed"]);
    snap("evidence_search_zh", &app, dir.path());
}

#[test]
fn register_messages_are_in_chinese() {
    let (dir, mut app) = sample_zh();
    app.press("e a Tab Tab");
    app.type_text("./nowhere.txt");
    app.press("Enter");
    let form_error = match app.overlays.last() {
        Some(Overlay::EvidenceForm(form)) => form.error.clone().unwrap_or_default(),
        other => panic!("form closed: {other:?}"),
    };
    assert_eq!(form_error, "需要填写标题");
    app.press("S-Tab S-Tab");
    app.type_text("不存在的文件");
    app.press("Enter");
    let said = |app: &App| match app.overlays.last() {
        Some(Overlay::Evidence(picker)) => picker.error.clone().unwrap_or_default(),
        other => panic!("not the register: {other:?}"),
    };
    assert_eq!(
        said(&app),
        "注意：本机上没有 ./nowhere.txt；已登记，未记录哈希值"
    );
    // The new entry is cited by the current requirement: it cannot be removed.
    app.press("x");
    assert!(said(&app).contains("请先在那里解除关联"), "{}", said(&app));
    // Detached, it can; then editing another entry says so.
    app.press("Enter x");
    assert_eq!(said(&app), "");
    app.press("c Enter");
    assert!(said(&app).ends_with(" 已修改"), "{}", said(&app));
    drop(dir);
}

#[test]
fn signing_off_and_reopening_ask_in_chinese() {
    let (_dir, mut app) = fresh_zh();
    app.press("y S");
    let asked = draw(&app, 160, 48);
    assert!(asked.contains("将本评估签署为最终版"), "{asked}");
    assert!(!asked.contains("Sign off this session"), "{asked}");
    app.press("y");
    assert!(app.work.as_ref().expect("work").session.is_final());
    app.press("S");
    let prompt = draw(&app, 160, 48);
    assert!(
        prompt.contains("重新打开最终版评估") && prompt.contains("原因："),
        "{prompt}"
    );
    assert!(!prompt.contains("Reason:"), "{prompt}");
}

/// A long description and recommendation wrap in the form at 80×24 (all of the text is on
/// screen while it fits, and a cut ends with "…"); no line starts with a closing mark.
#[test]
fn long_finding_texts_wrap_in_the_form() {
    let (_dir, mut app) = fresh_zh();
    let description = "应用发布的回滚有脚本并已演示，但配置变更的回滚仍依赖手工操作，上两次事故都需要人工恢复配置。";
    let recommendation =
        "把配置与应用一同版本化，发布流水线在回滚时一并恢复配置，并在每次发布前演练。";
    app.press("!");
    app.type_text("配置回滚只覆盖代码");
    app.press("Tab Tab");
    app.type_text(description);
    // The popup's inside, row after row, without spaces.
    let flat = |app: &App| {
        let screen = draw(app, 80, 24);
        let inside = screen.lines().filter_map(|l| l.split('│').nth(2));
        inside.map(|l| l.replace(' ', "")).collect::<String>()
    };
    assert!(
        flat(&app).contains(description),
        "typing: {}",
        draw(&app, 80, 24)
    );
    app.press("Tab");
    app.type_text(recommendation);
    app.press("Tab");
    let screen = draw(&app, 80, 24);
    let all = flat(&app);
    assert!(all.contains(description), "{screen}");
    assert!(all.contains(recommendation), "{screen}");
    for line in screen.lines() {
        let value = line.split('│').nth(2).unwrap_or("").trim_start();
        assert!(!value.starts_with(['，', '。', '、']), "{line}\n{screen}");
    }
    // Too long for three rows: the last one shown says it is cut.
    app.press("S-Tab C-u");
    app.type_text(&recommendation.repeat(4));
    app.press("Tab");
    assert!(draw(&app, 80, 24).contains('…'), "{}", draw(&app, 80, 24));
}
