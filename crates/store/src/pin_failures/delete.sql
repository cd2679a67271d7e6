-- Forgets profile ?1's wrong PINs and lock.
DELETE FROM pin_failures WHERE profile_id = ?1
