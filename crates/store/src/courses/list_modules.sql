-- ?2: whether instructor-only modules are listed too.
SELECT id, position, kind, title, minutes, audience
FROM modules
WHERE course_id = ?1 AND archived = 0 AND (?2 OR audience = 'learner')
ORDER BY position
