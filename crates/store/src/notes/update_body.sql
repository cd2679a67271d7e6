-- Replaces a note's text; the quote and anchor stay.
UPDATE notes SET body = ?2, updated_at = ?3 WHERE id = ?1
