-- Shared-laptop accounts. Each run of wrong PINs that ends in a lock-out
-- doubles the next lock (`lockouts` counts the runs since the last right
-- PIN), kept here so a restart does not reset it. The admin log records who
-- did what as admin, and travels with the database's backups.

ALTER TABLE pin_failures ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0 CHECK (lockouts >= 0);

CREATE TABLE admin_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor_id   TEXT,                  -- profile id; kept when the profile is deleted
    actor_name TEXT NOT NULL,
    action     TEXT NOT NULL,         -- import_pack, remove_course, set_role, delete_profile, restore_backup, …
    detail     TEXT NOT NULL
) STRICT;

CREATE INDEX admin_log_by_time ON admin_log(at);
