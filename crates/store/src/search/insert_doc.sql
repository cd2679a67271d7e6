INSERT INTO search_docs (kind, course_id, module_id, anchor, ref_id, profile_id, title, heading, body)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
