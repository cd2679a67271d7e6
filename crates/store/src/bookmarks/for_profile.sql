-- A learner's bookmarks of current modules, newest first, with the module titles.
SELECT b.course_id, b.module_id, m.title, b.created_at
FROM bookmarks b JOIN modules m ON m.course_id = b.course_id AND m.id = b.module_id
WHERE b.profile_id = ?1 AND m.archived = 0
ORDER BY b.created_at DESC, m.position
