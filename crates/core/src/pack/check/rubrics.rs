//! Rubrics: criteria with at least two levels whose points ascend from 0 up.

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::pack::nouns;
use crate::pack::parsed::ParsedCourse;

use super::children;

pub(crate) fn check(course: &ParsedCourse<'_>, out: &mut Vec<Diagnostic>) {
    for (rubric, at) in course.rubrics() {
        let criteria = children((&rubric.id, at), "rubric.criterion", &rubric.criteria, |c| &c.id, nouns::CRITERION, out);
        for (criterion, criterion_at) in criteria {
            if criterion.levels.len() < 2 {
                let id = &criterion.id;
                out.push(criterion_at.error(msg!(
                    "criterion `{id}` needs at least 2 levels ([[rubric.criterion.level]])",
                    "评分项 `{id}` 至少需要 2 个等级（[[rubric.criterion.level]]）"
                )));
            }
            let mut previous: Option<f64> = None;
            for (j, level) in criterion.levels.iter().enumerate() {
                let points_at = criterion_at.key("level").idx(j).key("points");
                let points = level.points;
                match previous {
                    _ if !(points.is_finite() && points >= 0.0) => {
                        out.push(points_at.error(msg!(
                            "points must be 0 or more, not {points}",
                            "分值应为 0 或以上，而不是 {points}"
                        )));
                    }
                    Some(before) if points <= before => {
                        out.push(points_at.error(msg!(
                            "level points must ascend: {points} after {before}",
                            "等级分值应逐级升高：{before} 之后是 {points}"
                        )));
                    }
                    _ => {}
                }
                previous = Some(level.points);
            }
        }
    }
}
