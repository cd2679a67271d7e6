-- Removes course ?1's glossary.
DELETE FROM glossary_terms WHERE course_id = ?1
