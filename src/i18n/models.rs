//! Bringing your own model: `assess model list`, `import`, `new`, `validate`, and the errors
//! of importers and of extending a model, told in the reader's language.

//! Core errors (`ImportError`, `ModelError`) are told through these texts by
//! `Lang::import_error` and `Lang::model_error`, beside the errors they tell.

/// The texts in one language.
#[derive(Debug)]
pub struct Models {
    /// `model list` row: `{id}`, `{name}`, `{version}`, `{parts}`, `{practices}`,
    /// `{requirements}`, `{where}`.
    pub list_row: &'static str,
    /// Where a model comes from: compiled in.
    pub bundled: &'static str,
    /// Where a model comes from: the models folder.
    pub installed: &'static str,
    /// Appended to a row when the model names its source: `{source}`, `{licence}`.
    pub list_source: &'static str,
    /// An installed file that does not load: `{file}`, `{error}`.
    pub list_broken: &'static str,
    /// The footer naming the models folder: `{dir}`.
    pub list_dir: &'static str,
    /// After an import: `{name}`, `{file}`.
    pub imported: &'static str,
    /// The counts of an import: `{parts}`, `{domains}`, `{practices}`, `{requirements}`,
    /// `{scales}`, `{dependencies}`.
    pub import_counts: &'static str,
    /// Heading of what could not be imported: `{n}`.
    pub import_skipped: &'static str,
    /// Nothing was left out.
    pub import_complete: &'static str,
    /// What to do next with an installed model: `{id}`.
    pub next_step: &'static str,
    /// A file is in the way: `{file}`.
    pub exists: &'static str,
    /// After `model new`: `{id}`, `{file}`.
    pub skeleton_written: &'static str,
    /// `model validate` on a valid model: `{file}`, `{parts}`, `{practices}`, `{requirements}`.
    pub valid: &'static str,
    /// `model validate` on an invalid model, before its problems: `{file}`, `{n}`.
    pub invalid: &'static str,
    /// `{path}`, `{error}`.
    pub read: &'static str,
    /// `{path}`, `{limit}`.
    pub too_large: &'static str,
    /// `{place}`.
    pub not_utf8: &'static str,
    /// `{place}`, `{message}`.
    pub yaml: &'static str,
    /// `{place}`, `{limit}`.
    pub too_deep: &'static str,
    /// `{place}`, `{field}`.
    pub missing: &'static str,
    /// `{place}`, `{field}`, `{expected}`.
    pub wrong_type: &'static str,
    /// `{place}`, `{field}`, `{target}`.
    pub unknown_link: &'static str,
    /// `{place}`, `{id}`.
    pub duplicate: &'static str,
    /// `{place}`, `{name}`.
    pub empty: &'static str,
    /// `{place}`, `{chain}`.
    pub cycle: &'static str,
    /// `{path}`.
    pub nothing: &'static str,
    /// What a value should have been, in the order of `Expected`.
    pub expected: [&'static str; 11],
    /// `{id}`.
    pub unknown_model: &'static str,
    /// `{origin}`, `{base}`.
    pub unknown_base: &'static str,
    /// `{origin}`, `{chain}`.
    pub extends_cycle: &'static str,
    /// A model file that cannot be read: `{file}`, `{error}`.
    pub unreadable_model: &'static str,
    /// A file too large to be a model: `{file}`, `{size}`, `{limit}`.
    pub too_large_model: &'static str,
    /// A model file that is not RON: `{place}` (file:line:column), `{message}` (the parser's).
    pub not_ron: &'static str,
    /// The mark reports put on a requirement an extension added.
    pub own_mark: &'static str,
    /// `model show`, before the answer scales one per line: `{scoring}`, `{rollup}`, `{max}`.
    pub show_scoring: &'static str,
    /// `model show`'s first line: `{name}`, `{id}`, `{version}`; a practice's `{n}` requirements.
    pub show_title: &'static str,
    pub show_count: &'static str,
    /// `model stats`' column headings: domains, items, practices, requirements.
    pub stats_headings: [&'static str; 4],
    /// `model stats`' requirements by provenance: the heading, then standard, draft, authored.
    pub provenance_heading: &'static str,
    pub provenances: [&'static str; 3],
    /// `{authored}` of `{n}` practices written by analogy.
    pub authored_note: &'static str,
    /// `model show`: `{base}`.
    pub show_extends: &'static str,
    /// `model show`: `{source}`.
    pub show_source: &'static str,
    /// Model problems (`model validate`), after the node's id path: `{field}`, `{lang}`.
    pub p_no_text: &'static str,
    /// `{id}`.
    pub p_bad_id: &'static str,
    /// `{id}`.
    pub p_duplicate_id: &'static str,
    pub p_no_languages: &'static str,
    /// A model, part, domain, item or practice without members, in that order.
    pub p_empty: [&'static str; 5],
    pub p_no_levels: &'static str,
    /// `{level}`, `{max}`.
    pub p_level_range: &'static str,
    pub p_level_twice: &'static str,
    /// `{level}`.
    pub p_level_undefined: &'static str,
    /// `{level}`, `{max}`.
    pub p_practice_level_range: &'static str,
    pub p_practice_level_twice: &'static str,
    pub p_no_options: &'static str,
    pub p_not_finite: &'static str,
    pub p_no_passed: &'static str,
    /// `{id}`.
    pub p_unknown_scale: &'static str,
    /// `{id}`.
    pub p_unknown_dependency: &'static str,
    /// `{id}`.
    pub p_alias_target: &'static str,
    pub p_alias_hides: &'static str,
}

pub static EN: Models = Models {
    list_row: "{id}\t{name}\tversion {version}\t{parts} parts, {practices} practices, {requirements} requirements ({where})",
    bundled: "bundled",
    installed: "installed",
    list_source: "\tsource: {source}, {licence}",
    list_broken: "{file}: does not load: {error}",
    list_dir: "Installed models live in {dir}",
    imported: "Imported {name} into {file}",
    import_counts: "{parts} parts, {domains} domains, {practices} practices, {requirements} requirements, {scales} answer scales, {dependencies} dependencies",
    import_skipped: "Could not import {n}:",
    import_complete: "Everything in the source was imported.",
    next_step: "Start a session on it: assess new --model {id}",
    exists: "{file} already exists, so nothing was written: use --force to replace it (sessions on it will say the model changed), or -o to write elsewhere",
    skeleton_written: "Wrote the model skeleton {id} to {file}: edit it, then check it with `assess model validate {file}`",
    valid: "{file}: valid ({parts} parts, {practices} practices, {requirements} requirements)",
    invalid: "{file}: {n} problems, each named by its id path:",
    read: "{path}: cannot read: {error}",
    too_large: "{path}: the file is larger than {limit} bytes",
    not_utf8: "{place}: the file is not UTF-8 text",
    yaml: "{place}: not valid YAML: {message}",
    too_deep: "{place}: nested deeper than {limit} levels",
    missing: "{place}: `{field}` is missing",
    wrong_type: "{place}: `{field}` should be {expected}",
    unknown_link: "{place}: `{field}` links to \"{target}\", which is not in the model",
    duplicate: "{place}: \"{id}\" appears a second time; the first one is kept",
    empty: "{place}: \"{name}\" has nothing to answer, so it is left out",
    cycle: "{place}: depends on itself through {chain}",
    nothing: "{path}: nothing could be imported",
    expected: [
        "a text",
        "a number",
        "a name",
        "a level from 1 to 5",
        "a mapping",
        "a list of texts",
        "a list of answers",
        "a list of activities",
        "a mapping of dimensions",
        "a mapping of subdimensions",
        "a mapping of activities",
    ],
    unknown_model: "no model called \"{id}\": use a bundled or installed model id (see `assess model list`) or a path to a .ron file",
    unknown_base: "{origin}: extends \"{base}\", which is neither a bundled model, an installed one, nor a file {base}.ron beside it",
    extends_cycle: "{origin}: the models extend each other in a circle: {chain}",
    unreadable_model: "cannot read model file {file}: {error}",
    too_large_model: "{file}: the file is {size}, larger than any model (the limit is {limit}); it is probably not a model file",
    not_ron: "{place}: the model file is not valid RON: {message}",
    own_mark: "our own",
    show_scoring: "scoring {scoring}, rollup {rollup}, levels 1–{max}; answer scales:",
    show_title: "{name} ({id}, version {version})",
    show_count: "({n} requirements)",
    stats_headings: ["domains", "items", "practices", "reqs"],
    provenance_heading: "Requirements by provenance:",
    provenances: ["standard", "draft", "authored"],
    authored_note: "{authored} of {n} practices are authored by analogy (provenance: authored), not taken from the standard's published tables.",
    show_extends: "extends {base}; the organisation's own requirements are marked in reports",
    show_source: "source: {source}",
    p_no_text: "{field} has no {lang} text",
    p_bad_id: "id {id} must be letters, digits, '-' or '_' (no dots, no spaces)",
    p_duplicate_id: "duplicate id {id} among its siblings",
    p_no_languages: "the model declares no languages",
    p_empty: [
        "the model has no parts",
        "the part has no domains",
        "the domain has no capability items",
        "the capability item has no practices",
        "the practice has no requirements",
    ],
    p_no_levels: "the model defines no levels",
    p_level_range: "level {level} is outside 1..{max}",
    p_level_twice: "level defined twice",
    p_level_undefined: "level {level} has no definition",
    p_practice_level_range: "level {level} is outside the model's levels 1..{max}",
    p_practice_level_twice: "level appears twice in this practice",
    p_no_options: "the answer scale has no options",
    p_not_finite: "value must be a finite number",
    p_no_passed: "staged scoring needs at least one option marked `passed: true`",
    p_unknown_scale: "unknown answer scale {id}",
    p_unknown_dependency: "depends on unknown requirement {id}",
    p_alias_target: "alias points to unknown requirement {id}",
    p_alias_hides: "alias hides a requirement that still exists",
};

pub static ZH: Models = Models {
    list_row: "{id}\t{name}\t版本 {version}\t{parts} 个部分，{practices} 个实践，{requirements} 条要求（{where}）",
    bundled: "内置",
    installed: "已安装",
    list_source: "\t来源：{source}，{licence}",
    list_broken: "{file}：无法加载：{error}",
    list_dir: "已安装的模型位于 {dir}",
    imported: "已将 {name} 导入到 {file}",
    import_counts: "{parts} 个部分，{domains} 个能力域，{practices} 个实践，{requirements} 条要求，{scales} 套答案等级，{dependencies} 条依赖",
    import_skipped: "有 {n} 处未能导入：",
    import_complete: "来源中的全部内容均已导入。",
    next_step: "在此模型上开始评估：assess new --model {id}",
    exists: "{file} 已存在，未写入任何内容：使用 --force 替换（基于它的评估会提示模型已变更），或用 -o 写到别处",
    skeleton_written: "已将模型骨架 {id} 写入 {file}：编辑后用 `assess model validate {file}` 检查",
    valid: "{file}：有效（{parts} 个部分，{practices} 个实践，{requirements} 条要求）",
    invalid: "{file}：发现 {n} 个问题，均以编号路径标出：",
    read: "{path}：无法读取：{error}",
    too_large: "{path}：文件超过 {limit} 字节",
    not_utf8: "{place}：文件不是 UTF-8 文本",
    yaml: "{place}：不是有效的 YAML：{message}",
    too_deep: "{place}：嵌套超过 {limit} 层",
    missing: "{place}：缺少 `{field}`",
    wrong_type: "{place}：`{field}` 应为{expected}",
    unknown_link: "{place}：`{field}` 指向“{target}”，模型中没有它",
    duplicate: "{place}：“{id}”重复出现；保留第一个",
    empty: "{place}：“{name}”没有可回答的内容，已略去",
    cycle: "{place}：经由 {chain} 依赖自身",
    nothing: "{path}：没有可导入的内容",
    expected: [
        "文本",
        "数字",
        "名称",
        "1 到 5 的等级",
        "映射",
        "文本列表",
        "答案列表",
        "活动列表",
        "维度映射",
        "子维度映射",
        "活动映射",
    ],
    unknown_model: "没有名为“{id}”的模型：请使用内置或已安装模型的编号（见 `assess model list`）或 .ron 文件路径",
    unknown_base: "{origin}：扩展的“{base}”既不是内置模型、已安装模型，也不是旁边的 {base}.ron 文件",
    extends_cycle: "{origin}：模型之间循环扩展：{chain}",
    unreadable_model: "无法读取模型文件 {file}：{error}",
    too_large_model: "{file}：文件大小为 {size}，超过任何模型（上限 {limit}），可能不是模型文件",
    not_ron: "{place}：模型文件不是有效的 RON：{message}",
    own_mark: "自有要求",
    show_scoring: "计分规则 {scoring}，汇总 {rollup}，等级 1–{max}；答案等级：",
    show_title: "{name}（{id}，版本 {version}）",
    show_count: "（{n} 条要求）",
    stats_headings: ["能力域", "能力项", "实践", "要求"],
    provenance_heading: "按出处统计的要求：",
    provenances: ["标准", "草案转述", "参照编写"],
    authored_note: "{n} 个实践中有 {authored} 个是参照标准逻辑编写的（出处：参照编写），并非取自标准正式发布的表格。",
    show_extends: "扩展自 {base}；报告中标出组织的自有要求",
    show_source: "来源：{source}",
    p_no_text: "{field} 缺少 {lang} 文本",
    p_bad_id: "编号 {id} 只能由字母、数字、“-”或“_”组成（不含点和空格）",
    p_duplicate_id: "编号 {id} 与同级重复",
    p_no_languages: "模型未声明任何语言",
    p_empty: [
        "模型没有任何部分",
        "该部分没有能力域",
        "该能力域没有能力项",
        "该能力项没有实践",
        "该实践没有要求",
    ],
    p_no_levels: "模型未定义任何等级",
    p_level_range: "等级 {level} 超出 1..{max}",
    p_level_twice: "等级重复定义",
    p_level_undefined: "等级 {level} 没有定义",
    p_practice_level_range: "等级 {level} 超出模型的等级 1..{max}",
    p_practice_level_twice: "该实践中等级重复出现",
    p_no_options: "答案等级没有任何选项",
    p_not_finite: "取值必须是有限的数字",
    p_no_passed: "分级计分至少需要一个标记为 `passed: true` 的选项",
    p_unknown_scale: "未知的答案等级 {id}",
    p_unknown_dependency: "依赖未知的要求 {id}",
    p_alias_target: "别名指向未知的要求 {id}",
    p_alias_hides: "别名遮住了仍然存在的要求",
};
