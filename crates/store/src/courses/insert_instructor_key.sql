-- Adds one instructor's public key of a course.
INSERT OR IGNORE INTO course_instructor_keys (course_id, public_key) VALUES (?1, ?2)
