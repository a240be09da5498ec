//! Bringing your own model through the real binary: import into the models dir, list, start a
//! session on an installed model by id, write a skeleton and validate models, in English and
//! Chinese.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn assess(dir: &Path, lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(args)
        .env("ASSESS_SESSIONS_DIR", dir.join("sessions"))
        .env("ASSESS_MODELS_DIR", dir.join("models"))
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("xdg"))
        .env("ASSESS_USER", "tester")
        .env("ASSESS_LANG", lang)
        .output()
        .expect("run assess")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

fn failed(out: &Output) -> String {
    assert!(
        !out.status.success(),
        "expected failure: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr.clone()).expect("utf-8")
}

fn fixture(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
        .display()
        .to_string()
}

#[test]
fn an_imported_model_is_installed_listed_and_used_for_a_new_session_by_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let out = ok(&assess(
        d,
        "en",
        &["model", "import", "dsomm", &fixture("dsomm.yaml")],
    ));
    let installed = d.join("models/owasp-dsomm.ron");
    assert_eq!(
        out,
        format!(
            "Imported OWASP DevSecOps Maturity Model into {}\n\
             2 parts, 3 domains, 3 practices, 5 requirements, 1 answer scales, 3 dependencies\n\
             Everything in the source was imported.\n\
             Start a session on it: assess new --model owasp-dsomm\n",
            installed.display()
        )
    );
    let list = ok(&assess(d, "en", &["model", "list"]));
    assert!(list.contains("owasp-dsomm\tOWASP DevSecOps Maturity Model\tversion 0.9\t2 parts, 3 practices, 5 requirements (installed)\tsource: OWASP DevSecOps Maturity Model (DSOMM) 0.9, GPL-3.0\n"), "{list}");
    assert!(list.starts_with("caict-devops\t"), "{list}");
    let session = ok(&assess(
        d,
        "en",
        &[
            "new",
            "--model",
            "owasp-dsomm",
            "--title",
            "Pipeline",
            "--no-open",
        ],
    ));
    let text = std::fs::read_to_string(session.trim()).expect("session");
    let real = std::fs::canonicalize(&installed).expect("installed");
    assert!(
        text.contains(&format!("path: \"{}\"", real.display())),
        "{text}"
    );
    assert!(text.contains("id: \"owasp-dsomm\""), "{text}");
    let shown = ok(&assess(d, "zh", &["model", "show", "owasp-dsomm"]));
    assert!(
        shown.starts_with("OWASP DevSecOps Maturity Model（owasp-dsomm，版本 0.9）\n计分规则 share，汇总 mean，等级 1–3；答案等级：\n  implementation：已实施 / 未实施 / 不适用\n来源：OWASP DevSecOps Maturity Model (DSOMM) · 0.9 · GPL-3.0\n"),
        "{shown}"
    );
    let summary = ok(&assess(d, "en", &["summary", "pipeline"]));
    assert!(summary.contains("0/5 requirements answered"), "{summary}");
    // A second import does not replace the installed model unless told to.
    let refused = failed(&assess(
        d,
        "en",
        &["model", "import", "dsomm", &fixture("dsomm.yaml")],
    ));
    assert!(
        refused.contains("already exists, so nothing was written: use --force"),
        "{refused}"
    );
    ok(&assess(
        d,
        "en",
        &[
            "model",
            "import",
            "dsomm",
            &fixture("dsomm.yaml"),
            "--force",
        ],
    ));
    // Another version side by side, under an id of its own.
    let dsomm = fixture("dsomm.yaml");
    let import_as = |id: &str| assess(d, "en", &["model", "import", "dsomm", &dsomm, "--id", id]);
    let beside = ok(&import_as("dsomm-0-9"));
    assert!(
        beside.ends_with("Start a session on it: assess new --model dsomm-0-9\n"),
        "{beside}"
    );
    assert!(d.join("models/dsomm-0-9.ron").is_file());
    let bad = failed(&import_as("a/b"));
    assert!(bad.contains("id \"a/b\" must be letters, digits"), "{bad}");
}

#[test]
fn what_could_not_be_imported_is_listed_with_file_and_place_in_chinese_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let broken = d.join("model.yaml");
    std::fs::write(
        &broken,
        "D:\n  S:\n    A:\n      level: 1\n      dependsOn: [nowhere]\n    B:\n      level: high\n",
    )
    .expect("write");
    let target = d.join("out.ron");
    let t = target.display().to_string();
    let out = ok(&assess(
        d,
        "zh",
        &[
            "model",
            "import",
            "dsomm",
            &broken.display().to_string(),
            "-o",
            &t,
        ],
    ));
    let f = broken.display();
    assert_eq!(
        out,
        format!(
            "已将 OWASP DevSecOps Maturity Model 导入到 {t}\n\
             1 个部分，1 个能力域，1 个实践，1 条要求，1 套答案等级，0 条依赖\n\
             有 2 处未能导入：\n  {f}:7:14：`level` 应为数字\n  {f}:5:19：`dependsOn` 指向“nowhere”，模型中没有它\n"
        )
    );
    ok(&assess(d, "en", &["model", "validate", &t]));
    let samm = ok(&assess(
        d,
        "en",
        &[
            "model",
            "import",
            "samm",
            &fixture("samm"),
            "-o",
            &d.join("samm.ron").display().to_string(),
        ],
    ));
    assert!(
        samm.contains("2 parts, 2 domains, 3 practices, 4 requirements, 2 answer scales"),
        "{samm}"
    );
    let nothing = failed(&assess(
        d,
        "zh",
        &["model", "import", "samm", &d.display().to_string()],
    ));
    assert!(nothing.contains("无法读取"), "{nothing}");
}

#[test]
fn a_new_skeleton_validates_and_a_broken_model_is_explained_by_id_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let file: PathBuf = d.join("acme.ron");
    let f = file.display().to_string();
    let out = ok(&assess(d, "en", &["model", "new", "acme", "-o", &f]));
    assert_eq!(
        out,
        format!(
            "Wrote the model skeleton acme to {f}: edit it, then check it with `assess model validate {f}`\n"
        )
    );
    assert_eq!(
        ok(&assess(d, "en", &["model", "validate", &f])),
        format!("{f}: valid (1 parts, 1 practices, 3 requirements)\n")
    );
    let again = failed(&assess(d, "en", &["model", "new", "acme", "-o", &f]));
    assert!(again.contains("already exists"), "{again}");
    let text = std::fs::read_to_string(&file).expect("skeleton");
    assert!(text.contains("id: \"acme\""), "{text}");
    let broken = text
        .replace("scale: \"yes-no\"", "")
        .replace("Requirement(id: \"1\", text: {\"en\": \"All teams", "Requirement(id: \"1\", scale: \"nope\", text: {\"en\": \"All teams")
        .replace("value: 0.5)", "value: 0.5, passed: false), AnswerOption(id: \"partly\", label: {\"en\": \"Again\", \"zh\": \"再\"}, value: 0.5)");
    std::fs::write(&file, broken).expect("write");
    let err = failed(&assess(d, "zh", &["model", "validate", &f]));
    assert_eq!(
        err,
        format!(
            "assess：{f}：发现 2 个问题，均以编号路径标出：\n  acme/scales/yes-no/partly: 编号 \"partly\" 与同级重复\n  delivery/build/ci/pipeline/L3/1: 未知的答案等级 \"nope\"\n"
        )
    );
    let bad_id = failed(&assess(
        d,
        "en",
        &[
            "model",
            "new",
            "a.b",
            "-o",
            &d.join("x.ron").display().to_string(),
        ],
    ));
    assert!(
        bad_id.contains("a.b: id \"a.b\" must be letters, digits"),
        "{bad_id}"
    );
}

#[test]
fn an_installed_file_that_does_not_load_is_listed_with_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::create_dir_all(d.join("models")).expect("mkdir");
    std::fs::write(d.join("models/ours.ron"), "#![enable(implicit_some)]\nModel(id: \"ours\", name: {\"en\": \"Ours\"}, version: \"1\", extends: \"theirs\", parts: [])").expect("write");
    let list = ok(&assess(d, "en", &["model", "list"]));
    let file = d.join("models/ours.ron").display().to_string();
    assert!(
        list.contains(&format!("{file}: does not load: {file}: extends \"theirs\", which is neither a bundled model, an installed one, nor a file theirs.ron beside it\n")),
        "{list}"
    );
    let all = failed(&assess(d, "en", &["model", "validate"]));
    assert!(
        all.contains("extends \"theirs\", which is neither"),
        "{all}"
    );
    let new = failed(&assess(d, "zh", &["new", "--model", "ours", "--no-open"]));
    assert!(new.contains("扩展的“theirs”既不是内置模型"), "{new}");
}

/// Answers `value` to `id` in the session file at `path`, on its model's scale.
fn answer(path: &Path, id: &str, value: &str) {
    use assess::session::{Status, load_session, model_for, save_session};
    let mut s = load_session(path).expect("session");
    let model = model_for(&s).expect("model");
    let status = Status::new(value).expect("id");
    s.answer(&model, id, status, "", "tester").expect("answer");
    save_session(path, &s).expect("save");
}

#[test]
fn a_samm_sessions_answers_read_as_their_labels_in_log_diff_conflicts_and_textconv() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let model = fixture("samm-shaped.ron");
    let new = ["new", "--no-open", "--model", &model, "--title", "SAMM"];
    ok(&assess(d, "en", &new));
    let base = d.join("sessions/samm.ron");
    let q1 = "g.sm.a.s.l1.q";
    answer(&base, q1, "2");
    let (ours, theirs) = (d.join("ours.ron"), d.join("theirs.ron"));
    std::fs::copy(&base, &ours).expect("copy");
    std::fs::copy(&base, &theirs).expect("copy");
    answer(&ours, q1, "3");
    answer(&theirs, q1, "1");
    let ours_arg = ours.display().to_string();

    let log = ok(&assess(d, "en", &["log", &ours_arg]));
    assert!(log.contains("(empty) → Yes, for some\n"), "{log}");
    assert!(
        log.contains("Yes, for some → Yes, for most or all\n"),
        "{log}"
    );
    let log = ok(&assess(d, "zh", &["log", &ours_arg]));
    assert!(log.contains("是，部分 → 是，大多数或全部\n"), "{log}");

    let base_arg = base.display().to_string();
    let diff = ok(&assess(d, "en", &["diff", &base_arg, &ours_arg]));
    assert!(
        diff.contains(&format!(
            "{q1}  status: Yes, for some → Yes, for most or all\n"
        )),
        "{diff}"
    );
    let diff = ok(&assess(d, "zh", &["diff", &base_arg, &ours_arg]));
    assert!(
        diff.contains(&format!("{q1}  状态：是，部分 → 是，大多数或全部\n")),
        "{diff}"
    );
    // JSON keeps the ids, for scripts.
    let json = ok(&assess(d, "en", &["diff", "--json", &base_arg, &ours_arg]));
    assert!(json.contains("\"now\": \"3\""), "{json}");

    let lines = ok(&assess(d, "en", &["textconv", &ours_arg]));
    assert!(
        lines.contains(&format!("{q1}: Yes, for most or all (tester)\n")),
        "{lines}"
    );

    let merged = d.join("merged.ron");
    let merged_arg = merged.display().to_string();
    let theirs_arg = theirs.display().to_string();
    let merge = [
        "merge",
        &base_arg,
        &ours_arg,
        &theirs_arg,
        "-o",
        &merged_arg,
    ];
    let out = assess(d, "en", &merge);
    assert_eq!(out.status.code(), Some(1), "a conflict remains");
    let conflicts = ok(&assess(d, "en", &["conflicts", &merged_arg]));
    for side in [
        "status: Yes, for some",
        "status: Yes, for most or all",
        "status: Yes, for a few",
    ] {
        assert!(conflicts.contains(side), "{side}: {conflicts}");
    }
    let conflicts = ok(&assess(d, "zh", &["conflicts", &merged_arg]));
    assert!(conflicts.contains("状态：是，少数"), "{conflicts}");
    let json = ok(&assess(d, "en", &["conflicts", "--json", &merged_arg]));
    assert!(json.contains("\"value\": \"status: 1\""), "{json}");
    let lines = ok(&assess(d, "en", &["textconv", &merged_arg]));
    assert!(
        lines.contains("ours status: Yes, for most or all | theirs status: Yes, for a few"),
        "{lines}"
    );
}

/// `../shared/external/REL` beside the repository (or under `ASSESS_EXTERNAL_DIR`).
fn external(rel: &str) -> Option<PathBuf> {
    let base = std::env::var_os("ASSESS_EXTERNAL_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/external"),
        PathBuf::from,
    );
    let path = base.join(rel);
    if path.exists() {
        Some(path)
    } else {
        println!("skipped: {} is absent", path.display());
        None
    }
}

#[test]
fn the_real_samm_models_answers_read_as_its_own_words_in_log_and_textconv() {
    let Some(samm) = external("owasp-samm-v2/model") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    ok(&assess(
        d,
        "en",
        &["model", "import", "samm", &samm.display().to_string()],
    ));
    let new = [
        "new",
        "--no-open",
        "--model",
        "owasp-samm",
        "--title",
        "SAMM",
    ];
    ok(&assess(d, "zh", &new));
    let file = d.join("sessions/samm.ron");
    // Each SAMM question has its own answer set: the first one's best answer has its words.
    answer(&file, "governance.sm.a.a.l1.1", "3");
    answer(&file, "governance.sm.a.a.l2.1", "0");
    let arg = file.display().to_string();
    let log = ok(&assess(d, "zh", &["log", &arg]));
    assert!(
        log.contains("状态  （空） → Yes, it covers risks and opportunities\n"),
        "{log}"
    );
    let lines = ok(&assess(d, "en", &["textconv", &arg]));
    assert!(
        lines.contains("governance.sm.a.a.l2.1: No (tester)\n"),
        "{lines}"
    );
}
