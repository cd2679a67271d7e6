INSERT INTO attempt_answers (attempt_id, question_id, answer, saved_at, score, max_score, correct, manual_score)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT (attempt_id, question_id) DO UPDATE SET
    answer = excluded.answer,
    saved_at = excluded.saved_at,
    score = excluded.score,
    max_score = excluded.max_score,
    correct = excluded.correct,
    manual_score = excluded.manual_score
