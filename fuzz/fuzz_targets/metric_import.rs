//! Business-data import: the CLI's long-format CSV parser, and the app's
//! spreadsheet reader on the same bytes saved as .csv and as .xlsx (the
//! reader picks the format by extension, as it does for a picked file).
#![no_main]

use libfuzzer_sys::fuzz_target;
use qunxue_app::impact::read_table;
use qunxue_core::impact::parse_csv;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = parse_csv("fuzz.csv", text);
    }
    let dir = tempfile::tempdir().unwrap();
    for name in ["fuzz.csv", "fuzz.xlsx"] {
        let path = dir.path().join(name);
        std::fs::write(&path, data).unwrap();
        if let Ok(table) = read_table(&path) {
            assert!(table.rows.iter().all(|(line, _)| *line >= 1));
        }
    }
});
