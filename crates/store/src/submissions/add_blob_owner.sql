-- Records that profile ?2 uploaded blob ?1.
INSERT INTO attachment_owners (sha256, profile_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING
