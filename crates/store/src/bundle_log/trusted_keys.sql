-- Every key trusted for signer ?1, oldest first.
SELECT public_key FROM trusted_keys WHERE signer = ?1 ORDER BY pinned_at, public_key
