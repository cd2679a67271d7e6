INSERT INTO modules (course_id, id, position, kind, title, minutes, objectives, source_path,
                     markdown, html, audience, instructor_html, archived)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 0)
ON CONFLICT (course_id, id) DO UPDATE SET
    position = excluded.position,
    kind = excluded.kind,
    title = excluded.title,
    minutes = excluded.minutes,
    objectives = excluded.objectives,
    source_path = excluded.source_path,
    markdown = excluded.markdown,
    html = excluded.html,
    audience = excluded.audience,
    instructor_html = excluded.instructor_html,
    archived = 0
