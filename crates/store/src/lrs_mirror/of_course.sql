-- Every kept statement of course ?1, by learner (profile id, JSON body).
SELECT profile_id, body FROM lrs_statements WHERE course_id = ?1 ORDER BY profile_id, rowid
