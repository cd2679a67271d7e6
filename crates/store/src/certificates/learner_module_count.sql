-- How many current learner modules course ?1 has.
SELECT count(*) FROM modules WHERE course_id = ?1 AND archived = 0 AND audience = 'learner'
