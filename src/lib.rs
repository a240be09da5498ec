//! assess — the core of an offline workbench for capability maturity assessments.
//!
//! Everything here is free of any terminal: the model, scoring, sessions and their files,
//! and reports. The TUI (`tui`) and the CLI (`cli`) are thin layers over these functions.
//! (`tui` is the one module that draws on a terminal.)

pub mod cli;
pub mod compare;
pub mod config;
pub mod fuzzy;
pub mod i18n;
pub mod lang;
pub mod merge;
pub mod model;
pub mod radar;
pub mod report;
pub mod review;
pub mod rollup;
pub mod scoring;
pub mod session;
pub mod summary;
pub mod synth;
pub mod terminal_text;
pub mod textfile;
pub mod tui;
mod unique_keys;
pub mod xlsx;
