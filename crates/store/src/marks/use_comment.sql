-- Counts one more use of banked comment ?1.
UPDATE comment_bank SET uses = uses + 1 WHERE id = ?1
