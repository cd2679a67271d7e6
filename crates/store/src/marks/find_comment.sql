-- The banked comment with this text for this criterion (IS: NULL matches overall comments).
SELECT id FROM comment_bank WHERE course_id = ?1 AND criterion_id IS ?2 AND text = ?3
