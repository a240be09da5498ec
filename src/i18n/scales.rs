//! Answering on a model's own scale: keys whose answer the scale lacks, quick levels beyond
//! the model's levels.

/// The texts of answering on a model's scale in one language.
#[derive(Debug)]
pub struct Scales {
    /// An answer key whose slot the scale has no option for; `{key}` names the key's action.
    pub no_such_answer: &'static str,
    /// A quick level beyond the model's levels; `{max}` is its highest level.
    pub level_range: &'static str,
}

pub static EN: Scales = Scales {
    no_such_answer: "this model's answer scale has no “{key}” answer",
    level_range: "this model's levels are 0–{max}",
};

pub static ZH: Scales = Scales {
    no_such_answer: "本模型的答案选项中没有“{key}”",
    level_range: "本模型的等级为 0–{max}",
};
