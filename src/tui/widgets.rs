//! Reusable widgets: the radar chart, table column fitting, and text wrapping that lays out
//! wide (CJK) text correctly.

pub mod columns;
pub mod radar;
pub mod wrap;
