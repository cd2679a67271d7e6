-- Stores a course's completion rule (JSON).
INSERT INTO course_completion_rules (course_id, rule) VALUES (?1, ?2)
