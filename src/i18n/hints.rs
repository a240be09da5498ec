//! Command-line errors that say how to fix them (a misspelt session name, a level written
//! another way, a report file whose extension names no format).

/// The hints' texts in one language.
#[derive(Debug)]
pub struct Hints {
    /// No session by that name, and one with a close name: `{spec}`, `{near}`.
    pub no_session_near: &'static str,
    /// No session by that name nor a close one: `{spec}`, `{dir}`.
    pub no_session: &'static str,
    /// `--target` that is not a level: `{value}`.
    pub level_form: &'static str,
    /// `--target` beyond the model's levels: `{level}`, `{model}`, `{min}`, `{max}`.
    pub level_range: &'static str,
    /// `report -o FILE` whose extension names no format: `{file}`, `{formats}`.
    pub report_format: &'static str,
}

pub static EN: Hints = Hints {
    no_session_near: "no session '{spec}'; did you mean '{near}'? (`assess list` shows all)",
    no_session: "no session '{spec}' in {dir} (`assess list` shows all)",
    level_form: "'{value}' is not a level: write it as 3 or L3",
    level_range: "--target {level} is out of range: model {model} has levels {min}–{max} (write 3 or L3)",
    report_format: "cannot tell the report's format from '{file}', so the report was not written: add --format with one of {formats}, or name the file .md, .html, .csv or .json",
};

pub static ZH: Hints = Hints {
    no_session_near: "没有评估“{spec}”；您是不是要找“{near}”？（`assess list` 列出全部评估）",
    no_session: "{dir} 中没有评估“{spec}”（`assess list` 列出全部评估）",
    level_form: "“{value}”不是等级：请写成 3 或 L3",
    level_range: "--target {level} 超出范围：模型 {model} 的等级为 {min}–{max}（写成 3 或 L3）",
    report_format: "无法从“{file}”判断报告格式，报告未写入：请加上 --format（可选 {formats}），或将文件命名为 .md、.html、.csv 或 .json",
};
