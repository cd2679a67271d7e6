-- Current pack quizzes of course ?2 without a passed attempt by profile ?1.
SELECT i.id FROM course_items i
 WHERE i.course_id = ?2 AND i.kind = 'quiz' AND i.archived = 0 AND i.origin = 'pack'
   AND NOT EXISTS (SELECT 1 FROM attempts a
                    WHERE a.profile_id = ?1 AND a.course_id = i.course_id AND a.quiz_id = i.id
                      AND a.passed = 1)
 ORDER BY i.id
