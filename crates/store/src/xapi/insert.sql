-- Queues one statement for the LRS.
INSERT INTO xapi_outbox (id, statement, verb, created_at) VALUES (?1, ?2, ?3, ?4)
