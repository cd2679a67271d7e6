-- Names a class known only by its join code.
UPDATE classes SET name = ?2 WHERE id = ?1 AND name = ''
