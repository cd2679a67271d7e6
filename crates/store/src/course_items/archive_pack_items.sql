-- Archives the pack's items of one kind in a course (items added on this machine stay).
UPDATE course_items SET archived = 1 WHERE course_id = ?1 AND kind = ?2 AND origin = 'pack'
