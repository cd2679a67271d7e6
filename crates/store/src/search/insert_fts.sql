-- Indexes a document's words and scope in the FTS table under its search_docs rowid.
INSERT INTO search_fts (rowid, title, heading, body, scope) VALUES (?1, ?2, ?3, ?4, ?5)
