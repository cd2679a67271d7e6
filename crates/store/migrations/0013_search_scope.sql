-- The search index, rebuilt for speed (measured by P4 of `cargo xtask bench`):
--
-- * `scope` holds one word naming who may find the document: `module`,
--   `question`, or `note` + the author's id in hex. The visibility rule then
--   runs inside FTS5 as part of the match expression, so ranking the matches
--   no longer looks up every matching row of search_docs (on a 1,000-module
--   pack that lookup was half of a search's time).
-- * The table keeps no copy of its text (content = ''): search_docs already
--   holds the original text, and the segmented copy was never read. The
--   bench's 1,000-module database shrank from 71 to 54 MB. contentless_delete
--   lets the trigger of 0005 keep deleting rows by rowid.
DROP TABLE search_fts;
CREATE VIRTUAL TABLE search_fts USING fts5(
    title, heading, body, scope,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61'
);

-- An empty index is current under the new rules (version 2). One that held
-- documents keeps its old version and is rebuilt from its sources on the
-- first search, which clears the orphaned search_docs rows as well.
UPDATE search_index_state SET version = '2' WHERE NOT EXISTS (SELECT 1 FROM search_docs);
