SELECT id, body
FROM course_items
WHERE course_id = ?1 AND kind = ?2
