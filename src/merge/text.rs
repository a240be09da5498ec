//! A line-level three-way merge of text (notes, discussions, finding descriptions): changes
//! on one side are taken, the same change on both sides is taken once, and overlapping or
//! touching changes that differ are a conflict (None), as in diff3.

use std::ops::Range;

use similar::{Algorithm, DiffTag, capture_diff_slices};

/// One change of a side against the base: base lines `base` became side lines `side`.
#[derive(Debug, Clone)]
struct Hunk {
    base: Range<usize>,
    side: Range<usize>,
    ours: bool,
}

/// The merged text, or None when both sides changed the same lines differently.
pub fn merge_text(base: &str, ours: &str, theirs: &str) -> Option<String> {
    if ours == theirs || base == theirs {
        return Some(ours.to_string());
    }
    if base == ours {
        return Some(theirs.to_string());
    }
    let base_lines: Vec<&str> = base.split_inclusive('\n').collect();
    let our_lines: Vec<&str> = ours.split_inclusive('\n').collect();
    let their_lines: Vec<&str> = theirs.split_inclusive('\n').collect();
    let mut hunks = hunks_of(&base_lines, &our_lines, true);
    hunks.extend(hunks_of(&base_lines, &their_lines, false));
    hunks.sort_by_key(|h| (h.base.start, h.base.end, !h.ours));
    let mut out = String::new();
    let mut at = 0;
    let mut i = 0;
    while i < hunks.len() {
        let (lo, mut hi) = (hunks[i].base.start, hunks[i].base.end);
        let mut j = i + 1;
        while j < hunks.len() && hunks[j].base.start <= hi {
            hi = hi.max(hunks[j].base.end);
            j += 1;
        }
        let cluster = &hunks[i..j];
        out.extend(base_lines[at..lo].iter().copied());
        let mine = side_text(&base_lines, &our_lines, lo..hi, cluster, true);
        let other = side_text(&base_lines, &their_lines, lo..hi, cluster, false);
        match (
            cluster.iter().any(|h| h.ours),
            cluster.iter().any(|h| !h.ours),
        ) {
            (true, false) => out.push_str(&mine),
            (false, true) => out.push_str(&other),
            _ if mine == other => out.push_str(&mine),
            _ => return None,
        }
        at = hi;
        i = j;
    }
    out.extend(base_lines[at..].iter().copied());
    Some(out)
}

fn hunks_of(base: &[&str], side: &[&str], ours: bool) -> Vec<Hunk> {
    capture_diff_slices(Algorithm::Myers, base, side)
        .into_iter()
        .map(|op| op.as_tag_tuple())
        .filter(|(tag, _, _)| *tag != DiffTag::Equal)
        .map(|(_, base, side)| Hunk { base, side, ours })
        .collect()
}

/// The side's text for base lines `range`, given its hunks inside the range.
fn side_text(
    base: &[&str],
    side: &[&str],
    range: Range<usize>,
    cluster: &[Hunk],
    ours: bool,
) -> String {
    let mut out = String::new();
    let mut at = range.start;
    for h in cluster.iter().filter(|h| h.ours == ours) {
        out.extend(base[at..h.base.start].iter().copied());
        out.extend(side[h.side.clone()].iter().copied());
        at = h.base.end;
    }
    out.extend(base[at..range.end].iter().copied());
    out
}

#[cfg(test)]
mod tests {
    use super::merge_text;

    #[test]
    fn edits_on_distant_lines_both_survive() {
        let base = "a\nb\nc\nd\ne\n";
        let ours = "A\nb\nc\nd\ne\n";
        let theirs = "a\nb\nc\nd\nE\n";
        assert_eq!(
            merge_text(base, ours, theirs).as_deref(),
            Some("A\nb\nc\nd\nE\n")
        );
    }

    #[test]
    fn additions_at_both_ends_survive() {
        let base = "one\ntwo\nthree";
        let ours = "zero\none\ntwo\nthree";
        let theirs = "one\ntwo\nthree\nfour";
        assert_eq!(
            merge_text(base, ours, theirs).as_deref(),
            Some("zero\none\ntwo\nthree\nfour")
        );
    }

    #[test]
    fn the_same_change_is_taken_once_and_different_ones_conflict() {
        let base = "x\ny\n";
        assert_eq!(
            merge_text(base, "x\nz\n", "x\nz\n").as_deref(),
            Some("x\nz\n")
        );
        assert_eq!(merge_text(base, "x\nours\n", "x\ntheirs\n"), None);
        assert_eq!(merge_text("", "ours", "theirs"), None);
    }
}
