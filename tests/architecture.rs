//! The layers point one way. Reads every `crate::…` path (in `use` lines and inline) and
//! `super::…` path in `src/`, and fails when a module imports from a layer above it, or when
//! the modules inside a layer (`report/…`, `tui/…`) import each other in a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Top-level modules by layer, lowest first: a module may import only from its own layer or
/// the layers below. `cli` and `tui` never import each other (checked as a cycle).
const LAYERS: &[&[&str]] = &[
    &[
        "lang",
        "i18n",
        "textfile",
        "unique_keys",
        "fuzzy",
        "radar",
        "terminal_text",
        "config",
    ],
    &["model"],
    &["session"],
    &["scoring", "review", "summary", "synth", "merge"],
    &["compare", "xlsx"],
    &["report"],
    &["rollup"],
    &["cli", "tui"],
];

/// `src/tui/app/forms.rs` → `["tui", "app", "forms"]`; `src/tui.rs` → `["tui"]`.
fn module_path(file: &Path, src: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module paths a file names: `crate::a::b` as `[a, b]`, `super::b` resolved against the
/// file's own module. Comments are skipped.
fn imports(text: &str, own: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        for (prefix, base) in [("crate::", Vec::new()), ("super::", parent(own))] {
            let mut rest = code;
            while let Some(at) = rest.find(prefix) {
                let before = rest[..at].chars().last();
                rest = &rest[at + prefix.len()..];
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue;
                }
                let names: Vec<String> = rest
                    .split("::")
                    .map(|s| {
                        s.chars()
                            .take_while(|c| {
                                c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_'
                            })
                            .collect::<String>()
                    })
                    .take_while(|s| !s.is_empty())
                    .take(2)
                    .collect();
                if !names.is_empty() {
                    let mut path = base.clone();
                    path.extend(names);
                    out.push(path);
                }
            }
        }
    }
    out
}

/// The module a `super::` in a file refers to: a file `a/b.rs` is module `a::b`, whose
/// parent is `a`.
fn parent(own: &[String]) -> Vec<String> {
    own[..own.len().saturating_sub(1)].to_vec()
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// Every file's (module path, imported paths).
fn graph() -> Vec<(Vec<String>, Vec<Vec<String>>)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .iter()
        .map(|file| {
            let own = module_path(file, &src);
            let text = std::fs::read_to_string(file).expect("read");
            let found = imports(&text, &own);
            (own, found)
        })
        .collect()
}

#[test]
fn every_top_level_module_has_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut missing: Vec<String> = files
        .iter()
        .map(|f| module_path(f, &src)[0].clone())
        .filter(|m| m != "lib" && m != "main" && layer_of(m).is_none())
        .collect();
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "modules without a layer (add them to LAYERS and ARCHITECTURE.md): {missing:?}"
    );
}

#[test]
fn no_module_imports_from_a_layer_above_it() {
    let mut wrong = Vec::new();
    for (own, found) in graph() {
        let Some(from) = layer_of(&own[0]) else {
            continue;
        };
        for path in found {
            let Some(to) = layer_of(&path[0]) else {
                continue;
            };
            if to > from {
                wrong.push(format!("{} imports {}", own.join("/"), path.join("::")));
            }
        }
    }
    assert!(wrong.is_empty(), "imports upwards:\n{}", wrong.join("\n"));
}

/// Cycles among the top-level modules, and among the modules inside `report` and `tui`.
#[test]
fn no_cycles_between_modules() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (own, found) in graph() {
        for path in found {
            let inside = ["report", "tui"].contains(&own[0].as_str());
            let (a, b) = if inside && own[0] == path[0] && own.len() > 1 && path.len() > 1 {
                (
                    format!("{}/{}", own[0], own[1]),
                    format!("{}/{}", path[0], path[1]),
                )
            } else {
                (own[0].clone(), path[0].clone())
            };
            let known = |m: &str| m.contains('/') || layer_of(m).is_some();
            if a != b && known(&a) && known(&b) {
                edges.entry(a).or_default().insert(b);
            }
        }
    }
    let mut cycles = Vec::new();
    for (a, targets) in &edges {
        for b in targets {
            if reaches(&edges, b, a, &mut BTreeSet::new()) {
                cycles.push(format!("{a} → {b} → … → {a}"));
            }
        }
    }
    assert!(cycles.is_empty(), "cycles:\n{}", cycles.join("\n"));
}

fn reaches(
    edges: &BTreeMap<String, BTreeSet<String>>,
    from: &str,
    to: &str,
    seen: &mut BTreeSet<String>,
) -> bool {
    if from == to {
        return true;
    }
    if !seen.insert(from.to_string()) {
        return false;
    }
    edges
        .get(from)
        .is_some_and(|next| next.iter().any(|n| reaches(edges, n, to, seen)))
}
