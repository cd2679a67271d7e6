-- Notes that a profile's records reached this machine from a source, keeping the latest time.
INSERT INTO member_sources (profile_id, source, last_seen_at) VALUES (?1, ?2, ?3)
ON CONFLICT (profile_id, source) DO UPDATE SET last_seen_at = MAX(last_seen_at, excluded.last_seen_at)
