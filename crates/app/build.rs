//! Copies Apache ECharts' minified build from the npm package into OUT_DIR,
//! where the HTML report inlines it: the report then runs the ECharts that
//! package-lock.json pins, the one the desktop's report view runs, instead
//! of a hand-copied file that could drift from it.

use std::path::PathBuf;

/// The file, relative to the repository root (where package.json lives).
const ECHARTS: &str = "node_modules/echarts/dist/echarts.min.js";

fn main() {
    let manifest = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let root = manifest.join("../..");
    let source = root.join(ECHARTS);
    // Rerun when `npm ci` replaces the file, or creates it after a failed build.
    println!("cargo:rerun-if-changed={}", source.display());
    if let Err(e) = std::fs::copy(&source, out.join("echarts.min.js")) {
        let root = root.canonicalize().unwrap_or(root);
        eprintln!(
            "error: the HTML effect report inlines {ECHARTS}, which cannot be read: {e}.\n\
             Install the npm packages first: `npm ci` in {} (`cargo xtask setup` runs it).",
            root.display()
        );
        std::process::exit(1);
    }
}
