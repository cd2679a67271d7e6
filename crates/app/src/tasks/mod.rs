//! Practice tasks and rubric grading: the learner's task page, autosaved
//! drafts, attachments and immutable submissions ([`learner`],
//! [`attachments`], read back by [`attachment_access`]); the instructor's
//! queue ([`queue`]), marks, release, double marking, moderation and
//! classroom observation ([`grading`]); the comment bank; analytics and CSV/XLSX
//! export ([`analytics`]); and signed bundles that carry submissions and
//! grades between machines ([`bundles`]). The rubric maths is
//! `qunxue_core::grading`; roles are checked here, in the backend.

pub mod analytics;
pub mod attachment_access;
pub mod attachments;
pub mod bundles;
pub mod comment_bank;
pub(crate) mod common;
#[doc(hidden)]
#[cfg(any(test, feature = "test-support"))]
pub mod fixture;
pub mod grading;
pub mod learner;
pub mod queue;
#[cfg(test)]
mod tests;

pub use common::{render_markdown, AttachmentRef, Comments, Levels, ResultView, TaskView, VersionView};
