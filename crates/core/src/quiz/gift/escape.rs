//! GIFT escapes. `\~ \= \# \{ \} \:` stand for the literal character, `\n`
//! for a line break and `\\` for a backslash. Before parsing, each escape is
//! swapped for a private-use character, so the parser can split on `~`, `=`,
//! `#`, `{`, `}` and `:` without ever seeing an escaped one; the texts are
//! swapped back at the end. A file that itself contains those private-use
//! characters is refused, so nothing can be mistaken for an escape.

/// The character after the backslash, and what the escape means.
const ESCAPES: [(char, char); 8] =
    [('\\', '\\'), ('~', '~'), ('=', '='), ('#', '#'), ('{', '{'), ('}', '}'), (':', ':'), ('n', '\n')];

/// The first private-use character standing for an escape.
const FIRST: u32 = 0xE000;

/// Whether `c` stands for an escape (and so was two characters in the file).
pub(super) fn is_placeholder(c: char) -> bool {
    (FIRST..FIRST + ESCAPES.len() as u32).contains(&(c as u32))
}

/// `line` with every escape replaced by its placeholder; an unknown escape
/// (`\x`) stays as written.
pub(super) fn hide(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let next = chars.clone().next();
        match next.and_then(|n| ESCAPES.iter().position(|(e, _)| *e == n)) {
            Some(i) => {
                out.push(char::from_u32(FIRST + i as u32).expect("private-use code points are chars"));
                chars.next();
            }
            None => out.push(c),
        }
    }
    out
}

/// `text` with the placeholders turned into the characters they stand for.
pub(super) fn reveal(text: &str) -> String {
    text.chars().map(|c| if is_placeholder(c) { ESCAPES[(c as u32 - FIRST) as usize].1 } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiz_gift_escapes_hide_and_reveal() {
        let hidden = hide(r"a\~b\=c\#d\{e\}f\:g\nh\\i\x");
        assert!(!hidden.contains(['~', '=', '#', '{', '}', ':']), "{hidden}");
        assert_eq!(reveal(&hidden), "a~b=c#d{e}f:g\nh\\i\\x");
        assert_eq!(hidden.chars().filter(|c| is_placeholder(*c)).count(), 8);
        // `\\` is taken first, so `\\~` is a backslash and then a real tilde.
        assert_eq!(hide(r"\\~"), format!("{}~", char::from_u32(FIRST).unwrap()));
        assert_eq!(hide("trailing\\"), "trailing\\");
    }
}
