//! A small course with one question of each auto-scored type, a short
//! answer and one quiz, written straight into a store: for the tests here,
//! in the root `tests/` suite and for the CLI's hidden `quiz-sim`.

use qunxue_store::course_items::{self, ItemKind, ItemRecord};
use qunxue_store::courses::{self, CourseRecord};
use qunxue_store::questions::{self, QuestionRecord};
use qunxue_store::{profiles, Store};
use serde_json::{json, Value};

use crate::Result;

pub const COURSE: &str = "quiz-course";
pub const QUIZ: &str = "q-main";
pub const PROFILE: &str = "p-test";

/// The questions: `s1` single (answer "1"), `m1` multiple (answers "0","2"),
/// `t1` true/false (true), `n1` numeric (18.5 ± 0.5), `f1` fill-blank (私域).
pub fn questions() -> Vec<Value> {
    vec![
        json!({"id":"s1","type":"single","stem":"选 **乙**","difficulty":1,"options":["甲","乙","丙"],"answer":1,
               "feedback":["甲不对","乙对","丙不对"],"explanation":"因为乙"}),
        json!({"id":"m1","type":"multiple","stem":"选甲丙","difficulty":2,"options":["甲","乙","丙"],"answers":[0,2],"explanation":"甲丙"}),
        json!({"id":"t1","type":"true_false","stem":"对吗","difficulty":1,"answer":true,"explanation":"对"}),
        json!({"id":"n1","type":"numeric","stem":"多少","difficulty":3,"answer":18.5,"tolerance":0.5,"explanation":"18.5"}),
        json!({"id":"f1","type":"fill_blank","stem":"____ 流量","difficulty":2,"blanks":[["私域"]],"explanation":"私域"}),
    ]
}

/// Installs the course with `quizzes` (pack quiz models as JSON) and the profile.
pub fn install(store: &mut Store, quizzes: &[Value]) -> Result<()> {
    store.transact(|tx| -> Result<()> {
        courses::upsert_course(
            tx,
            &CourseRecord {
                id: COURSE.into(),
                version: "1.0.0".into(),
                title: "测验课程".into(),
                language: "zh-CN".into(),
                description: String::new(),
                organisation: None,
                primary_colour: None,
                logo_path: None,
                source_dir: "/nowhere".into(),
                installed_at: "2026-01-01T00:00:00Z".into(),
                updated_at: "2026-01-01T00:00:00Z".into(),
            },
        )?;
        let records: Vec<QuestionRecord> = questions()
            .into_iter()
            .map(|q| QuestionRecord {
                id: q["id"].as_str().unwrap_or_default().to_string(),
                bank_id: "b1".into(),
                kind: q["type"].as_str().unwrap_or_default().to_string(),
                difficulty: q["difficulty"].as_i64().unwrap_or(1),
                tags: Vec::new(),
                body: q.to_string(),
            })
            .collect();
        questions::replace_questions(tx, COURSE, &records)?;
        let items: Vec<ItemRecord> = quizzes
            .iter()
            .map(|q| ItemRecord { id: q["id"].as_str().unwrap_or_default().to_string(), body: q.to_string() })
            .collect();
        course_items::replace_items(tx, COURSE, ItemKind::Quiz, &items)?;
        if profiles::get(tx, PROFILE).is_err() {
            profiles::insert(tx, &profiles::Profile::learner(PROFILE, "学员", "2026-01-01T00:00:00Z"))?;
        }
        Ok(())
    })
}

/// A quiz over all five questions; `extra` overrides its fields.
pub fn quiz(extra: Value) -> Value {
    let mut quiz = json!({"id": QUIZ, "title": "模块测验", "purpose": "module",
        "items": ["s1","m1","t1","n1","f1"], "shuffle_options": true});
    if let (Some(base), Some(extra)) = (quiz.as_object_mut(), extra.as_object()) {
        for (k, v) in extra {
            base.insert(k.clone(), v.clone());
        }
    }
    quiz
}
