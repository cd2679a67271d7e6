INSERT INTO attempts (id, profile_id, course_id, quiz_id, number, seed, presentation, started_at,
                      deadline_at, submitted_at, status, score, max_score, percent, passed)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
