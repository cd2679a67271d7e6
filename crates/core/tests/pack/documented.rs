//! The complete small pack in `docs/pack-format.md` must stay valid.

use qunxue_core::pack::{self, PackFiles};

/// The files of the "A complete small pack" section: each `### \`path\``
/// heading followed by a fenced block holding the file.
fn documented_pack() -> PackFiles {
    let doc = include_str!("../../../../docs/pack-format.md");
    let (_, example) = doc.split_once("## A complete small pack").expect("the doc has a complete example");
    let mut files = PackFiles::new();
    for section in example.split("\n### `").skip(1) {
        let (path, rest) = section.split_once('`').unwrap();
        let (_, fenced) = rest.split_once("```").unwrap();
        let (_, body) = fenced.split_once('\n').unwrap();
        let (content, _) = body.split_once("```").unwrap();
        files.insert_text(path, content);
    }
    files
}

#[test]
fn the_documented_example_is_a_valid_pack() {
    let files = documented_pack();
    assert_eq!(files.len(), 10);
    let report = pack::load(&files);
    let shown: Vec<_> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(shown, Vec::<String>::new());
    let summary = pack::inspect(&report.courses[0]);
    assert_eq!((summary.modules.theory, summary.modules.practice, summary.questions), (1, 1, 3));
}
