-- Records where a pull goes on (?3), or when it finished (?4) when ?3 is NULL.
INSERT INTO lrs_pulls (endpoint, course_id, next_url, completed_at) VALUES (?1, ?2, ?3, CASE WHEN ?3 IS NULL THEN ?4 END)
ON CONFLICT (endpoint, course_id) DO UPDATE SET
   next_url = excluded.next_url,
   completed_at = CASE WHEN excluded.next_url IS NULL THEN ?4 ELSE completed_at END
