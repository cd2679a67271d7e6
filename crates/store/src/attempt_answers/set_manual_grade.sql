-- Records a person's grade of one answer, replacing an earlier one.
UPDATE attempt_answers SET manual_score = ?3, manual_comment = ?4, graded_by = ?5, graded_at = ?6 WHERE attempt_id = ?1 AND question_id = ?2
