//! Seeded, parallel percentile bootstrap of sample means.
//!
//! Budget (DESIGN.md §6): 10k learners × 12 metrics × 10k resamples in under
//! a second on two cores — 1.2 billion (learner, metric) terms. What makes
//! that possible:
//! - all metrics of a group form one [`ResampleSet`] over the group's
//!   learners, so each resample draws learners once for every metric;
//! - a resample is turned into counts (how often each learner was drawn), and
//!   the means are Σ countᵢ·xᵢ / n, a sequential pass over the rows, four
//!   metrics at a time, instead of one random memory access per draw;
//! - each 64-bit ChaCha8 word yields several indices (Brackett-Rozinsky &
//!   Lemire, "Batched ranged random integer generation", 2024): multiplying
//!   the word by n repeatedly peels off one uniform index per step, and one
//!   comparison of the leftover against 2^64 mod n^k rejects the rare biased
//!   words, so the draws are exactly uniform;
//! - nothing is allocated per resample.
//!
//! Missing values stay exact. A metric with a value for only some learners
//! (a complete-pairs subset of size m) must be resampled as m draws from that
//! subset, as if it were alone. Its resample is defined as the first m draws
//! of the set's shared stream that land in its subset: the draws landing in
//! a subset are themselves independent and uniform on it, so this is an
//! exact bootstrap sample. The shared pass sums the subset's draws among the
//! first n (expected count: m); the few draws beyond or short of m are then
//! removed or added by walking the stream back or forward.
//!
//! Reproducibility: a set's replicates are drawn in blocks of [`BLOCK`]; a
//! block uses ChaCha8 seeded with `seed` (`seed_from_u64`) on its own stream,
//! derived from the set's key and the block number, so results do not depend
//! on the number of threads.

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

/// Replicates per RNG stream: the unit of parallel work.
pub(crate) const BLOCK: usize = 1000;

/// A stable 64-bit key for a resample set, from its labels (FNV-1a, so it
/// does not change between Rust versions the way `DefaultHasher` may).
pub fn stream_key(labels: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for label in labels {
        for &byte in label.as_bytes().iter().chain(std::iter::once(&0xff)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// Learners resampled together: `values` holds one row per learner and one
/// column per metric, row-major; NaN marks a learner without a value for
/// that metric (the metric is then resampled over its other learners only).
/// `key` (see [`stream_key`]) names the set's random streams.
#[derive(Debug, Clone, Copy)]
pub struct ResampleSet<'a> {
    /// Row-major table: one row per learner, one column per metric, NaN for a missing value.
    pub values: &'a [f64],
    /// Number of columns (metrics) in each row of `values`.
    pub columns: usize,
    /// Names the set's random streams; made by [`stream_key`] from the group and its learner ids.
    pub key: u64,
}

impl ResampleSet<'_> {
    fn rows(&self) -> usize {
        self.values.len().checked_div(self.columns).unwrap_or(0)
    }
}

/// `resamples` bootstrap means of every column of every set:
/// `result[set][column][b]`, in replicate order (unsorted, so replicate b of
/// two sets can be combined, as the difference-in-differences does). A
/// column without any value yields no replicates.
pub fn bootstrap_means(sets: &[ResampleSet<'_>], resamples: usize, seed: u64) -> Vec<Vec<Vec<f64>>> {
    let tables: Vec<Table<'_>> = sets.iter().map(Table::of).collect();
    // Row-major [replicate][column] per set while drawing, so that a block of
    // replicates is one contiguous slice for one thread.
    let mut flat: Vec<Vec<f64>> =
        tables.iter().map(|t| if t.rows == 0 { Vec::new() } else { vec![0.0; resamples * t.columns] }).collect();
    let mut blocks = Vec::new();
    for ((set, table), out) in sets.iter().zip(&tables).zip(flat.iter_mut()) {
        for (block, chunk) in out.chunks_mut(BLOCK * set.columns.max(1)).enumerate() {
            blocks.push((table, stream_id(set.key, block as u64), chunk));
        }
    }
    blocks.into_par_iter().for_each(|(table, stream, chunk)| {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(stream);
        table.resample_means(&mut rng, chunk);
    });
    tables
        .iter()
        .zip(flat)
        .map(|(table, flat)| {
            (0..table.columns)
                .map(|column| {
                    if table.present[column] == 0 {
                        return Vec::new();
                    }
                    flat.iter().skip(column).step_by(table.columns).copied().collect()
                })
                .collect()
        })
        .collect()
}

/// Columns are summed [`TILE`] at a time: a tile's accumulators fit in
/// registers, and one tile of 10k learners (320 KB) stays in cache.
const TILE: usize = 4;
/// Interleaved accumulators per tile, so that additions do not wait on each
/// other.
const BANKS: usize = 4;

/// A set prepared for resampling.
struct Table<'a> {
    set: ResampleSet<'a>,
    rows: usize,
    columns: usize,
    /// Tile-major copy of the values, missing ones as 0: tile t holds
    /// columns t·TILE .. t·TILE + TILE of every row, zero-padded.
    tiles: Vec<[f64; TILE]>,
    /// Values present per column (the column's sample size).
    present: Vec<usize>,
    /// Rows without a value, per column.
    missing: Vec<Vec<u32>>,
}

impl<'a> Table<'a> {
    fn of(set: &ResampleSet<'a>) -> Self {
        let (rows, columns) = (set.rows(), set.columns);
        assert!(u32::try_from(rows).is_ok(), "at most 2^32 learners per set");
        let mut tiles = vec![[0.0; TILE]; rows * columns.div_ceil(TILE)];
        let mut missing = vec![Vec::new(); columns];
        for (row, values) in set.values.chunks_exact(columns.max(1)).enumerate() {
            for (column, &value) in values.iter().enumerate() {
                if value.is_nan() {
                    missing[column].push(row as u32);
                } else {
                    tiles[(column / TILE) * rows + row][column % TILE] = value;
                }
            }
        }
        let present = missing.iter().map(|m| rows - m.len()).collect();
        Self { set: *set, rows, columns, tiles, present, missing }
    }

    /// Fills `out` (row-major [replicate][column]) with the column means of
    /// successive resamples, dispatching on how many indices one 64-bit word
    /// can carry.
    fn resample_means(&self, rng: &mut ChaCha8Rng, out: &mut [f64]) {
        match indices_per_word(self.rows as u64) {
            1 => self.resample_means_k::<1>(rng, out),
            2 => self.resample_means_k::<2>(rng, out),
            3 => self.resample_means_k::<3>(rng, out),
            4 => self.resample_means_k::<4>(rng, out),
            5 => self.resample_means_k::<5>(rng, out),
            6 => self.resample_means_k::<6>(rng, out),
            7 => self.resample_means_k::<7>(rng, out),
            _ => self.resample_means_k::<8>(rng, out),
        }
    }

    fn resample_means_k<const K: usize>(&self, rng: &mut ChaCha8Rng, out: &mut [f64]) {
        let draws = IndexDraws::<K>::new(self.rows as u64);
        // Buffers live for a block of replicates; a resample allocates only
        // if a walk forward outgrows `drawn`'s spare room.
        let mut drawn: Vec<u32> = Vec::with_capacity(self.rows + 64 * K);
        // Counts as f64 (exact below 2^53): no conversion in the hot loop.
        let mut counts = vec![0.0f64; self.rows];
        let mut sums = vec![0.0f64; self.columns.div_ceil(TILE) * TILE];
        for means in out.chunks_exact_mut(self.columns) {
            drawn.clear();
            while drawn.len() < self.rows {
                draws.push_word(rng, &mut drawn);
            }
            counts.fill(0.0);
            for &row in &drawn[..self.rows] {
                counts[row as usize] += 1.0;
            }
            for (tile, sum) in self.tiles.chunks_exact(self.rows).zip(sums.chunks_exact_mut(TILE)) {
                sum.copy_from_slice(&weighted_sum(tile, &counts));
            }
            for (column, mean) in means.iter_mut().enumerate() {
                *mean = self.column_mean(column, sums[column], &counts, &mut drawn, &draws, rng);
            }
        }
    }

    /// The mean of the column's resample (see the module notes): `sum` covers
    /// the column's draws among the first `rows`; draws beyond its sample
    /// size are taken back, missing ones taken from further along the stream.
    fn column_mean<const K: usize>(
        &self,
        column: usize,
        mut sum: f64,
        counts: &[f64],
        drawn: &mut Vec<u32>,
        draws: &IndexDraws<K>,
        rng: &mut ChaCha8Rng,
    ) -> f64 {
        let wanted = self.present[column];
        if wanted == self.rows {
            return sum / wanted as f64;
        }
        let value = |row: u32| self.set.values[row as usize * self.columns + column];
        let outside: f64 = self.missing[column].iter().map(|&row| counts[row as usize]).sum();
        let mut taken = self.rows - outside as usize;
        let mut position = self.rows;
        while taken > wanted {
            position -= 1;
            let v = value(drawn[position]);
            if !v.is_nan() {
                sum -= v;
                taken -= 1;
            }
        }
        while taken < wanted {
            if position == drawn.len() {
                draws.push_word(rng, drawn);
            }
            let v = value(drawn[position]);
            if !v.is_nan() {
                sum += v;
                taken += 1;
            }
            position += 1;
        }
        sum / wanted as f64
    }
}

/// Σ countᵢ·rowᵢ over a tile, in row order.
fn weighted_sum(tile: &[[f64; TILE]], counts: &[f64]) -> [f64; TILE] {
    let mut banks = [[0.0f64; TILE]; BANKS];
    let rows = tile.chunks_exact(BANKS);
    let rest = rows.remainder();
    for (group, weights) in rows.zip(counts.chunks_exact(BANKS)) {
        for ((bank, row), &weight) in banks.iter_mut().zip(group).zip(weights) {
            add_weighted(bank, row, weight);
        }
    }
    let rest_weights = &counts[counts.len() - rest.len()..];
    for ((bank, row), &weight) in banks.iter_mut().zip(rest).zip(rest_weights) {
        add_weighted(bank, row, weight);
    }
    let mut total = [0.0; TILE];
    for bank in &banks {
        for (sum, value) in total.iter_mut().zip(bank) {
            *sum += value;
        }
    }
    total
}

#[inline(always)]
fn add_weighted(bank: &mut [f64; TILE], row: &[f64; TILE], weight: f64) {
    for (sum, value) in bank.iter_mut().zip(row) {
        *sum += weight * value;
    }
}

/// Percentile interval: the (1 − confidence)/2 and (1 + confidence)/2
/// quantiles of the replicates, interpolated linearly between order
/// statistics as `numpy.percentile` does by default (scipy's `bootstrap`
/// with `method="percentile"` uses it). Reorders `replicates`.
pub fn percentile_interval(replicates: &mut [f64], confidence: f64) -> Option<[f64; 2]> {
    if replicates.is_empty() {
        return None;
    }
    let tail = (1.0 - confidence) / 2.0;
    Some([quantile(replicates, tail), quantile(replicates, 1.0 - tail)])
}

fn quantile(values: &mut [f64], q: f64) -> f64 {
    let h = q * (values.len() - 1) as f64;
    let k = h.floor() as usize;
    let frac = h - k as f64;
    let (_, &mut at_k, above) = values.select_nth_unstable_by(k, f64::total_cmp);
    match above.iter().copied().min_by(f64::total_cmp) {
        Some(next) if frac > 0.0 => at_k + frac * (next - at_k),
        _ => at_k,
    }
}

fn stream_id(key: u64, block: u64) -> u64 {
    splitmix64(key ^ splitmix64(block))
}

fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The largest k ≤ 8 with n^k ≤ 2^54, which keeps the rejection rate below
/// 2^-10 (for n = 10,000: k = 4).
fn indices_per_word(n: u64) -> u32 {
    let mut k = 1;
    let mut product = n;
    while k < 8 {
        match product.checked_mul(n) {
            Some(next) if next <= 1 << 54 => {
                product = next;
                k += 1;
            }
            _ => break,
        }
    }
    k
}

/// K uniform indices in 0..n per accepted 64-bit word.
struct IndexDraws<const K: usize> {
    n: u64,
    /// 2^64 mod n^K: leftovers below it would bias the draw.
    threshold: u64,
}

impl<const K: usize> IndexDraws<K> {
    fn new(n: u64) -> Self {
        let product = n.pow(K as u32);
        Self { n, threshold: product.wrapping_neg() % product }
    }

    /// Appends one word's K indices.
    #[inline(always)]
    fn push_word(&self, rng: &mut ChaCha8Rng, out: &mut Vec<u32>) {
        out.extend(self.next(rng).map(|index| index as u32));
    }

    #[inline(always)]
    fn next(&self, rng: &mut ChaCha8Rng) -> [usize; K] {
        loop {
            let mut word = rng.next_u64();
            let mut idx = [0usize; K];
            for slot in idx.iter_mut() {
                let wide = u128::from(word) * u128::from(self.n);
                *slot = (wide >> 64) as usize;
                word = wide as u64;
            }
            if word >= self.threshold {
                return idx;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_size_keeps_the_product_small() {
        assert_eq!(indices_per_word(10_000), 4);
        assert_eq!(indices_per_word(40), 8);
        assert_eq!(indices_per_word(1), 8);
        assert_eq!(indices_per_word(1 << 20), 2);
        assert_eq!(indices_per_word(u64::MAX), 1);
    }

    #[test]
    fn draws_are_uniform_and_in_range() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let draws = IndexDraws::<3>::new(7);
        let mut counts = [0u32; 7];
        for _ in 0..70_000 {
            for i in draws.next(&mut rng) {
                counts[i] += 1;
            }
        }
        // 30,000 expected per index; sd ≈ 160.
        for c in counts {
            assert!((29_200..30_800).contains(&c), "{counts:?}");
        }
    }

    fn column(values: &[f64], key: u64, resamples: usize, seed: u64) -> Vec<f64> {
        let set = ResampleSet { values, columns: 1, key };
        bootstrap_means(&[set], resamples, seed).remove(0).remove(0)
    }

    fn mean_sd(values: &[f64]) -> (f64, f64) {
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (values.len() - 1) as f64;
        (mean, var.sqrt())
    }

    #[test]
    fn same_seed_same_replicates_different_seed_different() {
        let values: Vec<f64> = (0..57).map(|i| f64::from(i * i % 13)).collect();
        let a = column(&values, 1, 2_500, 42);
        assert_eq!(a, column(&values, 1, 2_500, 42));
        assert_ne!(a, column(&values, 1, 2_500, 43));
        assert_ne!(a, column(&values, 2, 2_500, 42));
        assert_eq!(a.len(), 2_500);
    }

    #[test]
    fn complete_columns_do_not_depend_on_their_neighbours() {
        let x = [1.0, 2.0, 4.0, 8.0, 16.0];
        let y = [3.0, 5.0, 7.0, 11.0, 13.0];
        let rows: Vec<f64> = x.iter().zip(&y).flat_map(|(a, b)| [*a, *b]).collect();
        let other = [9.0, 10.0];
        let sets =
            [ResampleSet { values: &other, columns: 1, key: 3 }, ResampleSet { values: &rows, columns: 2, key: 11 }];
        let together = bootstrap_means(&sets, 1_500, 5);
        assert_eq!(together[1][0], column(&x, 11, 1_500, 5));
        assert_eq!(together[1][1], column(&y, 11, 1_500, 5));
    }

    #[test]
    fn a_column_with_missing_values_resamples_only_its_own_values() {
        // Column 1 has values for two of ten learners only: every replicate
        // is the mean of two draws from {1, 3}, so 1, 2 or 3 with
        // probabilities 1/4, 1/2, 1/4.
        let mut rows = Vec::new();
        for i in 0..10 {
            let sparse = match i {
                2 => 1.0,
                7 => 3.0,
                _ => f64::NAN,
            };
            rows.extend([f64::from(i), sparse]);
        }
        let set = ResampleSet { values: &rows, columns: 2, key: 9 };
        let replicates = bootstrap_means(&[set], 8_000, 1).remove(0);
        let mut tally = [0usize; 3];
        for r in &replicates[1] {
            assert!([1.0, 2.0, 3.0].contains(r), "{r}");
            tally[(*r - 1.0) as usize] += 1;
        }
        // sd of each share ≈ 0.005
        assert!((tally[0] as f64 / 8000.0 - 0.25).abs() < 0.02, "{tally:?}");
        assert!((tally[1] as f64 / 8000.0 - 0.5).abs() < 0.02, "{tally:?}");
    }

    #[test]
    fn missing_values_give_the_same_distribution_as_resampling_alone() {
        // 300 learners, a metric measured on 200 of them: its replicates
        // must behave like a bootstrap of those 200 values on their own.
        let present: Vec<f64> = (0..200).map(|i| f64::from((i * 37) % 101)).collect();
        let mut rows = Vec::new();
        let mut next = present.iter();
        for i in 0..300 {
            let value = if i % 3 == 2 { f64::NAN } else { *next.next().unwrap() };
            rows.extend([f64::from(i), value]);
        }
        let set = ResampleSet { values: &rows, columns: 2, key: 4 };
        let shared = bootstrap_means(&[set], 4_000, 3).remove(0).remove(1);
        let alone = column(&present, 5, 4_000, 3);
        let ((m1, s1), (m2, s2)) = (mean_sd(&shared), mean_sd(&alone));
        let (mean, sd) = mean_sd(&present);
        // Bootstrap standard error: the population sd over √n, ≈ 2.06 here;
        // estimated from 4,000 replicates within ≈ 1.1% (one sd).
        let se = sd * (199f64 / 200.0).sqrt() / 200f64.sqrt();
        assert!((m1 - mean).abs() < 0.15 && (m2 - mean).abs() < 0.15, "{m1} {m2} {mean}");
        assert!((s1 / se - 1.0).abs() < 0.05 && (s2 / se - 1.0).abs() < 0.05, "{s1} {s2} vs {se}");
    }

    #[test]
    fn bootstrap_mean_is_centred_on_the_sample_mean() {
        let values: Vec<f64> = (0..200).map(|i| f64::from(i % 17)).collect();
        let (mean, _) = mean_sd(&values);
        let (centre, _) = mean_sd(&column(&values, 3, 4_000, 1));
        // Standard error of the mean ≈ 4.9/√200 ≈ 0.35; of its average ≈ 0.0055.
        assert!((centre - mean).abs() < 0.03, "{centre} vs {mean}");
    }

    #[test]
    fn empty_and_single_value_samples() {
        assert!(column(&[], 1, 10, 0).is_empty());
        assert_eq!(column(&[2.5], 2, 10, 0), vec![2.5; 10]);
        let none = bootstrap_means(&[ResampleSet { values: &[], columns: 3, key: 1 }], 10, 0);
        assert_eq!(none, vec![vec![Vec::<f64>::new(); 3]]);
        let all_missing = bootstrap_means(&[ResampleSet { values: &[1.0, f64::NAN], columns: 2, key: 1 }], 10, 0);
        assert_eq!(all_missing, vec![vec![vec![1.0; 10], vec![]]]);
    }

    #[test]
    fn percentile_interpolates_like_numpy() {
        // numpy.percentile(range(11), [2.5, 97.5]) == [0.25, 9.75]
        let mut v: Vec<f64> = (0..11).rev().map(f64::from).collect();
        let [lo, hi] = percentile_interval(&mut v, 0.95).unwrap();
        assert!((lo - 0.25).abs() < 1e-12 && (hi - 9.75).abs() < 1e-12, "{lo} {hi}");
        assert_eq!(percentile_interval(&mut [], 0.95), None);
        assert_eq!(percentile_interval(&mut [3.0], 0.95), Some([3.0, 3.0]));
    }
}
