-- Whether course ?1 has module ?2.
SELECT 1 FROM modules WHERE course_id = ?1 AND id = ?2
