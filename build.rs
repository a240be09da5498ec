//! Parses the bundled models once, at build time, into JSON with their hash beside them.
//!
//! Every workbench start needs the bundled model, and parsing its RON was the longest step
//! to the first frame; serde_json reads the same model about four times faster. The RON file
//! stays the one source (shipped, readable, loadable from disk): when a model does not parse
//! here, nothing is written for it and the program parses the RON at run time, which reports
//! the error with its line and column.

use std::fmt::Write as _;
use std::path::Path;

use sha2::{Digest, Sha256};

#[path = "src/unique_keys.rs"]
mod unique_keys;

#[allow(dead_code)]
#[path = "src/model/schema.rs"]
mod schema;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let models = Path::new("assets/models");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/model/schema.rs");
    println!("cargo:rerun-if-changed=src/unique_keys.rs");
    println!("cargo:rerun-if-changed={}", models.display());
    let mut table = String::from("&[\n");
    let mut files: Vec<_> = std::fs::read_dir(models)
        .expect("assets/models")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let text = std::fs::read_to_string(&file).expect("a model file");
        let Ok(model) = ron::Options::default().from_str::<schema::Model>(&text) else {
            continue;
        };
        let json = serde_json::to_string(&model).expect("a model serialises");
        let name = file
            .file_name()
            .expect("a file")
            .to_string_lossy()
            .to_string();
        let json_path = Path::new(&out).join(format!("{name}.json"));
        std::fs::write(&json_path, json).expect("write OUT_DIR");
        let mut hash = String::from("sha256:");
        for byte in Sha256::digest(text.as_bytes()) {
            let _ = write!(hash, "{byte:02x}");
        }
        let _ = writeln!(
            table,
            "    ({:?}, include_str!({:?}), {:?}),",
            format!("assets/models/{name}"),
            json_path.display().to_string(),
            hash
        );
    }
    table.push(']');
    std::fs::write(Path::new(&out).join("parsed_models.rs"), table).expect("write OUT_DIR");
}
