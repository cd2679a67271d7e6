-- Whether task ?2 of course ?1 is under double marking.
SELECT 1 FROM double_marked_tasks WHERE course_id = ?1 AND task_id = ?2
