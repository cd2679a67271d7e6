SELECT id, position, kind, title, minutes, objectives, source_path, markdown, html, audience, instructor_html
FROM modules
WHERE course_id = ?1 AND id = ?2
