-- Takes in an attempt once, whole; its number moves to the next free one if another attempt holds it.
INSERT INTO attempts (id, profile_id, course_id, quiz_id, number, seed, presentation, started_at,
                      deadline_at, submitted_at, status, score, max_score, percent, passed)
SELECT ?1, ?2, ?3, ?4,
       -- Another attempt of this learner may hold the number here; the next free one keeps both.
       CASE WHEN EXISTS (SELECT 1 FROM attempts WHERE profile_id = ?2 AND course_id = ?3 AND quiz_id = ?4 AND number = ?5)
            THEN (SELECT MAX(number) + 1 FROM attempts WHERE profile_id = ?2 AND course_id = ?3 AND quiz_id = ?4)
            ELSE ?5 END,
       ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15
WHERE NOT EXISTS (SELECT 1 FROM attempts WHERE id = ?1)
