//! Generates the context and one permission per app command, so that
//! `capabilities/` can grant the window exactly the commands it uses.

include!("src/command_names.rs");

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
