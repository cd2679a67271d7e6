-- Documents matching an FTS5 expression that the caller may see, best first.
-- bm25 weights: a hit in the title counts most, then the heading, then the body.
SELECT d.id, d.kind, d.course_id, c.title AS course_title, d.module_id, d.anchor, d.ref_id,
       -- A module section shows its module's title even where the document
       -- holds none (only a module's first section carries it).
       coalesce(m.title, d.title) AS title, d.heading, d.body,
       bm25(search_fts, 10.0, 4.0, 1.0) AS rank
FROM search_fts
JOIN search_docs d ON d.id = search_fts.rowid
JOIN courses c ON c.id = d.course_id
LEFT JOIN modules m ON m.course_id = d.course_id AND m.id = d.module_id
WHERE search_fts MATCH ?1
  AND (d.kind = 'module'
       OR (d.kind = 'note' AND d.profile_id = ?2)
       OR (d.kind = 'question' AND ?3))
ORDER BY rank, d.id
LIMIT ?4
