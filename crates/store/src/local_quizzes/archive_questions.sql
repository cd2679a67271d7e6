-- Archives the local questions of bank ?2 (a local quiz's own) in course ?1.
UPDATE questions SET archived = 1 WHERE course_id = ?1 AND bank_id = ?2 AND origin = 'local'
