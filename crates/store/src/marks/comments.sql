-- Course ?1's banked comments, most used first.
SELECT id, course_id, criterion_id, text, uses FROM comment_bank WHERE course_id = ?1
ORDER BY uses DESC, created_at, id
