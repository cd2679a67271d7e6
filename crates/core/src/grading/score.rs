//! Moodle's rubric formula: the points of the chosen levels are summed and
//! that sum is scaled linearly onto the task's grade range, so the weakest
//! possible rubric gets the minimum grade and the strongest the maximum:
//!
//! `grade = min + (sum − minsum) / (maxsum − minsum) × (max − min)`
//!
//! where `minsum`/`maxsum` add up every criterion's lowest/highest level.
//!
//! A gated criterion (`[rubric.criterion.gate]`) at its lowest level then
//! caps the grade at `min + cap_percent / 100 × (max − min)`: a privacy or
//! compliance breach cannot be outweighed by good work elsewhere.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::pack::model::{Criterion, Rubric};

/// Why a set of chosen levels cannot be scored against a rubric.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GradeError {
    /// A level was chosen for a criterion (first) that the rubric (second) does not have.
    #[error("criterion `{0}` is not part of rubric `{1}`")]
    UnknownCriterion(String, String),
    /// The criterion with this id has no level chosen.
    #[error("no level chosen for criterion `{0}`")]
    MissingCriterion(String),
    /// The chosen level index is past the end of the criterion's levels.
    #[error("criterion `{criterion}` has {count} levels; level {index} does not exist")]
    NoSuchLevel {
        /// Id of the criterion.
        criterion: String,
        /// The 0-based level index that was chosen.
        index: usize,
        /// How many levels the criterion has.
        count: usize,
    },
    /// The rubric with this id has equal lowest and highest totals, so nothing can be scaled.
    #[error("rubric `{0}` cannot be scored: its lowest and highest possible totals are equal")]
    FlatRubric(String),
    /// The grade range is not finite, or its maximum is not above its minimum.
    #[error("the grade range {min} … {max} is empty")]
    EmptyRange {
        /// The grade range's lower end.
        min: f64,
        /// The grade range's upper end.
        max: f64,
    },
}

/// The outcome of scoring one set of choices.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RubricGrade {
    /// Sum of the chosen levels' points.
    pub points: f64,
    /// Lowest possible total: every criterion's lowest level added up.
    pub min_points: f64,
    /// Highest possible total: every criterion's highest level added up.
    pub max_points: f64,
    /// `points` scaled onto `min … max`, then capped by any gate.
    pub grade: f64,
    /// The gate that lowered the grade, if one did.
    pub capped_by: Option<GateCap>,
}

/// A gate that applied: which criterion, the cap and the reason the
/// learner is shown.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GateCap {
    /// Id of the gated criterion, unique within its rubric.
    pub criterion_id: String,
    /// The criterion's title, as the rubric shows it.
    pub criterion_title: String,
    /// Highest grade allowed, as a percentage (0–100) of the grade range.
    pub cap_percent: f64,
    /// Why the grade is capped, written by the rubric author for the learner.
    pub reason: String,
}

/// Checks the levels chosen so far (a draft mark may leave criteria without
/// one): every chosen criterion is the rubric's and its level exists. Returns
/// the criteria still without a level, in rubric order; empty when
/// [`rubric_grade`] can score it.
pub fn check_partial<'r>(
    rubric: &'r Rubric,
    chosen: &BTreeMap<String, usize>,
) -> Result<Vec<&'r Criterion>, GradeError> {
    for (id, &index) in chosen {
        let criterion = rubric
            .criteria
            .iter()
            .find(|c| &c.id == id)
            .ok_or_else(|| GradeError::UnknownCriterion(id.clone(), rubric.id.clone()))?;
        if index >= criterion.levels.len() {
            return Err(GradeError::NoSuchLevel { criterion: id.clone(), index, count: criterion.levels.len() });
        }
    }
    Ok(rubric.criteria.iter().filter(|c| !chosen.contains_key(&c.id)).collect())
}

/// Scores `chosen` (criterion id → 0-based level index) against `rubric`,
/// scaled onto `grade_min … grade_max`. Every criterion must have a level.
pub fn rubric_grade(
    rubric: &Rubric,
    chosen: &BTreeMap<String, usize>,
    grade_min: f64,
    grade_max: f64,
) -> Result<RubricGrade, GradeError> {
    if grade_max <= grade_min || !grade_min.is_finite() || !grade_max.is_finite() {
        return Err(GradeError::EmptyRange { min: grade_min, max: grade_max });
    }
    if let Some(unknown) = chosen.keys().find(|id| !rubric.criteria.iter().any(|c| &c.id == *id)) {
        return Err(GradeError::UnknownCriterion(unknown.clone(), rubric.id.clone()));
    }
    let (mut points, mut min_points, mut max_points) = (0.0, 0.0, 0.0);
    let mut gates: Vec<GateCap> = Vec::new();
    for criterion in &rubric.criteria {
        let index = *chosen.get(&criterion.id).ok_or_else(|| GradeError::MissingCriterion(criterion.id.clone()))?;
        let level = criterion.levels.get(index).ok_or_else(|| GradeError::NoSuchLevel {
            criterion: criterion.id.clone(),
            index,
            count: criterion.levels.len(),
        })?;
        points += level.points;
        if let Some(gate) = &criterion.gate {
            let lowest = criterion.levels.iter().map(|l| l.points).fold(f64::INFINITY, f64::min);
            if level.points <= lowest {
                gates.push(GateCap {
                    criterion_id: criterion.id.clone(),
                    criterion_title: criterion.title.clone(),
                    cap_percent: gate.cap_percent,
                    reason: gate.reason.clone(),
                });
            }
        }
        // Levels ascend by convention, but take the true extremes so a pack
        // that lists them the other way round still scores correctly.
        min_points += criterion.levels.iter().map(|l| l.points).fold(f64::INFINITY, f64::min);
        max_points += criterion.levels.iter().map(|l| l.points).fold(f64::NEG_INFINITY, f64::max);
    }
    if max_points <= min_points {
        return Err(GradeError::FlatRubric(rubric.id.clone()));
    }
    let scaled = grade_min + (points - min_points) / (max_points - min_points) * (grade_max - grade_min);
    // The strictest gate that applies; it only ever lowers the grade.
    let cap_of = |g: &GateCap| grade_min + g.cap_percent.clamp(0.0, 100.0) / 100.0 * (grade_max - grade_min);
    let strictest = gates.into_iter().min_by(|a, b| cap_of(a).total_cmp(&cap_of(b)));
    let (grade, capped_by) = match strictest {
        Some(gate) if cap_of(&gate) < scaled => (cap_of(&gate), Some(gate)),
        _ => (scaled, None),
    };
    Ok(RubricGrade { points, min_points, max_points, grade, capped_by })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::pack::model::{Criterion, Level};

    pub(crate) fn rubric(criteria: &[(&str, &[f64])]) -> Rubric {
        Rubric {
            id: "r".into(),
            title: "R".into(),
            criteria: criteria
                .iter()
                .map(|(id, points)| Criterion {
                    id: (*id).into(),
                    title: id.to_uppercase(),
                    gate: None,
                    levels: points
                        .iter()
                        .map(|p| Level { points: *p, label: format!("{p}"), descriptor: String::new() })
                        .collect(),
                })
                .collect(),
        }
    }

    fn choose(pairs: &[(&str, usize)]) -> BTreeMap<String, usize> {
        pairs.iter().map(|(k, v)| ((*k).to_string(), *v)).collect()
    }

    #[rstest::rstest]
    // 6 + 2 + 6 = 14 of 0…21 → 14/21 × 100.
    #[case(&[("a", &[0.0, 2.0, 4.0, 6.0][..]), ("b", &[0.0, 2.0, 4.0, 6.0][..]), ("c", &[0.0, 3.0, 6.0, 9.0][..])], &[("a", 3), ("b", 1), ("c", 2)], 0.0, 100.0, 14.0, 200.0 / 3.0)]
    // Lowest levels that are not zero: minsum 2, maxsum 6, sum 5 → (5−2)/4 × 100 = 75.
    #[case(&[("a", &[1.0, 2.0, 3.0][..]), ("b", &[1.0, 3.0][..])], &[("a", 1), ("b", 1)], 0.0, 100.0, 5.0, 75.0)]
    // Everything lowest is the minimum of the range, even a non-zero one.
    #[case(&[("a", &[1.0, 2.0, 3.0][..]), ("b", &[1.0, 3.0][..])], &[("a", 0), ("b", 0)], 40.0, 90.0, 2.0, 40.0)]
    // Everything highest is the maximum: 3 + 3 on 40…90.
    #[case(&[("a", &[1.0, 2.0, 3.0][..]), ("b", &[1.0, 3.0][..])], &[("a", 2), ("b", 1)], 40.0, 90.0, 6.0, 90.0)]
    // Half way in points is half way in grade: 1 + 3 = 4 of 2…6 on 40…90 → 65.
    #[case(&[("a", &[1.0, 2.0, 3.0][..]), ("b", &[1.0, 3.0][..])], &[("a", 0), ("b", 1)], 40.0, 90.0, 4.0, 65.0)]
    fn moodle_formula(
        #[case] criteria: &[(&str, &[f64])],
        #[case] chosen: &[(&str, usize)],
        #[case] min: f64,
        #[case] max: f64,
        #[case] points: f64,
        #[case] grade: f64,
    ) {
        let result = rubric_grade(&rubric(criteria), &choose(chosen), min, max).unwrap();
        assert_eq!(result.points, points);
        assert!((result.grade - grade).abs() < 1e-9, "{} != {grade}", result.grade);
    }

    #[test]
    fn a_partial_mark_names_what_is_missing_and_refuses_what_is_wrong() {
        let r = rubric(&[("a", &[0.0, 1.0]), ("b", &[0.0, 2.0, 4.0])]);
        let missing = check_partial(&r, &choose(&[("b", 2)])).unwrap();
        assert_eq!(missing.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["a"]);
        assert!(check_partial(&r, &choose(&[("a", 1), ("b", 0)])).unwrap().is_empty());
        assert!(matches!(check_partial(&r, &choose(&[("z", 0)])), Err(GradeError::UnknownCriterion(..))));
        assert!(matches!(
            check_partial(&r, &choose(&[("b", 3)])),
            Err(GradeError::NoSuchLevel { index: 3, count: 3, .. })
        ));
    }

    #[test]
    fn bad_choices_are_named() {
        let r = rubric(&[("a", &[0.0, 1.0]), ("b", &[0.0, 2.0])]);
        assert_eq!(
            rubric_grade(&r, &choose(&[("a", 0)]), 0.0, 100.0).unwrap_err().to_string(),
            "no level chosen for criterion `b`"
        );
        assert_eq!(
            rubric_grade(&r, &choose(&[("a", 0), ("b", 2)]), 0.0, 100.0).unwrap_err().to_string(),
            "criterion `b` has 2 levels; level 2 does not exist"
        );
        assert!(matches!(
            rubric_grade(&r, &choose(&[("a", 0), ("b", 0), ("z", 0)]), 0.0, 100.0),
            Err(GradeError::UnknownCriterion(..))
        ));
        let flat = rubric(&[("a", &[1.0, 1.0])]);
        assert!(matches!(rubric_grade(&flat, &choose(&[("a", 0)]), 0.0, 100.0), Err(GradeError::FlatRubric(_))));
        assert!(matches!(
            rubric_grade(&r, &choose(&[("a", 0), ("b", 0)]), 5.0, 5.0),
            Err(GradeError::EmptyRange { .. })
        ));
    }

    fn gated(cap_percent: f64) -> Rubric {
        let mut r = rubric(&[("work", &[0.0, 4.0, 8.0]), ("privacy", &[0.0, 2.0, 4.0])]);
        r.criteria[1].gate = Some(crate::pack::model::Gate { cap_percent, reason: "泄露密码".into() });
        r
    }

    #[test]
    fn a_gate_at_its_lowest_level_caps_the_grade_and_says_why() {
        // Excellent work, privacy breached: 8 of 12 points would be 66.7.
        let result = rubric_grade(&gated(50.0), &choose(&[("work", 2), ("privacy", 0)]), 0.0, 100.0).unwrap();
        assert_eq!(result.points, 8.0);
        assert!((result.grade - 50.0).abs() < 1e-9, "{}", result.grade);
        let cap = result.capped_by.expect("the gate applied");
        assert_eq!((cap.criterion_id.as_str(), cap.cap_percent, cap.reason.as_str()), ("privacy", 50.0, "泄露密码"));
        // On a range that does not start at 0 the cap is a share of the range.
        let shifted = rubric_grade(&gated(0.0), &choose(&[("work", 2), ("privacy", 0)]), 40.0, 90.0).unwrap();
        assert!((shifted.grade - 40.0).abs() < 1e-9, "{}", shifted.grade);
    }

    #[test]
    fn a_gate_changes_nothing_above_its_lowest_level_or_below_its_cap() {
        let passed = rubric_grade(&gated(50.0), &choose(&[("work", 2), ("privacy", 1)]), 0.0, 100.0).unwrap();
        assert!((passed.grade - 250.0 / 3.0).abs() < 1e-9, "{}", passed.grade);
        assert_eq!(passed.capped_by, None);
        // Weak work with the breach already scores under the cap: nothing to cap.
        let weak = rubric_grade(&gated(50.0), &choose(&[("work", 0), ("privacy", 0)]), 0.0, 100.0).unwrap();
        assert_eq!((weak.grade, weak.capped_by), (0.0, None));
    }
}
