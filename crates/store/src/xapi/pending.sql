-- The oldest ?1 statements not yet sent.
SELECT id, statement FROM xapi_outbox WHERE sent_at IS NULL ORDER BY created_at, id LIMIT ?1
