//! The names of the things a pack defines, in both languages, for messages
//! such as "duplicate quiz id" / "测验 id 重复".

use crate::diagnostic::Noun;

pub(crate) const MODULE: Noun = Noun { en: "module", zh: "模块" };
pub(crate) const BANK: Noun = Noun { en: "bank", zh: "题库" };
pub(crate) const QUESTION: Noun = Noun { en: "question", zh: "题目" };
pub(crate) const QUIZ: Noun = Noun { en: "quiz", zh: "测验" };
pub(crate) const TASK: Noun = Noun { en: "task", zh: "实践任务" };
pub(crate) const RUBRIC: Noun = Noun { en: "rubric", zh: "评分量规" };
pub(crate) const METRIC: Noun = Noun { en: "metric", zh: "指标" };
pub(crate) const SURVEY: Noun = Noun { en: "survey", zh: "问卷" };
pub(crate) const CRITERION: Noun = Noun { en: "criterion", zh: "评分项" };
pub(crate) const SURVEY_ITEM: Noun = Noun { en: "item", zh: "问卷题项" };
pub(crate) const TERM: Noun = Noun { en: "glossary term", zh: "术语" };
