-- Several trusted signing keys per signer. A course can be taught by more
-- than one instructor, each with their own key, so a learner machine must be
-- able to trust more than the key pinned on first use. The first key is
-- still pinned silently; any further key is added only when someone confirms
-- its fingerprint (`trusted_by`).
--
-- The replay guard becomes per key: two instructors number their bundles
-- independently, so "newer than the last one imported" only makes sense for
-- the same key. Rows imported before this migration came from the one key
-- pinned for their signer.

CREATE TABLE trusted_keys (
    signer     TEXT NOT NULL,              -- 'learner:<profile id>' or 'instructor:<course id>'
    public_key TEXT NOT NULL,              -- hex
    pinned_at  TEXT NOT NULL,
    trusted_by TEXT,                       -- NULL = pinned on first use; else the profile that confirmed it
    PRIMARY KEY (signer, public_key)
) STRICT;

INSERT INTO trusted_keys (signer, public_key, pinned_at) SELECT signer, public_key, pinned_at FROM pinned_keys;
DROP TABLE pinned_keys;

ALTER TABLE imported_bundles ADD COLUMN public_key TEXT NOT NULL DEFAULT '';
UPDATE imported_bundles
   SET public_key = COALESCE((SELECT t.public_key FROM trusted_keys t WHERE t.signer = imported_bundles.signer), '');
