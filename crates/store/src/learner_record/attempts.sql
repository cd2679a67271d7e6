-- Every quiz attempt of a learner, by course, quiz and attempt number.
SELECT c.title AS course_title, a.quiz_id, a.number, a.status, a.started_at, a.submitted_at,
       a.score, a.max_score, a.percent, a.passed
FROM attempts a
JOIN courses c ON c.id = a.course_id
WHERE a.profile_id = ?1
ORDER BY c.title, a.quiz_id, a.number
