//! `assess export-xlsx` and `assess import-xlsx`: the questionnaire workbook out and back in.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::session::{self, open_session};
use crate::xlsx::{self, Field, ImportPlan, QuestionnaireOptions};

/// `assess export-xlsx`: writes the questionnaire and says where it went.
pub fn export(
    out: &mut dyn Write,
    path: &Path,
    output: Option<&Path>,
    options: &QuestionnaireOptions,
) -> Result<()> {
    let opened = open_session(path)?;
    for warning in &opened.warnings {
        eprintln!("assess: warning: {}: {warning}", path.display());
    }
    let target = xlsx::export(path, output, &opened.model, &opened.session, options)
        .context("cannot write the questionnaire")?;
    writeln!(out, "Questionnaire written to {}", target.display())?;
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
    let opened = open_session(path)?;
    if let Some(sign_off) = &opened.session.sign_off {
        bail!(
            "{} was signed off as final by {} at {}; reopen it before importing",
            path.display(),
            sign_off.by,
            sign_off.at
        );
    }
    let filled = xlsx::read_file(args.file, &opened.model).map_err(|p| anyhow::anyhow!("{p}"))?;
    let name = args.file.file_name().map_or_else(
        || args.file.display().to_string(),
        |n| n.to_string_lossy().to_string(),
    );
    if args.dry_run {
        let plan = xlsx::plan(&opened.model, &opened.session, &filled);
        show(out, &name, &plan)?;
        return verdict(&plan, args.overwrite, "would be imported");
    }
    let _lock = session::acquire_lock(path)?;
    // Read again under the lock: the workbench may have saved since it was opened.
    let mut current = session::load_session(path)?;
    let plan = xlsx::plan(&opened.model, &current, &filled);
    show(out, &name, &plan)?;
    verdict(&plan, args.overwrite, "to import")?;
    if plan.changes.is_empty() {
        return Ok(());
    }
    let via = format!("imported from {name}");
    xlsx::apply(&mut current, &plan, &args.who, &via, args.overwrite)?;
    session::save_session(path, &current)?;
    writeln!(
        out,
        "Imported {} change(s) from {name} into {} as {}.",
        plan.changes.len(),
        path.display(),
        args.who
    )?;
    Ok(())
}

/// Fails when the plan cannot be applied; says so when there is nothing to do.
fn verdict(plan: &ImportPlan, overwrite: bool, what: &str) -> Result<()> {
    if !plan.problems.is_empty() {
        bail!(
            "nothing imported: the workbook has {} problem(s), listed above",
            plan.problems.len()
        );
    }
    let conflicts = plan.conflicts().count();
    if conflicts > 0 && !overwrite {
        bail!(
            "nothing imported: {conflicts} value(s) differ from what the session holds \
             (marked ! above); --overwrite replaces them"
        );
    }
    if plan.changes.is_empty() {
        eprintln!("assess: nothing {what}: the session already holds every value");
    }
    Ok(())
}

/// The plan, grouped: new and changed answers, justifications, notes, who answered, problems.
fn show(out: &mut dyn Write, file: &str, plan: &ImportPlan) -> Result<()> {
    writeln!(out, "{file}:")?;
    let (new, changed): (Vec<_>, Vec<_>) = plan.of(Field::Status).partition(|c| c.old.is_empty());
    let groups = [
        ("new answers", new),
        ("changed answers", changed),
        (
            "N/A justifications",
            plan.of(Field::Justification).collect(),
        ),
        ("notes", plan.of(Field::Note).collect()),
        ("answered by", plan.of(Field::AnsweredBy).collect()),
    ];
    for (title, changes) in groups {
        if changes.is_empty() {
            continue;
        }
        writeln!(out, "  {title}: {}", changes.len())?;
        for c in changes {
            let mark = if c.conflict { "!" } else { " " };
            let new = one_line(&c.new);
            if c.old.is_empty() {
                writeln!(out, "   {mark} {}  {new}", c.id)?;
            } else {
                writeln!(out, "   {mark} {}  {} → {new}", c.id, one_line(&c.old))?;
            }
        }
    }
    if !plan.new_participants.is_empty() {
        let names = plan.new_participants.join(", ");
        writeln!(out, "  new participants: {names}")?;
    }
    if !plan.problems.is_empty() {
        writeln!(out, "  problems: {}", plan.problems.len())?;
        for p in &plan.problems {
            writeln!(out, "    {p}")?;
        }
    }
    if plan.changes.is_empty() && plan.problems.is_empty() {
        writeln!(out, "  no changes")?;
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
