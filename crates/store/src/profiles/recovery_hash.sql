-- The hash of admin ?1's one-time recovery code (NULL: none issued).
SELECT recovery_hash FROM profiles WHERE id = ?1
