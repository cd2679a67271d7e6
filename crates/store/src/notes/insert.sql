INSERT INTO notes (id, profile_id, course_id, module_id, anchor, quote, body, created_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
