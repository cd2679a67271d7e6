-- Points a course at the folder its files are served from.
UPDATE courses SET source_dir = ?2 WHERE id = ?1
