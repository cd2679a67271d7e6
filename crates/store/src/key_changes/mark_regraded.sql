-- Marks every recorded change of a question's key as regraded.
UPDATE question_key_changes SET regraded_at = ?3, regraded_by = ?4 WHERE course_id = ?1 AND question_id = ?2
