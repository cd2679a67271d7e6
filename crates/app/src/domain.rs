//! What the front doors need of the pure domain (`qunxue-core`) and of the
//! database's row types, re-exported so the desktop shell and the CLI
//! depend on this crate alone (DESIGN §2, one door).

pub use qunxue_core::{front_matter, markdown, pack, Diagnostic, Lang, ModuleKind};

/// Question files (GIFT, Aiken, TOML banks) and learners' answers.
pub mod quiz {
    pub use qunxue_core::quiz::*;
}

/// The statistics of impact studies.
pub mod impact {
    pub use qunxue_core::impact::*;
}

/// Rows the use-cases return as they are stored.
pub mod rows {
    pub use qunxue_store::admin_log::AdminLogEntry;
    pub use qunxue_store::bookmarks::Bookmark;
    pub use qunxue_store::certificates::Certificate;
    pub use qunxue_store::marks::BankComment;
    pub use qunxue_store::profiles::Role;
}
