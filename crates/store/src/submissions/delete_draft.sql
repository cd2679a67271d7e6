-- Deletes the learner's draft of a task.
DELETE FROM task_drafts WHERE profile_id = ?1 AND course_id = ?2 AND task_id = ?3
