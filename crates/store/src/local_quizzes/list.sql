SELECT i.id, i.body, s.file_name, s.format, s.imported_by, s.imported_at,
       (SELECT count(*) FROM questions q
        WHERE q.course_id = i.course_id AND q.bank_id = i.id AND q.origin = 'local' AND q.archived = 0) AS question_count
FROM course_items i
JOIN local_quiz_sources s ON s.course_id = i.course_id AND s.quiz_id = i.id
WHERE i.course_id = ?1 AND i.kind = 'quiz' AND i.origin = 'local' AND i.archived = 0
ORDER BY s.imported_at DESC, i.id
