//! The fuzzy palette's data: what can be jumped to (parts, domains, practices, requirement
//! text, notes, evidence — in every language) and a pure ranking function with match indices.

use crate::model::LoadedModel;
use crate::session::Session;
use crate::tui::fuzzy::{self, Pattern, Scorer};

/// What kind of thing an entry is (shown as a tag).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Part,
    Domain,
    Practice,
    Requirement,
    Note,
    Evidence,
}

impl Kind {
    pub fn tag(self) -> &'static str {
        match self {
            Kind::Part => "part",
            Kind::Domain => "domain",
            Kind::Practice => "practice",
            Kind::Requirement => "req",
            Kind::Note => "note",
            Kind::Evidence => "evidence",
        }
    }
}

/// One entry: the texts it can be found by (e.g. English and Chinese) and where it jumps.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub kind: Kind,
    pub texts: Vec<String>,
    /// Requirement index (in the model index) to jump to.
    pub target: usize,
    /// Each text's `fuzzy::mask`, so a query turns most texts away without reading them.
    masks: Vec<u64>,
}

impl Item {
    pub fn new(kind: Kind, texts: Vec<String>, target: usize) -> Self {
        let masks = texts.iter().map(|text| fuzzy::mask(text)).collect();
        Item {
            kind,
            texts,
            target,
            masks,
        }
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

/// Ranks items against a query, best first (ties keep model order). An empty query lists
/// every item in order, matching its first text.
pub fn rank(items: &[Item], query: &str) -> Vec<Hit> {
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
/// scores, computed faster); match
/// positions are found for the best `WITH_INDICES` hits only.
pub fn rank_among(
    items: &[Item],
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
                best_text(&mut scorer, &items[i], &pattern).map(|hit| Hit { item: i, ..hit })
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
    hits.sort_unstable_by(|a, b| b.score.cmp(&a.score).then(a.item.cmp(&b.item)));
    for hit in hits.iter_mut().take(WITH_INDICES) {
        hit.indices = fuzzy::positions(&items[hit.item].texts[hit.text], query);
    }
    hits
}

/// The best-scoring text of an item, if any matches (`item` is left for the caller).
fn best_text(scorer: &mut Scorer, item: &Item, pattern: &Pattern) -> Option<Hit> {
    item.texts
        .iter()
        .zip(&item.masks)
        .enumerate()
        .filter(|(_, (_, mask))| pattern.admits(**mask))
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

fn texts(text: &crate::model::Text) -> Vec<String> {
    text.all().map(str::to_string).collect()
}

/// Every palette entry of a session in scope, in model order.
pub fn items(model: &LoadedModel, session: &Session) -> Vec<Item> {
    let mut out = Vec::new();
    let mut last_part = usize::MAX;
    let mut last_domain = (usize::MAX, usize::MAX);
    for p in session.practices_in_scope(model) {
        let pref = &model.index.practices[p];
        let first = pref.requirements.start;
        if pref.part != last_part {
            last_part = pref.part;
            let part = model.model.part_of(pref);
            out.push(Item::new(Kind::Part, texts(&part.name), first));
        }
        if (pref.part, pref.domain) != last_domain {
            last_domain = (pref.part, pref.domain);
            out.push(Item::new(
                Kind::Domain,
                texts(&model.model.domain_of(pref).name),
                first,
            ));
        }
        out.push(Item::new(
            Kind::Practice,
            texts(&model.model.practice_of(pref).name),
            first,
        ));
        for r in pref.requirements.clone() {
            let rref = &model.index.requirements[r];
            let req = model.model.requirement_of(pref, rref);
            let mut found = texts(&req.text);
            found.push(rref.id.clone());
            out.push(Item::new(Kind::Requirement, found, r));
            if let Some(answer) = session.answers.get(&rref.id) {
                if !answer.note.trim().is_empty() {
                    out.push(Item::new(
                        Kind::Note,
                        vec![answer.note.replace('\n', " ")],
                        r,
                    ));
                }
                for id in &answer.evidence {
                    if let Some(e) = session.evidence.get(id) {
                        out.push(Item::new(
                            Kind::Evidence,
                            vec![format!("{id} {} {}", e.title, e.location)],
                            r,
                        ));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;

    fn item(texts: &[&str], target: usize) -> Item {
        let texts = texts.iter().map(|s| (*s).to_string()).collect();
        Item::new(Kind::Practice, texts, target)
    }

    #[test]
    fn ranks_by_score_with_indices_in_the_matching_language() {
        let items = vec![
            item(&["Version Control System", "版本控制系统"], 0),
            item(&["Build Management", "构建管理"], 1),
            item(&["Deployment and Release", "部署与发布"], 2),
        ];
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
        let items: Vec<Item> = (0..300)
            .map(|i| {
                item(
                    &[
                        &format!("deploy {i} rollback plan"),
                        &format!("item {i} 部署"),
                    ],
                    i,
                )
            })
            .collect();
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
                let text = &items[hit.item].texts[hit.text];
                assert_eq!(
                    Some(hit.score),
                    Scorer::default().score(text, &Pattern::new(query))
                );
                assert!(hit.indices.is_empty() || hit.indices == match_indices(text, query));
            }
            // The byte scan turns away exactly what the matcher would not match.
            for text in items.iter().flat_map(|i| &i.texts) {
                let matches = plain.fuzzy_match(text, query).is_some();
                assert_eq!(
                    Pattern::new(query).could_match(text),
                    matches,
                    "{query:?} in {text:?}"
                );
            }
        }
        for (text, query) in [
            ("Deploy", "dPL"),
            ("部署与发布", "部发"),
            ("版本", "部"),
            ("", "a"),
        ] {
            let matches = plain.fuzzy_match(text, query).is_some();
            assert_eq!(
                Pattern::new(query).could_match(text),
                matches,
                "{query:?} in {text:?}"
            );
        }
    }

    #[test]
    fn empty_query_lists_everything_in_order() {
        let items = vec![item(&["b"], 0), item(&["a"], 1)];
        let got: Vec<usize> = rank(&items, "  ").iter().map(|h| h.item).collect();
        assert_eq!(got, vec![0, 1]);
    }

    #[test]
    fn better_matches_come_first() {
        let items = vec![
            item(&["a deploy pipeline exists somewhere"], 0),
            item(&["Deploy"], 1),
        ];
        assert_eq!(rank(&items, "deploy")[0].item, 1);
    }
}
