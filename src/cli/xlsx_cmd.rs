//! `assess export-xlsx` and `assess import-xlsx`: the questionnaire workbook out and back in.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::i18n::{fill, xlsx::XlsxCli};
use crate::lang::Lang;
use crate::session::{self, open_session};
use crate::xlsx::{self, Field, ImportPlan, QuestionnaireOptions};

/// The texts of these commands, in the chosen language (`ASSESS_LANG`, then the locale).
fn texts() -> &'static XlsxCli {
    &Lang::choose(None).texts().xlsx.cli
}

/// `assess export-xlsx`: writes the questionnaire (in `lang`, else the session's language)
/// and says where it went.
pub fn export(
    out: &mut dyn Write,
    path: &Path,
    output: Option<&Path>,
    lang: Option<Lang>,
    parts: Vec<String>,
) -> Result<()> {
    let opened = open_session(path)?;
    let options = QuestionnaireOptions {
        lang: lang.unwrap_or(opened.session.cursor.lang),
        parts,
    };
    for warning in &opened.warnings {
        eprintln!("{}", options.lang.open_warning_line(path, warning));
    }
    let target = xlsx::export(path, output, &opened.model, &opened.session, &options).context(
        Lang::choose(lang)
            .texts()
            .cli_help
            .cannot_write_questionnaire,
    )?;
    let path = target.display().to_string();
    writeln!(out, "{}", fill(texts().written, &[("path", &path)]))?;
    Ok(())
}

/// How `assess import-xlsx` was asked to run.
#[derive(Debug, Clone)]
pub struct ImportArgs<'a> {
    pub file: &'a Path,
    pub who: String,
    pub dry_run: bool,
    pub overwrite: bool,
}

/// `assess import-xlsx`: shows what the workbook changes and, unless it is a dry run,
/// applies it under the session's lock. The session file is written only on success.
pub fn import(out: &mut dyn Write, path: &Path, args: &ImportArgs) -> Result<()> {
    let t = texts();
    let opened = open_session(path)?;
    let shown = path.display().to_string();
    if let Some(sign_off) = &opened.session.sign_off {
        let values = [
            ("session", shown.as_str()),
            ("by", &sign_off.by),
            ("at", &sign_off.at),
        ];
        bail!("{}", fill(t.refused_final, &values));
    }
    let lang = Lang::choose(None);
    let filled = xlsx::read_file(args.file, &opened.model)
        .map_err(|p| anyhow::anyhow!("{}", p.text(lang)))?;
    let name = args.file.file_name().map_or_else(
        || args.file.display().to_string(),
        |n| n.to_string_lossy().to_string(),
    );
    if filled.session != opened.session.title {
        let values = [
            ("file", name.as_str()),
            ("from", &filled.session),
            ("to", &opened.session.title),
        ];
        writeln!(out, "{}", fill(t.other_session, &values))?;
    }
    if args.dry_run {
        let plan = xlsx::plan(&opened.model, &opened.session, &filled);
        show(out, &name, &plan)?;
        return verdict(&plan, args.overwrite);
    }
    let _lock = session::acquire_lock(path)?;
    // Read again under the lock: the workbench may have saved since it was opened.
    let mut current = session::load_session(path)?;
    let plan = xlsx::plan(&opened.model, &current, &filled);
    show(out, &name, &plan)?;
    verdict(&plan, args.overwrite)?;
    if plan.changes.is_empty() {
        return Ok(());
    }
    let via = session::imported_via(&name);
    xlsx::apply(
        &mut current,
        &opened.model,
        &plan,
        &args.who,
        &via,
        args.overwrite,
    )?;
    session::save_session(path, &current)?;
    let n = plan.changes.len().to_string();
    let values = [
        ("n", n.as_str()),
        ("file", &name),
        ("session", &shown),
        ("who", &args.who),
    ];
    writeln!(out, "{}", fill(t.imported, &values))?;
    Ok(())
}

/// Fails when the plan cannot be applied; says so when there is nothing to do.
fn verdict(plan: &ImportPlan, overwrite: bool) -> Result<()> {
    let t = texts();
    if !plan.problems.is_empty() {
        let n = plan.problems.len().to_string();
        bail!("{}", fill(t.refused_problems, &[("n", &n)]));
    }
    let conflicts = plan.conflicts().count();
    if conflicts > 0 && !overwrite {
        let n = conflicts.to_string();
        bail!("{}", fill(t.refused_conflicts, &[("n", &n)]));
    }
    if plan.changes.is_empty() {
        let lang = Lang::choose(None);
        let line = fill(
            lang.texts().errors.cli_error,
            &[("message", t.nothing_to_import)],
        );
        eprintln!("{line}");
    }
    Ok(())
}

/// The plan, grouped: new and changed answers, justifications, notes, who answered, evidence
/// references the team wrote, then problems.
fn show(out: &mut dyn Write, file: &str, plan: &ImportPlan) -> Result<()> {
    let t = texts();
    writeln!(out, "{}", fill(t.listing, &[("file", file)]))?;
    let (new, changed): (Vec<_>, Vec<_>) = plan.of(Field::Status).partition(|c| c.old.is_empty());
    let justifications = if plan.reasons_beyond_na {
        t.reasons
    } else {
        t.justifications
    };
    let groups = [
        (t.new_answers, new),
        (t.changed_answers, changed),
        (justifications, plan.of(Field::Justification).collect()),
        (t.notes, plan.of(Field::Note).collect()),
        (t.answered_by, plan.of(Field::AnsweredBy).collect()),
        (t.evidence_refs, plan.evidence_refs.iter().collect()),
    ];
    for (title, changes) in groups {
        if changes.is_empty() {
            continue;
        }
        writeln!(
            out,
            "  {}",
            fill(title, &[("n", &changes.len().to_string())])
        )?;
        for c in changes {
            let mark = if c.conflict { "!" } else { " " };
            let new = one_line(&c.new);
            if c.old.is_empty() || c.field == Field::EvidenceRefs {
                writeln!(out, "   {mark} {}  {new}", c.id)?;
            } else {
                writeln!(out, "   {mark} {}  {} → {new}", c.id, one_line(&c.old))?;
            }
        }
    }
    if !plan.new_participants.is_empty() {
        let names = plan.new_participants.join(", ");
        writeln!(out, "  {}", fill(t.new_participants, &[("names", &names)]))?;
    }
    if !plan.problems.is_empty() {
        let n = plan.problems.len().to_string();
        writeln!(out, "  {}", fill(t.problems, &[("n", &n)]))?;
        for p in &plan.problems {
            writeln!(out, "    {}", p.text(Lang::choose(None)))?;
        }
    }
    if plan.changes.is_empty() && plan.problems.is_empty() && plan.evidence_refs.is_empty() {
        writeln!(out, "  {}", t.no_changes)?;
    }
    Ok(())
}

/// A value on one line, shortened for the listing.
fn one_line(text: &str) -> String {
    let flat = text.replace('\n', "\\n");
    if flat.chars().count() > 60 {
        format!("{}…", flat.chars().take(59).collect::<String>())
    } else {
        flat
    }
}
