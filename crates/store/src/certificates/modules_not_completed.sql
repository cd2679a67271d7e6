-- Current learner modules of course ?2 that profile ?1 has not completed, in reading order.
SELECT m.id, m.title FROM modules m
 WHERE m.course_id = ?2 AND m.archived = 0 AND m.audience = 'learner'
   AND NOT EXISTS (SELECT 1 FROM module_progress p
                    WHERE p.profile_id = ?1 AND p.course_id = m.course_id AND p.module_id = m.id
                      AND p.status = 'completed')
 ORDER BY m.position
