//! The configuration file's messages: its problems (each naming the file and line) and what
//! `assess config check` and the workbench say about it.

use crate::config::{ConfigError, Unknown};
use crate::i18n::{Lang, fill};

/// The configuration's texts in one language.
#[derive(Debug)]
pub struct Config {
    /// `{file}`, `{reason}`.
    pub unreadable: &'static str,
    /// Bad RON: `{file}`, `{line}`, `{column}`, `{message}`.
    pub syntax: &'static str,
    /// An unknown name: `{file}`, `{line}`, `{what}`, `{name}`, `{known}`.
    pub unknown: &'static str,
    /// Names of the kinds of names: context, key, action, theme, style, colour.
    pub kinds: [&'static str; 6],
    /// Two actions on one key: `{file}`, `{line}`, `{context}`, `{key}`, `{first}`,
    /// `{first_line}`, `{second}`.
    pub clash: &'static str,
    /// After the problems: the defaults are used instead.
    pub using_defaults: &'static str,
    /// `config check` on a good file: `{file}`.
    pub valid: &'static str,
    /// `config check` / `path` with no file: `{file}`.
    pub no_file: &'static str,
    /// `config check` on a file setting the obsolete `dashed_target`: `{file}`.
    pub dashed_target_ignored: &'static str,
}

pub static EN: Config = Config {
    unreadable: "{file}: cannot read the configuration: {reason}",
    syntax: "{file}:{line}:{column}: the configuration is not valid RON: {message}",
    unknown: "{file}:{line}: unknown {what} '{name}'; known: {known}",
    kinds: ["context", "key", "action", "theme", "style", "colour"],
    clash: "{file}:{line}: in '{context}' two actions are on one key ({key}): {first} (line {first_line}) and {second}; keep one",
    using_defaults: "the configuration was not applied: the defaults are in force",
    valid: "{file}: the configuration is valid",
    no_file: "{file}: no configuration file (the defaults are in force)",
    dashed_target_ignored: "{file}: note: 'dashed_target' is ignored: every theme draws the radar's target dashed",
};

pub static ZH: Config = Config {
    unreadable: "{file}：无法读取配置：{reason}",
    syntax: "{file}:{line}:{column}：配置不是有效的 RON：{message}",
    unknown: "{file}:{line}：未知的{what}“{name}”；可用：{known}",
    kinds: ["界面", "按键", "操作", "主题", "样式", "颜色"],
    clash: "{file}:{line}：在“{context}”中同一按键（{key}）绑定了两个操作：{first}（第 {first_line} 行）和 {second}；请只保留一个",
    using_defaults: "配置未生效：正在使用默认设置",
    valid: "{file}：配置有效",
    no_file: "{file}：没有配置文件（正在使用默认设置）",
    dashed_target_ignored: "{file}：提示：“dashed_target”已被忽略：所有主题都以虚线绘制雷达图的目标",
};

/// A configuration problem as a person reads it, in `lang`.
pub fn describe(err: &ConfigError, lang: Lang) -> String {
    let t = lang.texts().config;
    match err {
        ConfigError::Unreadable { path, reason } => {
            let file = path.display().to_string();
            fill(t.unreadable, &[("file", &file), ("reason", reason)])
        }
        ConfigError::Syntax {
            path,
            line,
            column,
            message,
        } => {
            let (file, line, column) = (
                path.display().to_string(),
                line.to_string(),
                column.to_string(),
            );
            let values = [
                ("file", file.as_str()),
                ("line", &line),
                ("column", &column),
                ("message", &lang.text_problem(message)),
            ];
            fill(t.syntax, &values)
        }
        ConfigError::Unknown {
            path,
            line,
            what,
            name,
            known,
        } => {
            let what = t.kinds[*what as usize];
            let (file, line, known) = (
                path.display().to_string(),
                line.to_string(),
                known.join(", "),
            );
            let values = [
                ("file", file.as_str()),
                ("line", &line),
                ("what", what),
                ("name", name),
                ("known", &known),
            ];
            fill(t.unknown, &values)
        }
        ConfigError::Clash {
            path,
            line,
            context,
            key,
            first,
            first_line,
            second,
        } => {
            let (file, line, first_line) = (
                path.display().to_string(),
                line.to_string(),
                first_line.to_string(),
            );
            let values = [
                ("file", file.as_str()),
                ("line", &line),
                ("context", context),
                ("key", key),
                ("first", first),
                ("first_line", &first_line),
                ("second", second),
            ];
            fill(t.clash, &values)
        }
    }
}

// The kinds are listed in the order of `Unknown`'s variants.
const _: () = assert!(Unknown::Colour as usize == 5);
