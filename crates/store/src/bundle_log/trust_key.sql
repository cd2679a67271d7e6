-- Trusts a key for a signer; trusting it twice changes nothing.
INSERT OR IGNORE INTO trusted_keys (signer, public_key, pinned_at, trusted_by) VALUES (?1, ?2, ?3, ?4)
