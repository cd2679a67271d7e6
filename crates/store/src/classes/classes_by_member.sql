-- Every class membership in course ?1, by profile, then class name.
SELECT c.id, c.course_id, c.name, c.created_at, m.profile_id FROM classes c
  JOIN class_members m ON m.class_id = c.id
 WHERE c.course_id = ?1 ORDER BY m.profile_id, c.name, c.id
