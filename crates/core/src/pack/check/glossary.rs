//! `glossary.toml`: every term has an id, a name and a definition; no name
//! or alias means two terms; and every metric template agrees with the
//! glossary, so a course defines each metric once.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::pack::ids::Ids;
use crate::pack::model::Term;
use crate::pack::nouns;
use crate::pack::parsed::ParsedCourse;
use crate::pack::toml_doc::At;

use super::require_text;

pub(crate) fn check(course: &ParsedCourse<'_>, out: &mut Vec<Diagnostic>) {
    if course.glossary.is_none() {
        return;
    }
    let mut ids: Ids<'_> = Ids::new(nouns::TERM, true);
    let mut names: HashMap<&str, (&Term, At<'_>)> = HashMap::new();
    for (term, at) in course.terms() {
        ids.define(&term.id, at.key("id"), (), out);
        require_text(&term.name, at.key("name"), "name", out);
        require_text(&term.definition, at.key("definition"), "definition", out);
        for (key, value) in [("formula", &term.formula), ("unit", &term.unit)] {
            if let Some(value) = value {
                require_text(value, at.key(key), key, out);
            }
        }
        let spelled = std::iter::once((term.name.as_str(), at.key("name")))
            .chain(term.aliases.iter().enumerate().map(|(i, alias)| (alias.as_str(), at.key("aliases").idx(i))));
        for (name, name_at) in spelled {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            match names.get(name) {
                Some((first, first_at)) => {
                    let (first_id, first_at) = (&first.id, first_at.location());
                    out.push(name_at.error(msg!(
                        "`{name}` already names term `{first_id}` (at {first_at}); a name or alias means one term",
                        "`{name}` 已是术语 `{first_id}` 的名称或别名（{first_at}）；一个名称只能指一个术语"
                    )));
                }
                None => {
                    names.insert(name, (term, name_at));
                }
            }
        }
    }
    for (metric, at) in course.metrics() {
        let name = metric.name.trim();
        let Some((term, _)) = names.get(name) else {
            let id = &metric.id;
            out.push(at.key("name").warning(msg!(
                "metric `{id}` (`{name}`) has no glossary entry: add a [[term]] named `{name}` to glossary.toml",
                "指标 `{id}`（`{name}`）在术语表中没有条目：请在 glossary.toml 中添加名为 `{name}` 的 [[term]]"
            )));
            continue;
        };
        let pairs = [
            ("definition", metric.definition.as_str(), Some(term.definition.as_str())),
            ("formula", metric.formula.as_str(), term.formula.as_deref()),
            ("unit", metric.unit.as_str(), term.unit.as_deref()),
        ];
        for (key, template, glossary) in pairs {
            // Only a value both sides give can disagree.
            let Some(glossary) = glossary else { continue };
            if template.trim().is_empty() || template.trim() == glossary.trim() {
                continue;
            }
            let term_id = &term.id;
            out.push(at.key(key).error(msg!(
                "this {key} differs from glossary term `{term_id}` (`{glossary}`): a course defines a metric once; copy the glossary's or leave it out",
                "此处的 {key} 与术语表 `{term_id}` 不一致（`{glossary}`）：一门课程对一个指标只能有一个定义；请与术语表一致或删去"
            )));
        }
    }
}
