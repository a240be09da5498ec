//! The fuzzy palette's data: what can be jumped to (parts, domains, practices, requirement
//! text, notes, evidence — in every language) and a pure ranking function with match indices.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::model::LoadedModel;
use crate::session::Session;

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
}

/// A ranked match: which item, which of its texts matched, and the matched char positions.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub item: usize,
    pub text: usize,
    pub score: i64,
    pub indices: Vec<usize>,
}

/// Ranks items against a query, best first (ties keep model order). An empty query lists
/// every item in order, matching its first text.
pub fn rank(items: &[Item], query: &str) -> Vec<Hit> {
    let query = query.trim();
    if query.is_empty() {
        return (0..items.len())
            .map(|item| Hit {
                item,
                text: 0,
                score: 0,
                indices: Vec::new(),
            })
            .collect();
    }
    let matcher = SkimMatcherV2::default().ignore_case();
    let mut hits: Vec<Hit> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            item.texts
                .iter()
                .enumerate()
                .filter_map(|(t, text)| {
                    matcher
                        .fuzzy_indices(text, query)
                        .map(|(score, indices)| Hit {
                            item: i,
                            text: t,
                            score,
                            indices,
                        })
                })
                .max_by_key(|h| h.score)
        })
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.item.cmp(&b.item)));
    hits
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
            out.push(Item {
                kind: Kind::Part,
                texts: texts(&part.name),
                target: first,
            });
        }
        if (pref.part, pref.domain) != last_domain {
            last_domain = (pref.part, pref.domain);
            out.push(Item {
                kind: Kind::Domain,
                texts: texts(&model.model.domain_of(pref).name),
                target: first,
            });
        }
        out.push(Item {
            kind: Kind::Practice,
            texts: texts(&model.model.practice_of(pref).name),
            target: first,
        });
        for r in pref.requirements.clone() {
            let rref = &model.index.requirements[r];
            let req = model.model.requirement_of(pref, rref);
            let mut found = texts(&req.text);
            found.push(rref.id.clone());
            out.push(Item {
                kind: Kind::Requirement,
                texts: found,
                target: r,
            });
            if let Some(answer) = session.answers.get(&rref.id) {
                if !answer.note.trim().is_empty() {
                    out.push(Item {
                        kind: Kind::Note,
                        texts: vec![answer.note.replace('\n', " ")],
                        target: r,
                    });
                }
                for id in &answer.evidence {
                    if let Some(e) = session.evidence.get(id) {
                        out.push(Item {
                            kind: Kind::Evidence,
                            texts: vec![format!("{id} {} {}", e.title, e.location)],
                            target: r,
                        });
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

    fn item(texts: &[&str], target: usize) -> Item {
        Item {
            kind: Kind::Practice,
            texts: texts.iter().map(|s| (*s).to_string()).collect(),
            target,
        }
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
