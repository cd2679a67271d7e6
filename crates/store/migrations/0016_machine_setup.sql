-- Who uses this computer, and how its admin can recover.
--
-- `recovery_hash` is an argon2 hash of the one-time recovery code an admin
-- is shown at set-up; an admin without one was made before set-up existed
-- ("the old way") and is asked to confirm or re-create the admin.
--
-- A database that already has profiles was in use before this version: it
-- is not asked the first-run question again. One with an admin counts as a
-- shared machine, any other as a personal one.

ALTER TABLE profiles ADD COLUMN recovery_hash TEXT;

INSERT OR IGNORE INTO settings (key, value)
SELECT 'machine_use',
       CASE WHEN EXISTS (SELECT 1 FROM profiles WHERE role = 'admin') THEN 'shared' ELSE 'personal' END
WHERE EXISTS (SELECT 1 FROM profiles WHERE origin = 'local');
