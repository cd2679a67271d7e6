-- When the last pull of course ?2 from endpoint ?1 finished.
SELECT completed_at FROM lrs_pulls WHERE endpoint = ?1 AND course_id = ?2
