//! The command line's own help (`assess --help`, `assess <command> --help`) and clap's usage
//! errors. English is the derive's doc comments in `cli.rs` (clap's own source of help);
//! here are clap's words (headings, tags, errors) in both languages, and the Chinese help of
//! every command and argument, keyed as `cli::help::entries` walks them: `new` is a command,
//! `new/title` its argument, `*/session` an argument of that name in any command, `/help` one
//! every command has. A test fails when a command or argument has no Chinese here.

/// clap's words in one language.
#[derive(Debug)]
pub struct CliHelp {
    pub usage: &'static str,
    pub commands: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    /// Tags after an argument's help: `{name}` of its environment variable, `{value}` of its
    /// default, `{values}` it may take.
    pub env: &'static str,
    pub default: &'static str,
    pub possible: &'static str,
    /// Between possible values.
    pub separator: &'static str,
    /// The start of a usage error, and the hint after it.
    pub error: &'static str,
    pub more: &'static str,
    /// Usage errors: `{arg}`, `{value}`, `{values}`, `{prior}`, `{command}`, `{suggested}`.
    pub invalid_value: &'static str,
    pub invalid_value_because: &'static str,
    pub unknown_argument: &'static str,
    pub unknown_command: &'static str,
    pub did_you_mean: &'static str,
    pub missing_arguments: &'static str,
    pub missing_command: &'static str,
    pub conflict: &'static str,
    pub value_count: &'static str,
    pub no_value: &'static str,
    pub not_utf8: &'static str,
    pub other: &'static str,
    /// Between what was being done and why it failed (`cannot write the report: …`).
    pub context_separator: &'static str,
    /// Refusals of the command line itself.
    pub table_needs_csv: &'static str,
    pub part_needs_svg: &'static str,
    pub parts_needed: &'static str,
    /// `{path}` is there already.
    pub exists: &'static str,
    /// What could not be written: the report, the questionnaire, the rollup.
    pub cannot_write_report: &'static str,
    pub cannot_write_questionnaire: &'static str,
    pub cannot_write_rollup: &'static str,
    /// A file or folder that could not be read, created or written: `{path}`.
    pub cannot_read: &'static str,
    pub cannot_create: &'static str,
    pub cannot_write_report_to: &'static str,
    /// The manual page's section headings: name, synopsis, description, options, commands,
    /// version.
    pub man_sections: [&'static str; 6],
}

pub static EN: CliHelp = CliHelp {
    usage: "Usage: ",
    commands: "Commands:",
    arguments: "Arguments:",
    options: "Options:",
    env: "[env: {name}]",
    default: "[default: {value}]",
    possible: "[possible values: {values}]",
    separator: ", ",
    error: "error: ",
    more: "For more information, try '--help'.",
    invalid_value: "invalid value '{value}' for '{arg}'",
    invalid_value_because: "invalid value '{value}' for '{arg}': {reason}",
    unknown_argument: "unexpected argument '{arg}' found",
    unknown_command: "unrecognized subcommand '{command}'",
    did_you_mean: "tip: a similar one exists: '{suggested}'",
    missing_arguments: "the following required arguments were not provided: {values}",
    missing_command: "'{command}' requires a subcommand",
    conflict: "the argument '{arg}' cannot be used with '{prior}'",
    value_count: "'{arg}' was given the wrong number of values",
    no_value: "a value is required for '{arg}' but none was supplied",
    not_utf8: "invalid UTF-8 was found in an argument",
    other: "the command line could not be read",
    context_separator: ": ",
    table_needs_csv: "--table goes with --format csv (each CSV table is a file of its own)",
    part_needs_svg: "--part goes with --format svg (the radar of one part)",
    parts_needed: "--parts needs at least one part id, e.g. --parts cd,to",
    exists: "{path} already exists",
    cannot_write_report: "cannot write the report",
    cannot_write_questionnaire: "cannot write the questionnaire",
    cannot_write_rollup: "cannot write the rollup",
    cannot_read: "cannot read {path}",
    cannot_create: "cannot create {path}",
    cannot_write_report_to: "cannot write the report to {path}",
    man_sections: [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        "COMMANDS",
        "VERSION",
    ],
};

pub static ZH: CliHelp = CliHelp {
    usage: "用法：",
    commands: "命令：",
    arguments: "参数：",
    options: "选项：",
    env: "［环境变量：{name}］",
    default: "［默认：{value}］",
    possible: "［可选：{values}］",
    separator: "、",
    error: "错误：",
    more: "更多信息请运行 '--help'。",
    invalid_value: "'{arg}' 的取值 '{value}' 无效",
    invalid_value_because: "'{arg}' 的取值 '{value}' 无效：{reason}",
    unknown_argument: "无法识别的参数 '{arg}'",
    unknown_command: "无法识别的子命令 '{command}'",
    did_you_mean: "提示：有相近的写法 '{suggested}'",
    missing_arguments: "缺少必需的参数：{values}",
    missing_command: "'{command}' 需要一个子命令",
    conflict: "参数 '{arg}' 不能与 '{prior}' 同时使用",
    value_count: "'{arg}' 的取值个数不对",
    no_value: "'{arg}' 需要一个取值，但没有提供",
    not_utf8: "参数中有无效的 UTF-8",
    other: "无法解析命令行",
    context_separator: "：",
    table_needs_csv: "--table 要与 --format csv 一起使用（每张 CSV 表是一个单独的文件）",
    part_needs_svg: "--part 要与 --format svg 一起使用（一个部分的雷达图）",
    parts_needed: "--parts 至少需要一个部分 id，例如 --parts cd,to",
    exists: "{path} 已存在",
    cannot_write_report: "无法写入报告",
    cannot_write_questionnaire: "无法写入自评表",
    cannot_write_rollup: "无法写入汇总",
    cannot_read: "无法读取 {path}",
    cannot_create: "无法创建 {path}",
    cannot_write_report_to: "无法把报告写入 {path}",
    man_sections: ["名称", "概要", "描述", "选项", "命令", "版本"],
};

/// The Chinese help of every command and argument (see the module's head for the keys).
pub static ZH_HELP: &[(&str, &str)] = &[
    (
        "",
        "离线终端工作台，用于能力成熟度评估（信通院 DevOps 模型）",
    ),
    (
        "/sessions_dir",
        "评估文件所在目录（默认：平台数据目录；也可用 ASSESS_SESSIONS_DIR）",
    ),
    (
        "/models_dir",
        "已安装模型所在目录（默认：平台数据目录；也可用 ASSESS_MODELS_DIR）",
    ),
    (
        "/as_user",
        "当前工作的人：修改记在此名下，新名字会加入评估人（默认：操作系统用户）",
    ),
    (
        "/config",
        "配置文件（默认：ASSESS_CONFIG，其次是平台配置目录中的 config.ron；`assess config path` 会打印它）",
    ),
    ("/help", "显示帮助"),
    ("/version", "显示版本"),
    ("*/session", "评估文件，或它在评估目录中的名称"),
    ("help", "显示本帮助，或所给子命令的帮助"),
    ("new", "新建评估"),
    (
        "new/title",
        "评估标题；文件名由它生成（默认：\"Assessment 日期\"）",
    ),
    ("new/organisation", "被评估的组织"),
    ("new/scope", "被评估的项目、系统或范围"),
    ("new/model", "内置模型 id 或模型文件（默认：caict-devops）"),
    (
        "new/parts",
        "评估范围内的部分，用逗号分隔（默认：全部），例如 cd,to",
    ),
    (
        "new/target",
        "范围内每个部分的目标等级：3 或 L3，不超过模型的等级数",
    ),
    (
        "new/participants",
        "参与人，写作 \"姓名:角色\"，无角色时只写 \"姓名\"（每人重复一次）",
    ),
    ("new/no_open", "打印新评估的路径后退出，不打开它"),
    (
        "new/baseline",
        "同一范围的较早评估，用于对比（汇总中的 Δ、报告、雷达图）",
    ),
    (
        "new/lang",
        "评估的语言（en 或 zh；默认：ASSESS_LANG，其次是系统区域设置）",
    ),
    ("open", "继续一个评估（按路径，或按评估目录中的名称）"),
    ("list", "列出评估目录中的评估，最新的在前"),
    ("list/json", "每个评估输出一个 JSON 对象，而不是表格"),
    (
        "list/names",
        "只列评估名称，每行一个（即 shell 补全提供的内容）",
    ),
    ("summary", "按部分和能力域显示进度和等级"),
    ("summary/json", "以 JSON 输出汇总"),
    (
        "summary/lang",
        "名称和标题的语言（en 或 zh；默认：评估的语言，即工作台显示它的语言）",
    ),
    (
        "doctor",
        "检查评估：能否解析、模型是否一致、证据是否未变、备份是否可用",
    ),
    (
        "doctor/restore_backup",
        "用 NAME.ron.bak 恢复 NAME.ron，当前文件保留为 NAME.ron.damaged-<时间>",
    ),
    (
        "report",
        "生成报告（Markdown、HTML、PDF、CSV、JSON、Excel 工作簿，或 SVG 雷达图），写在评估旁边或写入指定文件",
    ),
    (
        "report/format",
        "md、html、pdf、csv、json、xlsx 或 svg（默认：按 -o 文件的扩展名，否则为 html）",
    ),
    (
        "report/table",
        "CSV：输出哪张表（每个文件一张）：requirements（默认）、findings 或 agenda",
    ),
    (
        "report/part",
        "SVG：雷达图显示哪个部分的能力域（默认：唯一的部分，否则全部部分）",
    ),
    (
        "report/output",
        "输出文件（默认：评估旁边的 NAME.report.EXT）；`-` 表示写到标准输出",
    ),
    (
        "report/lang",
        "报告的语言（en 或 zh；默认：评估的语言，与工作台导出对话框相同）",
    ),
    (
        "report/redact",
        "隐去人名、组织、备注、不适用理由、证据标题和位置",
    ),
    (
        "report/no_bom",
        "写 CSV 时不加 UTF-8 字节顺序标记（它帮助 Excel 正确读取中文）",
    ),
    (
        "log",
        "修改记录：评估的每次修改（谁、何时、改了什么、旧值 → 新值），从早到晚",
    ),
    ("log/json", "以 JSON 输出修改记录"),
    (
        "finalize",
        "签署定稿：评估变为只读并记录内容哈希。先打印签署前检查清单；--block 指定的检查项不通过时拒绝签署",
    ),
    (
        "finalize/block",
        "不通过即拒绝签署的检查项，用逗号分隔，或写 `none`（默认：na_without_justification,evidence_changed_or_missing）。检查项：unanswered、flagged、na_without_justification、met_without_evidence、evidence_changed_or_missing、not_reviewed",
    ),
    (
        "finalize/key",
        "同时用此 SSH 密钥为签署签名（私钥文件，或 ssh-agent 中某把密钥的公钥），与 `ssh-keygen -Y sign` 相同",
    ),
    (
        "reopen",
        "重新打开已定稿的评估以便修改（原因会记入修改记录）",
    ),
    ("reopen/reason", "重新打开的原因；保存在修改记录中"),
    (
        "verify",
        "检查已定稿的评估：内容完整（哈希、修改记录、模型）以及签名人（SSH 签名）：完整且签名有效时退出码为 0，否则为 1",
    ),
    (
        "verify/allowed_signers",
        "允许的签名人文件（每行 `姓名 密钥类型 密钥`，与 git 相同），用来确认是谁的密钥签的名",
    ),
    ("model", "管理评估模型"),
    ("model list", "列出内置和已安装的模型"),
    (
        "model show",
        "显示模型的树（内置 id 或路径；默认：caict-devops）",
    ),
    (
        "model show/model",
        "内置模型 id 或模型文件（默认：caict-devops）",
    ),
    ("model show/json", "以 JSON 输出整棵树"),
    ("model show/lang", "名称的语言（en 或 zh）"),
    (
        "model validate",
        "检查模型文件，按 id 路径指出每个问题（默认：所有内置和已安装的模型）",
    ),
    (
        "model validate/model",
        "模型文件，或内置、已安装模型的 id（默认：所有内置和已安装的模型）",
    ),
    (
        "model import",
        "把公开模型的原始文件转换为模型文件，安装到模型目录",
    ),
    (
        "model import samm",
        "OWASP SAMM v2：核心模型的 YAML 文件夹（或包含 `model/` 的上级文件夹）",
    ),
    (
        "model import samm/dir",
        "包含 business_functions/、security_practices/ 等的文件夹（或 model/）",
    ),
    (
        "model import samm/output",
        "把模型写到这里，而不是安装到模型目录",
    ),
    ("model import samm/force", "替换已存在的模型文件"),
    (
        "model import samm/id",
        "导入后模型的 id（默认：owasp-samm、owasp-dsomm），例如用来保留两个版本",
    ),
    ("model import dsomm", "OWASP DSOMM：它生成的 `model.yaml`"),
    ("model import dsomm/file", "DSOMM 生成的 model.yaml"),
    (
        "model import dsomm/output",
        "把模型写到这里，而不是安装到模型目录",
    ),
    ("model import dsomm/force", "替换已存在的模型文件"),
    (
        "model import dsomm/id",
        "导入后模型的 id（默认：owasp-samm、owasp-dsomm），例如用来保留两个版本",
    ),
    ("model new", "写出一个带注释、可通过校验的新模型骨架"),
    ("model new/id", "新模型的 id（字母、数字、'-' 或 '_'）"),
    ("model new/output", "要写入的文件"),
    ("model stats", "按部分、能力域和等级计数"),
    (
        "model stats/model",
        "内置模型 id 或模型文件（默认：caict-devops）",
    ),
    ("model stats/json", "以 JSON 输出计数"),
    ("model stats/lang", "名称的语言（en 或 zh）"),
    (
        "model synth",
        "生成任意规模的合成模型（可选同时生成基于它的评估），相同种子生成相同内容：用于在远大于内置模型的规模上测量工作台",
    ),
    ("model synth/requirements", "模型的要求数（至少 120）"),
    (
        "model synth/answers",
        "同时在 DIR/sessions 中写一个有这么多作答的评估",
    ),
    ("model synth/seed", "随机种子：相同种子写出相同模型"),
    ("model synth/output", "写入的目录（不存在时创建）"),
    (
        "completions",
        "打印 shell 补全脚本（见 README：Shell completions 与手册）",
    ),
    ("completions/shell", "shell：bash、zsh、fish 或 powershell"),
    ("man", "打印手册页（roff），例如 `assess man > assess.1`"),
    ("config", "配置文件：在哪里、哪些设置生效、是否有效"),
    ("config path", "打印读取配置的位置"),
    ("config show", "打印生效的配置：默认值加上文件中的设置"),
    (
        "config check",
        "检查配置文件：有效时退出码为 0，否则逐条列出问题并以 1 退出",
    ),
    ("export-xlsx", "把自评表写成 Excel 工作簿，供团队填写"),
    (
        "export-xlsx/output",
        "输出文件（默认：评估旁边的 NAME.questionnaire.xlsx）",
    ),
    (
        "export-xlsx/lang",
        "工作簿的语言（en 或 zh；默认：评估的语言，与工作台相同）",
    ),
    (
        "export-xlsx/parts",
        "包含的部分，用逗号分隔（默认：范围内的每个部分），例如 cd,to",
    ),
    (
        "import-xlsx",
        "读回填好的自评表：显示会改变什么，并作为有记录的修改应用（记在 --as NAME 名下）。只要有一个单元格无法读取，就什么也不导入",
    ),
    (
        "import-xlsx/file",
        "填好的工作簿（xlsx，或 Excel 保存的 xls）",
    ),
    ("import-xlsx/dry_run", "只显示会改变什么"),
    (
        "import-xlsx/overwrite",
        "替换与评估中不同的作答、备注和不适用理由",
    ),
    (
        "merge-driver",
        "git 的评估合并驱动（由 `assess git-setup` 设置）：把共同基础 %O、我方 %A 和对方 %B 合并到 %A；无冲突时退出码为 0，仍有冲突时为 1",
    ),
    ("merge-driver/base", "共同基础（%O）"),
    ("merge-driver/ours", "我方（%A）；合并结果写在这里"),
    ("merge-driver/theirs", "对方（%B）"),
    (
        "merge-driver/marker_size",
        "冲突标记长度（%L），只用于不是评估的文件",
    ),
    ("merge-driver/path", "工作区中的路径（%P），只在消息中提到"),
    (
        "merge",
        "不用 git 的评估文件三方合并（BASE 是双方开始时的副本）；仍有冲突待解决时退出码为 1",
    ),
    ("merge/base", "双方开始时的副本"),
    ("merge/ours", "我方的评估文件"),
    ("merge/theirs", "对方的评估文件"),
    ("merge/output", "合并后的评估写到哪里"),
    (
        "merge/lang",
        "输出的语言（en 或 zh；默认：ASSESS_LANG，其次是系统区域设置）",
    ),
    ("git-setup", "设置 git 仓库以合并和比较评估（可重复运行）"),
    ("git-setup/dir", "仓库（默认：当前目录）"),
    (
        "git-setup/lang",
        "输出的语言（en 或 zh；默认：ASSESS_LANG，其次是系统区域设置）",
    ),
    (
        "textconv",
        "把评估显示为按要求排列的行（git diff 的 textconv）",
    ),
    ("textconv/file", "要显示为行的评估文件"),
    (
        "diff",
        "同一范围两次评估之间的变化（A 较早，B 较晚）：先按要求，再按实践、能力域和部分列出等级和得分",
    ),
    ("diff/a", "较早的评估（文件，或它在评估目录中的名称）"),
    ("diff/b", "较晚的评估"),
    ("diff/json", "以 JSON 输出比较结果"),
    (
        "diff/lang",
        "名称和标签的语言（en 或 zh；默认：ASSESS_LANG，其次是系统区域设置）",
    ),
    (
        "rollup",
        "同一模型的多个评估（项目）并排：热力图、分布、最薄弱的实践、进度；无法汇总的文件列为已跳过",
    ),
    ("rollup/inputs", "评估文件，或包含评估文件的目录"),
    (
        "rollup/format",
        "输出格式（默认：按输出文件的扩展名，否则为 Markdown）",
    ),
    ("rollup/output", "输出文件（默认：标准输出）"),
    (
        "rollup/lang",
        "名称和标签的语言（en 或 zh；默认：ASSESS_LANG，其次是系统区域设置）",
    ),
    ("conflicts", "列出合并在评估中留下的冲突"),
    ("conflicts/json", "以 JSON 输出冲突"),
    (
        "conflicts/lang",
        "输出的语言（en 或 zh；默认：ASSESS_LANG，其次是系统区域设置）",
    ),
    ("resolve", "在脚本中解决冲突：采用某一方"),
    ("resolve/take", "采用哪一方：ours（我方）或 theirs（对方）"),
    ("resolve/all", "全部冲突"),
    ("resolve/id", "一个冲突（C1、C2……）"),
    (
        "resolve/lang",
        "输出的语言（en 或 zh；默认：ASSESS_LANG，其次是系统区域设置）",
    ),
];

impl crate::lang::Lang {
    /// The help of commands and arguments in this language, by key; empty where the derive's
    /// doc comments are the text (English).
    pub fn command_help(self) -> &'static [(&'static str, &'static str)] {
        match self {
            crate::lang::Lang::En => &[],
            crate::lang::Lang::Zh => ZH_HELP,
        }
    }
}
