-- Saves where the learner stopped reading an opened module.
UPDATE module_progress SET position_anchor = ?4, position_ratio = ?5
WHERE profile_id = ?1 AND course_id = ?2 AND module_id = ?3
