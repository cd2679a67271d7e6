UPDATE attempts
SET status = ?2, submitted_at = ?3, score = ?4, max_score = ?5, percent = ?6, passed = ?7
WHERE id = ?1
