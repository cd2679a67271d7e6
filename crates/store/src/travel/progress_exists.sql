-- Whether the learner has a progress row for the module.
SELECT 1 FROM module_progress WHERE profile_id = ?1 AND course_id = ?2 AND module_id = ?3
