-- Sets or removes (NULL) the hash of the admin's one-time recovery code.
UPDATE profiles SET recovery_hash = ?2 WHERE id = ?1
