-- Saves the connection settings; a NULL password (?3) keeps the stored one.
UPDATE xapi_config SET endpoint = ?1, username = ?2, password = coalesce(?3, password), iri_base = ?4
WHERE id = 1
