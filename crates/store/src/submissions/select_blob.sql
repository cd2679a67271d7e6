-- What the blob with hash ?1 is.
SELECT sha256, size, media_type, stored_at FROM attachment_blobs WHERE sha256 = ?1
