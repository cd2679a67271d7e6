-- Records when the profile was last used.
UPDATE profiles SET last_used_at = ?2 WHERE id = ?1
