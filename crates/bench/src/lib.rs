//! Qunxue's benchmarks: a synthetic pack generator (`cargo xtask gen-pack`)
//! and the runner behind `cargo xtask bench`, which measures each
//! performance budget of DESIGN.md §6 against a baseline taken in the same
//! run and writes the table and `report.json`.

pub mod budgets;
pub mod gen_pack;
pub mod impact_data;
pub mod lrs_server;
pub mod machine;
pub mod peers;
pub mod report;
pub mod timing;
pub mod xapi_data;
