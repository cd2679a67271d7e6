-- Changes the profile's role.
UPDATE profiles SET role = ?2 WHERE id = ?1
