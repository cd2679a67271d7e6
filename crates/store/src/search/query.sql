-- Documents matching an FTS5 expression, best first. The expression already
-- holds the searcher's visibility (see `match_expression`), so the best
-- {limit} are ranked inside FTS5 alone; only they are then joined to their
-- text and titles. Materialising keeps SQLite from flattening the two
-- steps back into one that joins every match.
-- bm25 weights: a hit in the title counts most, then the heading, then the
-- body; the scope word counts nothing.
WITH ranked AS MATERIALIZED (
    SELECT rowid AS id, bm25(search_fts, 10.0, 4.0, 1.0, 0.0) AS rank
    FROM search_fts
    WHERE search_fts MATCH ?1
    ORDER BY rank, rowid
    -- Written into the text, not bound: a bound LIMIT on an FTS5 table makes
    -- SQLite prepare the statement again at every run (a tenth of a search).
    LIMIT {limit}
)
SELECT d.id, d.kind, d.course_id, c.title AS course_title, d.module_id, d.anchor, d.ref_id,
       -- A module section shows its module's title even where the document
       -- holds none (only a module's first section carries it).
       coalesce(m.title, d.title) AS title, d.heading, d.body, r.rank
FROM ranked r
JOIN search_docs d ON d.id = r.id
JOIN courses c ON c.id = d.course_id
LEFT JOIN modules m ON m.course_id = d.course_id AND m.id = d.module_id
ORDER BY r.rank, d.id
