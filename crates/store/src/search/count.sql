-- How many documents of kind ?1 the index holds.
SELECT count(*) FROM search_docs WHERE kind = ?1
