-- Where an unfinished pull of course ?2 from endpoint ?1 stopped.
SELECT next_url FROM lrs_pulls WHERE endpoint = ?1 AND course_id = ?2
