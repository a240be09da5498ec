//! Reusable widgets: the radar chart and text wrapping that lays out wide (CJK) text correctly.

pub mod radar;
pub mod wrap;
