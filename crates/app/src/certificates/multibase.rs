//! Base58btc (the Bitcoin alphabet) with the multibase `z` prefix, as used by
//! `did:key` identifiers and Data Integrity proof values.

pub(super) fn encode(bytes: &[u8]) -> String {
    format!("z{}", bs58::encode(bytes).into_string())
}

/// The bytes of a `z…` string; `None` without the prefix or with a character
/// outside the Bitcoin alphabet.
pub(super) fn decode(text: &str) -> Option<Vec<u8>> {
    bs58::decode(text.strip_prefix('z')?).into_vec().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vectors_and_round_trips() {
        // From the base58 draft (draft-msporny-base58): "Hello World!" and leading zeros.
        assert_eq!(encode(b"Hello World!"), "z2NEpo7TZRRrLZSi2U");
        assert_eq!(encode(&[0, 0, 40, 127, 180, 205]), "z11233QC4");
        for sample in [&b""[..], &[0], &[0, 1, 2, 255], b"\xed\x01 thirty-two bytes of a key......"] {
            assert_eq!(decode(&encode(sample)).unwrap(), sample);
        }
        assert_eq!(decode("z0OIl"), None);
    }
}
