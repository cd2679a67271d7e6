-- Appends one entry to the admin log.
INSERT INTO admin_log (at, actor_id, actor_name, action, detail) VALUES (?1, ?2, ?3, ?4, ?5)
