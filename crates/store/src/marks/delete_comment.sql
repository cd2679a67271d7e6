-- Removes banked comment ?1.
DELETE FROM comment_bank WHERE id = ?1
