-- Records an imported bundle.
INSERT INTO imported_bundles (bundle_id, kind, signer, course_id, sequence, imported_at, public_key)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
