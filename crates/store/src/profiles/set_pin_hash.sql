-- Sets or removes (NULL) the profile's PIN hash.
UPDATE profiles SET pin_hash = ?2 WHERE id = ?1
