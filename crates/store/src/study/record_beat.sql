-- Adds ?4 seconds of study time to an opened module and records the beat at ?5.
UPDATE module_progress SET active_seconds = active_seconds + ?4, last_beat_at = ?5
WHERE profile_id = ?1 AND course_id = ?2 AND module_id = ?3
