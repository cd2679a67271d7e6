-- Changes the profile's display name.
UPDATE profiles SET display_name = ?2 WHERE id = ?1
