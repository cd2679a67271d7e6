-- Deletes a profile and, through the foreign keys, everything it owns.
DELETE FROM profiles WHERE id = ?1
