INSERT INTO questions (course_id, id, bank_id, type, difficulty, tags, body, archived)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0)
ON CONFLICT (course_id, id) DO UPDATE SET
    (bank_id, type, difficulty, tags, body, archived) =
    (excluded.bank_id, excluded.type, excluded.difficulty, excluded.tags, excluded.body, 0)
