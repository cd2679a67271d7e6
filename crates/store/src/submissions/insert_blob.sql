-- Records an attachment blob; a blob already known is left as it is.
INSERT INTO attachment_blobs (sha256, size, media_type, stored_at) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (sha256) DO NOTHING
