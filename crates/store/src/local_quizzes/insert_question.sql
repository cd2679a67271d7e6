INSERT INTO questions (course_id, id, bank_id, type, difficulty, tags, body, archived, origin)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, 'local')
