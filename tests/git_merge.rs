//! Sessions merged by the real `git` binary through `assess git-setup`'s merge driver: two
//! clones of one repository, each working on its own copy of a session, then pulling.

mod fixtures;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use assess::session::{Evidence, Session, Status, load_session, save_session};
use fixtures::{model, requirement_ids, sample_session};

const FILE: &str = "payments.ron";

/// A temp dir with a bare `origin` and two clones, `a` and `b`, both set up for assess.
struct Repos {
    root: tempfile::TempDir,
}

impl Repos {
    fn new(session: &Session) -> Self {
        let repos = Repos {
            root: tempfile::tempdir().expect("tempdir"),
        };
        let root = repos.root.path();
        repos.git(root, &["init", "-q", "--bare", "-b", "main", "origin.git"]);
        repos.git(root, &["clone", "-q", "origin.git", "seed"]);
        save_session(&root.join("seed").join(FILE), session).expect("save");
        repos.git(&root.join("seed"), &["add", FILE]);
        repos.git(&root.join("seed"), &["commit", "-q", "-m", "start"]);
        repos.git(&root.join("seed"), &["push", "-q", "origin", "HEAD:main"]);
        let setup = repos.assess(&root.join("seed"), &["git-setup"]);
        assert!(setup.status.success(), "{}", text(&setup.stderr));
        repos.git(&root.join("seed"), &["add", ".gitattributes", ".gitignore"]);
        repos.git(
            &root.join("seed"),
            &["commit", "-q", "-m", "assess git-setup"],
        );
        repos.git(&root.join("seed"), &["push", "-q", "origin", "HEAD:main"]);
        for clone in ["a", "b"] {
            repos.git(root, &["clone", "-q", "origin.git", clone]);
            // Git does not copy config: each clone runs the setup once.
            let setup = repos.assess(&root.join(clone), &["git-setup"]);
            assert!(setup.status.success(), "{}", text(&setup.stderr));
        }
        repos
    }

    fn path(&self, clone: &str) -> PathBuf {
        self.root.path().join(clone).join(FILE)
    }

    /// Runs git with a clean identity and no user or system config.
    fn run_git(&self, dir: &Path, args: &[&str]) -> Output {
        Command::new("git")
            .args(args)
            .current_dir(dir)
            .env("HOME", self.root.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "T")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "T")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .env("ASSESS_USER", "merger")
            .output()
            .expect("git runs")
    }

    fn git(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.run_git(dir, args);
        assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
        text(&out.stdout)
    }

    fn assess(&self, dir: &Path, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_assess"))
            .args(args)
            .current_dir(dir)
            .env("HOME", self.root.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("ASSESS_USER", "merger")
            .output()
            .expect("assess runs")
    }

    /// Edits a clone's session, commits and (for `a`) pushes.
    fn work(&self, clone: &str, edit: impl FnOnce(&mut Session)) {
        let path = self.path(clone);
        let mut s = load_session(&path).expect("load");
        edit(&mut s);
        save_session(&path, &s).expect("save");
        let dir = self.root.path().join(clone);
        self.git(&dir, &["commit", "-q", "-am", &format!("work in {clone}")]);
    }

    /// `a` pushes, `b` pulls with a merge.
    fn push_a_pull_b(&self) -> Output {
        self.git(
            &self.root.path().join("a"),
            &["push", "-q", "origin", "HEAD:main"],
        );
        self.run_git(
            &self.root.path().join("b"),
            &["pull", "-q", "--no-rebase", "origin", "main"],
        )
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn two_clones_answering_different_parts_merge_cleanly() {
    let model = model();
    let ids = requirement_ids(&model);
    let repos = Repos::new(&sample_session(&model));
    repos.work("a", |s| {
        s.set_status(&ids[10], Status::Met, "li").expect("edit")
    });
    repos.work("b", |s| {
        s.set_status(&ids[1800], Status::NotMet, "wang")
            .expect("edit")
    });
    let pull = repos.push_a_pull_b();
    assert!(pull.status.success(), "{}", text(&pull.stderr));
    let merged = load_session(&repos.path("b")).expect("the merge is a session");
    assert_eq!(merged.status(&ids[10]), Some(Status::Met));
    assert_eq!(merged.status(&ids[1800]), Some(Status::NotMet));
    assert!(merged.conflicts.is_empty());
    // Idempotent setup, and nothing is left to commit but the merge itself.
    let again = repos.assess(&repos.root.path().join("b"), &["git-setup"]);
    assert!(
        text(&again.stdout).contains("already"),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(
        repos.git(&repos.root.path().join("b"), &["status", "--porcelain"]),
        ""
    );
}

#[test]
fn evidence_added_in_both_clones_survives_with_distinct_ids() {
    let model = model();
    let ids = requirement_ids(&model);
    let repos = Repos::new(&sample_session(&model));
    let add = |title: &'static str, req: String| {
        move |s: &mut Session| {
            let e = Evidence {
                title: title.into(),
                ..Evidence::default()
            };
            let label = s.add_evidence(e, title).expect("add");
            s.attach_evidence(&req, &label, title).expect("attach");
        }
    };
    repos.work("a", add("pipeline log", ids[30].clone()));
    repos.work("b", add("release checklist", ids[31].clone()));
    let pull = repos.push_a_pull_b();
    assert!(pull.status.success(), "{}", text(&pull.stderr));
    let s = load_session(&repos.path("b")).expect("load");
    let titles: Vec<&str> = s.evidence.values().map(|e| e.title.as_str()).collect();
    // b pulled, so b's own entry keeps E2 and a's is renumbered E3.
    assert_eq!(
        titles,
        ["Branching policy", "release checklist", "pipeline log"]
    );
    let cited = |req: usize| s.evidence[&s.answers[&ids[req]].evidence[0]].title.clone();
    assert_eq!(
        (cited(30).as_str(), cited(31).as_str()),
        ("pipeline log", "release checklist")
    );
    assert_ne!(s.evidence["E2"].uid, s.evidence["E3"].uid);
}

#[test]
fn a_conflict_is_recorded_the_file_opens_and_once_resolved_git_commits() {
    let model = model();
    let ids = requirement_ids(&model);
    let repos = Repos::new(&sample_session(&model));
    repos.work("a", |s| {
        s.set_status(&ids[1], Status::Met, "li").expect("edit")
    });
    repos.work("b", |s| {
        s.set_status(&ids[1], Status::NotMet, "wang").expect("edit")
    });
    let pull = repos.push_a_pull_b();
    assert!(!pull.status.success(), "a conflict stops the merge");
    let b = repos.root.path().join("b");
    assert!(
        repos.git(&b, &["ls-files", "-u"]).contains(FILE),
        "git sees it unmerged"
    );
    let s = load_session(&repos.path("b")).expect("the conflicted file is a valid session");
    assert_eq!(
        s.status(&ids[1]),
        Some(Status::NotMet),
        "ours (b's) is provisional"
    );
    assert_eq!(s.conflicts.len(), 1);
    let resolve = repos.assess(&b, &["resolve", FILE, "--take", "theirs", "--all"]);
    assert!(resolve.status.success(), "{}", text(&resolve.stderr));
    assert_eq!(
        load_session(&repos.path("b"))
            .expect("load")
            .status(&ids[1]),
        Some(Status::Met)
    );
    repos.git(&b, &["add", FILE]);
    repos.git(&b, &["commit", "-q", "--no-edit"]);
    assert_eq!(repos.git(&b, &["ls-files", "-u"]), "");
}

#[test]
fn different_model_versions_leave_ours_intact() {
    let model = model();
    let repos = Repos::new(&sample_session(&model));
    repos.work("a", |s| s.model.version = "2099".into());
    repos.work("b", |s| s.title = "Payments 2027".into());
    let before = std::fs::read(repos.path("b")).expect("read");
    let pull = repos.push_a_pull_b();
    assert!(!pull.status.success());
    assert!(
        text(&pull.stderr).contains("different model versions"),
        "{}",
        text(&pull.stderr)
    );
    assert_eq!(std::fs::read(repos.path("b")).expect("read"), before);
}

#[test]
fn git_diff_shows_requirement_level_lines() {
    let model = model();
    let ids = requirement_ids(&model);
    let repos = Repos::new(&sample_session(&model));
    let path = repos.path("a");
    let mut s = load_session(&path).expect("load");
    s.set_status(&ids[1], Status::Met, "Li Na").expect("edit");
    save_session(&path, &s).expect("save");
    let diff = repos.git(&repos.root.path().join("a"), &["diff"]);
    assert!(
        diff.contains(&format!("-{}: Partial (tester)", ids[1])),
        "{diff}"
    );
    assert!(
        diff.contains(&format!("+{}: Met (Li Na)", ids[1])),
        "{diff}"
    );
    assert!(!diff.contains("Answer("), "{diff}");
}
