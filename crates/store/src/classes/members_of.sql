-- Everyone in class ?1.
SELECT profile_id FROM class_members WHERE class_id = ?1
