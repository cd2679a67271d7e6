-- Takes a task out of double marking.
DELETE FROM double_marked_tasks WHERE course_id = ?1 AND task_id = ?2
