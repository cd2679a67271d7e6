-- The connection settings and last sync outcome (the single xapi_config row).
SELECT endpoint, username, password, iri_base, last_success_at, last_error, last_error_at
FROM xapi_config WHERE id = 1
