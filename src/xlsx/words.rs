//! Where the questionnaire's columns are, and which column a header names. The texts live in
//! the language catalogue (`i18n/xlsx.rs`).

use crate::i18n::xlsx::{EN, ZH};

/// How many columns a part sheet has.
pub const COLUMNS: usize = 12;

/// Which column a header text names, in either language; the justification column by either
/// of its names (N/A's, or the general "Reason" of models whose other answers need one), so
/// a questionnaire exported under either name imports.
pub fn column_of(header: &str) -> Option<usize> {
    let header = header.trim();
    [&EN, &ZH].iter().find_map(|w| {
        w.headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(header))
            .or_else(|| {
                let reason = w.reason_header.eq_ignore_ascii_case(header);
                reason.then_some(col::JUSTIFICATION)
            })
    })
}
/// Column positions of a part sheet as exported (import looks them up by header instead).
pub mod col {
    pub const ID: usize = 0;
    pub const ANSWER: usize = 7;
    pub const JUSTIFICATION: usize = 8;
    pub const NOTE: usize = 9;
    pub const EVIDENCE: usize = 10;
    pub const ANSWERED_BY: usize = 11;
}
