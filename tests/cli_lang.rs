//! The command line's human output in both languages (`summary`, `list`, `log`, `doctor`, a
//! refused edit), chosen by `--lang`, then `ASSESS_LANG`, then the locale.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use assess::session::{self, Status};

/// A sessions dir holding one session on Continuous Delivery with two answers, its history
/// stamped at a fixed time so the output is the same on every run.
fn workshop() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = session::create(
        dir.path(),
        session::NewOptions {
            title: Some("Workshop".into()),
            parts: vec!["cd".into()],
            target: Some(3),
            assessor: Some("tester".into()),
            ..session::NewOptions::default()
        },
    )
    .expect("create");
    let mut s = session::load_session(&path).expect("load");
    s.set_status("cd.config.vc.vcs.l1.1", Status::Met, "tester")
        .expect("met");
    s.set_status("cd.config.vc.vcs.l1.1", Status::Partial, "tester")
        .expect("partial");
    for change in &mut s.history {
        change.at = "2026-01-02T03:04:05Z".into();
    }
    s.updated = "2026-01-02T03:04:05Z".into();
    session::save_session(&path, &s).expect("save");
    (dir, path)
}

fn assess(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(args)
        .env_clear()
        .env("HOME", dir)
        .env("ASSESS_SESSIONS_DIR", dir)
        .env("ASSESS_USER", "tester")
        .envs(env.iter().copied())
        .output()
        .expect("run assess")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn lines_with(text: &str, needle: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.contains(needle))
        .map(str::to_string)
        .collect()
}

#[test]
fn log_tells_fields_and_statuses_by_name_in_either_language() {
    let (dir, _) = workshop();
    let en = stdout(&assess(
        dir.path(),
        &[("ASSESS_LANG", "en")],
        &["log", "workshop"],
    ));
    assert_eq!(
        lines_with(&en, "status"),
        [
            "2026-01-02T03:04:05Z  tester  cd.config.vc.vcs.l1.1  status  (empty) → Met",
            "2026-01-02T03:04:05Z  tester  cd.config.vc.vcs.l1.1  status  Met → Partial",
        ]
    );
    let zh = stdout(&assess(
        dir.path(),
        &[("LANG", "zh_CN.UTF-8")],
        &["log", "workshop"],
    ));
    // The field is named in the reader's language too; the file keeps the code `status`.
    assert_eq!(
        lines_with(&zh, "状态"),
        [
            "2026-01-02T03:04:05Z  tester  cd.config.vc.vcs.l1.1  状态  （空） → 满足",
            "2026-01-02T03:04:05Z  tester  cd.config.vc.vcs.l1.1  状态  满足 → 部分满足",
        ]
    );
}

#[test]
fn summary_headings_and_review_line_in_either_language() {
    let (dir, _) = workshop();
    let en = stdout(&assess(
        dir.path(),
        &[],
        &["summary", "workshop", "--lang", "en"],
    ));
    let zh = stdout(&assess(
        dir.path(),
        &[("ASSESS_LANG", "en")],
        &["summary", "workshop", "--lang", "zh"],
    ));
    let heading = |text: &str| {
        text.lines()
            .find(|l| l.starts_with("    "))
            .map(str::trim)
            .map(str::to_string)
    };
    assert_eq!(
        heading(&en).as_deref(),
        Some("level  score target  gap    answered")
    );
    assert_eq!(
        heading(&zh).as_deref(),
        Some("等级   得分   目标 差距      已作答")
    );
    // The bundled model's own version, so a model update does not break this test.
    let version = assess::model::resolve_model("caict-devops")
        .expect("bundled model")
        .model
        .version;
    assert!(
        en.contains(&format!(
            "Model caict-devops {version} · 1/406 requirements answered"
        )),
        "{en}"
    );
    assert!(
        zh.contains(&format!(
            "模型 caict-devops {version} · 已作答 1/406 项要求"
        )),
        "{zh}"
    );
    assert!(
        en.contains("\nReview: unanswered 405 · flagged 0 · partial 1"),
        "{en}"
    );
    assert!(
        zh.contains("\n复核：未作答 405 · 已标记待复核 0 · 部分满足 1"),
        "{zh}"
    );
}

#[test]
fn list_and_doctor_in_either_language() {
    let (dir, _) = workshop();
    let en = stdout(&assess(dir.path(), &[], &["list"]));
    assert!(en.contains("\t1/406 answered\t"), "{en}");
    let zh = stdout(&assess(dir.path(), &[("ASSESS_LANG", "zh")], &["list"]));
    assert!(zh.contains("\t已作答 1/406\t"), "{zh}");

    let empty = tempfile::tempdir().expect("temp dir");
    let none = stdout(&assess(empty.path(), &[("ASSESS_LANG", "zh")], &["list"]));
    assert!(
        none.contains("中没有评估。用 `assess new` 新建一个。"),
        "{none}"
    );

    let en = stdout(&assess(dir.path(), &[], &["doctor", "workshop"]));
    assert!(en.starts_with("Checking "), "{en}");
    assert!(en.trim_end().ends_with("No problems, 0 warnings."), "{en}");
    let zh = stdout(&assess(
        dir.path(),
        &[("ASSESS_LANG", "zh")],
        &["doctor", "workshop"],
    ));
    assert!(zh.starts_with("正在检查 "), "{zh}");
    assert!(zh.trim_end().ends_with("没有问题，0 个警告。"), "{zh}");
}

#[test]
fn a_refused_edit_is_told_in_either_language() {
    let (dir, _) = workshop();
    assert!(
        assess(dir.path(), &[], &["finalize", "workshop"])
            .status
            .success()
    );
    let again = |env: &[(&str, &str)]| {
        let out = assess(dir.path(), env, &["finalize", "workshop"]);
        assert!(!out.status.success());
        String::from_utf8_lossy(&out.stderr).trim().to_string()
    };
    let en = again(&[]);
    assert!(
        en.starts_with("assess: the session was signed off as final by tester at "),
        "{en}"
    );
    let zh = again(&[("ASSESS_LANG", "zh")]);
    assert!(zh.starts_with("assess：本评估已由 tester 于 "), "{zh}");
    assert!(zh.ends_with("签署定稿；重新打开后才能修改"), "{zh}");
}

/// The workshop with a fingerprinted evidence file that was then deleted, and its lock held by
/// this process (as a workbench open elsewhere would hold it).
fn workshop_with_missing_evidence() -> (tempfile::TempDir, PathBuf) {
    let (dir, path) = workshop();
    let file = dir.path().join("plan.txt");
    std::fs::write(&file, "plan").expect("write");
    let mut s = session::load_session(&path).expect("load");
    let e = session::describe_evidence(
        dir.path(),
        "Plan",
        session::EvidenceType::Document,
        "plan.txt",
    )
    .expect("describe");
    let id = s.add_evidence(e, "tester").expect("add");
    s.attach_evidence("cd.config.vc.vcs.l1.1", &id, "tester")
        .expect("attach");
    session::save_session(&path, &s).expect("save");
    std::fs::remove_file(&file).expect("remove");
    (dir, path)
}

/// `doctor`'s findings, the lock holder and `summary`'s evidence words in either language.
#[test]
fn doctor_lock_holder_and_evidence_checks_in_either_language() {
    let (dir, path) = workshop_with_missing_evidence();
    let _lock = session::acquire_lock(&path).expect("lock");
    let host = session::host_name();
    let run = |env: &[(&str, &str)], args: &[&str]| {
        stdout(&assess(dir.path(), env, args))
            .replace(&dir.path().display().to_string(), "DIR")
            .replace(&std::process::id().to_string(), "PID")
            .replace(&host, "HOST")
    };
    let en = run(&[], &["doctor", "workshop"]);
    let zh = run(&[("ASSESS_LANG", "zh")], &["doctor", "workshop"]);
    let since = |text: &str| {
        let at = text.find("since ").map_or(0, |i| i + 6);
        text[at..].chars().take(20).collect::<String>()
    };
    let since = since(&en);
    let (en, zh) = (en.replace(&since, "SINCE"), zh.replace(&since, "SINCE"));
    for expected in [
        "the session file parses (format 3, 1 answer, 1 evidence entry)",
        "evidence E1 \"Plan\" (plan.txt): the file is missing",
        "the session is open for writing by process PID on HOST since SINCE",
    ] {
        assert!(en.contains(expected), "{expected}\n{en}");
    }
    for expected in [
        "评估文件可以解析（格式 3，1 条作答，1 条证据）",
        "证据 E1 \"Plan\"（plan.txt）：文件缺失",
        "评估正由 HOST 上的进程 PID（自 SINCE 起）以写入方式打开",
    ] {
        assert!(zh.contains(expected), "{expected}\n{zh}");
    }
    let english = ["parses", "missing", "writing", "process", "since", "usable"];
    assert!(!english.iter().any(|w| zh.contains(w)), "{zh}");

    // Opening it without a terminal to offer read-only viewing says who writes it.
    let refused = |env: &[(&str, &str)]| {
        let out = assess(dir.path(), env, &["open", "workshop"]);
        assert!(!out.status.success());
        String::from_utf8_lossy(&out.stderr)
            .replace(&std::process::id().to_string(), "PID")
            .replace(&host, "HOST")
            .replace(&since, "SINCE")
    };
    let refused_to = |args: &[&str]| {
        let out = assess(dir.path(), &[("ASSESS_LANG", "zh")], args);
        assert!(!out.status.success());
        String::from_utf8_lossy(&out.stderr)
            .replace(&std::process::id().to_string(), "PID")
            .replace(&host, "HOST")
            .replace(&since, "SINCE")
    };
    let en = refused(&[]);
    assert!(
        en.contains("is already open for writing by process PID on HOST since SINCE (no terminal"),
        "{en}"
    );
    let zh = refused(&[("ASSESS_LANG", "zh")]);
    assert!(
        zh.contains("已由 HOST 上的进程 PID（自 SINCE 起）以写入方式打开（此处没有终端"),
        "{zh}"
    );
    // Signing off while another process writes it is refused in the reader's language.
    let zh = refused_to(&["finalize", "workshop"]);
    assert!(
        zh.contains("HOST 上的进程 PID（自 SINCE 起）正以写入方式打开此评估"),
        "{zh}"
    );

    let en = run(&[], &["summary", "workshop"]);
    assert!(en.contains("  E1 missing (plan.txt)"), "{en}");
    let zh = run(&[], &["summary", "workshop", "--lang", "zh"]);
    assert!(zh.contains("  E1 缺失 (plan.txt)"), "{zh}");
}

/// `finalize`, `verify` and `reopen` speak the session's language.
#[test]
fn sign_off_verify_and_reopen_in_either_language() {
    for (lang, expected) in [
        (
            assess::lang::Lang::En,
            [
                "not signed off: nothing to verify",
                "signed off as final by tester at ",
                "(not signed with a key: integrity only)",
                "content intact: final, signed off by tester at ",
                "reopened by tester: typo in a note",
            ],
        ),
        (
            assess::lang::Lang::Zh,
            [
                "：尚未签署定稿，无可校验",
                "：已由 tester 于 ",
                "（未用密钥签名：仅校验完整性）",
                "：内容完整：已定稿，由 tester 于 ",
                "：已由 tester 重新打开：typo in a note",
            ],
        ),
    ] {
        let (dir, path) = workshop();
        let mut s = session::load_session(&path).expect("load");
        s.cursor.lang = lang;
        session::save_session(&path, &s).expect("save");
        let run = |args: &[&str]| stdout(&assess(dir.path(), &[], args));
        let not_final = run(&["verify", "workshop"]);
        let finalized = run(&["finalize", "workshop"]);
        let verified = run(&["verify", "workshop"]);
        let reopened = run(&["reopen", "workshop", "--reason", "typo in a note"]);
        let said = [&not_final, &finalized, &finalized, &verified, &reopened];
        for (text, part) in said.iter().zip(expected) {
            assert!(text.contains(part), "{lang:?}: {part:?} in\n{text}");
        }
    }
}

/// A damaged session or model file is told in the reader's language, the parser's own
/// finding included; the file and line:column stay as they are.
#[test]
fn a_damaged_session_is_told_in_either_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("bad.ron"), "garbage").expect("write");
    let said = |env: &[(&str, &str)], args: &[&str]| {
        let out = assess(dir.path(), env, args);
        assert!(!out.status.success());
        String::from_utf8_lossy(&out.stderr).replace(&dir.path().display().to_string(), "DIR")
    };
    let en = said(&[], &["summary", "bad"]);
    assert!(
        en.contains("DIR/bad.ron:1:1: the session file is damaged: expected ")
            && en.contains("\nThe file was not changed."),
        "{en}"
    );
    let zh = said(&[("ASSESS_LANG", "zh")], &["summary", "bad"]);
    assert!(
        zh.contains("DIR/bad.ron:1:1：评估文件已损坏：此处应为"),
        "{zh}"
    );
    assert!(zh.contains("\n文件未被修改。"), "{zh}");

    // The parser's findings our files meet, each in both languages.
    let cases = [
        (
            "format: 3, title: 5,",
            "expected a string",
            "此处应为字符串",
        ),
        (
            "format: 3, colour: 1,",
            "unknown field `colour` in `Session`",
            "未知字段 `colour`（位于 `Session`）",
        ),
        (
            "format: 3",
            "missing field `title` in `Session`",
            "缺少字段 `title`（位于 `Session`）",
        ),
        ("format: \"3\",", "expected a whole number", "此处应为整数"),
        (
            "format: 3 title: \"x\",",
            "expected a comma",
            "此处应为逗号",
        ),
        (
            "format: 3, title: \"x",
            "a string is not closed",
            "字符串没有闭合",
        ),
        (
            "format: 3, title: \"x\",",
            "the text ends too early",
            "文本提前结束",
        ),
    ];
    for (body, en_words, zh_words) in cases {
        // The last case is cut short: its `)` is missing.
        let close = if en_words.contains("ends") { "" } else { ")" };
        let text = format!("Session({body}{close}");
        std::fs::write(dir.path().join("bad.ron"), text).expect("write");
        let en = said(&[], &["open", "bad"]);
        assert!(en.contains(en_words), "{body}: {en}");
        let zh = said(&[("ASSESS_LANG", "zh")], &["open", "bad"]);
        assert!(zh.contains(zh_words), "{body}: {zh}");
        assert!(!zh.contains(en_words), "{body}: {zh}");
    }
    std::fs::write(dir.path().join("bad.ron"), "Session(format: 3))").expect("write");
    let zh = said(
        &[("ASSESS_LANG", "zh")],
        &["summary", "bad", "--lang", "zh"],
    );
    assert!(
        !zh.contains("Non-whitespace") && zh.contains("评估文件已损坏："),
        "{zh}"
    );

    // A model file: `model validate` and a new session on it.
    let model = dir.path().join("model.ron");
    std::fs::write(&model, "Model(id: \"m\", name; {})").expect("write");
    let model = model.display().to_string();
    let en = said(&[], &["model", "validate", &model]);
    assert!(
        en.contains("DIR/model.ron:1:20: the model file is not valid RON: expected a colon"),
        "{en}"
    );
    let zh = said(
        &[("ASSESS_LANG", "zh")],
        &["new", "--model", &model, "--no-open"],
    );
    assert!(
        zh.contains("DIR/model.ron:1:20：模型文件不是有效的 RON：此处应为冒号"),
        "{zh}"
    );
}

/// `--help` and clap's usage errors speak the reader's language; commands and flags stay.
#[test]
fn help_and_usage_errors_in_either_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = |env: &[(&str, &str)], args: &[&str]| {
        let out = assess(dir.path(), env, args);
        let mut text = stdout(&out);
        text.push_str(&String::from_utf8_lossy(&out.stderr));
        (out.status.code(), text)
    };
    let (code, zh) = run(&[("ASSESS_LANG", "zh")], &["--help"]);
    assert_eq!(code, Some(0));
    for expected in [
        "用法：assess [OPTIONS] [COMMAND]",
        "命令：",
        "选项：",
        "  summary       按部分和能力域显示进度和等级",
        "-h, --help                显示帮助",
    ] {
        assert!(zh.contains(expected), "{expected}\n{zh}");
    }
    for english in [
        "Usage",
        "Commands:",
        "Options:",
        "Print help",
        "Start a new session",
    ] {
        assert!(!zh.contains(english), "{english}\n{zh}");
    }
    let (_, en) = run(&[("LANG", "zh_CN.UTF-8")], &["--help", "--lang", "en"]);
    assert!(
        en.contains("Usage: assess [OPTIONS] [COMMAND]") && en.contains("Start a new session"),
        "{en}"
    );

    // A command's help: its arguments, the tags clap adds, the flags as they are.
    let (_, zh) = run(&[], &["report", "--help", "--lang", "zh"]);
    for expected in [
        "用法：assess report [OPTIONS] <SESSION>",
        "参数：",
        "  <SESSION>  评估文件，或它在评估目录中的名称",
        "--format <FORMAT>",
        "［可选：md、html、pdf、csv、json、xlsx、svg］",
        "--redact              隐去人名",
    ] {
        assert!(zh.contains(expected), "{expected}\n{zh}");
    }
    assert!(
        !zh.contains("possible values") && !zh.contains("Arguments:"),
        "{zh}"
    );
    // Shell completion describes commands in the reader's language, without `--help`'s tags.
    let (_, fish) = run(&[("ASSESS_LANG", "zh")], &["completions", "fish"]);
    assert!(
        fish.contains("新建评估") && !fish.contains("Start a new session"),
        "{fish}"
    );
    assert!(!fish.contains("环境变量"), "{fish}");
    let (_, help_cmd) = run(&[("ASSESS_LANG", "zh")], &["help", "model", "show"]);
    assert!(help_cmd.contains("显示模型的树"), "{help_cmd}");

    // Usage errors: a missing argument, a wrong value, an unknown command.
    let (code, zh) = run(&[("ASSESS_LANG", "zh")], &["summary"]);
    assert_eq!(code, Some(2));
    assert!(zh.starts_with("错误：缺少必需的参数：<SESSION>"), "{zh}");
    assert!(
        zh.contains("用法：assess summary") && zh.contains("更多信息请运行 '--help'。"),
        "{zh}"
    );
    let (_, en) = run(&[("ASSESS_LANG", "en")], &["summary"]);
    assert!(
        en.contains("error: the following required arguments were not provided"),
        "{en}"
    );
    let (_, zh) = run(&[], &["resolve", "x", "--take", "both", "--lang", "zh"]);
    assert!(
        zh.contains("错误：'--take <TAKE>' 的取值 'both' 无效 ［可选：ours、theirs］"),
        "{zh}"
    );
    let (_, zh) = run(&[("ASSESS_LANG", "zh")], &["sumary"]);
    assert!(
        zh.contains("无法识别的子命令 'sumary'") && zh.contains("'summary'"),
        "{zh}"
    );
}

#[test]
fn recorded_codes_read_in_either_language() {
    use assess::lang::Lang::{En, Zh};
    use assess::session::{field_label, recorded_value, via_label};
    let value = |field, value, lang| {
        recorded_value(None, "cd.config.vc.vcs.l2.1", field, value, lang).unwrap_or_default()
    };
    // A merge's conflict and its resolution name their fields by code.
    assert_eq!(value("conflict", "C1: status, note", Zh), "C1：状态、备注");
    assert_eq!(
        value("conflict", "C1: status, note", En),
        "C1: status, note"
    );
    assert_eq!(
        value("resolved", "C2 (title, severity)", Zh),
        "C2（标题、严重程度）"
    );
    assert_eq!(value("resolved", "theirs", Zh), "对方");
    // Evidence, findings and the flag store codes too.
    assert_eq!(value("kind", "recording", Zh), "演示录像");
    assert_eq!(value("kind", "recording", En), "recording");
    assert_eq!(value("severity", "high", Zh), "高");
    assert_eq!(value("flag", "flagged", Zh), "已标记");
    assert_eq!(value("sign-off", "final sha256:ab", Zh), "定稿 sha256:ab");
    let reopened = "final sha256:ab (signed off by Li Na at 2026-01-02T03:04:05Z)";
    assert_eq!(
        value("reopen", reopened, Zh),
        "定稿 sha256:ab（由 Li Na 于 2026-01-02T03:04:05Z 签署）"
    );
    assert_eq!(value("reopen", reopened, En), reopened);
    assert_eq!(
        recorded_value(None, "x", "note", "flagged", Zh),
        None,
        "free text stays"
    );
    for (code, zh) in [
        ("added", "新增"),
        ("planned minutes", "计划分钟数"),
        ("tie", "关联对象"),
    ] {
        assert_eq!(field_label(code, Zh), zh);
        assert_eq!(field_label(code, En), code);
    }
    assert_eq!(assess::session::who_label("model aliases", Zh), "模型别名");
    assert_eq!(assess::session::who_label("Li Na", Zh), "Li Na");
    assert_eq!(via_label("imported from q.xlsx", Zh), "导入自 q.xlsx");
    assert_eq!(
        via_label("imported from q.xlsx", En),
        "imported from q.xlsx"
    );
}

/// English words in Chinese output: runs of three or more ASCII letters outside ids, paths,
/// flags, `code` and the allowed names.
fn english_words(text: &str) -> Vec<String> {
    const ALLOWED: &[&str] = &[
        "assess",
        "Workshop",
        "tester",
        "caict",
        "devops",
        "DevOps",
        "sha",
        "ron",
        "json",
        "md",
        "html",
        "csv",
        "svg",
        "xlsx",
        "Markdown",
        "HTML",
        "CSV",
        "JSON",
        "Excel",
        "PDF",
        "SVG",
        "staged",
        "minimum",
        "UTF",
        // Tools and commands named in help and usage.
        "git",
        "shell",
        "Shell",
        "completions",
        "roff",
        "diff",
        "textconv",
    ];
    let outside_code: String = text.split('`').step_by(2).collect();
    outside_code
        .split(|c: char| c.is_whitespace() || "()（）[]{}<>|:：,，;；、。“”\"'…=→".contains(c))
        .filter(|t| {
            !t.contains(['.', '_', '@', '-', '/']) && !t.contains(|c: char| c.is_ascii_digit())
        })
        .flat_map(|t| t.split(|c: char| !c.is_ascii_alphabetic()))
        // Acronyms (RTO, SBOM …) stay as the model's Chinese texts write them.
        .filter(|w| {
            w.len() >= 3 && !ALLOWED.contains(w) && !w.chars().all(|c| c.is_ascii_uppercase())
        })
        .map(str::to_string)
        .collect()
}

/// Every command a team runs on a session, in Chinese: no English beyond names and ids.
#[test]
fn every_command_in_chinese_has_no_english() {
    let (dir, path) = workshop();
    // Sign-off, verification and reopening speak the session's language.
    let mut s = session::load_session(&path).expect("load");
    s.cursor.lang = assess::lang::Lang::Zh;
    // Saved against another version of the model: opening it warns.
    s.model.hash = "sha256:0".into();
    session::save_session(&path, &s).expect("save");
    std::fs::write(
        dir.path().join("broken.ron"),
        "Session(format: 3, colour: 1)",
    )
    .expect("write");
    let zh = [("ASSESS_LANG", "zh")];
    let commands: &[&[&str]] = &[
        &["list"],
        &["summary", "workshop", "--lang", "zh"],
        &["log", "workshop"],
        &["doctor", "workshop"],
        &["report", "workshop", "--lang", "zh", "--format", "md"],
        &["export-xlsx", "workshop", "--lang", "zh"],
        &["diff", "workshop", "workshop", "--lang", "zh"],
        &["model", "list"],
        &["model", "show", "--lang", "zh"],
        &["model", "stats", "--lang", "zh"],
        &["finalize", "workshop", "--block", "none"],
        &["verify", "workshop"],
        &["reopen", "workshop", "--reason", "复查"],
        &["log", "workshop"],
        &["summary", "broken"],
        &["model", "validate", "missing.ron"],
        // A failure below what was being done: both told, the system's reason included.
        &[
            "report",
            "workshop",
            "--format",
            "md",
            "-o",
            "/nonexistent-dir/r.md",
        ],
        &["summary"],
        &["--help"],
        &["log", "--help"],
    ];
    let mut problems = Vec::new();
    for args in commands {
        let out = assess(dir.path(), &zh, args);
        let mut text = stdout(&out);
        text.push_str(&String::from_utf8_lossy(&out.stderr));
        let mut text = text.replace(&dir.path().display().to_string(), "DIR");
        if matches!(args[0], "list" | "model" | "--help") {
            // Each line starts with a session's name, a model node's id or a command.
            let rest = |l: &str| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" ");
            text = text.lines().map(rest).collect::<Vec<_>>().join("\n");
        }
        // A usage line names the command as typed.
        let checked: Vec<&str> = text.lines().filter(|l| !l.starts_with("用法：")).collect();
        let english = english_words(&checked.join("\n"));
        if !english.is_empty() {
            problems.push(format!("{args:?}: {english:?}\n{text}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The questionnaire the sweep exported, read back.
    let workbook = dir.path().join("workshop.questionnaire.zh.xlsx");
    let workbook = workbook.display().to_string();
    let out = assess(
        dir.path(),
        &zh,
        &["import-xlsx", "workshop", &workbook, "--dry-run"],
    );
    let listing = stdout(&out) + &String::from_utf8_lossy(&out.stderr);
    assert!(
        listing.contains("workshop.questionnaire.zh.xlsx：\n"),
        "{listing}"
    );
    assert!(english_words(&listing).is_empty(), "{listing}");
    // What `git diff` shows of a session.
    let file = path.display().to_string();
    let lines = stdout(&assess(dir.path(), &zh, &["textconv", &file]));
    assert!(lines.starts_with("评估：Workshop\n组织：\n"), "{lines}");
    assert!(
        lines.contains("cd.config.vc.vcs.l1.1：部分满足 (tester)"),
        "{lines}"
    );
    assert!(english_words(&lines).is_empty(), "{lines}");
    let out = assess(dir.path(), &zh, &["summary", "workshop", "--lang", "zh"]);
    let warned = String::from_utf8_lossy(&out.stderr);
    assert!(
        warned.contains("assess：警告：DIR/workshop.ron：模型 caict-devops 在本评估保存之后已更改")
            || warned.contains("：模型 caict-devops 在本评估保存之后已更改"),
        "{warned}"
    );
}
