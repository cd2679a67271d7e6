SELECT id, profile_id, course_id, quiz_id, number, seed, presentation, started_at, deadline_at,
       submitted_at, status, score, max_score, percent, passed
FROM attempts
