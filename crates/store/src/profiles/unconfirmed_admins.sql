-- Admins made before set-up existed: they hold no recovery code.
SELECT id FROM profiles WHERE role = 'admin' AND recovery_hash IS NULL ORDER BY id
