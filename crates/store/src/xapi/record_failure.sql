-- Counts a failed delivery against statement ?1 and keeps the reason.
UPDATE xapi_outbox SET attempts = attempts + 1, last_error = ?2 WHERE id = ?1 AND sent_at IS NULL
