-- Marks statement ?1 accepted by the LRS at ?2 (an already-sent row keeps its first time).
UPDATE xapi_outbox SET sent_at = ?2, attempts = attempts + 1, last_error = NULL
WHERE id = ?1 AND sent_at IS NULL
