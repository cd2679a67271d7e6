-- Per profile, how many current learner modules of course ?1 it has completed.
SELECT p.profile_id, count(*) FROM module_progress p
  JOIN modules m ON m.course_id = p.course_id AND m.id = p.module_id
 WHERE p.course_id = ?1 AND p.status = 'completed' AND m.archived = 0 AND m.audience = 'learner'
 GROUP BY p.profile_id
