-- Adds a class unless one with that join code exists.
INSERT INTO classes (id, course_id, name, created_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (id) DO NOTHING
