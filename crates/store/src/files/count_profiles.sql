-- How many people the database holds.
SELECT count(*) FROM profiles
