//! One broken thing at a time: each case edits the valid pack and lists
//! exactly the diagnostics that must come out, as the CLI prints them. An
//! expected line ending in `…` is a prefix (the rest is toml's own wording).

use rstest::rstest;

use crate::fixture::{shown, Edit, Fixture};

const MANIFEST: &str = "courses/demo/course.toml";
const THEORY: &str = "courses/demo/modules/01-concept.md";
const PRACTICE: &str = "courses/demo/modules/02-practice.md";
const CASE: &str = "courses/demo/modules/03-case.md";
const BANK: &str = "quizzes/demo/banks/m01.toml";
const PRE: &str = "quizzes/demo/banks/pre.toml";
const QUIZZES: &str = "quizzes/demo/quizzes/main.toml";
const TASKS: &str = "quizzes/demo/tasks.toml";
const RUBRICS: &str = "quizzes/demo/rubrics.toml";
const METRICS: &str = "quizzes/demo/metrics.toml";
const SURVEYS: &str = "quizzes/demo/surveys.toml";
const DATA: &str = "quizzes/demo/data/sample-impact.csv";

const LAST_LEVEL: &str = "descriptor = \"资料完整。\"\n";
const LAST_TASK_LINE: &str = "allow_resubmit = true\n";
const LAST_SURVEY_LINE: &str = "prompt = \"还有什么建议？\"\n";
const CASE_BODY_END: &str = "一家社区烘焙店的社群。\n";
const GLOSSARY_PATH: &str = "courses/demo/glossary.toml";
const GLOSSARY: &str = "[[term]]\nid = \"churn-rate\"\nname = \"流失率\"\naliases = [\"退群率\"]\ndefinition = \"退群的人占期初成员的比例。\"\n";

fn replace(path: &'static str, from: &'static str, to: &'static str) -> Edit {
    Edit::Replace(path, from, to)
}

/// Checks the report of `edits` against `expected`, in order and complete.
pub(crate) fn assert_diagnostics(edits: &[Edit], expected: &[&str]) {
    let report = edits.iter().fold(Fixture::valid(), |fixture, edit| fixture.apply(edit)).load();
    let actual = shown(&report);
    let matches = actual.len() == expected.len()
        && actual.iter().zip(expected).all(|(a, e)| match e.strip_suffix('…') {
            Some(prefix) => a.starts_with(prefix),
            None => a == e,
        });
    assert!(matches, "expected:\n  {}\nactual:\n  {}", expected.join("\n  "), actual.join("\n  "));
}

#[rstest]
// ---- files and syntax
#[case::toml_syntax(
    vec![replace(BANK, "title = \"第 1 课 题库\"", "title = \"第 1 课 题库")],
    &["quizzes/demo/banks/m01.toml:2:…"]
)]
#[case::unknown_key(
    vec![replace(TASKS, LAST_TASK_LINE, "allow_resubmit = true\nallow_late = true\n")],
    &["quizzes/demo/tasks.toml:15:1: unknown field `allow_late`…"]
)]
#[case::bad_type(
    vec![replace(QUIZZES, "max_attempts = 3", "max_attempts = \"three\"")],
    &["quizzes/demo/quizzes/main.toml:7:16: invalid type: string \"three\", expected u32…"]
)]
#[case::not_utf8(
    vec![Edit::Bytes(PRACTICE, b"+++\nid = \"m\xFF\"\n".to_vec())],
    &["courses/demo/modules/02-practice.md:2:8: the file is not UTF-8 text; save it as UTF-8"]
)]
#[case::unclosed_front_matter(
    vec![Edit::Text(CASE, "+++\nid = \"m03-case\"\n")],
    &["courses/demo/modules/03-case.md:1:1: the front matter opened on line 1 is never closed by a `+++` line"]
)]
#[case::bad_kind(
    vec![replace(CASE, "kind = \"case\"", "kind = \"lecture\"")],
    &["courses/demo/modules/03-case.md:3:8: unknown variant `lecture`…"]
)]
#[case::bad_semver(
    vec![replace(MANIFEST, "version = \"1.0.0\"", "version = \"1.0\"")],
    &["courses/demo/course.toml:3:11: …"]
)]
#[case::unsupported_format(
    vec![replace(MANIFEST, "format = 1", "format = 2")],
    &["courses/demo/course.toml:1:10: unsupported pack format 2 (this version reads format 1)"]
)]
// ---- ids
#[case::bad_id(
    vec![replace(PRE, "id = \"pre-q01\"", "id = \"Pre Q01\"")],
    &["quizzes/demo/banks/pre.toml:5:6: invalid id `Pre Q01`: use 1 to 64 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit"]
)]
#[case::duplicate_module_id(
    vec![replace(CASE, "id = \"m03-case\"", "id = \"m01-concept\"")],
    &["courses/demo/modules/03-case.md:2:6: duplicate module id `m01-concept` (first defined at courses/demo/modules/01-concept.md:2:6)"]
)]
#[case::duplicate_question_across_banks(
    vec![replace(PRE, "id = \"pre-q02\"", "id = \"m01-q01\"")],
    &["quizzes/demo/banks/pre.toml:14:6: duplicate question id `m01-q01` (first defined at quizzes/demo/banks/m01.toml:5:6)"]
)]
#[case::duplicate_quiz_across_files(
    vec![Edit::Text("quizzes/demo/quizzes/z-extra.toml", "[[quiz]]\nid = \"quiz-m01\"\ntitle = \"重复\"\npurpose = \"practice\"\nitems = [\"m01-q01\"]\n")],
    &["quizzes/demo/quizzes/z-extra.toml:2:6: duplicate quiz id `quiz-m01` (first defined at quizzes/demo/quizzes/main.toml:2:6)"]
)]
#[case::duplicate_task(
    vec![replace(TASKS, LAST_TASK_LINE, "allow_resubmit = true\n\n[[task]]\nid = \"task-setup\"\nmodule = \"m02-practice\"\ntitle = \"再做一次\"\nrubric = \"rubric-setup\"\ninstructions = \"做。\"\n")],
    &["quizzes/demo/tasks.toml:17:6: duplicate task id `task-setup` (first defined at quizzes/demo/tasks.toml:2:6)"]
)]
#[case::duplicate_rubric(
    vec![replace(RUBRICS, LAST_LEVEL, "descriptor = \"资料完整。\"\n\n[[rubric]]\nid = \"rubric-setup\"\ntitle = \"又一个\"\n[[rubric.criterion]]\nid = \"a\"\ntitle = \"甲\"\n[[rubric.criterion.level]]\npoints = 0\nlabel = \"低\"\ndescriptor = \"低\"\n[[rubric.criterion.level]]\npoints = 1\nlabel = \"高\"\ndescriptor = \"高\"\n")],
    &["quizzes/demo/rubrics.toml:18:6: duplicate rubric id `rubric-setup` (first defined at quizzes/demo/rubrics.toml:2:6)"]
)]
#[case::duplicate_criterion(
    vec![replace(RUBRICS, LAST_LEVEL, "descriptor = \"资料完整。\"\n[[rubric.criterion]]\nid = \"profile\"\ntitle = \"又一项\"\n[[rubric.criterion.level]]\npoints = 0\nlabel = \"低\"\ndescriptor = \"低\"\n[[rubric.criterion.level]]\npoints = 1\nlabel = \"高\"\ndescriptor = \"高\"\n")],
    &["quizzes/demo/rubrics.toml:17:6: duplicate criterion id `profile` (first defined at quizzes/demo/rubrics.toml:6:6)"]
)]
#[case::duplicate_metric(
    vec![replace(METRICS, "id = \"churn\"", "id = \"new_fans\"")],
    &[
        "quizzes/demo/data/sample-impact.csv:4:13: unknown metric `churn`: metrics.toml has no such id",
        "quizzes/demo/data/sample-impact.csv:5:13: unknown metric `churn`: metrics.toml has no such id",
        "quizzes/demo/metrics.toml:11:6: duplicate metric id `new_fans` (first defined at quizzes/demo/metrics.toml:2:6)",
    ]
)]
#[case::duplicate_survey(
    vec![replace(SURVEYS, LAST_SURVEY_LINE, "prompt = \"还有什么建议？\"\n\n[[survey]]\nid = \"survey-satisfaction\"\ntitle = \"又一份\"\n[[survey.item]]\nid = \"a\"\ntype = \"text\"\nprompt = \"？\"\n")],
    &["quizzes/demo/surveys.toml:17:6: duplicate survey id `survey-satisfaction` (first defined at quizzes/demo/surveys.toml:2:6)"]
)]
#[case::duplicate_course_id(
    vec![
        Edit::Text("courses/copy/course.toml", "format = 1\nid = \"acme.demo\"\nversion = \"1.0.0\"\ntitle = \"副本\"\nlanguage = \"en\"\nmodules = [\"modules/01.md\"]\n"),
        Edit::Text("courses/copy/modules/01.md", "+++\nid = \"m1\"\nkind = \"theory\"\ntitle = \"一\"\n+++\n正文\n"),
    ],
    &["courses/demo/course.toml:2:6: course id `acme.demo` is also used at courses/copy/course.toml:2:6"]
)]
// ---- the module list
#[case::duplicate_module_path(
    vec![replace(MANIFEST, "  \"modules/03-case.md\",\n", "  \"modules/03-case.md\",\n  \"./modules/01-concept.md\",\n")],
    &["courses/demo/course.toml:11:3: module `./modules/01-concept.md` is listed twice (first at courses/demo/course.toml:8:3)"]
)]
#[case::module_missing(
    vec![replace(MANIFEST, "modules/03-case.md", "modules/04-missing.md")],
    &[
        "courses/demo/course.toml:10:3: module file `modules/04-missing.md` not found (courses/demo/modules/04-missing.md)",
        "courses/demo/modules/03-case.md:1:1: warning: module file is not listed in course.toml and will not be imported",
    ]
)]
#[case::module_outside_course(
    vec![replace(MANIFEST, "modules/03-case.md", "../other/03-case.md")],
    &[
        "courses/demo/course.toml:10:3: module `../other/03-case.md` must be a path inside the course folder",
        "courses/demo/modules/03-case.md:1:1: warning: module file is not listed in course.toml and will not be imported",
    ]
)]
#[case::module_not_markdown(
    vec![replace(MANIFEST, "modules/03-case.md", "modules/03-case.txt"), Edit::Text("courses/demo/modules/03-case.txt", "x")],
    &[
        "courses/demo/course.toml:10:3: module `modules/03-case.txt` must be a Markdown file ending in .md",
        "courses/demo/modules/03-case.md:1:1: warning: module file is not listed in course.toml and will not be imported",
    ]
)]
#[case::module_unlisted(
    vec![Edit::Text("courses/demo/modules/99-draft.md", "+++\nid = \"m99\"\nkind = \"theory\"\ntitle = \"草稿\"\n+++\n")],
    &["courses/demo/modules/99-draft.md:1:1: warning: module file is not listed in course.toml and will not be imported"]
)]
#[case::no_modules(
    vec![replace(MANIFEST, "modules = [\n  \"modules/01-concept.md\",\n  \"modules/02-practice.md\",\n  \"modules/03-case.md\",\n]", "modules = []")],
    &[
        "courses/demo/course.toml:7:11: a course needs at least one module",
        "courses/demo/modules/01-concept.md:1:1: warning: module file is not listed in course.toml and will not be imported",
        "courses/demo/modules/02-practice.md:1:1: warning: module file is not listed in course.toml and will not be imported",
        "courses/demo/modules/03-case.md:1:1: warning: module file is not listed in course.toml and will not be imported",
        "quizzes/demo/tasks.toml:3:10: unknown module `m02-practice`",
    ]
)]
// ---- references between files
#[case::module_quiz_unknown(
    vec![replace(THEORY, "quizzes = [\"quiz-m01\"]", "quizzes = [\"quiz-m99\"]")],
    &["courses/demo/modules/01-concept.md:7:12: unknown quiz `quiz-m99`"]
)]
#[case::module_task_unknown(
    vec![replace(PRACTICE, "tasks = [\"task-setup\"]", "tasks = [\"task-x\"]")],
    &["courses/demo/modules/02-practice.md:6:10: unknown task `task-x`"]
)]
#[case::task_module_unknown(
    vec![replace(TASKS, "module = \"m02-practice\"", "module = \"m09\"")],
    &["quizzes/demo/tasks.toml:3:10: unknown module `m09`"]
)]
#[case::task_module_not_practice(
    vec![replace(TASKS, "module = \"m02-practice\"", "module = \"m03-case\"")],
    &["quizzes/demo/tasks.toml:3:10: warning: task `task-setup` belongs to `m03-case`, a case module; tasks normally belong to practice modules"]
)]
#[case::task_rubric_unknown(
    vec![replace(TASKS, "rubric = \"rubric-setup\"", "rubric = \"rubric-x\"")],
    &["quizzes/demo/tasks.toml:5:10: unknown rubric `rubric-x`"]
)]
#[case::quiz_item_unknown(
    vec![replace(QUIZZES, "\"m01-q04\"]", "\"m01-q44\"]")],
    &["quizzes/demo/quizzes/main.toml:5:43: unknown question `m01-q44`"]
)]
#[case::quiz_item_twice(
    vec![replace(QUIZZES, "\"m01-q04\"]", "\"m01-q01\"]")],
    &["quizzes/demo/quizzes/main.toml:5:43: question `m01-q01` is listed twice"]
)]
#[case::draw_bank_unknown(
    vec![replace(QUIZZES, "bank = \"bank-pre\"", "bank = \"bank-x\"")],
    &["quizzes/demo/quizzes/main.toml:19:8: unknown bank `bank-x`"]
)]
#[case::draw_count_too_large(
    vec![replace(QUIZZES, "count = 2", "count = 3")],
    &["quizzes/demo/quizzes/main.toml:22:9: draw asks for 3 questions but bank `bank-pre` has only 2 that match"]
)]
#[case::draw_filter_too_narrow(
    vec![replace(QUIZZES, "difficulty = [1, 3]", "difficulty = [2, 5]")],
    &["quizzes/demo/quizzes/main.toml:22:9: draw asks for 2 questions but bank `bank-pre` has only 1 that match"]
)]
#[case::draws_overlap(
    vec![replace(QUIZZES, "count = 2\n", "count = 2\n[[quiz.draw]]\nbank = \"bank-pre\"\ncount = 1\n")],
    &["quizzes/demo/quizzes/main.toml:25:9: draw asks for 1 questions but bank `bank-pre` has only 0 that match and that earlier draws cannot take"]
)]
#[case::draw_difficulty_reversed(
    vec![replace(QUIZZES, "difficulty = [1, 3]", "difficulty = [3, 1]")],
    &[
        "quizzes/demo/quizzes/main.toml:21:14: difficulty range [3, 1] must run from low to high within 1 to 5",
        "quizzes/demo/quizzes/main.toml:22:9: draw asks for 2 questions but bank `bank-pre` has only 0 that match",
    ]
)]
#[case::quiz_parallel_unknown(
    vec![replace(QUIZZES, "parallel = \"quiz-post\"", "parallel = \"quiz-x\"")],
    &["quizzes/demo/quizzes/main.toml:17:12: unknown quiz `quiz-x`"]
)]
#[case::quiz_without_questions(
    vec![Edit::Text("quizzes/demo/quizzes/z-extra.toml", "[[quiz]]\nid = \"quiz-empty\"\ntitle = \"空\"\npurpose = \"practice\"\n")],
    &["quizzes/demo/quizzes/z-extra.toml:1:1: quiz `quiz-empty` has no questions: give `items` or [[quiz.draw]]"]
)]
// ---- questions
#[case::single_answer_out_of_range(
    vec![replace(BANK, "answer = 3", "answer = 4")],
    &["quizzes/demo/banks/m01.toml:11:10: answer 4 is out of range: options are numbered 0 to 3"]
)]
#[case::single_answer_not_an_index(
    vec![replace(BANK, "answer = 3", "answer = true")],
    &["quizzes/demo/banks/m01.toml:11:10: the answer of a single question is an option index (0, 1, …)"]
)]
#[case::answers_empty(
    vec![replace(BANK, "answers = [0, 1, 2]", "answers = []")],
    &["quizzes/demo/banks/m01.toml:23:11: answers must list at least one option"]
)]
#[case::answers_out_of_range(
    vec![replace(BANK, "answers = [0, 1, 2]", "answers = [0, 1, 7]")],
    &["quizzes/demo/banks/m01.toml:23:18: answer 7 is out of range: options are numbered 0 to 3"]
)]
#[case::true_false_not_boolean(
    vec![replace(BANK, "answer = false", "answer = 0")],
    &["quizzes/demo/banks/m01.toml:32:10: the answer of a true_false question is true or false"]
)]
#[case::fill_blank_count(
    vec![replace(BANK, "blanks = [[\"私域\", \"私域流量\"]]", "blanks = [[\"私域\"], [\"流量\"]]")],
    &["quizzes/demo/banks/m01.toml:41:10: the stem marks 1 blank(s) with ____ but `blanks` has 2 answer list(s)"]
)]
#[case::fill_blank_empty_alternative(
    vec![replace(BANK, "blanks = [[\"私域\", \"私域流量\"]]", "blanks = [[\"私域\", \" \"]]")],
    &["quizzes/demo/banks/m01.toml:41:11: blank 1 has an empty accepted answer"]
)]
#[case::matching_one_pair(
    vec![replace(BANK, ", [\"产品答疑群\", \"产品型\"]]", "]")],
    &["quizzes/demo/banks/m01.toml:50:9: matching questions need at least 2 pairs"]
)]
#[case::matching_repeated_right_side(
    vec![replace(BANK, "[\"产品答疑群\", \"产品型\"]", "[\"产品答疑群\", \"兴趣型\"]")],
    &["quizzes/demo/banks/m01.toml:50:29: right-hand side `兴趣型` is used by pairs 1 and 2; each must be different"]
)]
#[case::ordering_one_item(
    vec![replace(BANK, "items = [\"定位\", \"建群\", \"拉新\"]", "items = [\"定位\"]")],
    &["quizzes/demo/banks/m01.toml:59:9: `items` needs at least 2 entries"]
)]
#[case::numeric_negative_tolerance(
    vec![replace(BANK, "tolerance = 0.5", "tolerance = -0.5")],
    &["quizzes/demo/banks/m01.toml:69:13: tolerance must be 0 or more"]
)]
#[case::feedback_length(
    vec![replace(BANK, ", \"正确。\"]", "]")],
    &["quizzes/demo/banks/m01.toml:12:12: feedback has 3 entries but there are 4 options"]
)]
#[case::difficulty_range(
    vec![replace(BANK, "difficulty = 3", "difficulty = 6")],
    &["quizzes/demo/banks/m01.toml:57:14: difficulty must be 1 to 5, not 6"]
)]
#[case::points_positive(
    vec![replace(BANK, "points = 2", "points = 0")],
    &["quizzes/demo/banks/m01.toml:21:10: points must be greater than 0, not 0"]
)]
#[case::explanation_required(
    vec![replace(PRE, "explanation = \"规则让社群有序。\"", "explanation = \" \"")],
    &["quizzes/demo/banks/pre.toml:20:15: explanation must not be empty"]
)]
#[case::key_not_used_by_type(
    vec![replace(PRE, "answer = true", "answer = true\noptions = [\"对\", \"错\"]")],
    &["quizzes/demo/banks/pre.toml:20:1: `options` is not used by true_false questions"]
)]
#[case::key_needed_by_type(
    vec![replace(PRE, "answer = true\n", "")],
    &["quizzes/demo/banks/pre.toml:13:1: true_false questions need `answer`"]
)]
#[case::script_in_stem(
    vec![replace(PRE, "stem = \"社群需要规则。\"", "stem = \"社群需要规则。<script>x()</script>\"")],
    &["quizzes/demo/banks/pre.toml:16:8: raw HTML `<script>` is not allowed in course text; the renderer removes it"]
)]
// ---- rubrics, quizzes, surveys, tasks, branding
#[case::rubric_without_criteria(
    vec![Edit::Text(RUBRICS, "[[rubric]]\nid = \"rubric-setup\"\ntitle = \"空\"\n")],
    &["quizzes/demo/rubrics.toml:1:1: `rubric-setup` needs at least one criterion: add [[rubric.criterion]]"]
)]
#[case::criterion_with_one_level(
    vec![replace(RUBRICS, "[[rubric.criterion.level]]\npoints = 2\nlabel = \"达标\"\ndescriptor = \"资料完整。\"\n", "")],
    &["quizzes/demo/rubrics.toml:5:1: criterion `profile` needs at least 2 levels ([[rubric.criterion.level]])"]
)]
#[case::level_points_not_ascending(
    vec![replace(RUBRICS, "points = 2", "points = 0")],
    &["quizzes/demo/rubrics.toml:13:10: level points must ascend: 0 after 0"]
)]
#[case::level_points_negative(
    vec![replace(RUBRICS, "points = 0", "points = -1")],
    &["quizzes/demo/rubrics.toml:9:10: points must be 0 or more, not -1"]
)]
#[case::pass_mark_range(
    vec![replace(QUIZZES, "pass_mark = 0.6", "pass_mark = 1.5")],
    &["quizzes/demo/quizzes/main.toml:6:13: pass_mark is a fraction of the full score: more than 0 and at most 1, not 1.5"]
)]
#[case::likert_scale_range(
    vec![replace(SURVEYS, "scale = 5", "scale = 11")],
    &["quizzes/demo/surveys.toml:8:9: scale must be 2 to 10, not 11"]
)]
#[case::likert_without_scale(
    vec![replace(SURVEYS, "scale = 5\n", "")],
    &["quizzes/demo/surveys.toml:5:1: likert items need `scale` (2 to 10)"]
)]
#[case::text_item_with_scale(
    vec![replace(SURVEYS, "type = \"text\"", "type = \"text\"\nscale = 3")],
    &["quizzes/demo/surveys.toml:14:9: `scale` is only used by likert items"]
)]
#[case::attachment_type(
    vec![replace(TASKS, "[\"png\", \"pdf\"]", "[\"png\", \".PDF\"]")],
    &["quizzes/demo/tasks.toml:11:28: attachment type `.PDF` must be a lower-case file extension without the dot, like `pdf`"]
)]
#[case::attachment_too_large(
    vec![replace(TASKS, "max_attachment_mb = 20", "max_attachment_mb = 4096")],
    &["quizzes/demo/tasks.toml:12:21: max_attachment_mb is 4096; it must be between 1 and 100"]
)]
#[case::instructor_key(
    vec![replace(MANIFEST, "description = \"示例课程。\"", "description = \"示例课程。\"\ninstructor_keys = [\"3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29\", \"not-a-key\"]")],
    &["courses/demo/course.toml:7:88: instructor key `not-a-key` is not an Ed25519 public key (64 hex digits, as `qunxue bundle-key` prints it)"]
)]
#[case::completion_rule(
    vec![replace(MANIFEST, "\n[branding]", "\n[completion]\nsurveys = [\"nope\"]\n\n[[completion.task]]\nid = \"task-missing\"\nmin_percent = 120\n\n[branding]")],
    &[
        "courses/demo/course.toml:14:12: unknown survey `nope`",
        "courses/demo/course.toml:17:6: unknown task `task-missing`",
        "courses/demo/course.toml:18:15: min_percent is a percentage of the task's grade: more than 0 and at most 100, not 120",
    ]
)]
#[case::reviewed_date(
    vec![replace(MANIFEST, "language = \"zh-CN\"", "language = \"zh-CN\"\nreviewed = \"2026-13-01\"")],
    &["courses/demo/course.toml:6:12: reviewed `2026-13-01` is not a date written YYYY-MM-DD, like 2026-12-01"]
)]
#[case::branding_colour(
    vec![replace(MANIFEST, "\"#0f766e\"", "\"teal\"")],
    &["courses/demo/course.toml:15:18: primary_colour `teal` is not a #rrggbb colour"]
)]
#[case::logo_missing(
    vec![Edit::Remove("courses/demo/assets/logo.svg")],
    &["courses/demo/course.toml:16:8: logo `assets/logo.svg` not found (courses/demo/assets/logo.svg)"]
)]
#[case::language_tag(
    vec![replace(MANIFEST, "language = \"zh-CN\"", "language = \"中文\"")],
    &["courses/demo/course.toml:5:12: language `中文` is not a BCP 47 tag such as zh-CN or en"]
)]
// ---- Markdown links and media
#[case::image_missing(
    vec![replace(THEORY, "../assets/growth.png", "../assets/missing.png")],
    &["courses/demo/modules/01-concept.md:15:1: image or media file `../assets/missing.png` not found (courses/demo/assets/missing.png)"]
)]
#[case::link_missing(
    vec![replace(THEORY, "02-practice.md#开始", "05-next.md")],
    &["courses/demo/modules/01-concept.md:17:5: link target `05-next.md` not found (courses/demo/modules/05-next.md)"]
)]
#[case::link_leaves_course(
    vec![replace(THEORY, "02-practice.md#开始", "../../../quizzes/demo/tasks.toml")],
    &["courses/demo/modules/01-concept.md:17:5: link target `../../../quizzes/demo/tasks.toml` points outside the course folder"]
)]
#[case::absolute_image(
    vec![replace(THEORY, "../assets/growth.png", "/etc/growth.png")],
    &["courses/demo/modules/01-concept.md:15:1: image or media file `/etc/growth.png` is an absolute path; write it relative to this file"]
)]
#[case::remote_image(
    vec![replace(THEORY, "../assets/growth.png", "https://cdn.example.com/g.png")],
    &["courses/demo/modules/01-concept.md:15:1: warning: remote image or media file `https://cdn.example.com/g.png` will not load offline"]
)]
#[case::remote_video(
    vec![replace(THEORY, "../assets/intro.mp4", "http://example.com/v.mp4")],
    &["courses/demo/modules/01-concept.md:19:8: warning: remote image or media file `http://example.com/v.mp4` will not load offline"]
)]
#[case::html_media_missing(
    vec![replace(THEORY, "../assets/intro.mp4", "../assets/outro.mp4")],
    &["courses/demo/modules/01-concept.md:19:8: image or media file `../assets/outro.mp4` not found (courses/demo/assets/outro.mp4)"]
)]
// ---- limits and layout
#[case::oversized_text(
    vec![Edit::Bytes("courses/demo/assets/notes.txt", vec![b'a'; 2 * 1024 * 1024 + 1])],
    &["courses/demo/assets/notes.txt:1:1: the file is 2.0 MiB; text files may be at most 2 MiB"]
)]
#[case::oversized_module(
    vec![Edit::Bytes(CASE, [b"+++\nid = \"m03-case\"\nkind = \"case\"\ntitle = \"t\"\n+++\n".as_slice(), &[b'a'; 2 * 1024 * 1024]].concat())],
    &["courses/demo/modules/03-case.md:1:1: the file is 2.0 MiB; text files may be at most 2 MiB"]
)]
#[case::oversized_asset(
    vec![Edit::Asset("courses/demo/assets/big.mp4", 200 * 1024 * 1024 + 1)],
    &["courses/demo/assets/big.mp4:1:1: the file is 200.0 MiB; assets may be at most 200 MiB"]
)]
#[case::pack_too_large(
    vec![
        Edit::Asset("courses/demo/assets/a.mp4", 150 * 1024 * 1024),
        Edit::Asset("courses/demo/assets/b.mp4", 150 * 1024 * 1024),
        Edit::Asset("courses/demo/assets/c.mp4", 150 * 1024 * 1024),
        Edit::Asset("courses/demo/assets/d.mp4", 150 * 1024 * 1024),
        Edit::Asset("courses/demo/assets/e.mp4", 150 * 1024 * 1024),
        Edit::Asset("courses/demo/assets/f.mp4", 150 * 1024 * 1024),
        Edit::Asset("courses/demo/assets/g.mp4", 150 * 1024 * 1024),
    ],
    &["courses/demo/assets/g.mp4:1:1: the pack's files add up to more than 1 GiB here"]
)]
#[case::unsafe_path(
    vec![Edit::Text("courses/demo/../evil.md", "x")],
    &["courses/demo/../evil.md:1:1: unsafe path: a pack holds only relative paths without `.` or `..`"]
)]
#[case::course_folder_without_manifest(
    vec![Edit::Text("courses/other/modules/01.md", "x")],
    &["courses/other/modules/01.md:1:1: courses/other/ has no course.toml"]
)]
#[case::quiz_folder_without_course(
    vec![Edit::Text("quizzes/other/tasks.toml", "")],
    &["quizzes/other/tasks.toml:1:1: warning: no course courses/other/course.toml; quizzes/other/ is ignored"]
)]
#[case::unknown_quiz_file(
    vec![Edit::Text("quizzes/demo/rubric.toml", "")],
    &["quizzes/demo/rubric.toml:1:1: warning: not part of the pack format, ignored: expected banks/*.toml, quizzes/*.toml, tasks.toml, rubrics.toml, metrics.toml, surveys.toml or data/*"]
)]
// ---- Moodle's extras (issue 28): matching distractors, partial credit on blanks
#[case::distractor_repeats_a_right_side(
    vec![replace(BANK, "pairs = [[\"摄影爱好者群\", \"兴趣型\"], [\"产品答疑群\", \"产品型\"]]", "pairs = [[\"摄影爱好者群\", \"兴趣型\"], [\"产品答疑群\", \"产品型\"]]\ndistractors = [\"兴趣型\"]")],
    &["quizzes/demo/banks/m01.toml:51:16: distractor `兴趣型` is already a right-hand side; each must be different"]
)]
#[case::partial_blanks_broken(
    vec![replace(BANK, "blanks = [[\"私域\", \"私域流量\"]]", "blanks = [[\"私域\", \"私域流量\"]]\npartial_blanks = [[{ answer = \"私域\", percent = 100 }], []]")],
    &[
        "quizzes/demo/banks/m01.toml:42:18: `partial_blanks` has 2 list(s) but the question has 1 blank(s)…",
        "quizzes/demo/banks/m01.toml:42:31: `私域` is already a fully accepted answer of blank 1",
        "quizzes/demo/banks/m01.toml:42:47: a partial answer is worth more than 0 and less than 100 percent, not 100",
    ]
)]
#[case::question_image_missing(
    vec![replace(BANK, "stem = \"哪一项**不是**社群的要素？\"", "stem = \"![漏斗](assets/funnel.png)哪一项**不是**社群的要素？\"")],
    &["quizzes/demo/banks/m01.toml:7:8: `assets/funnel.png` not found (courses/demo/assets/funnel.png)…"]
)]
#[case::question_image_for_instructors(
    vec![
        Edit::Asset("courses/demo/assets/instructor/key.png", 100),
        replace(BANK, "stem = \"哪一项**不是**社群的要素？\"", "stem = \"![答案](assets/instructor/key.png)哪一项**不是**社群的要素？\""),
    ],
    &["quizzes/demo/banks/m01.toml:7:8: `assets/instructor/key.png` is an instructor-only asset…"]
)]
// ---- media (issue 29)
#[case::video_without_captions(
    vec![replace(THEORY, "<track kind=\"captions\" src=\"../assets/intro.vtt\" srclang=\"zh\">", "")],
    &["courses/demo/modules/01-concept.md:19:1: warning: a video without captions…"]
)]
#[case::captions_missing(
    vec![replace(THEORY, "../assets/intro.vtt", "../assets/intro-zh.vtt")],
    &["courses/demo/modules/01-concept.md:19:66: image or media file `../assets/intro-zh.vtt` not found (courses/demo/assets/intro-zh.vtt)"]
)]
// ---- glossary, instructor-only content, gates (issue 30)
#[case::term_link_without_glossary(
    vec![replace(CASE, CASE_BODY_END, "一家社区烘焙店的[[社群]]。\n")],
    &["courses/demo/modules/03-case.md:9:9: `[[社群]]` links to the glossary, but the course has no glossary.toml"]
)]
#[case::unknown_term(
    vec![Edit::Text(GLOSSARY_PATH, GLOSSARY), replace(CASE, CASE_BODY_END, "一家社区烘焙店的[[社群]]，[[退群率]]不高。\n")],
    &[
        "courses/demo/modules/03-case.md:9:9: `[[社群]]`: the glossary has no term or alias `社群`",
        "quizzes/demo/metrics.toml:3:8: warning: metric `new_fans` (`新增粉丝数`) has no glossary entry…",
    ]
)]
#[case::name_meaning_two_terms(
    vec![Edit::Text(GLOSSARY_PATH, "[[term]]\nid = \"a\"\nname = \"流失率\"\ndefinition = \"甲。\"\n\n[[term]]\nid = \"b\"\nname = \"留存率\"\naliases = [\"流失率\"]\ndefinition = \"乙。\"\n")],
    &[
        "courses/demo/glossary.toml:9:12: `流失率` already names term `a` (at courses/demo/glossary.toml:3:8); a name or alias means one term",
        "quizzes/demo/metrics.toml:3:8: warning: metric `new_fans` (`新增粉丝数`) has no glossary entry…",
    ]
)]
#[case::metric_disagrees_with_glossary(
    vec![Edit::Text(GLOSSARY_PATH, "[[term]]\nid = \"new-fans\"\nname = \"新增粉丝数\"\ndefinition = \"新入群人数。\"\nformula = \"期内首次入群的去重人数\"\nunit = \"人\"\n")],
    &[
        "quizzes/demo/metrics.toml:8:11: this formula differs from glossary term `new-fans` (`期内首次入群的去重人数`)…",
        "quizzes/demo/metrics.toml:12:8: warning: metric `churn` (`流失率`) has no glossary entry…",
    ]
)]
#[case::instructor_block_never_closed(
    vec![replace(CASE, CASE_BODY_END, "一家社区烘焙店的社群。\n\n::: instructor\n参考答案。\n")],
    &["courses/demo/modules/03-case.md:11:1: `::: instructor` is never closed: end the block with a line `:::`"]
)]
#[case::unknown_block(
    vec![replace(CASE, CASE_BODY_END, "::: instrutor\n")],
    &["courses/demo/modules/03-case.md:9:1: `::: instrutor` is not a block this format knows; only `::: instructor` is"]
)]
#[case::instructor_asset_in_learner_text(
    vec![
        Edit::Asset("courses/demo/assets/instructor/key.pdf", 100),
        replace(CASE, CASE_BODY_END, "[答案](../assets/instructor/key.pdf)\n\n::: instructor\n\n[答案](../assets/instructor/key.pdf)\n\n:::\n"),
    ],
    &["courses/demo/modules/03-case.md:9:1: `../assets/instructor/key.pdf` is an instructor-only asset (assets/instructor/)…"]
)]
#[case::gate_out_of_range(
    vec![replace(RUBRICS, "title = \"资料完整\"\n", "title = \"资料完整\"\ngate = { cap_percent = 100, reason = \" \" }\n")],
    &[
        "quizzes/demo/rubrics.toml:8:24: cap_percent is the most a task can score…",
        "quizzes/demo/rubrics.toml:8:38: reason must not be empty",
    ]
)]
fn each_problem_is_reported_where_it_is(#[case] edits: Vec<Edit>, #[case] expected: &[&str]) {
    assert_diagnostics(&edits, expected);
}

/// Raw HTML the sanitiser removes, appended to the case module on line 11.
#[rstest]
#[case::script(
    "<script>alert(1)</script>",
    "11:1: raw HTML `<script>` is not allowed in course text; the renderer removes it"
)]
#[case::iframe(
    "<iframe src=\"https://e.com\"></iframe>",
    "11:1: raw HTML `<iframe>` is not allowed in course text; the renderer removes it"
)]
#[case::object(
    "<object data=\"x.swf\"></object>",
    "11:1: raw HTML `<object>` is not allowed in course text; the renderer removes it"
)]
#[case::embed(
    "<embed src=\"x.swf\">",
    "11:1: raw HTML `<embed>` is not allowed in course text; the renderer removes it"
)]
#[case::form(
    "<form action=\"/x\"><input></form>",
    "11:1: raw HTML `<form>` is not allowed in course text; the renderer removes it"
)]
#[case::style(
    "<style>body { display: none }</style>",
    "11:1: raw HTML `<style>` is not allowed in course text; the renderer removes it"
)]
#[case::event_handler(
    "<img src=\"../assets/growth.png\" onerror=\"alert(1)\">",
    "11:33: event handler attribute `onerror` is not allowed; the renderer removes it"
)]
#[case::inline_handler(
    "看 <span onmouseover=\"x()\">这里</span>",
    "11:9: event handler attribute `onmouseover` is not allowed; the renderer removes it"
)]
#[case::javascript_href(
    "<a href=\"javascript:alert(1)\">点我</a>",
    "11:4: `javascript:` URLs are not allowed; the renderer removes them"
)]
#[case::vbscript_href(
    "<a href=\"vbscript:x\">点我</a>",
    "11:4: `vbscript:` URLs are not allowed; the renderer removes them"
)]
#[case::javascript_markdown_link(
    "[点我](javascript:alert(1))",
    "11:1: `javascript:` URLs are not allowed; the renderer removes them"
)]
#[case::data_image(
    "![图](data:image/png;base64,AAAA)",
    "11:1: `data:` URLs are not allowed; the renderer removes them"
)]
fn dangerous_html_is_reported_at_its_line(#[case] html: &str, #[case] expected: &str) {
    let body = format!("{CASE_BODY_END}\n{html}\n");
    let edit = Edit::Replace(CASE, CASE_BODY_END, Box::leak(body.into_boxed_str()));
    assert_diagnostics(&[edit], &[&format!("{CASE}:{expected}")]);
}

/// Data sets: every bad row, with its line (and the column of the bad field).
#[rstest]
#[case::header("learner,group,metric,value,period\n", &["1:1: the first line must be exactly `learner,group,metric,period,value`"])]
#[case::empty("", &["1:1: the first line must be exactly `learner,group,metric,period,value`"])]
#[case::group("learner,group,metric,period,value\ns01,treated,new_fans,before,1\n", &["2:5: group must be treatment or control, not `treated`"])]
#[case::period("learner,group,metric,period,value\ns01,control,new_fans,during,1\n", &["2:22: period must be before or after, not `during`"])]
#[case::value("learner,group,metric,period,value\ns01,control,new_fans,before,18.5%\n", &["2:29: value `18.5%` is not a number"])]
#[case::metric("learner,group,metric,period,value\ns01,control,fans,before,1\n", &["2:13: unknown metric `fans`: metrics.toml has no such id"])]
#[case::learner("learner,group,metric,period,value\n,control,new_fans,before,1\n", &["2:1: learner must not be empty"])]
#[case::field_count("learner,group,metric,period,value\ns01,control,new_fans,before\n", &["2:1: the row has 4 fields; it needs 5 (learner,group,metric,period,value)"])]
#[case::repeated_row(
    "learner,group,metric,period,value\ns01,control,new_fans,before,1\ns01,control,new_fans,before,2\n",
    &["3:1: learner `s01` already has a `new_fans` value for `before` (line 2)"]
)]
#[case::both_groups(
    "learner,group,metric,period,value\ns01,control,new_fans,before,1\ns01,treatment,new_fans,after,2\n",
    &["3:1: learner `s01` is in `treatment` here but in `control` on line 2"]
)]
#[case::every_bad_row(
    "learner,group,metric,period,value\r\ns01,x,new_fans,before,1\r\ns02,control,new_fans,before,1\r\ns03,control,new_fans,before,abc\r\n",
    &["2:5: group must be treatment or control, not `x`", "4:29: value `abc` is not a number"]
)]
fn bad_data_rows_are_reported_with_their_line(#[case] csv: &'static str, #[case] expected: &[&str]) {
    let expected: Vec<String> = expected.iter().map(|e| format!("{DATA}:{e}")).collect();
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    assert_diagnostics(&[Edit::Text(DATA, csv)], &expected);
}

#[test]
fn too_many_files_is_one_error() {
    let mut fixture = Fixture::valid();
    let names: Vec<&'static str> =
        (0..20_000).map(|i| &*Box::leak(format!("courses/demo/assets/img/{i:05}.png").into_boxed_str())).collect();
    for name in &names {
        fixture = fixture.apply(&Edit::Asset(name, 10));
    }
    let report = fixture.load();
    let shown = shown(&report);
    assert_eq!(shown, ["courses/demo/assets/img/19999.png:1:1: the pack holds 20016 files; at most 20000 are allowed"]);
}

#[test]
fn every_problem_is_reported_at_once() {
    let edits = vec![
        replace(MANIFEST, "\"#0f766e\"", "\"teal\""),
        replace(THEORY, "../assets/growth.png", "../assets/missing.png"),
        replace(THEORY, "quizzes = [\"quiz-m01\"]", "quizzes = [\"quiz-m99\"]"),
        replace(CASE, "kind = \"case\"", "kind = \"lecture\""),
        replace(BANK, "answer = 3", "answer = 4"),
        replace(BANK, "tolerance = 0.5", "tolerance = -0.5"),
        replace(PRE, "id = \"pre-q02\"", "id = \"m01-q01\""),
        replace(QUIZZES, "pass_mark = 0.6", "pass_mark = 1.5"),
        replace(TASKS, "rubric = \"rubric-setup\"", "rubric = \"rubric-x\""),
        replace(RUBRICS, "points = 2", "points = 0"),
        replace(SURVEYS, "scale = 5", "scale = 11"),
        Edit::Text(DATA, "learner,group,metric,period,value\ns01,x,new_fans,before,1\ns01,control,fans,after,1\n"),
    ];
    assert_diagnostics(
        &edits,
        &[
            "courses/demo/course.toml:15:18: primary_colour `teal` is not a #rrggbb colour",
            "courses/demo/modules/01-concept.md:7:12: unknown quiz `quiz-m99`",
            "courses/demo/modules/01-concept.md:15:1: image or media file `../assets/missing.png` not found (courses/demo/assets/missing.png)",
            "courses/demo/modules/03-case.md:3:8: unknown variant `lecture`…",
            "quizzes/demo/banks/m01.toml:11:10: answer 4 is out of range: options are numbered 0 to 3",
            "quizzes/demo/banks/m01.toml:69:13: tolerance must be 0 or more",
            "quizzes/demo/banks/pre.toml:14:6: duplicate question id `m01-q01` (first defined at quizzes/demo/banks/m01.toml:5:6)",
            "quizzes/demo/data/sample-impact.csv:2:5: group must be treatment or control, not `x`",
            "quizzes/demo/data/sample-impact.csv:3:13: unknown metric `fans`: metrics.toml has no such id",
            "quizzes/demo/quizzes/main.toml:6:13: pass_mark is a fraction of the full score: more than 0 and at most 1, not 1.5",
            "quizzes/demo/rubrics.toml:13:10: level points must ascend: 0 after 0",
            "quizzes/demo/surveys.toml:8:9: scale must be 2 to 10, not 11",
            "quizzes/demo/tasks.toml:5:10: unknown rubric `rubric-x`",
        ],
    );
}

/// The problems of issues 28–30's elements are named in Chinese too, at the
/// same place (a course author reads the validator in their language).
#[rstest]
#[case::unknown_term(
    vec![Edit::Text(GLOSSARY_PATH, GLOSSARY), replace(CASE, CASE_BODY_END, "一家社区烘焙店的[[社群]]。\n")],
    "courses/demo/modules/03-case.md:9:9: `[[社群]]`：术语表中没有名为 `社群` 的术语或别名"
)]
#[case::block_never_closed(
    vec![replace(CASE, CASE_BODY_END, "一家社区烘焙店的社群。\n\n::: instructor\n参考答案。\n")],
    "courses/demo/modules/03-case.md:11:1: `::: instructor` 没有结束：请用单独一行 `:::` 结束该块"
)]
#[case::gate_cap(
    vec![replace(RUBRICS, "title = \"资料完整\"\n", "title = \"资料完整\"\ngate = { cap_percent = 100, reason = \"泄露\" }\n")],
    "quizzes/demo/rubrics.toml:8:24: cap_percent 是该评分项处于最低等级时作业能得到的最高百分比：应不小于 0 且小于 100，而不是 100"
)]
#[case::partial_blank_percent(
    vec![replace(BANK, "blanks = [[\"私域\", \"私域流量\"]]", "blanks = [[\"私域\", \"私域流量\"]]\npartial_blanks = [[{ answer = \"流量池\", percent = 0 }]]")],
    "quizzes/demo/banks/m01.toml:42:48: 部分得分答案的得分比例应大于 0 且小于 100，而不是 0"
)]
fn new_elements_are_reported_in_chinese_too(#[case] edits: Vec<Edit>, #[case] expected: &str) {
    let report = edits.iter().fold(Fixture::valid(), |fixture, edit| fixture.apply(edit)).load();
    let shown: Vec<String> = report.diagnostics.iter().map(|d| d.line_in(qunxue_core::Lang::Zh)).collect();
    assert!(shown.iter().any(|line| line == expected), "expected {expected}\nin:\n{}", shown.join("\n"));
}
