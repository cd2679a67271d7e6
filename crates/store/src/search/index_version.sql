-- The version of the rules the index was built with.
SELECT max(version) FROM search_index_state
