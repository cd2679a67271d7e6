-- Whether this machine queued statement ?1.
SELECT 1 FROM xapi_outbox WHERE id = ?1
