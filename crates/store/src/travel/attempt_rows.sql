-- Learner ?1's handed-in attempts in course ?2, by quiz and number.
SELECT id, quiz_id, number, seed, presentation, started_at, deadline_at, submitted_at, status,
       score, max_score, percent, passed
  FROM attempts WHERE profile_id = ?1 AND course_id = ?2 AND status <> 'in_progress'
 ORDER BY quiz_id, number
