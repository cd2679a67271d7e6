-- The current pack quizzes of course ?1 (id, body).
SELECT id, body FROM course_items
 WHERE course_id = ?1 AND kind = 'quiz' AND archived = 0 AND origin = 'pack' ORDER BY id
