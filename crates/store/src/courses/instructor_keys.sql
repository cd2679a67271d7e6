-- The instructors' public keys course ?1 names.
SELECT public_key FROM course_instructor_keys WHERE course_id = ?1 ORDER BY 1
