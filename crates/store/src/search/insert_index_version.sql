-- Records the version of the rules the index was just built with.
INSERT INTO search_index_state (version) VALUES (?1)
