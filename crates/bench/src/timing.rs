//! Timing samples and their summaries (median, percentiles). Benchmarks
//! report medians rather than means: on a shared machine a few samples are
//! always slowed by someone else's work.

use std::time::{Duration, Instant};

/// Runs `f` and returns its result with the wall-clock time it took.
pub fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let value = f();
    (value, start.elapsed())
}

/// Samples in seconds.
#[derive(Debug, Clone, Default)]
pub struct Samples(Vec<f64>);

impl Samples {
    /// Adds one sample (stored in seconds).
    pub fn push(&mut self, elapsed: Duration) {
        self.0.push(elapsed.as_secs_f64());
    }

    /// Number of samples.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no samples.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sum of the samples, in seconds.
    pub fn total(&self) -> f64 {
        self.0.iter().sum()
    }

    /// The 50th nearest-rank percentile, in seconds; NaN for no samples.
    pub fn median(&self) -> f64 {
        self.percentile(50.0)
    }

    /// Nearest-rank percentile (the smallest sample with at least `p`% of
    /// the samples at or below it); NaN for no samples.
    pub fn percentile(&self, p: f64) -> f64 {
        if self.0.is_empty() {
            return f64::NAN;
        }
        let mut sorted = self.0.clone();
        sorted.sort_by(f64::total_cmp);
        let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
        sorted[rank.clamp(1, sorted.len()) - 1]
    }
}

/// Times `runs` calls of `f` and returns the samples.
pub fn repeat(runs: usize, mut f: impl FnMut()) -> Samples {
    let mut samples = Samples::default();
    for _ in 0..runs {
        let ((), elapsed) = timed(&mut f);
        samples.push(elapsed);
    }
    samples
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(values: &[f64]) -> Samples {
        Samples(values.to_vec())
    }

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let samples = of(&[5.0, 1.0, 4.0, 2.0, 3.0, 6.0, 7.0, 8.0, 9.0, 10.0]);
        assert_eq!(samples.median(), 5.0);
        assert_eq!(samples.percentile(95.0), 10.0);
        assert_eq!(samples.percentile(90.0), 9.0);
        assert_eq!(samples.percentile(0.0), 1.0);
        assert_eq!(of(&[3.0]).percentile(99.0), 3.0);
        assert!(of(&[]).median().is_nan());
    }
}
