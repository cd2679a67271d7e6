-- Adds a comment to the bank, not used yet.
INSERT INTO comment_bank (id, course_id, criterion_id, text, uses, created_at) VALUES (?1, ?2, ?3, ?4, 0, ?5)
