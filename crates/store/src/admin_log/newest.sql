-- The newest ?1 admin log entries, newest first.
SELECT at, actor_id, actor_name, action, detail FROM admin_log ORDER BY at DESC, id DESC LIMIT ?1
