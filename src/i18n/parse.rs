//! What a parser found wrong in a session, model or configuration file (`TextProblem`, told by
//! `Lang::text_problem`): the file and line:column come before these words.

use super::fill;
use crate::lang::Lang;
use crate::textfile::TextProblem;
use crate::textfile::problem::{Custom, custom, value_kind};

/// The texts of one language; `{name}` slots hold names (in backticks) and values as written.
#[derive(Debug)]
pub struct Parse {
    pub not_utf8: &'static str,
    pub empty: &'static str,
    pub history_unreadable: &'static str,
    pub changed_while_read: &'static str,
    pub eof: &'static str,
    pub expected_string: &'static str,
    pub expected_integer: &'static str,
    pub expected_number: &'static str,
    pub expected_boolean: &'static str,
    pub expected_char: &'static str,
    pub expected_comma: &'static str,
    pub expected_colon: &'static str,
    pub expected_identifier: &'static str,
    pub expected_option: &'static str,
    pub expected_unit: &'static str,
    /// An opening or closing `{bracket}` is missing.
    pub expected_bracket: &'static str,
    /// A struct name other than the one expected: `{expected}`, `{found}`.
    pub other_name: &'static str,
    /// The struct's `{name}` must be written before its `(`.
    pub expected_name: &'static str,
    pub unclosed_string: &'static str,
    pub unclosed_comment: &'static str,
    /// `{char}`, quoted.
    pub unexpected_char: &'static str,
    pub trailing: &'static str,
    pub out_of_bounds: &'static str,
    pub bad_number: &'static str,
    pub bad_escape: &'static str,
    pub too_deep: &'static str,
    /// Where a field or value is: `{name}`, appended as `{in}` below.
    pub inside: &'static str,
    /// `{found}{in}` and the names allowed there, `{expected}`.
    pub unknown_field: &'static str,
    pub unknown_variant: &'static str,
    /// `{field}{in}`.
    pub missing_field: &'static str,
    pub duplicate_field: &'static str,
    /// `{expected}` and `{found}` are kinds of value (`kinds`, `kind_value`).
    pub invalid_value: &'static str,
    /// `{expected}` and the number of elements found, `{n}`.
    pub wrong_length: &'static str,
    /// Kinds of value, in the order of `textfile::problem::KINDS`' indexes: text, whole
    /// number, number, true/false, character, list, map, optional value, unit, answer id,
    /// struct, enum variant, field name.
    pub kinds: [&'static str; 13],
    /// A kind with its value or name: `{kind}`, `{value}`.
    pub kind_value: &'static str,
    /// A map's `{key}` written twice.
    pub duplicate_key: &'static str,
    /// An answer `{id}` that cannot be one; `{max}` bytes at most.
    pub bad_answer_id: &'static str,
    /// What the operating system said when a file could not be read or written, by kind
    /// (`IO_KINDS` order); other kinds keep the system's own words.
    pub io: [&'static str; 8],
}

/// The kinds of operating-system error `Parse::io` words, in its order.
const IO_KINDS: [std::io::ErrorKind; 8] = [
    std::io::ErrorKind::NotFound,
    std::io::ErrorKind::PermissionDenied,
    std::io::ErrorKind::AlreadyExists,
    std::io::ErrorKind::IsADirectory,
    std::io::ErrorKind::NotADirectory,
    std::io::ErrorKind::StorageFull,
    std::io::ErrorKind::ReadOnlyFilesystem,
    std::io::ErrorKind::InvalidData,
];

pub static EN: Parse = Parse {
    not_utf8: "the file is not UTF-8 text",
    empty: "the file is empty",
    history_unreadable: "the history could not be read",
    changed_while_read: "the file changed while it was being read",
    eof: "the text ends too early (something opened is not closed)",
    expected_string: "expected a string (text in double quotes)",
    expected_integer: "expected a whole number",
    expected_number: "expected a number",
    expected_boolean: "expected true or false",
    expected_char: "expected a character in single quotes",
    expected_comma: "expected a comma",
    expected_colon: "expected a colon",
    expected_identifier: "expected a name",
    expected_option: "expected Some(…) or None",
    expected_unit: "expected ()",
    expected_bracket: "expected `{bracket}`",
    other_name: "expected {expected} but found {found}",
    expected_name: "expected the name {name} before `(`",
    unclosed_string: "a string is not closed (its closing double quote is missing)",
    unclosed_comment: "a comment /* … is not closed",
    unexpected_char: "unexpected character {char}",
    trailing: "unexpected text after the end",
    out_of_bounds: "the number is too large or too small",
    bad_number: "the number is not written correctly",
    bad_escape: "a string holds an invalid escape (\\…)",
    too_deep: "the text is nested too deeply",
    inside: " in {name}",
    unknown_field: "unknown field {found}{in}; expected one of {expected}",
    unknown_variant: "unknown value {found}{in}; expected one of {expected}",
    missing_field: "missing field {field}{in}",
    duplicate_field: "the field {field} appears twice{in}",
    invalid_value: "expected {expected} but found {found}",
    wrong_length: "expected {expected} but found {n} element(s)",
    kinds: [
        "a string",
        "a whole number",
        "a number",
        "true or false",
        "a character",
        "a list [ … ]",
        "a map { … }",
        "Some(…) or None",
        "()",
        "an answer id (such as Met)",
        "the struct",
        "a value",
        "a field name",
    ],
    kind_value: "{kind} {value}",
    duplicate_key: "the key {key} appears twice; keep one entry (nothing was dropped)",
    bad_answer_id: "{id} cannot be an answer id (letters, digits, '_', '-', '.', '+'; at most {max} bytes)",
    io: [
        "no such file or directory",
        "permission denied",
        "it already exists",
        "it is a directory",
        "a part of the path is not a directory",
        "the disk is full",
        "the file system is read-only",
        "the data is not valid",
    ],
};

pub static ZH: Parse = Parse {
    not_utf8: "文件不是 UTF-8 文本",
    empty: "文件是空的",
    history_unreadable: "无法读取修改记录",
    changed_while_read: "读取过程中文件被修改了",
    eof: "文本提前结束（有已打开的括号或引号没有闭合）",
    expected_string: "此处应为字符串（用双引号括起的文字）",
    expected_integer: "此处应为整数",
    expected_number: "此处应为数字",
    expected_boolean: "此处应为 true 或 false",
    expected_char: "此处应为单引号括起的一个字符",
    expected_comma: "此处应为逗号",
    expected_colon: "此处应为冒号",
    expected_identifier: "此处应为名称",
    expected_option: "此处应为 Some(…) 或 None",
    expected_unit: "此处应为 ()",
    expected_bracket: "此处应为“{bracket}”",
    other_name: "此处应为 {expected}，实际是 {found}",
    expected_name: "“(”之前应写名称 {name}",
    unclosed_string: "字符串没有闭合（缺少结尾的双引号）",
    unclosed_comment: "注释 /* … 没有闭合",
    unexpected_char: "意外的字符 {char}",
    trailing: "内容结束后还有多余的文字",
    out_of_bounds: "数字过大或过小",
    bad_number: "数字的写法不正确",
    bad_escape: "字符串中有无效的转义（\\…）",
    too_deep: "嵌套层数过多",
    inside: "（位于 {name}）",
    unknown_field: "未知字段 {found}{in}；可用字段：{expected}",
    unknown_variant: "未知取值 {found}{in}；可用取值：{expected}",
    missing_field: "缺少字段 {field}{in}",
    duplicate_field: "字段 {field} 出现了两次{in}",
    invalid_value: "此处应为{expected}，实际是{found}",
    wrong_length: "此处应为{expected}，实际有 {n} 个元素",
    kinds: [
        "字符串",
        "整数",
        "数字",
        "true 或 false",
        "字符",
        "列表 [ … ]",
        "映射 { … }",
        "Some(…) 或 None",
        "()",
        "答复 id（如 Met）",
        "结构",
        "取值",
        "字段名",
    ],
    kind_value: "{kind} {value}",
    duplicate_key: "键 {key} 出现了两次；请只保留一项（没有丢弃任何内容）",
    bad_answer_id: "{id} 不能作为答复 id（只能用字母、数字和 '_'、'-'、'.'、'+'；最多 {max} 字节）",
    io: [
        "没有这个文件或目录",
        "没有权限",
        "已经存在",
        "这是一个目录",
        "路径中有一部分不是目录",
        "磁盘已满",
        "文件系统是只读的",
        "数据无效",
    ],
};

impl Lang {
    /// What the operating system said about a file, in this language: English keeps the
    /// system's own words; another language words the common kinds and keeps the rest.
    pub fn io_error(self, e: &std::io::Error) -> String {
        match (self, IO_KINDS.iter().position(|k| *k == e.kind())) {
            (Lang::En, _) | (_, None) => e.to_string(),
            (_, Some(i)) => self.texts().parse.io[i].to_string(),
        }
    }

    /// A problem in a file's text, in this language.
    pub fn text_problem(self, problem: &TextProblem) -> String {
        let t = self.texts().parse;
        match problem {
            TextProblem::NotUtf8 => t.not_utf8.to_string(),
            TextProblem::Empty => t.empty.to_string(),
            TextProblem::HistoryUnreadable => t.history_unreadable.to_string(),
            TextProblem::ChangedWhileRead => t.changed_while_read.to_string(),
            TextProblem::Ron(e) => self.ron_error(e),
        }
    }
    /// What RON's parser found, in this language; ron's own text for the rare errors our
    /// files cannot produce.
    fn ron_error(self, e: &ron::Error) -> String {
        use ron::Error as E;
        let t = self.texts().parse;
        let name = |n: &str| format!("`{n}`");
        let outer = |o: &Option<String>| {
            o.as_ref()
                .map_or(String::new(), |o| fill(t.inside, &[("name", &name(o))]))
        };
        let list = |names: &[&str]| {
            let names: Vec<String> = names.iter().map(|n| name(n)).collect();
            names.join(self.texts().recorded.separator)
        };
        let bracket = |b: &str| fill(t.expected_bracket, &[("bracket", b)]);
        match e {
            E::Eof => t.eof.into(),
            E::ExpectedString => t.expected_string.into(),
            E::ExpectedInteger => t.expected_integer.into(),
            E::ExpectedFloat => t.expected_number.into(),
            E::ExpectedBoolean => t.expected_boolean.into(),
            E::ExpectedChar => t.expected_char.into(),
            E::ExpectedComma => t.expected_comma.into(),
            E::ExpectedMapColon => t.expected_colon.into(),
            E::ExpectedIdentifier => t.expected_identifier.into(),
            E::ExpectedOption => t.expected_option.into(),
            E::ExpectedUnit => t.expected_unit.into(),
            E::ExpectedArray => bracket("["),
            E::ExpectedArrayEnd => bracket("]"),
            E::ExpectedMap => bracket("{"),
            E::ExpectedMapEnd => bracket("}"),
            E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => bracket("("),
            E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => bracket(")"),
            E::ExpectedDifferentStructName { expected, found } => fill(
                t.other_name,
                &[("expected", &name(expected)), ("found", &name(found))],
            ),
            E::ExpectedStructName(n) => fill(t.expected_name, &[("name", &name(n))]),
            E::ExpectedStringEnd => t.unclosed_string.into(),
            E::UnclosedBlockComment => t.unclosed_comment.into(),
            E::UnexpectedChar(c) => fill(t.unexpected_char, &[("char", &format!("{c:?}"))]),
            E::TrailingCharacters => t.trailing.into(),
            E::IntegerOutOfBounds => t.out_of_bounds.into(),
            E::InvalidIntegerDigit { .. } | E::UnderscoreAtBeginning | E::FloatUnderscore => {
                t.bad_number.into()
            }
            E::InvalidEscape(_) => t.bad_escape.into(),
            E::Utf8Error(_) => t.not_utf8.into(),
            E::ExceededRecursionLimit => t.too_deep.into(),
            E::NoSuchStructField {
                expected,
                found,
                outer: o,
            } => fill(
                t.unknown_field,
                &[
                    ("found", &name(found)),
                    ("in", &outer(o)),
                    ("expected", &list(expected)),
                ],
            ),
            E::NoSuchEnumVariant {
                expected,
                found,
                outer: o,
            } => fill(
                t.unknown_variant,
                &[
                    ("found", &name(found)),
                    ("in", &outer(o)),
                    ("expected", &list(expected)),
                ],
            ),
            E::MissingStructField { field, outer: o } => fill(
                t.missing_field,
                &[("field", &name(field)), ("in", &outer(o))],
            ),
            E::DuplicateStructField { field, outer: o } => fill(
                t.duplicate_field,
                &[("field", &name(field)), ("in", &outer(o))],
            ),
            E::InvalidValueForType { expected, found } => fill(
                t.invalid_value,
                &[
                    ("expected", &self.kind(expected)),
                    ("found", &self.kind(found)),
                ],
            ),
            E::ExpectedDifferentLength { expected, found } => fill(
                t.wrong_length,
                &[
                    ("expected", &self.kind(expected)),
                    ("n", &found.to_string()),
                ],
            ),
            E::Message(m) => self.custom(m).unwrap_or_else(|| m.clone()),
            other => other.to_string(),
        }
    }

    /// serde's words for a kind of value in this language: the kind translated, a value or
    /// a name kept; a phrase not known is shown as serde wrote it.
    fn kind(self, phrase: &str) -> String {
        let t = self.texts().parse;
        match value_kind(phrase) {
            None => phrase.to_string(),
            Some((i, "")) => t.kinds[i].to_string(),
            Some((i, value)) => fill(t.kind_value, &[("kind", t.kinds[i]), ("value", value)]),
        }
    }

    /// Our own deserializers' messages in this language.
    fn custom(self, message: &str) -> Option<String> {
        let t = self.texts().parse;
        Some(match custom(message)? {
            Custom::DuplicateKey(key) => fill(t.duplicate_key, &[("key", key)]),
            Custom::BadAnswerId { id, max } => fill(t.bad_answer_id, &[("id", id), ("max", max)]),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ron_errors_read_in_either_language() {
        let e = TextProblem::Ron(ron::Error::InvalidValueForType {
            expected: "a string".into(),
            found: "the unsigned integer `5`".into(),
        });
        assert_eq!(Lang::Zh.text_problem(&e), "此处应为字符串，实际是整数 5");
        assert_eq!(
            Lang::En.text_problem(&e),
            "expected a string but found a whole number 5"
        );
        let dup = TextProblem::Ron(ron::Error::Message(
            crate::textfile::problem::duplicate_key("\"E1\""),
        ));
        assert_eq!(
            Lang::Zh.text_problem(&dup),
            "键 \"E1\" 出现了两次；请只保留一项（没有丢弃任何内容）"
        );
        assert_eq!(Lang::En.text_problem(&dup), dup.to_string());
        // The operating system's words: the common kinds in Chinese, English as it said.
        let gone = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(Lang::Zh.io_error(&gone), "没有这个文件或目录");
        assert_eq!(Lang::En.io_error(&gone), gone.to_string());
        // A rare error keeps ron's own words.
        let rare = TextProblem::Ron(ron::Error::ExpectedRawValue);
        assert_eq!(Lang::Zh.text_problem(&rare), rare.to_string());
    }
}
