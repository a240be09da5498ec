//! The JSON report: the report data itself, pretty-printed, with a versioned schema described
//! in `docs/REPORT_JSON.md` so other tools can consume results.

use super::data::ReportData;

/// The report data as pretty JSON with a final newline.
pub fn render(data: &ReportData) -> Vec<u8> {
    // Plain data with string keys: serialisation cannot fail.
    let mut bytes = serde_json::to_vec_pretty(data).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
