-- The highest sequence imported from one signer's key for a kind and course.
SELECT MAX(sequence) FROM imported_bundles
WHERE kind = ?1 AND signer = ?2 AND course_id = ?3 AND public_key = ?4
