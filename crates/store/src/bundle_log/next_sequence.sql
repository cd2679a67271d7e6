-- Increments and returns the exporter's sequence for a kind, signer and course.
INSERT INTO bundle_sequences (kind, signer, course_id, last) VALUES (?1, ?2, ?3, 1)
ON CONFLICT (kind, signer, course_id) DO UPDATE SET last = last + 1
RETURNING last
