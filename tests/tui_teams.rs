//! The workbench's part in working over time: a session with a baseline draws it as a third
//! polygon on the summary radar, named in the legend in the workbench's language.

mod workbench;

use assess::session::{Status, load_session, save_session};
use assess::tui::app::App;
use workbench::{draw, fresh_on_cd};

#[test]
fn the_summary_radar_draws_the_baseline_as_a_third_polygon() {
    let (dir, app) = fresh_on_cd("Trading 2027");
    let path = app.work.as_ref().expect("work").path.clone();
    drop(app);
    // Last year's session beside it, with one domain at level 1.
    let mut last = load_session(&path).expect("load");
    for id in ["cd.config.vc.vcs.l1.1", "cd.config.vc.vcs.l1.2"] {
        last.set_status(id, Status::Met, "li").expect("edit");
    }
    save_session(&dir.path().join("last.ron"), &last).expect("save");
    let without = {
        let mut app = App::open(dir.path(), &path).expect("open");
        app.press("r");
        draw(&app, 100, 30)
    };
    assert!(!without.contains("baseline"), "{without}");
    let mut now = load_session(&path).expect("load");
    now.set_baseline(Some("last.ron".into()), "li")
        .expect("baseline");
    save_session(&path, &now).expect("save");
    let mut app = App::open(dir.path(), &path).expect("open");
    app.press("r");
    let with = draw(&app, 100, 30);
    assert!(with.contains("━ baseline"), "{with}");
    assert_ne!(with, without, "the polygon is drawn");
    app.press("L");
    assert!(draw(&app, 100, 30).contains("━ 基线"));
}
