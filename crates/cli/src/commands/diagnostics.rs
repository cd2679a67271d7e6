//! Printing problems the way DESIGN.md §4 promises: one
//! `file:line:col: message` per line, warnings marked after the position,
//! in the language of the terminal's locale (Chinese under `zh_*`, else
//! English), as gettext-based tools choose it.

use std::io::Write;

use qunxue_app::domain::{Diagnostic, Lang};

pub(super) fn print_lines(out: &mut impl Write, diagnostics: &[Diagnostic]) -> std::io::Result<()> {
    let lang = this_terminal_lang();
    for diagnostic in diagnostics {
        writeln!(out, "{}", diagnostic.line_in(lang))?;
    }
    Ok(())
}

/// `en` or `zh`, whichever the terminal's locale asks for (a context line
/// the CLI adds around an app error).
pub(crate) fn say(en: String, zh: String) -> String {
    match this_terminal_lang() {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// An app error in the language of the terminal's locale.
pub(crate) fn error_text(error: &qunxue_app::AppError) -> String {
    error.text(this_terminal_lang())
}

/// The language this process's locale asks for.
pub(crate) fn this_terminal_lang() -> Lang {
    terminal_lang(|name| std::env::var(name).ok())
}

/// The language the locale variables ask for: the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set and not empty decides.
fn terminal_lang(var: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|value| !value.is_empty())
        .map_or(Lang::En, |locale| Lang::from_locale(&locale))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang_of(vars: &[(&str, &str)]) -> Lang {
        terminal_lang(|name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()))
    }

    #[test]
    fn the_first_set_locale_variable_decides() {
        assert_eq!(lang_of(&[("LANG", "zh_CN.UTF-8")]), Lang::Zh);
        assert_eq!(lang_of(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")]), Lang::En);
        assert_eq!(lang_of(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_TW.UTF-8"), ("LANG", "en_US")]), Lang::Zh);
        assert_eq!(lang_of(&[]), Lang::En);
    }
}
