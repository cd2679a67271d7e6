//! A synthetic before/after business data set in the `qunxue impact` CSV
//! layout (`learner,group,metric,period,value`): half the learners trained,
//! half a control group, the twelve metrics of the generated pack, values
//! drawn from seeded normal distributions with a training lift.

use std::fmt::Write as _;

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::gen_pack::METRICS;

/// Per metric: typical level, spread, lift for the trained group, drift for
/// everyone, decimals kept.
const SHAPES: [(f64, f64, f64, f64, usize); 12] = [
    (120.0, 30.0, 6.0, 1.0, 0),
    (18.0, 3.0, 0.8, 0.2, 2),
    (42.0, 8.0, 1.5, 0.3, 2),
    (6.5, 1.5, 0.4, 0.1, 2),
    (22.0, 5.0, 1.0, 0.2, 2),
    (90_000.0, 9_000.0, 1_800.0, 300.0, 2),
    (3.2, 0.9, 0.2, 0.05, 2),
    (9.0, 2.0, -0.6, 0.1, 2),
    (86.0, 14.0, 2.5, 0.5, 2),
    (14.0, 4.0, 1.2, 0.2, 0),
    (40.0, 10.0, 3.0, 0.5, 0),
    (5.0, 2.0, -0.8, 0.1, 0),
];

/// The CSV text for `learners` learners (the first half trained).
pub fn impact_csv(learners: usize, seed: u64) -> String {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut csv = String::with_capacity(learners * 12 * 2 * 40);
    csv.push_str("learner,group,metric,period,value\n");
    for learner in 0..learners {
        let trained = learner < learners / 2;
        let group = if trained { "treatment" } else { "control" };
        for ((metric, ..), (level, spread, lift, drift, decimals)) in METRICS.iter().zip(SHAPES) {
            let before = level + spread * normal(&mut rng);
            let change = drift + if trained { lift } else { 0.0 } + spread / 2.0 * normal(&mut rng);
            let _ = writeln!(csv, "u{learner:05},{group},{metric},before,{before:.decimals$}");
            let _ = writeln!(csv, "u{learner:05},{group},{metric},after,{:.decimals$}", before + change);
        }
    }
    csv
}

/// A standard normal draw (Box–Muller).
fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let unit = |rng: &mut ChaCha8Rng| ((rng.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64;
    let (u, v) = (unit(rng), unit(rng));
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}

#[cfg(test)]
mod tests {
    use super::*;
    use qunxue_core::impact::parse_csv;

    #[test]
    fn the_data_set_parses_with_every_metric_and_both_groups() {
        let csv = impact_csv(40, 3);
        assert_eq!(csv.lines().count(), 1 + 40 * 12 * 2);
        let data = parse_csv("impact.csv", &csv).unwrap_or_else(|e| panic!("{e:?}"));
        let json = format!("{data:?}");
        for (metric, ..) in METRICS {
            assert!(json.contains(metric), "{metric} missing");
        }
        assert_eq!(impact_csv(40, 3), csv);
    }
}
