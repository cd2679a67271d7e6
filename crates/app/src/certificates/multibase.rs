//! Base58btc (the Bitcoin alphabet) with the multibase `z` prefix, as used by
//! `did:key` identifiers and Data Integrity proof values.

const ALPHABET: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

pub fn encode(bytes: &[u8]) -> String {
    let zeros = bytes.iter().take_while(|b| **b == 0).count();
    // Base-58 digits, least significant first.
    let mut digits: Vec<u8> = Vec::new();
    for byte in &bytes[zeros..] {
        let mut carry = u32::from(*byte);
        for digit in digits.iter_mut() {
            carry += u32::from(*digit) << 8;
            *digit = (carry % 58) as u8;
            carry /= 58;
        }
        while carry > 0 {
            digits.push((carry % 58) as u8);
            carry /= 58;
        }
    }
    let mut out = String::from("z");
    out.push_str(&"1".repeat(zeros));
    out.extend(digits.iter().rev().map(|d| ALPHABET[*d as usize] as char));
    out
}

pub fn decode(text: &str) -> Option<Vec<u8>> {
    let body = text.strip_prefix('z')?;
    let zeros = body.bytes().take_while(|c| *c == b'1').count();
    let mut bytes: Vec<u8> = Vec::new(); // least significant first
    for c in body.bytes().skip(zeros) {
        let mut carry = ALPHABET.iter().position(|a| *a == c)? as u32;
        for byte in bytes.iter_mut() {
            carry += u32::from(*byte) * 58;
            *byte = (carry & 0xff) as u8;
            carry >>= 8;
        }
        while carry > 0 {
            bytes.push((carry & 0xff) as u8);
            carry >>= 8;
        }
    }
    let mut out = vec![0u8; zeros];
    out.extend(bytes.iter().rev());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vectors_and_round_trips() {
        // From the base58 draft (draft-msporny-base58): "Hello World!" and leading zeros.
        assert_eq!(encode(b"Hello World!"), "z2NEpo7TZRRrLZSi2U");
        assert_eq!(encode(&[0, 0, 40, 127, 180, 205]), "z11233QC4");
        for sample in [
            &b""[..],
            &[0],
            &[0, 1, 2, 255],
            b"\xed\x01 thirty-two bytes of a key......",
        ] {
            assert_eq!(decode(&encode(sample)).unwrap(), sample);
        }
        assert_eq!(decode("z0OIl"), None);
    }
}
