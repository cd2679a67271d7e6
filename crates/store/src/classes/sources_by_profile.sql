-- Where this machine has each profile's records from: local, bundle, then the LRS.
SELECT profile_id, source FROM member_sources
 ORDER BY profile_id, CASE source WHEN 'local' THEN 0 WHEN 'bundle' THEN 1 ELSE 2 END
