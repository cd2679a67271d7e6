-- Puts a task under double marking.
INSERT OR IGNORE INTO double_marked_tasks (course_id, task_id) VALUES (?1, ?2)
