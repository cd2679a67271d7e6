-- Gives a member the name of the newest record; an empty name never erases one.
UPDATE profiles SET display_name = ?2 WHERE id = ?1 AND origin = 'member' AND display_name <> ?2 AND ?2 <> ''
