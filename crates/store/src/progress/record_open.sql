INSERT INTO module_progress (profile_id, course_id, module_id, status, first_opened_at, last_opened_at, open_count)
VALUES (?1, ?2, ?3, 'in_progress', ?4, ?4, 1)
ON CONFLICT (profile_id, course_id, module_id) DO UPDATE SET
    last_opened_at = excluded.last_opened_at,
    open_count = open_count + 1
