//! Rubric maths for practice tasks: turning the level chosen per criterion
//! into a grade (Moodle's rubric formula), agreement between two markers
//! (exact and adjacent agreement, weighted Cohen's kappa) and the summary
//! statistics of the grading reports. Pure functions over values.

pub mod agreement;
pub mod score;
pub mod stats;

pub use agreement::{agreement, Agreement, KappaWeights};
pub use score::{check_partial, rubric_grade, GateCap, GradeError, RubricGrade};
pub use stats::{level_distribution, Summary};
