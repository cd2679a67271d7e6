-- Drops the document of note ?1.
DELETE FROM search_docs WHERE kind = 'note' AND ref_id = ?1
