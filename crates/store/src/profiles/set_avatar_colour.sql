-- Changes the profile's avatar colour.
UPDATE profiles SET avatar_colour = ?2 WHERE id = ?1
