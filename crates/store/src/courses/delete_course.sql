-- Deletes a course; its modules, content and learners' records go with it.
DELETE FROM courses WHERE id = ?1
