//! The palette's fuzzy score: exactly what `fuzzy_matcher`'s `SkimMatcherV2` scores (ignoring
//! case, with its linear pass for texts over `LONG_TEXT` characters), without its per-call
//! costs. The crate looks up three thread-local buffers, allocates two vectors and walks a
//! matrix of 24-byte cells for every text; over 10,000 requirements that was most of a query.
//! Here one `Scorer` per thread keeps its buffers, and a text whose characters cannot match is
//! turned away by a byte scan before it is decoded.
//!
//! The crate stays the reference: tests compare every score with its own, and it still finds
//! the positions to highlight. Its quirks are kept on purpose (a consecutive bonus read from
//! the cell before in the same row, two reused rows, a linear pass that scores from a
//! relative index) because a score that differed would reorder the palette.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Texts longer than this many characters (a long note, guidance) are scored by the linear
/// pass instead of the alignment matrix, whose cost is the text's length times the query's.
pub const LONG_TEXT: usize = 160;

// `SkimScoreConfig::default()`.
const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const FIRST_CHAR_MULTIPLIER: i32 = 2;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const PENALTY_CASE_MISMATCH: i32 = GAP_EXTENSION * 2;
const NEG_INFINITY: i32 = i16::MIN as i32;

/// The kind of a character, for the bonus a match earns at a word's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CharType {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

/// The types of the ASCII characters, looked up instead of matched on every character.
const ASCII_TYPES: [CharType; 128] = {
    let mut types = [CharType::Lower; 128];
    let mut i = 0;
    while i < 128 {
        types[i] = match i as u8 {
            0 => CharType::Empty,
            b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => {
                CharType::HardSep
            }
            b'!'..=b'\'' | b'*'..=b'.' | b':'..=b'@' | b'^'..=b'`' | b'~' => CharType::SoftSep,
            b'0'..=b'9' => CharType::Number,
            b'A'..=b'Z' => CharType::Upper,
            _ => CharType::Lower,
        };
        i += 1;
    }
    types
};

#[inline]
fn char_type(c: char) -> CharType {
    ASCII_TYPES
        .get(c as usize)
        .copied()
        .unwrap_or(CharType::Lower)
}

/// The bonus for matching a character of type `cur` after one of type `prev`.
#[inline]
fn in_place_bonus(prev: CharType, cur: CharType) -> i32 {
    match prev {
        CharType::Empty | CharType::HardSep => BONUS_HEAD,
        CharType::SoftSep => BONUS_BREAK,
        CharType::Lower | CharType::Number if cur == CharType::Upper => BONUS_CAMEL,
        _ => 0,
    }
}

/// A query's characters, prepared once for every text it is scored against.
#[derive(Debug, Clone)]
pub struct Pattern {
    chars: Vec<char>,
    mask: u64,
}

impl Pattern {
    pub fn new(query: &str) -> Self {
        Pattern {
            chars: query.chars().collect(),
            mask: mask(query),
        }
    }

    /// Whether a text with this `mask` (see `mask`) holds every character of the pattern;
    /// when not, it cannot match, and nothing of it need be read.
    pub fn admits(&self, mask: u64) -> bool {
        mask & self.mask == self.mask
    }
}

/// Which characters a text holds, as bits: one per ASCII letter (either case) and digit, and
/// the others folded onto the remaining bits. A pattern whose bits a text lacks cannot match
/// it (`Pattern::admits`); computed once per text, it turns most texts away at once.
pub fn mask(text: &str) -> u64 {
    text.chars().fold(0, |mask, c| mask | char_bit(c))
}

fn char_bit(c: char) -> u64 {
    let bit = match c {
        'a'..='z' => c as u32 - 'a' as u32,
        'A'..='Z' => c as u32 - 'A' as u32,
        '0'..='9' => 26 + c as u32 - '0' as u32,
        ' ' => 36,
        _ if c.is_ascii() => 37 + c as u32 % 8,
        _ => 45 + c as u32 % 19,
    };
    1 << bit
}

/// Fills `first` with the byte offsets where each pattern character first matches in `text`,
/// greedily left to right, comparing as the matcher does; false if they do not all match. A
/// vectorised byte search, far cheaper than decoding the text. Continuing just after a match
/// stays on a character boundary: an ASCII byte is never part of a longer character, and a
/// whole character was matched.
fn first_bytes(pattern: &[char], text: &str, first: &mut Vec<usize>) -> bool {
    first.clear();
    let bytes = text.as_bytes();
    let mut from = 0;
    for &q in pattern {
        match find(&bytes[from..], q) {
            Some(i) => {
                first.push(from + i);
                from += i + q.len_utf8();
            }
            None => return false,
        }
    }
    true
}

/// One cell of the alignment matrix: the best score with the pattern character matched here
/// (`m`) or skipped to here (`p`), and the consecutive bonus the crate carries along.
#[derive(Debug, Clone, Copy)]
struct Cell {
    m: i32,
    p: i32,
    bonus: i32,
}

const RESET: Cell = Cell {
    m: NEG_INFINITY,
    p: NEG_INFINITY,
    bonus: 0,
};

/// Scores texts against patterns, reusing its buffers; one per thread.
#[derive(Debug, Default)]
pub struct Scorer {
    /// A short non-ASCII text's characters (an ASCII text is scored on its bytes).
    chars: Vec<char>,
    /// Where each pattern character first matches, greedily left to right.
    first: Vec<usize>,
    matrix: Matrix,
}

/// The alignment matrix's buffers: two reused rows.
#[derive(Debug, Default)]
struct Matrix {
    rows: [Vec<Cell>; 2],
}

impl Scorer {
    /// The score of `text` for `pattern`, or `None` when it does not match; equal to
    /// `SkimMatcherV2::default().ignore_case().element_limit(2 * (LONG_TEXT + 1))`.
    pub fn score(&mut self, text: &str, pattern: &Pattern) -> Option<i64> {
        let pattern = &pattern.chars;
        if pattern.is_empty() {
            return Some(0);
        }
        if !first_bytes(pattern, text, &mut self.first) {
            return None;
        }
        let ascii = text.is_ascii();
        // A character takes one to four bytes.
        let long = text.len() > LONG_TEXT
            && (ascii || text.len() > 4 * LONG_TEXT || text.chars().nth(LONG_TEXT).is_some());
        if long {
            return Some(i64::from(linear(text, ascii, pattern, &self.first)));
        }
        if ascii {
            // Its bytes are its characters, and the byte offsets character positions.
            let score = score_matched(text.as_bytes(), pattern, &self.first, &mut self.matrix);
            return Some(i64::from(score));
        }
        self.chars.clear();
        self.first.clear();
        for c in text.chars() {
            if self.first.len() < pattern.len()
                && c.eq_ignore_ascii_case(&pattern[self.first.len()])
            {
                self.first.push(self.chars.len());
            }
            self.chars.push(c);
        }
        let score = score_matched(&self.chars, pattern, &self.first, &mut self.matrix);
        Some(i64::from(score))
    }
}

/// Where `query` matches `text`, to highlight: the matcher's optimal alignment for a short
/// text; for a long one (where the full alignment would cost the text's length times the
/// query's), the tightest run that ends at the first place the whole query has matched.
pub fn positions(text: &str, query: &str) -> Vec<usize> {
    let pattern: Vec<char> = query.chars().collect();
    if pattern.is_empty() || text.chars().nth(LONG_TEXT).is_none() {
        return SkimMatcherV2::default()
            .ignore_case()
            .fuzzy_indices(text, query)
            .map(|(_, positions)| positions)
            .unwrap_or_default();
    }
    let mut first = Vec::new();
    let mut run = Vec::with_capacity(pattern.len());
    if !first_bytes(&pattern, text, &mut first)
        || !tightest_run(text.as_bytes(), &pattern, &first, |at| run.push(at))
    {
        return Vec::new();
    }
    // Byte offsets, last first, to character positions.
    run.reverse();
    let mut run = run.into_iter().peekable();
    let mut out = Vec::with_capacity(pattern.len());
    for (i, (at, _)) in text.char_indices().enumerate() {
        if run.next_if_eq(&at).is_some() {
            out.push(i);
        }
        if run.peek().is_none() {
            break;
        }
    }
    out
}

/// Walks back from the end of the first full match (`first` holds byte offsets) to the
/// latest place the pattern can start, handing `each` the byte offset of every character it
/// matches, the last first; false if the pattern is not there (it always is after
/// `first_bytes`).
fn tightest_run(
    bytes: &[u8],
    pattern: &[char],
    first: &[usize],
    mut each: impl FnMut(usize),
) -> bool {
    let from = first[0];
    let mut until = first[pattern.len() - 1] + pattern[pattern.len() - 1].len_utf8();
    for &q in pattern.iter().rev() {
        match rfind(&bytes[from..until], q) {
            Some(at) => {
                until = from + at;
                each(until);
            }
            None => return false,
        }
    }
    true
}

/// The score of a short text whose first matches are known: the alignment matrix.
fn score_matched<C: Copy + Into<char>>(
    chars: &[C],
    pattern: &[char],
    first: &[usize],
    matrix: &mut Matrix,
) -> i32 {
    if pattern.len() == 1 {
        single(chars, pattern[0], first[0])
    } else {
        matrix.aligned(chars, pattern, first)
    }
}

/// Whether `c` matches the pattern character `q`, and the case penalty if it does.
#[inline]
fn match_score(c: char, q: char) -> Option<i32> {
    if !c.eq_ignore_ascii_case(&q) {
        return None;
    }
    let case = if c == q { 0 } else { PENALTY_CASE_MISMATCH };
    Some((SCORE_MATCH + case).max(0))
}

/// A one-character pattern aligned: the matrix's single row reduces to the best place the
/// character matches (its bonus and match score) after a one-column gap.
fn single<C: Copy + Into<char>>(chars: &[C], q: char, first: usize) -> i32 {
    let mut best = NEG_INFINITY;
    for (i, &c) in chars.iter().enumerate().skip(first) {
        let c = c.into();
        if let Some(score) = match_score(c, q) {
            let (prev, multiplier) = match i {
                0 => (CharType::Empty, FIRST_CHAR_MULTIPLIER),
                _ => (char_type(chars[i - 1].into()), 1),
            };
            let bonus = in_place_bonus(prev, char_type(c)) * multiplier;
            best = best.max(GAP_EXTENSION + bonus + score);
        }
    }
    best
}

impl Matrix {
    /// The alignment matrix on two reused rows, as the crate fills it when it scores.
    /// Columns after the last place the pattern's last character matches are left out:
    /// every cell depends only on cells to its left, and the score is the best of the last
    /// row's matches.
    fn aligned<C: Copy + Into<char>>(
        &mut self,
        chars: &[C],
        pattern: &[char],
        first: &[usize],
    ) -> i32 {
        let last_char = pattern[pattern.len() - 1];
        let Some(last_match) = chars
            .iter()
            .rposition(|&c| c.into().eq_ignore_ascii_case(&last_char))
        else {
            return NEG_INFINITY; // cannot happen: its first match was found
        };
        let cols = last_match + 2;
        for row in &mut self.rows {
            row.clear();
            row.resize(cols, RESET);
        }
        self.rows[0].fill(Cell {
            p: GAP_EXTENSION,
            ..RESET
        });

        // Slices of the same length let the compiler drop the bounds checks below.
        let chars = &chars[..cols - 1];
        for (i, &q) in pattern.iter().enumerate() {
            let skip = first[i];
            let [even, odd] = &mut self.rows;
            let (cur, prev) = if i % 2 == 0 {
                (odd, &*even)
            } else {
                (even, &*odd)
            };
            let (cur, prev) = (&mut cur[..cols], &prev[..cols]);
            let mut last = cur[skip];
            for col in skip + 1..cols {
                let p = (GAP_START + GAP_EXTENSION + last.m).max(GAP_EXTENSION + last.p);
                let c = chars[col - 1].into();
                let Some(score) = match_score(c, q) else {
                    last = Cell {
                        m: NEG_INFINITY,
                        p,
                        bonus: 0,
                    };
                    cur[col] = last;
                    continue;
                };
                let in_place = match col {
                    1 => in_place_bonus(CharType::Empty, char_type(c)) * FIRST_CHAR_MULTIPLIER,
                    _ => in_place_bonus(char_type(chars[col - 2].into()), char_type(c)),
                };
                let consecutive = last.bonus.max(in_place.max(BONUS_CONSECUTIVE));
                cur[col - 1].bonus = consecutive;
                let before = prev[col - 1];
                let m = (before.m + consecutive).max(before.p + in_place) + score;
                // A matched cell keeps the bonus it had: the crate reads it two rows later.
                last = Cell {
                    m,
                    p,
                    bonus: cur[col].bonus,
                };
                cur[col] = last;
            }
        }
        let last_row = &self.rows[pattern.len() % 2];
        let from = first[pattern.len() - 1];
        last_row[from..]
            .iter()
            .map(|cell| cell.m)
            .max()
            .unwrap_or(NEG_INFINITY)
    }
}

/// The crate's linear pass for long texts: the shortest run ending at the greedy first match
/// of the last character, then scored left to right. The run's start is kept as the crate
/// computes it (relative to the first match), so the scores stay the same. It jumps from
/// match to match by byte search and counts characters only where a position is needed, so
/// a long text is never decoded; `first` holds byte offsets.
fn linear(text: &str, ascii: bool, pattern: &[char], first: &[usize]) -> i32 {
    let bytes = text.as_bytes();
    let count = |from: usize, to: usize| -> usize {
        if ascii {
            to - from
        } else {
            text[from..to].chars().count()
        }
    };
    let char_before = |at: usize| text[..at].chars().next_back().unwrap_or('\0');
    let char_at = |at: usize| text[at..].chars().next().unwrap_or('\0');
    if pattern.len() == 1 {
        let at = first[0];
        return in_place_bonus(char_type(char_before(at)), char_type(char_at(at)));
    }

    let mut run_start = first[0];
    if !tightest_run(bytes, pattern, first, |at| run_start = at) {
        return NEG_INFINITY; // cannot happen: the first matches lie there
    }
    // The crate takes the run's offset from the first match as a position in the text.
    let relative = count(first[0], run_start);
    let start = if ascii {
        relative
    } else {
        text.char_indices()
            .nth(relative)
            .map_or(text.len(), |(at, _)| at)
    };

    let (mut score, mut in_gap, mut prev_bonus) = (0, false, 0);
    let mut at = start;
    for &q in pattern {
        let Some(found) = find(&bytes[at..], q) else {
            return NEG_INFINITY; // cannot happen: the pattern matches from here
        };
        let gap = count(at, at + found);
        at += found;
        if gap > 0 {
            score += GAP_START + GAP_EXTENSION * gap as i32;
            in_gap = true;
            prev_bonus = 0;
        }
        let c = char_at(at);
        let prev = if at == start { '\0' } else { char_before(at) };
        let in_place = in_place_bonus(char_type(prev), char_type(c));
        score += match_score(c, q).unwrap_or(0);
        prev_bonus = prev_bonus.max(in_place.max(BONUS_CONSECUTIVE));
        if !in_gap {
            score += prev_bonus;
        }
        in_gap = false;
        at += c.len_utf8();
    }
    score
}

/// The byte offset of the first `q` in `bytes`, compared as the matcher compares.
fn find(bytes: &[u8], q: char) -> Option<usize> {
    if q.is_ascii() {
        let (lower, upper) = (q.to_ascii_lowercase() as u8, q.to_ascii_uppercase() as u8);
        memchr::memchr2(lower, upper, bytes)
    } else {
        let mut buf = [0; 4];
        memchr::memmem::find(bytes, q.encode_utf8(&mut buf).as_bytes())
    }
}

/// The byte offset of the last `q` in `bytes`.
fn rfind(bytes: &[u8], q: char) -> Option<usize> {
    if q.is_ascii() {
        let (lower, upper) = (q.to_ascii_lowercase() as u8, q.to_ascii_uppercase() as u8);
        memchr::memrchr2(lower, upper, bytes)
    } else {
        let mut buf = [0; 4];
        memchr::memmem::rfind(bytes, q.encode_utf8(&mut buf).as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the comparison covers many texts without a crate.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self, below: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 33) as usize) % below
        }
    }

    const ALPHABET: &[char] = &[
        'a', 'b', 'd', 'e', 'l', 'o', 'p', 'y', 'A', 'D', 'E', 'P', ' ', '-', '.', '/', '_', '1',
        '2', '部', '署', '发', 'é', 'É', '(',
    ];

    fn random_text(rng: &mut Lcg, max: usize) -> String {
        let len = rng.next(max + 1);
        (0..len)
            .map(|_| ALPHABET[rng.next(ALPHABET.len())])
            .collect()
    }

    #[test]
    fn scores_equal_the_crates() {
        let crate_scorer = SkimMatcherV2::default()
            .ignore_case()
            .element_limit(2 * (LONG_TEXT + 1));
        let mut scorer = Scorer::default();
        let mut rng = Lcg(7);
        let mut matched = 0;
        for round in 0..150_000 {
            // Short and long texts, around the long-text limit too.
            let max = [12, 40, 170, 400][round % 4];
            let text = random_text(&mut rng, max);
            let query = random_text(&mut rng, 1 + round % 6);
            let expected = crate_scorer.fuzzy_match(&text, &query);
            let pattern = Pattern::new(&query);
            let got = scorer.score(&text, &pattern);
            assert_eq!(got, expected, "{query:?} in {text:?}");
            if expected.is_some() {
                assert!(pattern.admits(mask(&text)), "{query:?} in {text:?}: mask");
            }
            matched += usize::from(expected.is_some());
        }
        assert!(matched > 25_000, "enough texts match to compare: {matched}");
    }

    #[test]
    fn long_texts_highlight_the_tightest_run() {
        let text = format!("{}deploy, then d e p l o y", "x".repeat(200));
        let at = 200;
        assert_eq!(positions(&text, "deploy"), (at..at + 6).collect::<Vec<_>>());
        let text = format!("{}部 署", "x".repeat(200));
        assert_eq!(positions(&text, "部署"), vec![200, 202]);
        assert_eq!(positions(&"x".repeat(200), "y"), Vec::<usize>::new());
        assert_eq!(
            positions("Deploy", "dl"),
            vec![0, 3],
            "short: the optimal alignment"
        );
    }

    #[test]
    fn words_score_as_the_crate_does() {
        let crate_scorer = SkimMatcherV2::default()
            .ignore_case()
            .element_limit(2 * (LONG_TEXT + 1));
        let texts = [
            "Deploy pipeline",
            "a deploy pipeline exists somewhere",
            "Version Control System",
            "部署与发布",
            "cd.config.vc.vcs.l3.2",
            &"rollback plan ".repeat(20),
            &"部署 deploy ".repeat(30),
        ];
        let mut scorer = Scorer::default();
        for text in texts {
            for query in [
                "d",
                "deploy",
                "DPL",
                "vcs",
                "部署",
                "rollback plan",
                "l3.2",
                "zz",
            ] {
                let expected = crate_scorer.fuzzy_match(text, query);
                assert_eq!(
                    scorer.score(text, &Pattern::new(query)),
                    expected,
                    "{query:?} in {text:?}"
                );
            }
        }
    }
}
