-- Drops course ?1's module and question documents (its notes stay).
DELETE FROM search_docs WHERE course_id = ?1 AND kind IN ('module', 'question')
