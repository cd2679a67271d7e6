//! Keeps WebKitGTK's memory down for a one-window local app. WebKit's
//! default cache model is a web browser's (big in-memory caches of pages,
//! decoded images and resources kept for back/forward navigation); ours
//! loads one bundled page once, so the document-viewer model, which keeps
//! only what the shown page needs, costs nothing and frees memory in the
//! web content process (measured by P6 of `cargo xtask bench`).
//!
//! GPU compositing stays WebKit's default although turning it off
//! (`WEBKIT_DISABLE_COMPOSITING_MODE=1`) saves about 105 MB: with it off,
//! WebDriver's screenshots of the window hung now and then, in CI and here,
//! so the window could not be checked in that mode (docs/performance.md, P6).

use tauri::{Manager, Wry};

/// Applies the lean settings to every window's web view.
pub(crate) fn tune(app: &tauri::AppHandle<Wry>) {
    for window in app.webview_windows().values() {
        let applied = window.with_webview(|webview| {
            #[cfg(target_os = "linux")]
            {
                use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
                if let Some(context) = webview.inner().context() {
                    context.set_cache_model(CacheModel::DocumentViewer);
                }
            }
            #[cfg(not(target_os = "linux"))]
            let _ = webview;
        });
        if let Err(error) = applied {
            // Only memory is at stake; the app works the same without it.
            log::warn!("could not tune the web view: {error}");
        }
    }
}
