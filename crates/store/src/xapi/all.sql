-- Every statement ever queued, sent or not, oldest first.
SELECT statement FROM xapi_outbox ORDER BY created_at, id
