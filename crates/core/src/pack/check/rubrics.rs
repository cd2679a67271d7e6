//! Rubrics: criteria with at least two levels whose points ascend from 0 up.

use crate::diagnostic::Diagnostic;
use crate::pack::parsed::ParsedCourse;

use super::children;

pub(crate) fn check(course: &ParsedCourse<'_>, out: &mut Vec<Diagnostic>) {
    for (rubric, at) in course.rubrics() {
        let criteria = children((&rubric.id, at), "rubric.criterion", &rubric.criteria, |c| &c.id, "criterion", out);
        for (criterion, criterion_at) in criteria {
            if criterion.levels.len() < 2 {
                out.push(criterion_at.error(format!(
                    "criterion `{}` needs at least 2 levels ([[rubric.criterion.level]])",
                    criterion.id
                )));
            }
            let mut previous: Option<f64> = None;
            for (j, level) in criterion.levels.iter().enumerate() {
                let points_at = criterion_at.key("level").idx(j).key("points");
                match previous {
                    _ if !(level.points.is_finite() && level.points >= 0.0) => {
                        out.push(points_at.error(format!("points must be 0 or more, not {}", level.points)));
                    }
                    Some(before) if level.points <= before => {
                        out.push(points_at.error(format!("level points must ascend: {} after {before}", level.points)));
                    }
                    _ => {}
                }
                previous = Some(level.points);
            }
        }
    }
}
