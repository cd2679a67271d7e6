-- Archives every module of course ?1 (those still listed are restored by the upsert).
UPDATE modules SET archived = 1 WHERE course_id = ?1
