-- Adds one glossary term (JSON) at its place in the file.
INSERT INTO glossary_terms (course_id, id, position, body) VALUES (?1, ?2, ?3, ?4)
