-- Empties the FTS table with FTS5's own bulk delete.
INSERT INTO search_fts (search_fts) VALUES ('delete-all')
