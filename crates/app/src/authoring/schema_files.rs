//! The pack's JSON Schemas as files: `docs/schemas/` in the repository (kept
//! fresh by a test) and `schemas/` in every new or converted pack, which the
//! TOML files point at with `#:schema` so Taplo-based editors check them.

use std::path::Path;

use qunxue_core::pack::pack_schemas;

/// Every schema as (file name, JSON text).
pub fn all() -> Vec<(String, String)> {
    pack_schemas().into_iter().map(|schema| (schema.file_name(), schema.to_json())).collect()
}

/// Taplo's configuration for a pack folder: which schema checks which files.
pub fn taplo_config() -> String {
    let mut out = String::from("# Which JSON Schema checks which file, for Taplo and Even Better TOML (VS Code).\n");
    for schema in pack_schemas() {
        if schema.applies_to.ends_with(".md") {
            continue; // front matter is not a TOML file an editor checks on its own
        }
        out.push_str(&format!(
            "\n[[rule]]\ninclude = [\"{}\"]\n[rule.schema]\npath = \"schemas/{}\"\n",
            schema.applies_to,
            schema.file_name()
        ));
    }
    out
}

/// Writes every schema into `dir/schemas/`.
pub fn write_into(dir: &Path) -> crate::authoring::Result<()> {
    for (name, json) in all() {
        crate::authoring::convert::write_file(&dir.join("schemas").join(name), json.as_bytes())?;
    }
    Ok(())
}
