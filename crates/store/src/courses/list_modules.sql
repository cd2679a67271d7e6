SELECT id, position, kind, title, minutes
FROM modules
WHERE course_id = ?1 AND archived = 0
ORDER BY position
