//! Business-impact statistics: did the business numbers move after training?
//!
//! Input is long-format data — one row per `learner, group, metric, period,
//! value` — parsed from CSV text by [`parse_csv`]. [`analyse`] pairs each
//! learner's before and after values per metric and reports, for the trained
//! group and (when present) a control group: means, the mean change, a paired
//! t-test, a Wilcoxon signed-rank test (matching `scipy.stats.wilcoxon`
//! defaults), a seeded percentile-bootstrap 95% interval of the mean change,
//! Cohen's d for paired data and, with a control group, the
//! difference-in-differences estimate with its own bootstrap interval and a
//! Welch test. [`phillips_roi`] turns a monetised benefit and the programme
//! cost into ROI % and a benefit-cost ratio.
//!
//! Everything here is pure: text and numbers in, numbers out. The formulas,
//! the handling of missing values and the JSON contract are documented in
//! `docs/impact-statistics.md`; the figures are checked against scipy by
//! `tests/impact_oracle.rs`.

mod analysis;
mod bootstrap;
mod csv_input;
mod describe;
mod roi;
mod ttest;
mod wilcoxon;

pub use analysis::{
    analyse, AnalysisOptions, DidSummary, GroupSummary, ImpactReport, MetricReport, CI_METHOD, DEFAULT_RESAMPLES,
    DEFAULT_SEED, MISSING_VALUES_POLICY, SMALL_SAMPLE,
};
pub use bootstrap::{bootstrap_means, percentile_interval, stream_key, ResampleSet};
pub use csv_input::{
    parse_csv, Group, ImpactData, ImpactDataBuilder, MetricData, ObservationConflict, PairedSample, Period,
};
pub use describe::{mean, sample_sd};
pub use roi::{phillips_roi, Roi, RoiError};
pub use ttest::{paired_t, welch_t, TTest};
pub use wilcoxon::{wilcoxon_signed_rank, Wilcoxon, WilcoxonMethod};
