-- Marks an answer as checked (its feedback shown), keeping the first check time.
UPDATE attempt_answers SET checked_at = COALESCE(checked_at, ?3) WHERE attempt_id = ?1 AND question_id = ?2
