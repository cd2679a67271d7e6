-- Stores a local quiz item.
INSERT INTO course_items (course_id, kind, id, body, archived, origin) VALUES (?1, 'quiz', ?2, ?3, 0, 'local')
