-- Removes course ?1's completion rule.
DELETE FROM course_completion_rules WHERE course_id = ?1
