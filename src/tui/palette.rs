//! The fuzzy palette's data: what can be jumped to (parts, domains, items, practices, requirement
//! text, notes, evidence — in every language) and a pure ranking function with match indices.

use std::ops::Range;

use crate::fuzzy::{self, Pattern, Scorer};
use crate::model::LoadedModel;
use crate::session::Session;

/// What kind of thing an entry is (shown as a tag).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Part,
    Domain,
    /// A capability item (the level between domains and practices).
    Item,
    Practice,
    Requirement,
    Note,
    Evidence,
    Finding,
}

impl Kind {
    /// The tag the palette shows, in `lang`.
    pub fn tag(self, lang: crate::lang::Lang) -> &'static str {
        let i = match self {
            Kind::Part => 0,
            Kind::Domain => 1,
            Kind::Item => 2,
            Kind::Practice => 3,
            Kind::Requirement => 4,
            Kind::Note => 5,
            Kind::Evidence => 6,
            Kind::Finding => 7,
        };
        lang.texts().overlays.palette_kinds[i]
    }

    /// The model's structure (part, domain, item, practice) before what is on a requirement:
    /// of two hits with the same score, the one that names a place comes first.
    pub fn is_structure(self) -> bool {
        matches!(
            self,
            Kind::Part | Kind::Domain | Kind::Item | Kind::Practice
        )
    }
}

/// One entry: what it is and where it jumps; its texts (e.g. English and Chinese) are kept in
/// `Entries`.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub kind: Kind,
    /// Requirement index (in the model index) to jump to.
    pub target: usize,
    /// Its texts' places in `Entries::spans`.
    texts: Range<usize>,
}

/// Every entry of a palette, with all their texts in one buffer: ranking reads the texts in
/// order instead of following a pointer to each, which over 10,000 requirements was a third
/// of a query's time.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entries {
    items: Vec<Item>,
    text: String,
    spans: Vec<TextSpan>,
}

/// One text of an entry: where it lies in `Entries::text`, and its `fuzzy::mask`, so a query
/// turns most texts away without reading them.
#[derive(Debug, Clone, Copy, PartialEq)]
struct TextSpan {
    start: usize,
    end: usize,
    mask: u64,
}

impl Entries {
    /// Adds an entry found by `texts` that jumps to `target`.
    pub fn push<S: AsRef<str>>(
        &mut self,
        kind: Kind,
        texts: impl IntoIterator<Item = S>,
        target: usize,
    ) {
        let first = self.spans.len();
        for text in texts {
            let text = text.as_ref();
            let start = self.text.len();
            self.text.push_str(text);
            self.spans.push(TextSpan {
                start,
                end: self.text.len(),
                mask: fuzzy::mask(text),
            });
        }
        self.items.push(Item {
            kind,
            target,
            texts: first..self.spans.len(),
        });
    }

    /// Gives back what the buffers grew beyond their contents (up to half of them).
    pub fn shrink_to_fit(&mut self) {
        self.items.shrink_to_fit();
        self.text.shrink_to_fit();
        self.spans.shrink_to_fit();
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Text `t` of entry `item` ("" if there is none).
    pub fn text(&self, item: usize, t: usize) -> &str {
        self.items
            .get(item)
            .and_then(|entry| self.spans[entry.texts.clone()].get(t))
            .map_or("", |span| &self.text[span.start..span.end])
    }

    /// The texts of entry `item`, with their masks.
    fn texts(&self, item: usize) -> impl Iterator<Item = (&str, u64)> {
        self.spans[self.items[item].texts.clone()]
            .iter()
            .map(|span| (&self.text[span.start..span.end], span.mask))
    }
}

impl std::ops::Index<usize> for Entries {
    type Output = Item;

    fn index(&self, item: usize) -> &Item {
        &self.items[item]
    }
}

/// A ranked match: which item, which of its texts matched, and the matched char positions.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub item: usize,
    pub text: usize,
    pub score: i64,
    pub indices: Vec<usize>,
}

/// Below this many candidates one thread ranks them; above, every core takes a share.
const PARALLEL_FROM: usize = 2_000;

/// How many of the best hits come with their match positions; the palette shows fewer rows
/// than this, and `match_indices` finds them for any row further down.
pub const WITH_INDICES: usize = 100;

/// Ranks items against a query, best first; the model's structure (parts, domains, items,
/// practices) comes before requirement texts, notes and evidence of the same score (within
/// `STRUCTURE_BONUS`), then model order. An empty query lists
/// every item in order, matching its first text.
pub fn rank(items: &Entries, query: &str) -> Vec<Hit> {
    if query.trim().is_empty() {
        return (0..items.len())
            .map(|item| Hit {
                item,
                text: 0,
                score: 0,
                indices: Vec::new(),
            })
            .collect();
    }
    rank_among(items, query, 0..items.len())
}

/// Ranks only the `candidates` (indices into `items`). Whatever matches a query also matches
/// every prefix of it (a match is a subsequence), so while a query is typed the palette ranks
/// only the hits of the query before. Scores come from `fuzzy::Scorer` (the matcher's own
/// scores, computed faster); match positions are found for the best `WITH_INDICES` hits only.
pub fn rank_among(
    items: &Entries,
    query: &str,
    candidates: impl IntoIterator<Item = usize>,
) -> Vec<Hit> {
    let query = query.trim();
    let pattern = Pattern::new(query);
    let candidates: Vec<usize> = candidates.into_iter().collect();
    let score = |chunk: &[usize]| -> Vec<Hit> {
        let mut scorer = Scorer::default();
        chunk
            .iter()
            .filter_map(|&i| {
                best_text(&mut scorer, items, i, &pattern).map(|hit| Hit { item: i, ..hit })
            })
            .collect()
    };
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let mut hits: Vec<Hit> = if candidates.len() < PARALLEL_FROM || threads < 2 {
        score(&candidates)
    } else {
        let share = candidates.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let workers: Vec<_> = candidates
                .chunks(share)
                .map(|chunk| scope.spawn(move || score(chunk)))
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().unwrap_or_default())
                .collect()
        })
    };
    hits.sort_unstable_by(|a, b| {
        rank_score(items, b)
            .cmp(&rank_score(items, a))
            .then(a.item.cmp(&b.item))
    });
    for hit in hits.iter_mut().take(WITH_INDICES) {
        hit.indices = fuzzy::positions(items.text(hit.item, hit.text), query);
    }
    hits
}

/// What a name of the model's structure (part, domain, item, practice) is worth over another
/// text in the order of hits: one matched character. The matcher's scores of a word found
/// whole differ by less than that with where the word sits ("Rollback causes …" 169, "Change
/// Rollback" 161), which says nothing about which hit is wanted; a name is what is searched
/// for, so within that margin it comes first.
pub const STRUCTURE_BONUS: i64 = 16;

/// The score a hit is ordered by: its matcher score, plus `STRUCTURE_BONUS` for a name.
fn rank_score(items: &Entries, hit: &Hit) -> i64 {
    let bonus = if items[hit.item].kind.is_structure() {
        STRUCTURE_BONUS
    } else {
        0
    };
    hit.score + bonus
}

/// The best-scoring text of an item, if any matches (`item` is left for the caller).
fn best_text(scorer: &mut Scorer, items: &Entries, item: usize, pattern: &Pattern) -> Option<Hit> {
    items
        .texts(item)
        .enumerate()
        .filter(|(_, (_, mask))| pattern.admits(*mask))
        .filter_map(|(t, (text, _))| scorer.score(text, pattern).map(|s| (t, s)))
        .max_by_key(|&(_, score)| score)
        .map(|(text, score)| Hit {
            item: 0,
            text,
            score,
            indices: Vec::new(),
        })
}

/// The positions of `query`'s characters in `text`, for highlighting.
pub fn match_indices(text: &str, query: &str) -> Vec<usize> {
    fuzzy::positions(text, query.trim())
}

/// Every palette entry of a session in scope, in model order.
pub fn items(model: &LoadedModel, session: &Session) -> Entries {
    let mut out = Entries::default();
    let mut last_part = usize::MAX;
    let mut last_domain = (usize::MAX, usize::MAX);
    let mut last_item = (usize::MAX, usize::MAX, usize::MAX);
    for p in session.practices_in_scope(model) {
        let pref = &model.index.practices[p];
        let first = pref.requirements.start;
        if pref.part != last_part {
            last_part = pref.part;
            let part = model.model.part_of(pref);
            out.push(Kind::Part, part.name.all(), first);
        }
        if (pref.part, pref.domain) != last_domain {
            last_domain = (pref.part, pref.domain);
            out.push(Kind::Domain, model.model.domain_of(pref).name.all(), first);
        }
        if (pref.part, pref.domain, pref.item) != last_item {
            last_item = (pref.part, pref.domain, pref.item);
            out.push(Kind::Item, model.model.item_of(pref).name.all(), first);
        }
        out.push(
            Kind::Practice,
            model.model.practice_of(pref).name.all(),
            first,
        );
        for r in pref.requirements.clone() {
            let rref = &model.index.requirements[r];
            let req = model.model.requirement_of(pref, rref);
            let found = req.text.all().chain([rref.id.as_str()]);
            out.push(Kind::Requirement, found, r);
            if let Some(answer) = session.answers.get(&rref.id) {
                if !answer.note.trim().is_empty() {
                    out.push(Kind::Note, [answer.note.replace('\n', " ")], r);
                }
                for id in &answer.evidence {
                    if let Some(e) = session.evidence.get(id) {
                        let text = format!("{id} {} {}", e.title, e.location);
                        out.push(Kind::Evidence, [text], r);
                    }
                }
            }
        }
    }
    push_findings(&mut out, model, session);
    out.shrink_to_fit();
    out
}

/// The session's findings, found by id and title, description, recommendation or owner; each
/// jumps to where it is tied (a requirement, or the first of its practice or domain in scope).
fn push_findings(out: &mut Entries, model: &LoadedModel, session: &Session) {
    let index = &model.index;
    let in_scope: Vec<usize> = session.practices_in_scope(model).collect();
    for (id, finding) in &session.findings {
        let tie = &finding.tie;
        let target = index
            .requirement(tie)
            .filter(|&r| in_scope.contains(&index.requirements[r].practice))
            .or_else(|| {
                in_scope.iter().find_map(|&p| {
                    let pref = &index.practices[p];
                    let ties = pref.id == *tie || crate::session::domain_key(model, p) == *tie;
                    ties.then_some(pref.requirements.start)
                })
            });
        let Some(target) = target else { continue };
        let texts = [
            format!("{id} {}", finding.title),
            finding.description.replace('\n', " "),
            finding.recommendation.replace('\n', " "),
            finding.owner.clone(),
        ];
        out.push(
            Kind::Finding,
            texts.into_iter().filter(|t| !t.trim().is_empty()),
            target,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;

    /// Entries found by these texts, each jumping to its own position.
    fn entries(texts: &[&[&str]]) -> Entries {
        let mut out = Entries::default();
        for (target, texts) in texts.iter().enumerate() {
            out.push(Kind::Practice, texts.iter(), target);
        }
        out
    }

    #[test]
    fn ranks_by_score_with_indices_in_the_matching_language() {
        let items = entries(&[
            &["Version Control System", "版本控制系统"],
            &["Build Management", "构建管理"],
            &["Deployment and Release", "部署与发布"],
        ]);
        let cases: &[(&str, &[usize])] = &[
            ("vcs", &[0]),
            ("build", &[1]),
            ("构建", &[1]),
            ("发布", &[2]),
            ("zzz", &[]),
        ];
        for (query, expected) in cases {
            let hits = rank(&items, query);
            let got: Vec<usize> = hits.iter().map(|h| h.item).collect();
            assert_eq!(&got, expected, "query {query:?}");
        }
        let hit = &rank(&items, "构建")[0];
        assert_eq!(hit.text, 1, "matched the Chinese text");
        assert_eq!(hit.indices, vec![0, 1]);
        let hit = &rank(&items, "VCS")[0];
        assert_eq!(
            hit.indices,
            vec![0, 8, 16],
            "case-insensitive, indices for highlighting"
        );
    }

    #[test]
    fn narrowing_and_fast_scores_rank_as_a_full_match_would() {
        let mut items = Entries::default();
        for i in 0..300 {
            let texts = [
                format!("deploy {i} rollback plan"),
                format!("item {i} 部署"),
            ];
            items.push(Kind::Practice, texts, i);
        }
        let plain = SkimMatcherV2::default().ignore_case();
        let queries = [
            ("d", "dep"),
            ("ro", "rollb"),
            ("部", "部署"),
            ("i", "item 1"),
        ];
        for (shorter, query) in queries {
            let narrowed = rank_among(&items, query, rank(&items, shorter).iter().map(|h| h.item));
            let full = rank(&items, query);
            assert_eq!(narrowed, full, "{query:?}");
            for hit in &full {
                let text = items.text(hit.item, hit.text);
                assert_eq!(
                    Some(hit.score),
                    Scorer::default().score(text, &Pattern::new(query))
                );
                assert!(hit.indices.is_empty() || hit.indices == match_indices(text, query));
            }
            // Exactly the entries with a text the matcher matches are hits: the masks and the
            // byte search turn nothing away that it would match.
            let expected: Vec<usize> = (0..items.len())
                .filter(|&i| {
                    items
                        .texts(i)
                        .any(|(t, _)| plain.fuzzy_match(t, query).is_some())
                })
                .collect();
            let mut got: Vec<usize> = full.iter().map(|h| h.item).collect();
            got.sort_unstable();
            assert_eq!(got, expected, "{query:?}");
        }
    }

    #[test]
    fn empty_query_lists_everything_in_order() {
        let items = entries(&[&["b"], &["a"]]);
        let got: Vec<usize> = rank(&items, "  ").iter().map(|h| h.item).collect();
        assert_eq!(got, vec![0, 1]);
    }

    #[test]
    fn better_matches_come_first() {
        let items = entries(&[&["a deploy pipeline exists somewhere"], &["Deploy"]]);
        assert_eq!(rank(&items, "deploy")[0].item, 1);
    }
}
