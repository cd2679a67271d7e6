//! P3: saving answers durably, one `save_answer` call (one committed
//! transaction each, as the quiz screen does) per answer, for 100k answers
//! ÷ the floor of that durability: the same rows as bare one-row commits
//! into the same table under the same pragmas; and the p99 of one save.
//! One batched transaction is reported beside them as a figure (it is not
//! a floor: it gives up the durability of each answer).

use std::hint::black_box;

use qunxue_app::quiz::{save_answer, start_quiz, QuestionDto};
use qunxue_core::quiz::LearnerAnswer;
use qunxue_store::profiles::{self, Profile};
use qunxue_store::Store;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::types::Value;

use super::import::Imported;
use super::{now, ratio, Settings};
use crate::report::{Budget, Check, Rule};
use crate::timing::{timed, Samples};

const COLUMNS: &str = "attempt_id, question_id, answer, saved_at, score, max_score, correct, manual_score";

/// Runs P3 on P1's imported database: `save_answer` timed per answer, beside bare one-row commits of the same rows.
pub fn measure(settings: &Settings, imported: &Imported) -> anyhow::Result<Budget> {
    let mut store = Store::open(&imported.database)?;
    let quizzes = &imported.pack.quiz_ids;
    let per_learner = quizzes.len() * 6;
    let learners = settings.answers.div_ceil(per_learner);
    let stamp = now().to_rfc3339();
    let ids: Vec<String> = (0..learners).map(|i| format!("bench-learner-{i:04}")).collect();
    store.transact(|tx| -> anyhow::Result<()> {
        for (i, id) in ids.iter().enumerate() {
            profiles::insert(tx, &Profile::learner(id.clone(), format!("学员{}", i + 1), &stamp))?;
        }
        Ok(())
    })?;

    let mut rng = ChaCha8Rng::seed_from_u64(settings.seed);
    let mut saves = Samples::default();
    let mut starts = Samples::default();
    'all: for learner in &ids {
        for quiz in quizzes {
            let (attempt, elapsed) = timed(|| start_quiz(&mut store, learner, &imported.pack.course_id, quiz, now()));
            let attempt = attempt?;
            starts.push(elapsed);
            for question in &attempt.questions {
                let answer = answer_for(question, &mut rng);
                let (saved, elapsed) =
                    timed(|| save_answer(&mut store, learner, &attempt.attempt_id, &question.id, &answer, now()));
                black_box(saved?);
                saves.push(elapsed);
                if saves.len() == settings.answers {
                    break 'all;
                }
            }
        }
    }

    let rows = saved_rows(&store)?;
    store.conn().execute("DELETE FROM attempt_answers", [])?;
    let (inserted, raw) = timed(|| {
        store.transact(|tx| -> anyhow::Result<usize> {
            let mut insert = tx
                .prepare(&format!("INSERT INTO attempt_answers ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"))?;
            for row in &rows {
                insert.execute(rusqlite::params_from_iter(row.iter()))?;
            }
            Ok(rows.len())
        })
    });
    let inserted = inserted?;
    // The floor for per-answer durability: the same rows, one committed
    // transaction each, with nothing else done.
    store.conn().execute("DELETE FROM attempt_answers", [])?;
    let insert_sql = format!("INSERT INTO attempt_answers ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    let (committed, per_commit) = timed(|| -> anyhow::Result<()> {
        for row in &rows {
            store.transact(|tx| -> anyhow::Result<()> {
                tx.prepare_cached(&insert_sql)?.execute(rusqlite::params_from_iter(row.iter()))?;
                Ok(())
            })?;
        }
        Ok(())
    });
    committed?;

    let throughput_ratio = ratio(per_commit.as_secs_f64(), saves.total());
    let p99_ms = saves.percentile(99.0) * 1e3;
    Ok(Budget::new("P3", "submit answers (durable)")
        .check(Check::new("answers/s ÷ bare one-row commits", Some(throughput_ratio), Rule::AtLeast, 0.5, "×"))
        .check(Check::new("save p99", Some(p99_ms), Rule::AtMost, 1.0, "ms"))
        .figure("answers", saves.len() as f64)
        .figure("save_total_s", saves.total())
        .figure("save_median_ms", saves.median() * 1e3)
        .figure("save_p99_ms", p99_ms)
        .figure("raw_batched_insert_s", raw.as_secs_f64())
        .figure("raw_rows", inserted as f64)
        .figure("raw_one_commit_per_row_s", per_commit.as_secs_f64())
        .figure("save_vs_raw_batched", ratio(raw.as_secs_f64(), saves.total()))
        .figure("start_quiz_median_ms", starts.median() * 1e3)
        .note(format!(
            "{} learners × {} quizzes: quiz::save_answer (check the attempt, score, upsert, commit; WAL, \
             synchronous=NORMAL) timed per call, vs the same {} rows as bare one-row commits (a cached INSERT in its \
             own transaction, same connection and pragmas, same table); one batched transaction is a figure",
            learners,
            quizzes.len(),
            inserted
        )))
}

/// A plausible answer of the right shape for the question.
fn answer_for(question: &QuestionDto, rng: &mut ChaCha8Rng) -> LearnerAnswer {
    let keys: Vec<String> = question.options.iter().flatten().map(|o| o.key.clone()).collect();
    let coin = rng.next_u64();
    match question.kind.as_str() {
        "single" => LearnerAnswer::Choice(keys[(coin % keys.len() as u64) as usize].clone()),
        "multiple" => LearnerAnswer::Choices(
            keys.iter().enumerate().filter(|(i, _)| coin >> i & 1 == 1).map(|(_, k)| k.clone()).collect(),
        ),
        "true_false" => LearnerAnswer::Bool(coin.is_multiple_of(2)),
        "fill_blank" => {
            LearnerAnswer::Blanks(vec![if coin.is_multiple_of(2) { "用户画像".into() } else { "私域".into() }])
        }
        "numeric" => LearnerAnswer::Number((coin % 300) as f64 / 10.0),
        other => LearnerAnswer::Text(format!("{other} 题的作答")),
    }
}

fn saved_rows(store: &Store) -> rusqlite::Result<Vec<Vec<Value>>> {
    let mut select = store.conn().prepare(&format!("SELECT {COLUMNS} FROM attempt_answers"))?;
    let rows = select.query_map([], |row| (0..8).map(|i| row.get::<_, Value>(i)).collect())?;
    rows.collect()
}
