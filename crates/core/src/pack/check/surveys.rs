//! Surveys: items with unique ids, and a sensible scale on likert items.

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::pack::model::SurveyItemType;
use crate::pack::nouns;
use crate::pack::parsed::ParsedCourse;

use super::{children, require_text};

pub(crate) fn check(course: &ParsedCourse<'_>, out: &mut Vec<Diagnostic>) {
    for (survey, at) in course.surveys() {
        for (item, item_at) in
            children((&survey.id, at), "survey.item", &survey.items, |i| &i.id, nouns::SURVEY_ITEM, out)
        {
            require_text(&item.prompt, item_at.key("prompt"), "prompt", out);
            match (item.kind, item.scale) {
                (SurveyItemType::Likert, None) => {
                    out.push(item_at.error(msg!(
                        "likert items need `scale` (2 to 10)",
                        "量表（likert）题项需要 `scale`（2 到 10）"
                    )))
                }
                (SurveyItemType::Likert, Some(scale)) if !(2..=10).contains(&scale) => {
                    out.push(
                        item_at
                            .key("scale")
                            .error(msg!("scale must be 2 to 10, not {scale}", "`scale` 应为 2 到 10，而不是 {scale}")),
                    );
                }
                (SurveyItemType::Text, Some(_)) => {
                    out.push(
                        item_at
                            .key("scale")
                            .error(msg!("`scale` is only used by likert items", "只有量表（likert）题项使用 `scale`")),
                    );
                }
                _ => {}
            }
        }
    }
}
