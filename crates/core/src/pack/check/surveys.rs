//! Surveys: items with unique ids, and a sensible scale on likert items.

use crate::diagnostic::Diagnostic;
use crate::pack::model::SurveyItemType;
use crate::pack::parsed::ParsedCourse;

use super::{children, require_text};

pub(crate) fn check(course: &ParsedCourse<'_>, out: &mut Vec<Diagnostic>) {
    for (survey, at) in course.surveys() {
        for (item, item_at) in children((&survey.id, at), "survey.item", &survey.items, |i| &i.id, "item", out) {
            require_text(&item.prompt, item_at.key("prompt"), "prompt", out);
            match (item.kind, item.scale) {
                (SurveyItemType::Likert, None) => out.push(item_at.error("likert items need `scale` (2 to 10)")),
                (SurveyItemType::Likert, Some(scale)) if !(2..=10).contains(&scale) => {
                    out.push(item_at.key("scale").error(format!("scale must be 2 to 10, not {scale}")));
                }
                (SurveyItemType::Text, Some(_)) => {
                    out.push(item_at.key("scale").error("`scale` is only used by likert items"));
                }
                _ => {}
            }
        }
    }
}
