-- Takes in an answer; a mark it brings fills an answer still unmarked here, never replaces one.
INSERT INTO attempt_answers (attempt_id, question_id, answer, saved_at, score, max_score, correct,
                             manual_score, manual_comment, graded_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
ON CONFLICT (attempt_id, question_id) DO UPDATE SET
   manual_score = excluded.manual_score, manual_comment = excluded.manual_comment,
   graded_at = excluded.graded_at
WHERE attempt_answers.manual_score IS NULL AND excluded.manual_score IS NOT NULL
