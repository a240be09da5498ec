//! What opening a session tells its reader besides the session itself: that its model changed
//! or moved ids (`session::OpenWarning`), and why it cannot be opened with its model.

/// The texts of one language; pairs are `[one, many]` by `{n}`.
#[derive(Debug)]
pub struct Opening {
    /// `{id}`, `{from}` and `{to}` versions.
    pub model_changed: &'static str,
    pub answers_moved: [&'static str; 2],
    pub findings_moved: [&'static str; 2],
    pub orphaned: [&'static str; 2],
    /// A warning on the command line: `{path}`, `{warning}`.
    pub warning: &'static str,
    /// `{path}` names a model `{id}` that does not load: `{error}`.
    pub model_unloadable: &'static str,
    /// `{place}` (file and line), the requirement `{id}`, the answer `{answer}` its scale
    /// `{scale}` does not offer, and the answers it does, `{answers}`.
    pub unknown_answer: &'static str,
}

pub static EN: Opening = Opening {
    model_changed: "the model {id} has changed since this session was saved (version {from} → {to})",
    answers_moved: [
        "1 answer moved to renamed requirements",
        "{n} answers moved to renamed requirements",
    ],
    findings_moved: [
        "1 finding now tied to renamed requirements",
        "{n} findings now tied to renamed requirements",
    ],
    orphaned: [
        "1 answer belongs to requirements this model no longer has; kept in the file and listed in reports",
        "{n} answers belong to requirements this model no longer has; kept in the file and listed in reports",
    ],
    warning: "assess: warning: {path}: {warning}",
    model_unloadable: "{path}: cannot load its model \"{id}\": {error}",
    unknown_answer: "{place}: answers[\"{id}\"].status: \"{answer}\" is not an answer of the scale \"{scale}\" (its answers: {answers})",
};

pub static ZH: Opening = Opening {
    model_changed: "模型 {id} 在本评估保存之后已更改（版本 {from} → {to}）",
    answers_moved: ["1 条作答已移到改名后的要求", "{n} 条作答已移到改名后的要求"],
    findings_moved: [
        "1 个发现项现关联到改名后的要求",
        "{n} 个发现项现关联到改名后的要求",
    ],
    orphaned: [
        "1 条作答属于本模型已没有的要求；仍保留在文件中并在报告中列出",
        "{n} 条作答属于本模型已没有的要求；仍保留在文件中并在报告中列出",
    ],
    warning: "assess：警告：{path}：{warning}",
    model_unloadable: "{path}：无法加载它的模型“{id}”：{error}",
    unknown_answer: "{place}：answers[\"{id}\"].status：“{answer}”不是答复等级“{scale}”中的答复（可用答复：{answers}）",
};
