-- When course ?1's rules and laws were last checked.
SELECT reviewed_on FROM course_reviews WHERE course_id = ?1
