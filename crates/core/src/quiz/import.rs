//! What the GIFT and Aiken importers share: the outcome type, the
//! all-or-nothing rule, and how an imported question gets what a bank
//! requires but those formats do not carry (an id, a difficulty, an
//! explanation).

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::pack::model::{Bank, Question, QuestionType};

/// The difficulty given to imported questions: neither format has one.
pub const DEFAULT_DIFFICULTY: u8 = 3;

/// Whether a file with some broken items still yields its good ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Any error and no question is returned.
    AllOrNothing,
    /// The questions that parsed, alongside the errors of those that did not.
    Partial,
}

/// Questions read from a file, and every problem found in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The questions read, in file order, with ids such as `gift-001`; empty on error in all-or-nothing mode.
    pub questions: Vec<Question>,
    /// Every problem found, sorted by line and column.
    pub diagnostics: Vec<Diagnostic>,
    /// Files the questions link (`assets/<name>`): images embedded in a
    /// Moodle XML bank. Empty for GIFT and Aiken.
    pub files: Vec<super::moodle_xml::EmbeddedFile>,
}

impl Imported {
    /// True when any problem is an error (so some or all questions were not read).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Applies `mode` and reports a file with no question at all.
    pub(crate) fn finish(
        file: &str,
        questions: Vec<Question>,
        mut diagnostics: Vec<Diagnostic>,
        mode: ImportMode,
    ) -> Self {
        let has_errors = diagnostics.iter().any(Diagnostic::is_error);
        if questions.is_empty() && !has_errors {
            diagnostics.push(Diagnostic::error(
                file,
                1,
                1,
                msg!("no questions found in the file", "文件中没有找到题目"),
            ));
        }
        diagnostics.sort_by_key(|d| (d.line, d.col));
        let questions = if has_errors && mode == ImportMode::AllOrNothing { Vec::new() } else { questions };
        Imported { questions, diagnostics, files: Vec::new() }
    }
}

/// The file formats questions are imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Gift,
    Aiken,
    MoodleXml,
}

impl Format {
    /// The question numbered `position` (from 1) in its file, with the
    /// defaults every imported question gets and no answer yet.
    pub(crate) fn question(self, position: usize, kind: QuestionType, stem: String) -> Question {
        let prefix = match self {
            Format::Gift => "gift",
            Format::Aiken => "aiken",
            Format::MoodleXml => "moodle",
        };
        Question {
            id: format!("{prefix}-{position:03}"),
            kind,
            stem,
            difficulty: DEFAULT_DIFFICULTY,
            tags: Vec::new(),
            points: 1.0,
            options: None,
            answer: None,
            answers: None,
            feedback: None,
            blanks: None,
            pairs: None,
            distractors: None,
            partial_blanks: None,
            items: None,
            tolerance: None,
            reference: None,
            explanation: self.missing_explanation(),
        }
    }

    /// Banks require an explanation; this one says plainly there was none.
    pub(crate) fn missing_explanation(self) -> String {
        let name = match self {
            Format::Gift => "GIFT",
            Format::Aiken => "Aiken",
            Format::MoodleXml => "Moodle XML",
        };
        format!("本题从 {name} 文件导入，原文件没有提供解析。")
    }
}

/// The question file formats a user can import (the CLI's `--from`, the
/// instructor's import screen).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionFileFormat {
    /// Moodle's GIFT text format.
    Gift,
    /// The Aiken format: single-choice questions as plain text.
    Aiken,
    /// A Moodle XML question export (`moodle-xml` on the command line).
    #[serde(rename = "moodle-xml")]
    MoodleXml,
}

impl QuestionFileFormat {
    /// The name used by the CLI's `--from` and in serialised form: `gift`, `aiken` or `moodle-xml`.
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionFileFormat::Gift => "gift",
            QuestionFileFormat::Aiken => "aiken",
            QuestionFileFormat::MoodleXml => "moodle-xml",
        }
    }

    /// Reads every question of `text` (the file named `file`), see [`ImportMode`].
    pub fn parse(self, file: &str, text: &str, mode: ImportMode) -> Imported {
        match self {
            QuestionFileFormat::Gift => super::parse_gift(file, text, mode),
            QuestionFileFormat::Aiken => super::parse_aiken(file, text, mode),
            QuestionFileFormat::MoodleXml => super::parse_moodle_xml(file, text, mode),
        }
    }
}

/// A question file's bytes as text. Files saved in a legacy encoding (GBK
/// from older Windows tools is common) are refused with the line and column
/// of the first byte that is not UTF-8, and what to do about it.
pub fn decode_question_file(file: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = std::str::from_utf8(valid).expect("the prefix before valid_up_to is UTF-8");
        let (line, col) = crate::diagnostic::line_col(text, valid.len());
        Diagnostic::error(
            file,
            line,
            col,
            msg!(
                "the file is not UTF-8 text; save it as UTF-8 and try again",
                "文件不是 UTF-8 文本，请另存为 UTF-8 编码后重试"
            ),
        )
    })
}

/// A bank holding `questions`, named after the file they came from: the
/// title is the file name without its extension, the id the same made into
/// a valid id (`Chapter 1.gift` → `chapter-1`).
pub fn bank_for_file(file_name: &str, questions: Vec<Question>) -> Bank {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = match base.rfind('.') {
        Some(dot) if dot > 0 => &base[..dot],
        _ => base,
    };
    let mut id = String::new();
    for c in stem.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() || (matches!(c, '.' | '_') && !id.is_empty()) {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let mut id: String = id.trim_end_matches(['-', '.', '_']).chars().take(64).collect();
    if id.is_empty() {
        id = "imported".into();
    }
    let title = if stem.trim().is_empty() { id.clone() } else { stem.trim().to_string() };
    Bank { id, title, questions }
}

/// `bank` as a bank file (`quizzes/<slug>/banks/<id>.toml`).
pub fn bank_toml(bank: &Bank) -> String {
    // Banks are plain data (strings, numbers, lists): serialising cannot fail.
    toml::to_string(bank).expect("a bank always serialises to TOML")
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;
    use crate::pack::is_valid_id;

    #[rstest]
    #[case::plain("gift-all-features.gift", "gift-all-features", "gift-all-features")]
    #[case::path_and_spaces("/tmp/题库/Chapter 1 Quiz.txt", "chapter-1-quiz", "Chapter 1 Quiz")]
    #[case::windows_path("C:\\q\\aiken_sample.txt", "aiken_sample", "aiken_sample")]
    #[case::chinese_only("社群运营.gift", "imported", "社群运营")]
    #[case::leading_symbols("__Q&A v2.gift", "q-a-v2", "__Q&A v2")]
    #[case::no_extension("questions", "questions", "questions")]
    fn quiz_import_bank_named_after_the_file(#[case] file: &str, #[case] id: &str, #[case] title: &str) {
        let bank = bank_for_file(file, Vec::new());
        assert_eq!((bank.id.as_str(), bank.title.as_str()), (id, title));
        assert!(is_valid_id(&bank.id), "{}", bank.id);
    }

    /// Imported questions are complete bank questions: a pack holding the
    /// banks converted from the fixtures passes the pack validator untouched.
    #[test]
    fn quiz_import_fixtures_make_valid_banks() {
        use crate::pack::{load, PackFiles};
        use crate::quiz::{parse_aiken, parse_gift};

        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/quiz/");
        let mut files = PackFiles::new();
        files.insert_text(
            "courses/demo/course.toml",
            "format = 1\nid = \"t.import\"\nversion = \"1.0.0\"\ntitle = \"导入\"\nlanguage = \"zh-CN\"\n\
             description = \"导入测试。\"\nmodules = [\"modules/01-a.md\"]\n",
        );
        files.insert_text(
            "courses/demo/modules/01-a.md",
            "+++\nid = \"m01\"\nkind = \"theory\"\ntitle = \"一\"\nminutes = 5\nobjectives = [\"读\"]\n+++\n# 一\n\n正文。\n",
        );
        let mut count = 0;
        for (name, parse) in [
            ("gift-all-features.gift", parse_gift as fn(&str, &str, ImportMode) -> Imported),
            ("aiken-sample.txt", parse_aiken),
        ] {
            let text = std::fs::read_to_string(format!("{fixtures}{name}")).unwrap();
            let imported = parse(name, &text, ImportMode::AllOrNothing);
            assert!(!imported.has_errors(), "{:?}", imported.diagnostics);
            count += imported.questions.len();
            let bank = bank_for_file(name, imported.questions);
            files.insert_text(format!("quizzes/demo/banks/{}.toml", bank.id), bank_toml(&bank));
        }
        let report = load(&files);
        let errors: Vec<String> = report.errors().map(ToString::to_string).collect();
        assert!(errors.is_empty(), "{errors:#?}");
        let loaded: usize = report.courses.iter().flat_map(|c| &c.banks).map(|b| b.questions.len()).sum();
        assert_eq!(loaded, count);
    }

    #[test]
    fn quiz_import_all_or_nothing() {
        let q = Format::Gift.question(1, QuestionType::TrueFalse, "题".into());
        assert_eq!(q.id, "gift-001");
        let errors = vec![Diagnostic::error("f", 3, 1, msg!("bad", "有误"))];
        assert!(Imported::finish("f", vec![q.clone()], errors.clone(), ImportMode::AllOrNothing).questions.is_empty());
        assert_eq!(Imported::finish("f", vec![q.clone()], errors, ImportMode::Partial).questions.len(), 1);
        let empty = Imported::finish("f", Vec::new(), Vec::new(), ImportMode::Partial);
        assert!(empty.has_errors() && empty.diagnostics[0].message.contains("no questions"));
    }
}
