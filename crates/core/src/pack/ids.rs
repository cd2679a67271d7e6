//! Stable ids: their syntax, and the tables that catch duplicates and
//! dangling references within a course.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Noun};
use crate::msg;

use super::toml_doc::At;

/// Longest id, in characters.
pub(super) const MAX_ID_LEN: usize = 64;

/// True when `id` matches `[a-z0-9][a-z0-9._-]{0,63}`.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id.len() <= MAX_ID_LEN
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
}

/// Reports `id` at `at` when it is malformed.
pub(crate) fn check_syntax(id: &str, at: At<'_>, out: &mut Vec<Diagnostic>) {
    if !is_valid_id(id) {
        out.push(at.error(msg!(
            "invalid id `{id}`: use 1 to {MAX_ID_LEN} of a-z, 0-9, '.', '_' and '-', starting with a letter or digit",
            "id `{id}` 不合规：只能用 1 到 {MAX_ID_LEN} 个 a-z、0-9、'.'、'_' 和 '-'，并以字母或数字开头"
        )));
    }
}

/// The ids of one kind of thing (modules, quizzes, …) defined in a course,
/// each with where it was defined and what later checks need to know about it.
pub(crate) struct Ids<'a, V = ()> {
    /// What the ids name, for messages: "question", "quiz", …
    what: Noun,
    defs: HashMap<&'a str, (At<'a>, V)>,
    /// False when a file that could define these ids failed to parse; then
    /// an unknown id is not reported, since it may be defined there.
    complete: bool,
}

impl<'a, V> Ids<'a, V> {
    pub(super) fn new(what: Noun, complete: bool) -> Self {
        Self { what, defs: HashMap::new(), complete }
    }

    /// Records a definition, reporting a malformed or repeated id. The first
    /// definition wins, so later references resolve to it.
    pub(super) fn define(&mut self, id: &'a str, at: At<'a>, value: V, out: &mut Vec<Diagnostic>) {
        check_syntax(id, at, out);
        match self.defs.entry(id) {
            Entry::Occupied(first) => {
                let (Noun { en, zh }, first_at) = (self.what, first.get().0.location());
                out.push(at.error(msg!(
                    "duplicate {en} id `{id}` (first defined at {first_at})",
                    "{zh} id `{id}` 重复（首次定义于 {first_at}）"
                )))
            }
            Entry::Vacant(slot) => {
                slot.insert((at, value));
            }
        }
    }

    pub(super) fn get(&self, id: &str) -> Option<&V> {
        self.defs.get(id).map(|(_, value)| value)
    }

    /// False only for an id that is certainly not defined.
    pub(super) fn may_contain(&self, id: &str) -> bool {
        !self.complete || self.defs.contains_key(id)
    }

    /// Looks up a reference made at `at`, reporting it when nothing has that id.
    pub(super) fn resolve(&self, id: &str, at: At<'_>, out: &mut Vec<Diagnostic>) -> Option<&V> {
        if !self.may_contain(id) {
            let Noun { en, zh } = self.what;
            out.push(at.error(msg!("unknown {en} `{id}`", "没有 id 为 `{id}` 的{zh}")));
        }
        self.get(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::toml_doc::TomlDoc;

    #[test]
    fn id_syntax() {
        for ok in ["a", "0", "m01-concept", "qunxue.community-ops", "new_fans", &"a".repeat(64)] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in ["", "-a", ".a", "_a", "A", "m 1", "社群", "a/b", &"a".repeat(65)] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn reports_duplicates_and_dangling_references() {
        let doc = TomlDoc::new("q.toml", "a = \"x\"\nb = \"x\"\nc = \"Y\"\n", 1);
        let root = doc.root();
        let mut out = Vec::new();
        let mut ids = Ids::new(crate::pack::nouns::QUIZ, true);
        for key in ["a", "b", "c"] {
            ids.define(["x", "x", "Y"][(key.as_bytes()[0] - b'a') as usize], root.key(key), key, &mut out);
        }
        assert_eq!(ids.resolve("x", root, &mut out), Some(&"a"));
        assert_eq!(ids.resolve("z", root.key("c"), &mut out), None);
        assert_eq!(Ids::<()>::new(crate::pack::nouns::QUIZ, false).resolve("z", root, &mut out), None);
        let shown: Vec<_> = out.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "q.toml:2:5: duplicate quiz id `x` (first defined at q.toml:1:5)",
                "q.toml:3:5: invalid id `Y`: use 1 to 64 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit",
                "q.toml:3:5: unknown quiz `z`",
            ]
        );
        let chinese: Vec<_> = out.iter().map(|d| d.message_zh.as_str()).collect();
        assert_eq!(chinese[0], "测验 id `x` 重复（首次定义于 q.toml:1:5）");
        assert_eq!(chinese[2], "没有 id 为 `z` 的测验");
    }
}
