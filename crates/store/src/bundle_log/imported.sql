-- The record of the imported bundle ?1, if any (the replay guard).
SELECT bundle_id, kind, signer, course_id, sequence, imported_at, public_key
FROM imported_bundles WHERE bundle_id = ?1
