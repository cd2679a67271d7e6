//! The quiz engine's pure half: what a learner answered and what it scores,
//! how one attempt presents its questions, what pre/post tests and item
//! analysis compute, and importing GIFT and Aiken files into question banks.
//!
//! Everything is a function of its inputs — no database, no clock, no
//! filesystem. Randomness comes only from a caller-supplied seed (ChaCha8), so
//! an attempt can be stored as its seed and presented again identically on
//! any platform. Option keys are always the *original* indexes as strings
//! (`"0"`, `"1"`, …), whatever order they are shown in, so a saved answer
//! survives any reshuffle.

mod aiken;
mod answer;
mod describe;
mod export;
mod gain;
mod gift;
mod import;
mod item_analysis;
mod key;
mod moodle_xml;
mod normalise;
mod present;
mod score;
#[cfg(test)]
mod test_support;
mod view;

pub use aiken::parse_aiken;
pub use answer::LearnerAnswer;
pub use export::{to_gift, to_moodle_xml, Exported};
pub use gain::{cohort_gain, normalised_gain, CohortGain};
pub use gift::parse_gift;
pub use import::{
    bank_for_file, bank_toml, decode_question_file, ImportMode, Imported, QuestionFileFormat, DEFAULT_DIFFICULTY,
};
pub use item_analysis::{item_analysis, ItemResponse, ItemStats};
pub use key::key_changed;
pub use moodle_xml::{parse_moodle_xml, EmbeddedFile};
pub use normalise::normalise_blank;
pub use present::{present, present_question, BankQuestion, PresentError, Presentation, PresentedQuestion};
pub use score::{score, ItemScore};
pub use view::{question_view, KeyedText, QuestionView};

/// The key the UI uses for the option, right-hand side or item at `index`.
pub fn option_key(index: usize) -> String {
    index.to_string()
}

/// The original index behind a key, if the key is one this module hands out
/// (`"0"`, `"1"`, … — no signs, spaces or leading zeros) and below `len`.
pub fn parse_key(key: &str, len: usize) -> Option<usize> {
    let index: usize = key.parse().ok()?;
    (index < len && option_key(index) == key).then_some(index)
}
