//! The Excel round trip: questionnaires written by `assess export-xlsx`, filled by an
//! independent reader/writer (Python's openpyxl, installed by `.ci/run`), read back by
//! `assess import-xlsx`; the report workbook; and every kind of bad workbook refused with its
//! place named and the session file left byte for byte as it was.
//!
//! The openpyxl tests print that they were skipped when Python or openpyxl is absent.

mod common;
mod workbench;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use assess::session::{Status, load_session};

fn assess(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(args)
        .current_dir(dir)
        .env("ASSESS_SESSIONS_DIR", dir)
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("xdg"))
        .env("ASSESS_USER", "tester")
        .env("ASSESS_LANG", "en")
        .output()
        .expect("run assess")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

fn failed(out: &Output) -> String {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.status.success(), "expected a failure: {text}");
    text
}

/// A Python with openpyxl, or None (the caller says the test was skipped).
fn python() -> Option<&'static str> {
    ["python3", "/usr/bin/python3"].into_iter().find(|py| {
        Command::new(py)
            .args(["-c", "import openpyxl"])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

fn skipped(test: &str) {
    eprintln!("{test}: skipped: no python3 with openpyxl (.ci/run installs python3-openpyxl)");
}

/// Runs a Python script with openpyxl imported and `args` in `sys.argv[1:]`; returns stdout.
fn py(python: &str, script: &str, args: &[&Path]) -> String {
    let out = Command::new(python)
        .arg("-c")
        .arg(format!("import sys, json, openpyxl\n{script}"))
        .args(args)
        .output()
        .expect("run python");
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// A session on parts cd and to, by Ann, with Zhang Wei in the room.
fn new_session(dir: &Path) -> PathBuf {
    ok(&assess(
        dir,
        &[
            "--as",
            "Ann",
            "new",
            "--title",
            "Audit",
            "--parts",
            "cd,to",
            "--target",
            "3",
            "--participant",
            "Zhang Wei:Dev lead",
            "--no-open",
        ],
    ));
    dir.join("audit.ron")
}

/// Fills answers into rows found by their id (never by position): `{id: [answer, reason,
/// note, answered by, evidence references]}`; None (or a shorter list) leaves a cell as it is.
const FILL: &str = r#"
wb = openpyxl.load_workbook(sys.argv[1])
fill = json.loads(sys.argv[3])
for ws in wb.worksheets[1:]:
    if ws.title == "assess":
        continue
    for row in ws.iter_rows(min_row=2):
        values = fill.get(row[0].value)
        if values:
            for cell, value in zip([row[7], row[8], row[9], row[11], row[10]], values):
                if value is not None:
                    cell.value = value
wb.save(sys.argv[2])
"#;

fn fill(python: &str, from: &Path, to: &Path, values: &str) {
    let script = FILL.replace(
        "json.loads(sys.argv[3])",
        &format!("json.loads({values:?})"),
    );
    py(python, &script, &[from, to]);
}

const MET: &str = "cd.config.vc.vcs.l1.1";
const NA: &str = "cd.config.vc.vcs.l2.1";
const PARTIAL: &str = "to.incident.incident.detect.l1.3";

#[test]
fn a_workbook_filled_by_openpyxl_comes_back_as_logged_edits() {
    let Some(python) = python() else {
        return skipped("round trip");
    };
    let dir = tempfile::tempdir().expect("tmp");
    let session = new_session(dir.path());
    let blank = dir.path().join("q.xlsx");
    ok(&assess(
        dir.path(),
        &["export-xlsx", "audit", "-o", "q.xlsx", "--lang", "zh"],
    ));
    let filled = dir.path().join("filled.xlsx");
    let values = format!(
        r#"{{"{MET}": ["满足", null, "主干开发，GitLab 保护分支", "Zhang Wei"],
            "{NA}": ["Not applicable", "只有一个仓库", null, null],
            "{PARTIAL}": ["partial", null, "告警规则只覆盖核心服务", "Li Lei", "Grafana 告警截图"]}}"#
    );
    fill(python, &blank, &filled, &values);

    let before = std::fs::read(&session).expect("read");
    let preview = ok(&assess(
        dir.path(),
        &["import-xlsx", "audit", "filled.xlsx", "--dry-run"],
    ));
    assert!(preview.contains("new answers: 3"), "{preview}");
    assert!(
        preview.contains(&format!("{NA}  Not applicable")),
        "{preview}"
    );
    assert!(preview.contains("new participants: Li Lei"), "{preview}");
    assert!(
        preview.contains("not imported: add them to the evidence register): 1"),
        "{preview}"
    );
    assert!(
        preview.contains(&format!("{PARTIAL}  Grafana 告警截图")),
        "{preview}"
    );
    assert_eq!(
        std::fs::read(&session).expect("read"),
        before,
        "a dry run writes nothing"
    );

    let done = ok(&assess(
        dir.path(),
        &["--as", "Bob", "import-xlsx", "audit", "filled.xlsx"],
    ));
    assert!(
        done.contains("Imported 7 change(s) from filled.xlsx"),
        "{done}"
    );
    let s = load_session(&session).expect("load");
    assert_eq!(s.status(MET), Some(Status::Met));
    assert_eq!(s.answers[MET].note, "主干开发，GitLab 保护分支");
    assert_eq!(s.answers[MET].decided_by, "Zhang Wei");
    assert_eq!(s.answers[NA].justification.as_deref(), Some("只有一个仓库"));
    assert_eq!(s.status(PARTIAL), Some(Status::Partial));
    assert_eq!(s.answers[PARTIAL].by, "Bob");
    let imported: Vec<_> = s.history.iter().filter(|c| !c.via.is_empty()).collect();
    assert!(
        imported
            .iter()
            .all(|c| c.by == "Bob" && c.via == "imported from filled.xlsx")
    );
    let status_changes = imported.iter().filter(|c| c.field == "status").count();
    assert_eq!(status_changes, 3, "{imported:?}");
    let log = ok(&assess(dir.path(), &["log", "audit"]));
    assert!(log.contains("(imported from filled.xlsx)"), "{log}");

    let summary: serde_json::Value =
        serde_json::from_str(&ok(&assess(dir.path(), &["summary", "audit", "--json"])))
            .expect("json");
    let answered: Vec<u64> = summary["parts"]
        .as_array()
        .expect("parts")
        .iter()
        .map(|p| p["answered"].as_u64().expect("answered"))
        .collect();
    assert_eq!(answered, [2, 1], "{summary}");

    // Importing the same workbook again changes nothing; a different answer needs --overwrite.
    ok(&assess(
        dir.path(),
        &["import-xlsx", "audit", "filled.xlsx"],
    ));
    assert_eq!(
        load_session(&session).expect("load").history.len(),
        s.history.len()
    );
    let changed = dir.path().join("changed.xlsx");
    fill(
        python,
        &filled,
        &changed,
        &format!(r#"{{"{MET}": ["不满足"]}}"#),
    );
    let before = std::fs::read(&session).expect("read");
    let refused = failed(&assess(
        dir.path(),
        &["import-xlsx", "audit", "changed.xlsx"],
    ));
    assert!(
        refused.contains(&format!("! {MET}  Met → Not met")),
        "{refused}"
    );
    assert!(refused.contains("--overwrite"), "{refused}");
    assert_eq!(std::fs::read(&session).expect("read"), before);
    ok(&assess(
        dir.path(),
        &["import-xlsx", "audit", "changed.xlsx", "--overwrite"],
    ));
    assert_eq!(
        load_session(&session).expect("load").status(MET),
        Some(Status::NotMet)
    );

    // A re-export carries the current answers, so a workbook can go out part-filled.
    ok(&assess(
        dir.path(),
        &["export-xlsx", "audit", "-o", "again.xlsx"],
    ));
    let cells = py(
        python,
        &format!(
            "ws = openpyxl.load_workbook(sys.argv[1])['CD Continuous Delivery']\n\
             row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == '{NA}')\n\
             print(row[7].value, '|', row[8].value)"
        ),
        &[&dir.path().join("again.xlsx")],
    );
    assert_eq!(cells.trim(), "Not applicable | 只有一个仓库");

    // A signed-off session refuses imports.
    ok(&assess(dir.path(), &["finalize", "audit"]));
    let before = std::fs::read(&session).expect("read");
    let refused = failed(&assess(
        dir.path(),
        &["import-xlsx", "audit", "filled.xlsx"],
    ));
    assert!(refused.contains("signed off as final"), "{refused}");
    assert_eq!(std::fs::read(&session).expect("read"), before);
}

#[test]
fn openpyxl_sees_the_drop_down_frozen_header_protection_chinese_and_the_radar() {
    let Some(python) = python() else {
        return skipped("workbook structure");
    };
    let dir = tempfile::tempdir().expect("tmp");
    new_session(dir.path());
    ok(&assess(
        dir.path(),
        &["export-xlsx", "audit", "--lang", "zh", "-o", "q.xlsx"],
    ));
    ok(&assess(
        dir.path(),
        &["report", "audit", "--format", "xlsx", "--lang", "zh"],
    ));
    let facts = py(
        python,
        r#"
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "hidden": wb["assess"].sheet_state, "parts": []}
cover = wb.worksheets[0]
out["cover"] = [c.value for c in cover["A"] if c.value]
for ws in wb.worksheets[1:-1]:
    rules = ws.data_validations.dataValidation
    answer_rules = [r for r in rules if "H2" in r.sqref]
    covered = all(any(f"H{row}" in r.sqref for r in answer_rules) for row in range(2, ws.max_row + 1))
    out["parts"].append({
        "title": ws.title,
        "rows": ws.max_row,
        "freeze": ws.freeze_panes,
        "protected": ws.protection.sheet,
        "id_locked": ws["A2"].protection.locked,
        "answer_locked": ws["H2"].protection.locked,
        "every_answer_cell": covered,
        "list": [r.formula1 for r in answer_rules],
        "header": [c.value for c in ws[1]],
        "first": [ws["A2"].value, ws["F2"].value],
    })
report = openpyxl.load_workbook(sys.argv[2])
out["report"] = report.sheetnames
out["charts"] = [c.tagname for c in report.worksheets[0]._charts]
print(json.dumps(out, ensure_ascii=False))
"#,
        &[
            &dir.path().join("q.xlsx"),
            &dir.path().join("audit.report.xlsx"),
        ],
    );
    let facts: serde_json::Value = serde_json::from_str(&facts).expect("json");
    assert_eq!(facts["sheets"][0], "封面", "{facts}");
    assert_eq!(facts["hidden"], "hidden");
    assert!(facts["cover"].to_string().contains("填写说明"), "{facts}");
    let model = assess::model::load_embedded("caict-devops").expect("model");
    let parts = facts["parts"].as_array().expect("parts");
    assert_eq!(parts.len(), 2);
    for part in parts {
        assert_eq!(part["freeze"], "B2", "{part}");
        assert_eq!(part["protected"], true);
        assert_eq!(part["id_locked"], true);
        assert_eq!(part["answer_locked"], false);
        assert_eq!(part["every_answer_cell"], true, "{part}");
        assert_eq!(part["list"][0], "\"满足,部分满足,不满足,不适用\"");
        assert_eq!(part["header"][0], "编号");
        assert_eq!(part["header"][7], "答复");
    }
    let first = &parts[0]["first"];
    let index = model
        .index
        .requirement(first[0].as_str().expect("id"))
        .expect("known id");
    let r = &model.index.requirements[index];
    let pref = &model.index.practices[r.practice];
    let text = &model.model.parts[pref.part].domains[pref.domain].items[pref.item].practices
        [pref.practice]
        .levels[r.level_pos]
        .requirements[r.position]
        .text;
    assert_eq!(first[1], text.get("zh"), "Chinese text round-trips");
    let cd_requirements = model
        .index
        .requirements
        .iter()
        .filter(|r| model.model.parts[model.index.practices[r.practice].part].id == "cd")
        .count();
    assert_eq!(
        parts[0]["rows"],
        cd_requirements + 1,
        "a header and one row per requirement of cd"
    );
    assert_eq!(facts["report"][0], "概览", "{facts}");
    assert_eq!(
        facts["charts"],
        serde_json::json!(["radarChart"]),
        "{facts}"
    );
}

/// Each bad workbook, made from a clean export by openpyxl, and what the refusal must name.
const BAD: &str = r#"
import shutil
src, out = sys.argv[1], sys.argv[2]
def variant(name, change):
    wb = openpyxl.load_workbook(src)
    change(wb, wb["CD Continuous Delivery"])
    wb.save(f"{out}/{name}.xlsx")
variant("renamed", lambda wb, ws: setattr(ws, "title", "My answers"))
variant("deleted", lambda wb, ws: ws.delete_rows(5, 3))
def unknown(wb, ws): ws["H6"] = "Yes-ish"
variant("unknown", unknown)
def merged(wb, ws):
    ws["H9"] = "Met"
    ws.merge_cells("H9:H10")
variant("merged", merged)
def formula(wb, ws): ws["H7"] = '=IF(TRUE,"Met","Partial")'
variant("formula", formula)
def no_reason(wb, ws): ws["H4"] = "Not applicable"
variant("no_reason", no_reason)
def unknown_id(wb, ws):
    ws["A3"] = "cd.config.vc.vcs.l9.9"
    ws["H3"] = "Met"
variant("unknown_id", unknown_id)
open(f"{out}/empty.xlsx", "wb").close()
with open(f"{out}/text.xlsx", "w") as f:
    f.write("id,answer\ncd.config.vc.vcs.l1.1,Met\n")
def shuffled(wb, ws):
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    rows.reverse()
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            ws.cell(row=r, column=c).value = value
    for row in ws.iter_rows(min_row=2):
        if row[0].value == "cd.config.vc.vcs.l2.1":
            row[7].value = "Met"
variant("shuffled", shuffled)
"#;

#[test]
fn bad_workbooks_are_refused_naming_the_place_and_the_session_is_untouched() {
    let Some(python) = python() else {
        return skipped("bad workbooks");
    };
    let dir = tempfile::tempdir().expect("tmp");
    let session = new_session(dir.path());
    ok(&assess(
        dir.path(),
        &["export-xlsx", "audit", "-o", "q.xlsx", "--parts", "cd"],
    ));
    py(python, BAD, &[&dir.path().join("q.xlsx"), dir.path()]);
    // A questionnaire of a session on another model.
    ok(&assess(
        dir.path(),
        &[
            "model",
            "synth",
            "--requirements",
            "120",
            "--answers",
            "5",
            "-o",
            "synth",
        ],
    ));
    let other = dir.path().join("synth/sessions/synthetic-120-5.ron");
    let other = other.to_str().expect("utf-8 path");
    ok(&assess(
        dir.path(),
        &["export-xlsx", other, "-o", "other_model.xlsx"],
    ));
    let before = std::fs::read(&session).expect("read");
    let sheet = "sheet \"CD Continuous Delivery\"";
    let cases = [
        (
            "renamed",
            format!("{sheet} (part cd) is missing: was it renamed or deleted?"),
        ),
        ("deleted", format!("{sheet}: 3 requirement(s) have no row")),
        (
            "unknown",
            format!("{sheet}, row 6, column H (Answer): \"Yes-ish\" is not one"),
        ),
        (
            "merged",
            format!("{sheet}, row 9, column H: cells H9:H10 are merged"),
        ),
        (
            "formula",
            format!("{sheet}, row 7, column H (Answer): a formula"),
        ),
        (
            "no_reason",
            format!("{sheet}, row 4, column I (N/A justification): "),
        ),
        (
            "other_model",
            "exported for model \"synthetic-120\", but the session uses \"caict-devops\"".into(),
        ),
        (
            "unknown_id",
            format!("{sheet}, row 3: unknown requirement id"),
        ),
        (
            "empty",
            "empty.xlsx: the file is empty, not a workbook".into(),
        ),
        ("text", "text.xlsx: not an Excel workbook".into()),
    ];
    for (name, expected) in cases {
        let file = format!("{name}.xlsx");
        let text = failed(&assess(dir.path(), &["import-xlsx", "audit", &file]));
        assert!(
            text.contains(&expected),
            "{name}: expected {expected:?} in:\n{text}"
        );
        assert_eq!(
            std::fs::read(&session).expect("read"),
            before,
            "{name} touched the session"
        );
    }
    // In Chinese, the place and the reason are told in Chinese.
    let zh = Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(["import-xlsx", "audit", "unknown.xlsx"])
        .current_dir(dir.path())
        .env("ASSESS_SESSIONS_DIR", dir.path())
        .env("HOME", dir.path())
        .env("ASSESS_LANG", "zh")
        .output()
        .expect("run assess");
    let text = failed(&zh);
    assert!(
        text.contains("工作表“CD Continuous Delivery”，第 6 行，H (Answer) 列：“Yes-ish”不是"),
        "{text}"
    );
    assert!(text.contains("未导入任何内容"), "{text}");
    // Rows are matched by id, so shuffled rows import to the right requirements.
    ok(&assess(
        dir.path(),
        &["import-xlsx", "audit", "shuffled.xlsx"],
    ));
    let s = load_session(&session).expect("load");
    assert_eq!(s.status("cd.config.vc.vcs.l2.1"), Some(Status::Met));
    assert_eq!(s.answers.len(), 1);
}

#[test]
fn an_exported_questionnaire_reads_back_as_the_session_it_came_from() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = new_session(dir.path());
    let opened = assess::session::open_session(&path).expect("open");
    let (model, mut session) = (opened.model, opened.session);
    session.set_status(MET, Status::Met, "Ann").expect("edit");
    session
        .set_note(MET, "多行\n备注\n\n", "Ann")
        .expect("edit");
    session
        .set_not_applicable(NA, "n/a here", "Ann")
        .expect("edit");
    let options = assess::xlsx::QuestionnaireOptions {
        lang: assess::lang::Lang::En,
        parts: vec!["cd".into()],
    };
    let bytes = assess::xlsx::render(&model, &session, &options).expect("render");
    assert_eq!(
        bytes,
        assess::xlsx::render(&model, &session, &options).expect("again")
    );
    let filled = assess::xlsx::read_bytes(&bytes, &model).expect("read");
    assert!(filled.problems.is_empty(), "{:?}", filled.problems);
    let plan = assess::xlsx::plan(&model, &session, &filled);
    assert_eq!(
        plan.changes,
        [],
        "the session's own workbook changes nothing"
    );
    assert!(plan.problems.is_empty(), "{:?}", plan.problems);

    // Into an empty session, the same workbook brings the answers, the note and the reason.
    let empty = load_session(&path).expect("load");
    let plan = assess::xlsx::plan(&model, &empty, &filled);
    let mut into = empty.clone();
    assess::xlsx::apply(
        &mut into,
        &model,
        &plan,
        "Bob",
        "imported from q.xlsx",
        false,
    )
    .expect("apply");
    assert_eq!(
        into.answers[MET].note, "多行\n备注",
        "trimmed, as the cell reads"
    );
    assert_eq!(into.answers[NA].justification.as_deref(), Some("n/a here"));
    // An unknown part and an unreadable file are refused with their reason.
    let bad = assess::xlsx::QuestionnaireOptions {
        lang: assess::lang::Lang::En,
        parts: vec!["xx".into()],
    };
    let err = assess::xlsx::render(&model, &session, &bad).expect_err("unknown part");
    assert!(err.to_string().contains("\"xx\" is not a part"), "{err}");
    let err = assess::xlsx::read_bytes(b"PK\x03\x04 not really", &model).expect_err("junk");
    assert!(err.to_string().contains("not an Excel workbook"), "{err}");
}

#[test]
fn the_export_dialog_writes_the_questionnaire_but_never_a_redacted_one() {
    let (_dir, mut app) = workbench::fresh_on_cd("Dialog");
    app.press("y");
    // The dialog opens on HTML; the questionnaire is the last choice, two steps left.
    app.press("E Left Left Enter");
    let Some(assess::tui::app::Overlay::Export(state)) = app.overlays.last() else {
        panic!("export dialog open");
    };
    let Some(Ok(written)) = state.result.clone() else {
        panic!("exported: {:?}", state.result);
    };
    assert!(written.ends_with("dialog.questionnaire.xlsx"), "{written}");
    let screen = workbench::draw(&app, 80, 24);
    assert!(
        screen.contains("◀ Questionnaire (Excel, to fill in) ▶"),
        "{screen}"
    );
    let work = app.work.as_ref().expect("work");
    let filled = assess::xlsx::read_file(Path::new(&written), &work.model).expect("readable");
    let plan = assess::xlsx::plan(&work.model, &work.session, &filled);
    assert!(
        plan.changes.is_empty() && plan.problems.is_empty(),
        "{plan:?}"
    );
    app.press("Tab Tab Right Enter");
    let Some(assess::tui::app::Overlay::Export(state)) = app.overlays.last() else {
        panic!("export dialog open");
    };
    let Some(Err(refused)) = state.result.clone() else {
        panic!("a redacted questionnaire: {:?}", state.result);
    };
    assert!(refused.contains("never redacted"), "{refused}");
}

#[test]
fn an_imported_note_never_folds_into_the_note_typed_just_before() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = new_session(dir.path());
    let mut session = load_session(&path).expect("load");
    session.set_note(MET, "typed", "Bob").expect("edit");
    session
        .edits_via("imported from q.xlsx", |s| {
            s.set_note(MET, "imported", "Bob")
        })
        .expect("edit");
    let notes: Vec<_> = session.history_of(MET).collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert_eq!(
        (notes[0].new.as_str(), notes[0].via.as_str()),
        ("typed", "")
    );
    assert_eq!(notes[1].old, "typed");
    assert_eq!(notes[1].new, "imported");
    assert_eq!(notes[1].via, "imported from q.xlsx");
    assert_ne!(notes[0].id, notes[1].id);
    // And a note typed after an import is its own entry too.
    session.set_note(MET, "typed again", "Bob").expect("edit");
    assert_eq!(session.history_of(MET).count(), 3);
}

/// Every cell of every sheet of a workbook, one per line (read with calamine).
fn workbook_text(bytes: &[u8]) -> String {
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).expect("xlsx");
    let mut text = String::new();
    for (_, range) in book.worksheets() {
        for cell in range.used_cells() {
            text.push_str(&cell.2.to_string());
            text.push('\n');
        }
    }
    text
}

#[test]
fn the_report_workbook_is_redacted_like_every_other_format() {
    use assess::report::{self, Format, ReportOptions};
    let model = common::model();
    let session = common::session(&model);
    for lang in ["en", "zh"] {
        let options = |redact| ReportOptions {
            lang: lang.into(),
            redact,
            ..ReportOptions::default()
        };
        let plain = workbook_text(&report::render(
            &model,
            &session,
            Format::Xlsx,
            &options(false),
        ));
        let redacted = workbook_text(&report::render(
            &model,
            &session,
            Format::Xlsx,
            &options(true),
        ));
        for secret in common::SECRETS {
            assert!(
                plain.contains(secret),
                "{lang}: {secret:?} missing from the plain workbook"
            );
            assert!(
                !redacted.contains(secret),
                "{lang}: {secret:?} survived redaction"
            );
        }
    }
}

/// The questionnaire re-saved as an old-style xls (by xlwt, as Excel 97–2003 would write it),
/// with one answer filled in.
const AS_XLS: &str = r#"
import xlwt
wb = openpyxl.load_workbook(sys.argv[1])
out = xlwt.Workbook(encoding="utf-8")
for ws in wb.worksheets:
    sheet = out.add_sheet(ws.title)
    for row in ws.iter_rows():
        for cell in row:
            value = cell.value
            if ws.title != "assess" and cell.column == 8 and row[0].value == sys.argv[3]:
                value = "满足"
            if value is not None:
                sheet.write(cell.row - 1, cell.column - 1, value)
out.save(sys.argv[2])
"#;

#[test]
fn an_old_style_xls_questionnaire_imports_too() {
    let Some(python) = python() else {
        return skipped("xls");
    };
    let has_xlwt = Command::new(python)
        .args(["-c", "import xlwt"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_xlwt {
        eprintln!("xls: skipped: no xlwt for Python (.ci/run installs python3-xlwt)");
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let session = new_session(dir.path());
    ok(&assess(
        dir.path(),
        &["export-xlsx", "audit", "-o", "q.xlsx", "--parts", "cd"],
    ));
    let xls = dir.path().join("filled.xls");
    py(
        python,
        AS_XLS,
        &[&dir.path().join("q.xlsx"), &xls, Path::new(MET)],
    );
    let done = ok(&assess(dir.path(), &["import-xlsx", "audit", "filled.xls"]));
    assert!(done.contains("Imported 1 change(s)"), "{done}");
    assert_eq!(
        load_session(&session).expect("load").status(MET),
        Some(Status::Met)
    );
}

/// The justification column is N/A's (不适用理由) on a model where only N/A needs a reason, and
/// "Reason" (理由) on one whose other answers need one too; a questionnaire exported under the
/// N/A name before that still imports, its reasons read from the old column.
#[test]
fn the_reason_column_is_named_by_the_model_and_read_under_either_name() {
    use assess::cli::{NewOptions, create_session};
    use assess::lang::Lang;
    let dir = tempfile::tempdir().expect("tmp");
    let render = |path: &Path, lang: Lang| {
        let opened = assess::session::open_session(path).expect("open");
        let options = assess::xlsx::QuestionnaireOptions {
            lang,
            parts: Vec::new(),
        };
        assess::xlsx::render(&opened.model, &opened.session, &options).expect("render")
    };
    let cells = |bytes: &[u8]| {
        workbook_text(bytes)
            .lines()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let caict = new_session(dir.path());
    assert!(cells(&render(&caict, Lang::En)).contains(&"N/A justification".into()));
    assert!(cells(&render(&caict, Lang::Zh)).contains(&"不适用理由".into()));

    // On this DSOMM-shaped copy, "Not implemented" needs a reason too.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dsomm-shaped.ron");
    let text = std::fs::read_to_string(fixture).expect("fixture");
    let model = dir.path().join("dsomm.ron");
    let justify = text.replacen("value: 0.0),", "value: 0.0, justify: true),", 1);
    std::fs::write(&model, justify).expect("write model");
    let options = NewOptions {
        title: Some("DSOMM".into()),
        model: Some(model.display().to_string()),
        ..NewOptions::default()
    };
    let dsomm = create_session(dir.path(), options).expect("create");
    let en = cells(&render(&dsomm, Lang::En));
    assert!(en.contains(&"Reason".into()) && !en.contains(&"N/A justification".into()));
    let zh_bytes = render(&dsomm, Lang::Zh);
    let zh = cells(&zh_bytes);
    assert!(zh.contains(&"理由".into()) && !zh.contains(&"不适用理由".into()));
    let told = "3. 选择以下答复时，须在“理由”列写明理由：未实施 / 不适用。";
    assert!(zh.contains(&told.into()), "{zh:?}");
    let filled = assess::xlsx::read_bytes(
        &zh_bytes,
        &assess::session::open_session(&dsomm).expect("open").model,
    );
    assert!(filled.expect("reads").problems.is_empty());

    let Some(python) = python() else {
        return skipped("old reason column");
    };
    // An old questionnaire: the column under N/A's name, a reason for "Not implemented" in it.
    let blank = dir.path().join("q.zh.xlsx");
    std::fs::write(&blank, &zh_bytes).expect("write");
    let old = dir.path().join("old.xlsx");
    let id = "build.build.build.build.l1.a1";
    fill(
        python,
        &blank,
        &old,
        &format!(r#"{{"{id}": ["未实施", "今年没有预算"]}}"#),
    );
    let rename = "wb = openpyxl.load_workbook(sys.argv[1])\n\
                  for ws in wb.worksheets[1:-1]:\n    ws['I1'] = '不适用理由'\n\
                  wb.save(sys.argv[1])";
    py(python, rename, &[&old]);
    assert!(cells(&std::fs::read(&old).expect("old")).contains(&"不适用理由".into()));
    let name = dsomm
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .to_string();
    let done = ok(&assess(dir.path(), &["import-xlsx", &name, "old.xlsx"]));
    assert!(done.contains("new answers: 1"), "{done}");
    let s = load_session(&dsomm).expect("load");
    assert_eq!(s.status(id), Status::new("not-implemented"));
    assert_eq!(s.answers[id].justification.as_deref(), Some("今年没有预算"));
    // A changed reason is listed as a reason, not as an N/A justification.
    let newer = dir.path().join("newer.xlsx");
    fill(
        python,
        &old,
        &newer,
        &format!(r#"{{"{id}": [null, "预算已批"]}}"#),
    );
    let args = [
        "import-xlsx",
        &name,
        "newer.xlsx",
        "--dry-run",
        "--overwrite",
    ];
    let plan = ok(&assess(dir.path(), &args));
    assert!(plan.contains("reasons: 1"), "{plan}");
}

#[test]
fn the_evidence_hint_uses_the_languages_colon() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = new_session(dir.path());
    let opened = assess::session::open_session(&path).expect("open");
    let hints = |lang| {
        let options = assess::xlsx::QuestionnaireOptions {
            lang,
            parts: vec!["cd".into()],
        };
        let bytes = assess::xlsx::render(&opened.model, &opened.session, &options).expect("xlsx");
        workbook_text(&bytes)
    };
    let zh = hints(assess::lang::Lang::Zh);
    assert!(zh.lines().any(|l| l.starts_with("现场演示：")), "{zh}");
    assert!(!zh.lines().any(|l| l.starts_with("现场演示:")), "{zh}");
    assert!(zh.contains("满足、部分满足"), "the answers listed with 、");
    let en = hints(assess::lang::Lang::En);
    assert!(en.lines().any(|l| l.starts_with("Demonstration: ")), "{en}");
}
