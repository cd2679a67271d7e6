//! Moodle's rubric formula: the points of the chosen levels are summed and
//! that sum is scaled linearly onto the task's grade range, so the weakest
//! possible rubric gets the minimum grade and the strongest the maximum:
//!
//! `grade = min + (sum − minsum) / (maxsum − minsum) × (max − min)`
//!
//! where `minsum`/`maxsum` add up every criterion's lowest/highest level.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::pack::model::Rubric;

/// Why a set of chosen levels cannot be scored against a rubric.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GradeError {
    #[error("criterion `{0}` is not part of rubric `{1}`")]
    UnknownCriterion(String, String),
    #[error("no level chosen for criterion `{0}`")]
    MissingCriterion(String),
    #[error("criterion `{criterion}` has {count} levels; level {index} does not exist")]
    NoSuchLevel { criterion: String, index: usize, count: usize },
    #[error("rubric `{0}` cannot be scored: its lowest and highest possible totals are equal")]
    FlatRubric(String),
    #[error("the grade range {min} … {max} is empty")]
    EmptyRange { min: f64, max: f64 },
}

/// The outcome of scoring one set of choices.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RubricGrade {
    /// Sum of the chosen levels' points.
    pub points: f64,
    pub min_points: f64,
    pub max_points: f64,
    /// `points` scaled onto `min … max`.
    pub grade: f64,
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
    for criterion in &rubric.criteria {
        let index = *chosen.get(&criterion.id).ok_or_else(|| GradeError::MissingCriterion(criterion.id.clone()))?;
        let level = criterion.levels.get(index).ok_or_else(|| GradeError::NoSuchLevel {
            criterion: criterion.id.clone(),
            index,
            count: criterion.levels.len(),
        })?;
        points += level.points;
        // Levels ascend by convention, but take the true extremes so a pack
        // that lists them the other way round still scores correctly.
        min_points += criterion.levels.iter().map(|l| l.points).fold(f64::INFINITY, f64::min);
        max_points += criterion.levels.iter().map(|l| l.points).fold(f64::NEG_INFINITY, f64::max);
    }
    if max_points <= min_points {
        return Err(GradeError::FlatRubric(rubric.id.clone()));
    }
    let grade = grade_min + (points - min_points) / (max_points - min_points) * (grade_max - grade_min);
    Ok(RubricGrade { points, min_points, max_points, grade })
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
}
