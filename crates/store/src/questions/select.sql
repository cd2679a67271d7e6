SELECT id, bank_id, type, difficulty, tags, body
FROM questions
WHERE course_id = ?1
