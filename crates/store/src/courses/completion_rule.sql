-- Course ?1's completion rule (JSON).
SELECT rule FROM course_completion_rules WHERE course_id = ?1
