//! Return on investment in Jack Phillips' form (level 5 of the Phillips
//! ROI methodology): ROI % = (benefits − costs) / costs × 100 and the
//! benefit-cost ratio BCR = benefits / costs. Both take the monetised
//! programme benefits and the fully loaded programme costs, in one currency.

use thiserror::Error;

/// A programme's return on investment in Phillips' form, with the inputs it came from.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Roi {
    /// Monetised programme benefit, in the same currency as `cost`; may be negative.
    pub benefit: f64,
    /// Fully loaded programme cost; always more than 0.
    pub cost: f64,
    /// benefit − cost
    pub net_benefit: f64,
    /// (benefit − cost) / cost × 100
    pub roi_percent: f64,
    /// benefit / cost
    pub benefit_cost_ratio: f64,
}

/// Why an ROI cannot be computed from the given benefit and cost.
#[derive(Debug, Clone, Copy, PartialEq, Error)]
pub enum RoiError {
    /// The cost, carried here, is 0 or negative.
    #[error("programme cost must be greater than 0 (got {0})")]
    CostNotPositive(f64),
    /// The benefit or the cost is infinite or NaN.
    #[error("benefit and cost must be finite numbers")]
    NotFinite,
}

/// ROI % and BCR. A benefit below the cost gives a negative ROI; a negative
/// benefit (the programme lost money) is allowed.
pub fn phillips_roi(benefit: f64, cost: f64) -> Result<Roi, RoiError> {
    if !benefit.is_finite() || !cost.is_finite() {
        return Err(RoiError::NotFinite);
    }
    if cost <= 0.0 {
        return Err(RoiError::CostNotPositive(cost));
    }
    let net_benefit = benefit - cost;
    Ok(Roi { benefit, cost, net_benefit, roi_percent: net_benefit / cost * 100.0, benefit_cost_ratio: benefit / cost })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phillips_worked_example() {
        // Benefits 750,000 for a 300,000 programme: BCR 2.5, ROI 150 %.
        let roi = phillips_roi(750_000.0, 300_000.0).unwrap();
        assert_eq!(roi.benefit_cost_ratio, 2.5);
        assert_eq!(roi.roi_percent, 150.0);
        assert_eq!(roi.net_benefit, 450_000.0);
    }

    #[test]
    fn break_even_and_loss() {
        assert_eq!(phillips_roi(100.0, 100.0).unwrap().roi_percent, 0.0);
        let loss = phillips_roi(50.0, 200.0).unwrap();
        assert_eq!((loss.roi_percent, loss.benefit_cost_ratio), (-75.0, 0.25));
    }

    #[test]
    fn bad_costs_are_errors() {
        assert_eq!(phillips_roi(10.0, 0.0), Err(RoiError::CostNotPositive(0.0)));
        assert_eq!(phillips_roi(10.0, -5.0), Err(RoiError::CostNotPositive(-5.0)));
        assert_eq!(phillips_roi(f64::NAN, 5.0), Err(RoiError::NotFinite));
        assert_eq!(phillips_roi(1.0, f64::INFINITY), Err(RoiError::NotFinite));
    }
}
