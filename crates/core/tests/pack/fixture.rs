//! A small valid pack built in memory, and edits that break it one way at a time.

use std::collections::BTreeMap;

use qunxue_core::pack::{self, PackFiles, PackReport};

pub(crate) const MANIFEST: &str = r##"format = 1
id = "acme.demo"
version = "1.0.0"
title = "社群运营入门"
language = "zh-CN"
description = "示例课程。"
modules = [
  "modules/01-concept.md",
  "modules/02-practice.md",
  "modules/03-case.md",
]

[branding]
organisation = "Acme"
primary_colour = "#0f766e"
logo = "assets/logo.svg"
"##;

pub(crate) const MODULE_THEORY: &str = r#"+++
id = "m01-concept"
kind = "theory"
title = "社群的概念"
minutes = 30
objectives = ["说清社群的定义"]
quizzes = ["quiz-m01"]
tasks = []
+++

# 社群的概念

社群是一群有共同目标的人。

![粉丝增长曲线](../assets/growth.png)

下一课：[实操](02-practice.md#开始)，参考 [外部文章](https://example.com/a)。

<video src="../assets/intro.mp4" controls><track kind="captions" src="../assets/intro.vtt" srclang="zh"></video>
"#;

pub(crate) const MODULE_PRACTICE: &str = r#"+++
id = "m02-practice"
kind = "practice"
title = "搭建账号"
minutes = 60
tasks = ["task-setup"]
+++

# 搭建账号

按清单完成账号搭建。
"#;

pub(crate) const MODULE_CASE: &str = r#"+++
id = "m03-case"
kind = "case"
title = "案例：社区烘焙店"
+++

# 案例

一家社区烘焙店的社群。
"#;

pub(crate) const BANK_M01: &str = r#"id = "bank-m01"
title = "第 1 课 题库"

[[question]]
id = "m01-q01"
type = "single"
stem = "哪一项**不是**社群的要素？"
difficulty = 1
tags = ["概念"]
options = ["共同目标", "持续互动", "身份认同", "人数超过 200"]
answer = 3
feedback = ["是要素。", "是要素。", "是要素。", "正确。"]
explanation = "社群看关系，不看规模。"

[[question]]
id = "m01-q02"
type = "multiple"
stem = "社群能带来哪些价值？"
difficulty = 2
tags = ["意义"]
points = 2
options = ["稳定触达", "口碑传播", "一手反馈", "零成本增长"]
answers = [0, 1, 2]
explanation = "社群需要持续投入，不是零成本。"

[[question]]
id = "m01-q03"
type = "true_false"
stem = "建一个微信群就等于建成了社群。"
difficulty = 1
tags = ["概念"]
answer = false
explanation = "群只是载体。"

[[question]]
id = "m01-q04"
type = "fill_blank"
stem = "企业自己能反复触达的用户池叫 ____ 流量。"
difficulty = 2
tags = ["概念"]
blanks = [["私域", "私域流量"]]
explanation = "私域流量可反复触达。"

[[question]]
id = "m01-q05"
type = "matching"
stem = "把社群与类型配对。"
difficulty = 2
tags = ["类型"]
pairs = [["摄影爱好者群", "兴趣型"], ["产品答疑群", "产品型"]]
explanation = "按建群目的划分。"

[[question]]
id = "m01-q06"
type = "ordering"
stem = "排出建群步骤。"
difficulty = 3
tags = ["流程"]
items = ["定位", "建群", "拉新"]
explanation = "先定位，再建群，再拉新。"

[[question]]
id = "m01-q07"
type = "numeric"
stem = "群内 200 人，日均 30 人发言，活跃率是百分之几？"
difficulty = 2
tags = ["数据"]
answer = 15
tolerance = 0.5
explanation = "30 ÷ 200 = 15%。"

[[question]]
id = "m01-q08"
type = "short_answer"
stem = "用一句话说明社群运营的目的。"
difficulty = 3
tags = ["概念"]
reference = "持续为成员创造价值，并实现企业目标。"
explanation = "兼顾成员与企业。"
"#;

pub(crate) const BANK_PRE: &str = r#"id = "bank-pre"
title = "课前测题库"

[[question]]
id = "pre-q01"
type = "true_false"
stem = "社群越大越好。"
difficulty = 1
tags = ["概念"]
answer = false
explanation = "看关系不看规模。"

[[question]]
id = "pre-q02"
type = "true_false"
stem = "社群需要规则。"
difficulty = 2
tags = ["概念"]
answer = true
explanation = "规则让社群有序。"
"#;

pub(crate) const QUIZZES: &str = r#"[[quiz]]
id = "quiz-m01"
title = "第 1 课 小测"
purpose = "module"
items = ["m01-q01", "m01-q02", "m01-q03", "m01-q04"]
pass_mark = 0.6
max_attempts = 3
time_limit_minutes = 15
feedback = "immediate"
shuffle_questions = true
shuffle_options = true

[[quiz]]
id = "quiz-pre"
title = "课前测"
purpose = "pre_test"
parallel = "quiz-post"
[[quiz.draw]]
bank = "bank-pre"
tags = ["概念"]
difficulty = [1, 3]
count = 2

[[quiz]]
id = "quiz-post"
title = "课后测"
purpose = "post_test"
parallel = "quiz-pre"
items = ["m01-q05", "m01-q06", "m01-q07", "m01-q08"]
"#;

pub(crate) const TASKS: &str = r#"[[task]]
id = "task-setup"
module = "m02-practice"
title = "搭建一个社群账号"
rubric = "rubric-setup"
instructions = """
### 要做什么

按第 2 课的清单搭建账号，提交截图。
"""
attachment_types = ["png", "pdf"]
max_attachment_mb = 20
grade_max = 100
allow_resubmit = true
"#;

pub(crate) const RUBRICS: &str = r#"[[rubric]]
id = "rubric-setup"
title = "账号搭建评分标准"

[[rubric.criterion]]
id = "profile"
title = "资料完整"
[[rubric.criterion.level]]
points = 0
label = "未达标"
descriptor = "资料缺失。"
[[rubric.criterion.level]]
points = 2
label = "达标"
descriptor = "资料完整。"
"#;

pub(crate) const METRICS: &str = r#"[[metric]]
id = "new_fans"
name = "新增粉丝数"
unit = "人"
direction = "up"
aggregation = "sum"
definition = "新入群人数。"
formula = "期末 − 期初 + 退出"

[[metric]]
id = "churn"
name = "流失率"
unit = "%"
direction = "down"
aggregation = "mean"
"#;

pub(crate) const SURVEYS: &str = r#"[[survey]]
id = "survey-satisfaction"
title = "满意度调查"

[[survey.item]]
id = "overall"
type = "likert"
scale = 5
prompt = "总体满意吗？"

[[survey.item]]
id = "comments"
type = "text"
prompt = "还有什么建议？"
"#;

pub(crate) const DATA: &str = "learner,group,metric,period,value
s01,treatment,new_fans,before,140
s01,treatment,new_fans,after,183
s02,control,churn,before,4.5
s02,control,churn,after,4.1
";

/// Every file of the valid pack: `(path, text)`, or an asset size.
pub(crate) fn valid_files() -> Vec<(&'static str, Content)> {
    vec![
        ("courses/demo/course.toml", Content::Text(MANIFEST)),
        ("courses/demo/modules/01-concept.md", Content::Text(MODULE_THEORY)),
        ("courses/demo/modules/02-practice.md", Content::Text(MODULE_PRACTICE)),
        ("courses/demo/modules/03-case.md", Content::Text(MODULE_CASE)),
        ("courses/demo/assets/logo.svg", Content::Asset(900)),
        ("courses/demo/assets/growth.png", Content::Asset(20_000)),
        ("courses/demo/assets/intro.mp4", Content::Asset(3_000_000)),
        ("courses/demo/assets/intro.vtt", Content::Asset(200)),
        ("quizzes/demo/banks/m01.toml", Content::Text(BANK_M01)),
        ("quizzes/demo/banks/pre.toml", Content::Text(BANK_PRE)),
        ("quizzes/demo/quizzes/main.toml", Content::Text(QUIZZES)),
        ("quizzes/demo/tasks.toml", Content::Text(TASKS)),
        ("quizzes/demo/rubrics.toml", Content::Text(RUBRICS)),
        ("quizzes/demo/metrics.toml", Content::Text(METRICS)),
        ("quizzes/demo/surveys.toml", Content::Text(SURVEYS)),
        ("quizzes/demo/data/sample-impact.csv", Content::Text(DATA)),
    ]
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Content {
    Text(&'static str),
    Asset(u64),
}

/// One change to the valid pack.
#[derive(Debug, Clone)]
pub(crate) enum Edit {
    /// Replace the first occurrence of a text in a file (which must contain it).
    Replace(&'static str, &'static str, &'static str),
    /// Add or overwrite a text file.
    Text(&'static str, &'static str),
    /// Add or overwrite a file with raw bytes.
    Bytes(&'static str, Vec<u8>),
    /// Add or overwrite an asset of this size.
    Asset(&'static str, u64),
    Remove(&'static str),
}

/// The valid pack, editable.
#[derive(Debug, Clone)]
pub(crate) struct Fixture {
    files: BTreeMap<String, FileContent>,
}

#[derive(Debug, Clone)]
enum FileContent {
    Bytes(Vec<u8>),
    Asset(u64),
}

impl Fixture {
    pub(crate) fn valid() -> Self {
        let files = valid_files()
            .into_iter()
            .map(|(path, content)| {
                let content = match content {
                    Content::Text(text) => FileContent::Bytes(text.as_bytes().to_vec()),
                    Content::Asset(size) => FileContent::Asset(size),
                };
                (path.to_string(), content)
            })
            .collect();
        Self { files }
    }

    pub(crate) fn apply(mut self, edit: &Edit) -> Self {
        match edit {
            Edit::Replace(path, from, to) => {
                let Some(FileContent::Bytes(bytes)) = self.files.get_mut(*path) else { panic!("no text file {path}") };
                let text = String::from_utf8(bytes.clone()).unwrap();
                assert!(text.contains(from), "{path} does not contain {from:?}");
                *bytes = text.replacen(from, to, 1).into_bytes();
            }
            Edit::Text(path, text) => {
                self.files.insert(path.to_string(), FileContent::Bytes(text.as_bytes().to_vec()));
            }
            Edit::Bytes(path, bytes) => {
                self.files.insert(path.to_string(), FileContent::Bytes(bytes.clone()));
            }
            Edit::Asset(path, size) => {
                self.files.insert(path.to_string(), FileContent::Asset(*size));
            }
            Edit::Remove(path) => {
                assert!(self.files.remove(*path).is_some(), "no file {path}");
            }
        }
        self
    }

    /// Rewrites every text file with a BOM and CRLF line endings.
    pub(crate) fn windows_line_endings(mut self) -> Self {
        for content in self.files.values_mut() {
            if let FileContent::Bytes(bytes) = content {
                let text = String::from_utf8(bytes.clone()).unwrap().replace('\n', "\r\n");
                *bytes = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
            }
        }
        self
    }

    pub(crate) fn files(&self) -> PackFiles {
        let mut files = PackFiles::new();
        for (path, content) in &self.files {
            match content {
                FileContent::Bytes(bytes) => files.insert_text(path.clone(), bytes.clone()),
                FileContent::Asset(size) => files.insert_asset(path.clone(), *size),
            }
        }
        files
    }

    pub(crate) fn load(&self) -> PackReport {
        pack::load(&self.files())
    }
}

/// Every diagnostic of a report as the CLI prints it.
pub(crate) fn shown(report: &PackReport) -> Vec<String> {
    report.diagnostics.iter().map(ToString::to_string).collect()
}
