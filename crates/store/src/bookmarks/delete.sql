-- Removes a learner's bookmark of a module.
DELETE FROM bookmarks WHERE profile_id = ?1 AND course_id = ?2 AND module_id = ?3
