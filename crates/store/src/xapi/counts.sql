-- How many statements are pending and how many were sent.
SELECT count(*) FILTER (WHERE sent_at IS NULL), count(*) FILTER (WHERE sent_at IS NOT NULL) FROM xapi_outbox
