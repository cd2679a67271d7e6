-- Keeps a statement pulled from the LRS, unless it is kept already.
INSERT INTO lrs_statements (id, course_id, profile_id, body, pulled_at) VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (id) DO NOTHING
