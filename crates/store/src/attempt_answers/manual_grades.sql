-- The manual grades of attempt ?1's answers.
SELECT question_id, manual_score, manual_comment, graded_by, graded_at FROM attempt_answers WHERE attempt_id = ?1 AND manual_score IS NOT NULL
