-- Stores a profile's wrong-PIN state, replacing the earlier one.
INSERT INTO pin_failures (profile_id, failures, locked_until, lockouts) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (profile_id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until,
                                       lockouts = excluded.lockouts
