-- Handed-in attempts of course ?1 with an automatically scored answer to question ?2, oldest first.
SELECT a.id FROM attempts a JOIN attempt_answers aa ON aa.attempt_id = a.id
 WHERE a.course_id = ?1 AND aa.question_id = ?2 AND a.status <> 'in_progress' AND aa.correct IS NOT NULL
 ORDER BY a.started_at, a.id
