-- A module as the reader shows it: `get_module.sql` without the Markdown
-- source (the reader shows HTML rendered at import; the source is as big
-- again), and with the instructors' HTML only when ?3 (an instructor reads).
SELECT id, position, kind, title, minutes, objectives, source_path, '' AS markdown, html, audience,
       CASE WHEN ?3 THEN instructor_html END AS instructor_html
FROM modules
WHERE course_id = ?1 AND id = ?2
