-- The class with join code ?1.
SELECT id, course_id, name, created_at FROM classes WHERE id = ?1
