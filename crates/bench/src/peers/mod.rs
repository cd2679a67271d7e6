//! What the budgets measure our code beside: floors (the raw libraries
//! doing the unavoidable part of the same work) and peers (the tool a user
//! or an engineer would otherwise pick), run on the same data in the same
//! run.

pub mod mdbook;
pub mod raw_import;
pub mod raw_pull;
pub mod tantivy_search;
