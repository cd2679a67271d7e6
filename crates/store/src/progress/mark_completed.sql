INSERT INTO module_progress (profile_id, course_id, module_id, status, first_opened_at, last_opened_at,
                             open_count, completed_at)
VALUES (?1, ?2, ?3, 'completed', ?4, ?4, 1, ?4)
ON CONFLICT (profile_id, course_id, module_id) DO UPDATE SET
    status = 'completed',
    completed_at = coalesce(completed_at, excluded.completed_at)
