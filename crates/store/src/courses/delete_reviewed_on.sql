-- Forgets when course ?1's rules and laws were last checked.
DELETE FROM course_reviews WHERE course_id = ?1
