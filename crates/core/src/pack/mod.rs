//! Course packs (format v1): parsing and validating a whole pack held in
//! memory, and summarising its courses.
//!
//! [`load`] reads a [`PackFiles`] — filled by whoever read the folder or
//! zip — and returns every course it could parse together with *every*
//! problem found, each located as `file:line:col`. Nothing here touches the
//! filesystem or the clock. The format is described in `docs/pack-format.md`.

mod bundle;
mod check;
mod files;
mod ids;
mod inspect;
mod layout;
pub mod limits;
mod load;
pub mod model;
mod nouns;
mod parsed;
mod paths;
mod schemas;
mod text;
mod toml_doc;

pub use bundle::{BundledModule, CourseBundle, PackReport};
pub use files::{is_text_path, PackEntry, PackFiles, TEXT_EXTENSIONS};
pub use ids::is_valid_id;
pub use inspect::{inspect, CourseInspection, ModuleCounts};
pub use load::load;
pub use paths::is_normalised as is_normalised_path;
pub use schemas::{pack_schemas, PackSchema};
