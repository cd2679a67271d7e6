-- Whether the file has the learner database's profiles table.
SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'profiles'
