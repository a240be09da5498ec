//! Scoring rules, table-driven on a small purpose-built model (tests/fixtures/tiny-model.ron).

use std::collections::BTreeMap;

use assess::model::{LoadedModel, Rollup, load_path};
use assess::scoring::{Scorecard, gaps, rollup, score_practice};
use assess::session::{Answer, Status};

fn tiny() -> LoadedModel {
    load_path(std::path::Path::new("tests/fixtures/tiny-model.ron")).expect("tiny model loads")
}

/// Answers from `("a.d1.i1.p1.l1.1", 'y')` pairs: y Met, p Partial, n Not met, x N/A.
fn answers(pairs: &[(&str, char)]) -> BTreeMap<String, Answer> {
    pairs
        .iter()
        .map(|(id, c)| {
            let status = match c {
                'y' => Status::Met,
                'p' => Status::Partial,
                'n' => Status::NotMet,
                'x' => Status::NotApplicable,
                other => panic!("unknown status {other}"),
            };
            (
                (*id).to_string(),
                Answer {
                    status: Some(status),
                    ..Answer::default()
                },
            )
        })
        .collect()
}

const P1: &str = "a.d1.i1.p1";

fn p1(level: u8, n: u8) -> String {
    format!("{P1}.l{level}.{n}")
}

/// (answers as (level, requirement, status), expected level, score, answered).
type Case<'a> = (&'a [(u8, u8, char)], u8, f64, usize);

#[test]
fn practice_levels_follow_the_strict_reading() {
    let model = tiny();
    let p = model.index.practice(P1).expect("p1");
    let table: &[Case] = &[
        (&[], 0, 0.0, 0),                                      // nothing answered
        (&[(1, 1, 'n')], 0, 0.0, 1),                           // level 1 not met
        (&[(1, 1, 'p')], 0, 0.0, 1),                           // partial does not count
        (&[(1, 1, 'y')], 1, 1.0, 1),                           // level 1 met, level 2 open
        (&[(1, 1, 'y'), (2, 1, 'y')], 1, 1.5, 2),              // half of level 2
        (&[(1, 1, 'x'), (2, 1, 'y'), (2, 2, 'x')], 2, 2.0, 3), // N/A counts as met
        (
            &[
                (1, 1, 'y'),
                (2, 1, 'y'),
                (2, 2, 'y'),
                (3, 1, 'y'),
                (3, 2, 'p'),
            ],
            2,
            2.25,
            5,
        ),
        (
            &[
                (1, 1, 'y'),
                (2, 1, 'y'),
                (2, 2, 'y'),
                (3, 1, 'y'),
                (3, 2, 'y'),
                (3, 3, 'y'),
                (3, 4, 'y'),
            ],
            3,
            3.0,
            7,
        ),
        (&[(1, 1, 'n'), (2, 1, 'y'), (2, 2, 'y')], 0, 0.0, 3), // a higher level cannot skip a lower one
    ];
    for (given, level, score, answered) in table {
        let pairs: Vec<(String, char)> = given.iter().map(|(l, n, c)| (p1(*l, *n), *c)).collect();
        let refs: Vec<(&str, char)> = pairs.iter().map(|(id, c)| (id.as_str(), *c)).collect();
        let result = score_practice(&model, p, &answers(&refs));
        assert_eq!(result.level, *level, "level for {given:?}");
        assert!(
            (result.score - score).abs() < 1e-9,
            "score for {given:?}: {}",
            result.score
        );
        assert_eq!(result.answered, *answered, "answered for {given:?}");
        assert_eq!(result.total, 7);
    }
}

#[test]
fn all_not_applicable_reaches_the_highest_defined_level() {
    let model = tiny();
    let p = model.index.practice(P1).expect("p1");
    let ids: Vec<String> = model.index.practices[p]
        .requirements
        .clone()
        .map(|r| model.index.requirements[r].id.clone())
        .collect();
    let refs: Vec<(&str, char)> = ids.iter().map(|id| (id.as_str(), 'x')).collect();
    let result = score_practice(&model, p, &answers(&refs));
    assert_eq!(
        result.level, 3,
        "never above the highest level that has requirements"
    );
    assert!((result.score - 3.0).abs() < 1e-9);
}

#[test]
fn a_level_without_requirements_is_passed_through() {
    let model = tiny();
    let p2 = model.index.practice("a.d2.i2.p2").expect("p2");
    let only_l1 = score_practice(&model, p2, &answers(&[("a.d2.i2.p2.l1.1", 'y')]));
    assert_eq!(only_l1.level, 2, "empty level 2 passes once level 1 is met");
    assert!(
        (only_l1.score - 2.0).abs() < 1e-9,
        "level 3 not yet met: {}",
        only_l1.score
    );
    let both = score_practice(
        &model,
        p2,
        &answers(&[("a.d2.i2.p2.l1.1", 'y'), ("a.d2.i2.p2.l3.1", 'y')]),
    );
    assert_eq!(both.level, 3);
}

#[test]
fn rollups_take_the_minimum_and_report_the_mean() {
    let model = tiny();
    let given = answers(&[
        (&p1(1, 1), 'y'),
        (&p1(2, 1), 'y'),
        (&p1(2, 2), 'y'),
        ("a.d2.i2.p2.l1.1", 'y'),
        ("a.d2.i2.p2.l3.1", 'y'),
        ("a.d2.i2.p3.l1.1", 'y'),
    ]);
    let card = Scorecard::compute(&model, &given);
    let part = &card.parts[0].score;
    assert_eq!(part.id, "a");
    assert_eq!(
        (part.level, part.min_level),
        (1, 1),
        "p3 tops out at level 1"
    );
    assert!((part.mean_level - 2.0).abs() < 1e-9, "mean of 2, 3, 1");
    assert_eq!((part.answered, part.total, part.practices), (6, 10, 3));
    let d2 = &card.parts[0].domains[1];
    assert_eq!((d2.score.id.as_str(), d2.score.level), ("a.d2", 1));
    assert_eq!(d2.items[0].id, "a.d2.i2");

    let by_mean = rollup("x".into(), Rollup::Mean, &card.practices);
    assert_eq!(by_mean.level, 2, "mean 2.0");
    let empty = rollup("none".into(), Rollup::Minimum, &[]);
    assert_eq!((empty.level, empty.score, empty.total), (0, 0.0, 0));
}

#[test]
fn gaps_list_every_requirement_up_to_the_target_not_met_or_na() {
    let model = tiny();
    let given = answers(&[
        (&p1(1, 1), 'y'),
        (&p1(2, 1), 'p'),
        (&p1(2, 2), 'x'),
        ("a.d2.i2.p2.l1.1", 'n'),
    ]);
    let found: Vec<(String, u8, Option<Status>)> = gaps(&model, 0, 2, &given)
        .into_iter()
        .map(|g| (g.id, g.level, g.status))
        .collect();
    assert_eq!(
        found,
        vec![
            (p1(2, 1), 2, Some(Status::Partial)),
            ("a.d2.i2.p2.l1.1".to_string(), 1, Some(Status::NotMet)),
            ("a.d2.i2.p3.l1.1".to_string(), 1, None),
        ]
    );
    assert!(
        gaps(&model, 0, 0, &given).is_empty(),
        "target 0 has no gaps"
    );
}

/// The workbench rescores only the practice an answer changed; that must always agree with
/// scoring everything, and the gap count from practice scores with the list of gaps.
#[test]
fn rescoring_one_practice_agrees_with_scoring_everything() {
    let model = assess::synth::loaded(600, 5).expect("model");
    let mut session = assess::synth::session(&model, 300, 5, None).expect("session");
    let mut card = Scorecard::compute(&model, &session.answers);
    let statuses = [
        Status::Met,
        Status::Partial,
        Status::NotMet,
        Status::NotApplicable,
    ];
    for step in 0..400usize {
        let r = (step * 7919) % model.index.requirements.len();
        let id = model.index.requirements[r].id.clone();
        let answer = session.answers.entry(id).or_default();
        answer.status = (step % 5 != 4).then(|| statuses[step % 4]);
        card.rescore(
            &model,
            &session.answers,
            model.index.requirements[r].practice,
        );
        if step % 50 == 0 {
            assert_eq!(
                card,
                Scorecard::compute(&model, &session.answers),
                "step {step}"
            );
        }
    }
    assert_eq!(card, Scorecard::compute(&model, &session.answers));
    for part in 0..model.model.parts.len() {
        for target in 0..=5 {
            assert_eq!(
                card.gap_count(&model, part, target),
                gaps(&model, part, target, &session.answers).len(),
                "part {part}, target {target}"
            );
        }
    }
}
