INSERT INTO course_items (course_id, kind, id, body, archived)
VALUES (?1, ?2, ?3, ?4, 0)
ON CONFLICT (course_id, kind, id) DO UPDATE SET
    body = excluded.body,
    archived = 0
