-- The classes of course ?1, by name.
SELECT id, course_id, name, created_at FROM classes WHERE course_id = ?1 ORDER BY name, id
