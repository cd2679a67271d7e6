-- Every (profile, quiz) of course ?1 with a passed attempt.
SELECT DISTINCT profile_id, quiz_id FROM attempts WHERE course_id = ?1 AND passed = 1
