-- Merges one module's progress towards the furthest: completed stays, the earliest first and latest last visit.
INSERT INTO module_progress (profile_id, course_id, module_id, status, first_opened_at, last_opened_at,
                             open_count, completed_at, active_seconds)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
ON CONFLICT (profile_id, course_id, module_id) DO UPDATE SET
   status = CASE WHEN excluded.status = 'completed' THEN 'completed' ELSE status END,
   first_opened_at = MIN(first_opened_at, excluded.first_opened_at),
   last_opened_at = MAX(last_opened_at, excluded.last_opened_at),
   open_count = MAX(open_count, excluded.open_count),
   completed_at = COALESCE(MIN(completed_at, excluded.completed_at), completed_at, excluded.completed_at),
   active_seconds = MAX(active_seconds, excluded.active_seconds)
