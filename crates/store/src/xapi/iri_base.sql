-- The IRI base the app's statements name activities with.
SELECT iri_base FROM xapi_config WHERE id = 1
