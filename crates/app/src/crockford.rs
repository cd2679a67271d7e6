//! Codes people read aloud and type back (certificate verification codes,
//! class join codes) use Crockford's base32: no I, L, O or U to misread.

/// The 32 symbols, in value order.
pub(crate) const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A code as typed, made comparable: upper case, no spaces or dashes, and
/// the letters people confuse with digits read as those digits.
pub(crate) fn typed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect()
}

/// Whether every character is one of the alphabet's.
pub(crate) fn is_code(text: &str) -> bool {
    text.bytes().all(|b| ALPHABET.contains(&b))
}

/// `length` symbols from the operating system's randomness (each byte taken
/// modulo 32: 256 is a multiple of 32, so every symbol is equally likely).
pub(crate) fn random_code(length: usize, what: crate::Message) -> crate::Result<String> {
    let mut bytes = vec![0u8; length];
    getrandom::fill(&mut bytes).map_err(|e| {
        let (what_en, what_zh) = (what.en, what.zh);
        crate::AppError::Internal(crate::msg!(
            "no randomness for {what_en}: {e}",
            "无法获取生成{what_zh}所需的随机数：{e}"
        ))
    })?;
    Ok(bytes.iter().map(|b| ALPHABET[usize::from(b % 32)] as char).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_slips_are_forgiven() {
        assert_eq!(typed("hd7k-2q3m"), "HD7K2Q3M");
        assert_eq!(typed(" oIl 9 "), "0119");
        assert!(is_code("HD7K2Q3M") && !is_code("HD7U"));
    }
}
