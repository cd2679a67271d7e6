-- The classes of course ?2 that profile ?1 belongs to, by name.
SELECT c.id, c.course_id, c.name, c.created_at FROM classes c
  JOIN class_members m ON m.class_id = c.id
 WHERE m.profile_id = ?1 AND c.course_id = ?2 ORDER BY c.name, c.id
