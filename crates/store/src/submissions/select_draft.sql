-- The learner's draft of a task.
SELECT profile_id, course_id, task_id, markdown, attachments, saved_at FROM task_drafts
WHERE profile_id = ?1 AND course_id = ?2 AND task_id = ?3
