//! Descriptive statistics shared by the tests and the report.

/// Arithmetic mean; `None` for an empty sample.
pub fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    Some(values.iter().sum::<f64>() / values.len() as f64)
}

/// Sample standard deviation (n − 1 denominator, numpy's `ddof=1`),
/// computed in two passes for accuracy; `None` below two values.
pub fn sample_sd(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let m = mean(values)?;
    let squares: f64 = values.iter().map(|v| (v - m) * (v - m)).sum();
    Some((squares / (values.len() - 1) as f64).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_and_sd_match_textbook_values() {
        let v = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        assert_eq!(mean(&v), Some(5.0));
        // Population sd is 2; the sample sd is 2·sqrt(8/7).
        assert!((sample_sd(&v).unwrap() - 2.0 * (8.0f64 / 7.0).sqrt()).abs() < 1e-15);
    }

    #[test]
    fn too_few_values_give_none() {
        assert_eq!(mean(&[]), None);
        assert_eq!(sample_sd(&[1.0]), None);
    }

    #[test]
    fn sd_is_stable_for_large_offsets() {
        // A naive sum-of-squares formula loses every digit here.
        let v = [1e9 + 4.0, 1e9 + 7.0, 1e9 + 13.0, 1e9 + 16.0];
        assert!((sample_sd(&v).unwrap() - 30.0f64.sqrt()).abs() < 1e-9);
    }
}
