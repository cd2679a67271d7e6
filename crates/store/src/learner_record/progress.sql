-- Every module a learner opened, in course and reading order.
SELECT c.title AS course_title, m.title AS module_title, p.status, p.first_opened_at, p.completed_at,
       p.active_seconds
FROM module_progress p
JOIN courses c ON c.id = p.course_id
JOIN modules m ON m.course_id = p.course_id AND m.id = p.module_id
WHERE p.profile_id = ?1
ORDER BY c.title, m.position
