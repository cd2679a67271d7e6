-- Forgets the instructors' public keys course ?1 names.
DELETE FROM course_instructor_keys WHERE course_id = ?1
