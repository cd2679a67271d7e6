//! The operating system's languages, handed to the page before its own
//! scripts run (`window.__QUNXUE_SYSTEM_LOCALES__`), so the first start
//! follows them. WebKitGTK's `navigator.language` is no guide: it answers
//! `en-US` whenever the C library's locale is not installed, and the
//! desktop's setting (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG` on Linux;
//! the user's preferred languages on Windows and macOS) is what people set.

use tauri::plugin::TauriPlugin;
use tauri::Runtime;

/// The global the UI reads (ui/src/lib/preferences.ts).
const GLOBAL: &str = "__QUNXUE_SYSTEM_LOCALES__";

pub(crate) fn plugin<R: Runtime>() -> TauriPlugin<R> {
    let locales: Vec<String> = sys_locale::get_locales().collect();
    log::info!("system languages: {locales:?}");
    tauri::plugin::Builder::new("qunxue-system-locale").js_init_script(script(&locales)).build()
}

fn script(locales: &[String]) -> String {
    // JSON is a JavaScript literal: the tags cannot break out of it.
    format!("window.{GLOBAL} = Object.freeze({});", serde_json::Value::from(locales.to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_languages_reach_the_page_as_a_frozen_list() {
        assert_eq!(
            script(&["zh-CN".into(), "en-US".into()]),
            r#"window.__QUNXUE_SYSTEM_LOCALES__ = Object.freeze(["zh-CN","en-US"]);"#
        );
        assert_eq!(
            script(&["x\"</script>".into()]),
            r#"window.__QUNXUE_SYSTEM_LOCALES__ = Object.freeze(["x\"</script>"]);"#
        );
    }
}
