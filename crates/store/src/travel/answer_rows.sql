-- The answers of attempt ?1, by question id.
SELECT question_id, answer, saved_at, score, max_score, correct, manual_score, manual_comment, graded_at
  FROM attempt_answers WHERE attempt_id = ?1 ORDER BY question_id
