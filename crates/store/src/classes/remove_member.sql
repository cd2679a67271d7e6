-- Takes a person out of a class.
DELETE FROM class_members WHERE class_id = ?1 AND profile_id = ?2
