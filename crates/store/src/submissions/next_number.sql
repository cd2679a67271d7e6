-- The number the learner's next version of the task gets.
SELECT COALESCE(MAX(number), 0) + 1 FROM submission_versions WHERE profile_id = ?1 AND course_id = ?2 AND task_id = ?3
