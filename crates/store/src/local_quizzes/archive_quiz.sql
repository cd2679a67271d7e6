-- Archives local quiz ?2 of course ?1 (if it is not archived already).
UPDATE course_items SET archived = 1
WHERE course_id = ?1 AND kind = 'quiz' AND id = ?2 AND origin = 'local' AND archived = 0
