-- Total active seconds per course for learner ?1.
SELECT course_id, sum(active_seconds) FROM module_progress WHERE profile_id = ?1 GROUP BY course_id
