-- Archives the pack's questions of course ?1 (locally imported ones stay).
UPDATE questions SET archived = 1 WHERE course_id = ?1 AND origin = 'pack'
