//! Reusable widgets: the radar chart, table column fitting, clearing a popup's box in whole
//! cells, and text wrapping that lays out wide (CJK) text correctly.

pub mod clear;
pub mod columns;
pub mod field;
pub mod highlight;
pub mod line_input;
pub mod popup;
pub mod radar;
pub mod wrap;
