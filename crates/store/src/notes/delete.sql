-- Deletes note ?1 (its search document goes with it).
DELETE FROM notes WHERE id = ?1
