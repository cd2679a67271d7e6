//! Whatever bytes a pack holds, `load` reports problems and never panics.

use proptest::prelude::*;
use qunxue_core::pack;

use crate::fixture::{Edit, Fixture};

const TARGETS: [&str; 5] = [
    "courses/demo/course.toml",
    "courses/demo/modules/01-concept.md",
    "quizzes/demo/banks/m01.toml",
    "quizzes/demo/quizzes/main.toml",
    "quizzes/demo/data/sample-impact.csv",
];

fn load_with(path: &'static str, bytes: Vec<u8>) {
    let report = Fixture::valid().apply(&Edit::Bytes(path, bytes)).load();
    for diagnostic in &report.diagnostics {
        assert!(diagnostic.line >= 1 && diagnostic.col >= 1, "{diagnostic}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_bytes(target in 0..TARGETS.len(), bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        load_with(TARGETS[target], bytes);
    }

    #[test]
    fn arbitrary_text(target in 0..TARGETS.len(), text in "\\PC{0,300}") {
        load_with(TARGETS[target], text.into_bytes());
    }

    /// Damage to a valid file reaches the deeper checks, not just the parser.
    #[test]
    fn spliced_valid_files(target in 0..TARGETS.len(), at in 0usize..4000, cut in 0usize..40, insert in "[\\[\\]=\"#<>_a-z0-9 \\n.,/:-]{0,20}") {
        let original = match crate::fixture::valid_files().into_iter().find(|(p, _)| *p == TARGETS[target]) {
            Some((_, crate::fixture::Content::Text(text))) => text.as_bytes().to_vec(),
            _ => unreachable!("targets are text files"),
        };
        let at = at % (original.len() + 1);
        let end = (at + cut).min(original.len());
        let bytes = [&original[..at], insert.as_bytes(), &original[end..]].concat();
        load_with(TARGETS[target], bytes);
    }
}

#[test]
fn an_empty_pack_is_one_clear_error() {
    let report = pack::load(&pack::PackFiles::new());
    let shown: Vec<_> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(shown, ["courses:1:1: no course found: a pack holds courses/<slug>/course.toml"]);
}
