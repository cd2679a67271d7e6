//! Generates the Tauri context (configuration and the embedded page).

fn main() {
    tauri_build::build();
}
