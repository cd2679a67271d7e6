-- Whether the learner has bookmarked the module.
SELECT EXISTS (SELECT 1 FROM bookmarks WHERE profile_id = ?1 AND course_id = ?2 AND module_id = ?3)
