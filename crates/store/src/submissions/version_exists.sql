-- Whether a version with id ?1 exists.
SELECT 1 FROM submission_versions WHERE id = ?1
