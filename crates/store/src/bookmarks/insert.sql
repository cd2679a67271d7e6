-- Bookmarks a module (nothing happens if it is bookmarked already).
INSERT INTO bookmarks (profile_id, course_id, module_id, created_at) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT DO NOTHING
