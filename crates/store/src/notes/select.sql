SELECT n.id, n.profile_id, n.course_id, n.module_id, n.anchor, n.quote, n.body, n.created_at, n.updated_at,
       m.title AS module_title, m.position AS module_position
FROM notes n
JOIN modules m ON m.course_id = n.course_id AND m.id = n.module_id
