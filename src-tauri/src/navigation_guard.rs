//! Keeps every webview on the app's own pages. A link in pack or learner
//! text, a script that got past the sanitiser, or a pack SVG opened as a page
//! would otherwise replace the app inside its window — and a page from a
//! registered custom protocol (`qxasset`) may count as local to Tauri, with
//! the app's command permissions. The UI never navigates the window (it routes
//! inside its page, and `ui/src/composables/useSafeLinks.ts` keeps links in
//! sanitised HTML from being followed), so anything but the app's own origin
//! is refused here.

use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Manager, Runtime, Url};

/// The plugin whose navigation hook refuses every page outside the app.
pub(crate) fn plugin<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("navigation-guard")
        .on_navigation(|webview, url| {
            // `cargo tauri dev` serves the UI from Vite's dev server instead.
            let dev_server = if tauri::is_dev() { webview.config().build.dev_url.as_ref() } else { None };
            let allowed = is_app_page(url, dev_server);
            if !allowed {
                // Scheme and host only: a data: URL can be megabytes long.
                log::warn!("refused to navigate the window to {}:{}", url.scheme(), url.host_str().unwrap_or(""));
            }
            allowed
        })
        .build()
}

/// Whether `url` is one of the app's own pages: the embedded UI as each
/// platform's webview addresses it (`tauri://localhost` on Linux and macOS,
/// `http(s)://tauri.localhost` on Windows), or the dev server in development.
pub(crate) fn is_app_page(url: &Url, dev_server: Option<&Url>) -> bool {
    match (url.scheme(), url.host_str()) {
        ("tauri", Some("localhost")) => true,
        ("http" | "https", Some("tauri.localhost")) => url.port().is_none(),
        _ => dev_server.is_some_and(|dev| url.origin() == dev.origin()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn only_the_apps_own_pages_are_allowed() {
        let dev = url("http://localhost:1420");
        let cases = [
            // The app itself, on each platform and on any of its routes.
            ("tauri://localhost", None, true),
            ("tauri://localhost/index.html#/courses/c1/modules/m2", None, true),
            ("http://tauri.localhost/#/settings", None, true),
            ("https://tauri.localhost/", None, true),
            ("http://localhost:1420/#/library", Some(&dev), true),
            // The dev server only when there is one, and only its own port.
            ("http://localhost:1420/", None, false),
            ("http://localhost:8080/", Some(&dev), false),
            ("http://tauri.localhost:8080/", None, false),
            // Course files opened as pages (an SVG with a script), on Linux and Windows.
            ("qxasset://localhost/course/evil.svg", None, false),
            ("http://qxasset.localhost/course/evil.svg", None, false),
            // Websites, including ones dressed up as the app.
            ("https://example.com/", Some(&dev), false),
            ("http://tauri.localhost.example.com/", None, false),
            ("tauri://example.com/", None, false),
            // Everything a link or script could point the window at.
            ("javascript:alert(1)", None, false),
            ("data:text/html,<script>alert(1)</script>", None, false),
            ("file:///etc/passwd", None, false),
            ("about:blank", None, false),
            ("blob:tauri://localhost/0b4e5c6a", None, false),
            ("mailto:a@example.com", None, false),
        ];
        for (address, dev_server, expected) in cases {
            assert_eq!(is_app_page(&url(address), dev_server), expected, "{address} (dev server {dev_server:?})");
        }
    }
}
