-- Course ?1's glossary terms (JSON), in file order.
SELECT body FROM glossary_terms WHERE course_id = ?1 ORDER BY position
