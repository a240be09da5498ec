//! Human speed: how many keys a facilitator presses for the two common rounds, driven through
//! the real update path. The guided flow needs no navigation key between answers: a quick
//! level moves to the next practice, an answer to the next unanswered requirement.
//! The counts are recorded in BENCHMARKS.md.

mod workbench;

use assess::tui::app::App;

/// A fresh session on Continuous Delivery with target 3, opened in the workbench.
fn continuous_delivery() -> (tempfile::TempDir, App) {
    workbench::fresh_on_cd("Speed")
}

/// Presses keys one at a time, counting them.
struct Keys<'a> {
    app: &'a mut App,
    pressed: usize,
}

impl Keys<'_> {
    fn press(&mut self, key: &str) {
        self.app.press(key);
        self.pressed += 1;
    }
}

#[test]
fn rating_all_49_practices_with_quick_levels_takes_49_keys() {
    let (_dir, mut app) = continuous_delivery();
    let practices = app.work.as_ref().expect("work").practices();
    assert_eq!(practices.len(), 49, "Continuous Delivery has 49 practices");
    let mut keys = Keys {
        app: &mut app,
        pressed: 0,
    };
    for (n, &practice) in practices.iter().enumerate() {
        let work = keys.app.work.as_ref().expect("work");
        assert_eq!(
            work.practice, practice,
            "practice {n} is in front, no key moved there"
        );
        keys.press(["3", "2", "4", "1"][n % 4]);
    }
    assert_eq!(keys.pressed, 49);
    let work = app.work.as_ref().expect("work");
    let (answered, total) = work.progress();
    assert_eq!(answered, total, "every requirement is answered");
    for (n, &practice) in practices.iter().enumerate() {
        let level = work.card.practices[practice].level;
        let asked = [3, 2, 4, 1][n % 4];
        assert!(
            level <= asked,
            "practice {n}: level {level} from quick level {asked}"
        );
    }
}

#[test]
fn answering_one_practice_one_by_one_takes_one_key_per_requirement() {
    let (_dir, mut app) = continuous_delivery();
    let (practice, requirements) = {
        let work = app.work.as_ref().expect("work");
        let reqs = work.model.index.practices[work.practice]
            .requirements
            .clone();
        assert_eq!(
            work.requirement, reqs.start,
            "the flow starts on its first requirement"
        );
        (work.practice, reqs)
    };
    let mut keys = Keys {
        app: &mut app,
        pressed: 0,
    };
    for (n, r) in requirements.clone().enumerate() {
        let work = keys.app.work.as_ref().expect("work");
        assert_eq!(
            work.requirement, r,
            "requirement {n} is in front, no key moved there"
        );
        keys.press(["y", "p", "n"][n % 3]);
    }
    let pressed = keys.pressed;
    assert_eq!(pressed, requirements.len());
    let work = app.work.as_ref().expect("work");
    assert!(requirements.clone().all(|r| work.status(r).is_some()));
    assert_eq!(work.card.practices[practice].answered, requirements.len());
    assert_eq!(
        work.requirement, requirements.end,
        "the last answer moved on to the next practice's first requirement"
    );
    println!(
        "one practice: {} requirements, {pressed} keys",
        requirements.len()
    );
}
