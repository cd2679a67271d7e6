//! Rubrics: criteria with at least two levels whose points ascend from 0 up.

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::pack::nouns;
use crate::pack::parsed::ParsedCourse;

use super::children;

pub(crate) fn check(course: &ParsedCourse<'_>, out: &mut Vec<Diagnostic>) {
    for (rubric, at) in course.rubrics() {
        let criteria =
            children((&rubric.id, at), "rubric.criterion", &rubric.criteria, |c| &c.id, nouns::CRITERION, out);
        for (criterion, criterion_at) in criteria {
            if criterion.levels.len() < 2 {
                let id = &criterion.id;
                out.push(criterion_at.error(msg!(
                    "criterion `{id}` needs at least 2 levels ([[rubric.criterion.level]])",
                    "评分项 `{id}` 至少需要 2 个等级（[[rubric.criterion.level]]）"
                )));
            }
            if let Some(gate) = &criterion.gate {
                let gate_at = criterion_at.key("gate");
                let cap = gate.cap_percent;
                if !(cap.is_finite() && (0.0..100.0).contains(&cap)) {
                    out.push(gate_at.key("cap_percent").error(msg!(
                        "cap_percent is the most a task can score when this criterion is at its lowest level: 0 or more and less than 100, not {cap}",
                        "cap_percent 是该评分项处于最低等级时作业能得到的最高百分比：应不小于 0 且小于 100，而不是 {cap}"
                    )));
                }
                super::require_text(&gate.reason, gate_at.key("reason"), "reason", out);
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
