-- The questions of attempt ?1 whose answers were checked.
SELECT question_id FROM attempt_answers WHERE attempt_id = ?1 AND checked_at IS NOT NULL
