SELECT module_id, status, first_opened_at, last_opened_at, open_count, completed_at
FROM module_progress
