-- Learner ?1's progress in every module of course ?2 they opened, by module id.
SELECT module_id, status, first_opened_at, last_opened_at, open_count, completed_at, active_seconds
  FROM module_progress WHERE profile_id = ?1 AND course_id = ?2 ORDER BY module_id
