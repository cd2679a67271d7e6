-- Whether course ?1 has item ?3 of kind ?2.
SELECT 1 FROM course_items WHERE course_id = ?1 AND kind = ?2 AND id = ?3
