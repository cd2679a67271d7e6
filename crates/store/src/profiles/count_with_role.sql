-- How many profiles hold role ?1.
SELECT count(*) FROM profiles WHERE role = ?1
