-- Forgets the version of the rules the index was built with.
DELETE FROM search_index_state
