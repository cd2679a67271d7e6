//! Keeps WebKitGTK's memory down for a one-window local app. WebKit's
//! default cache model is a web browser's (big in-memory caches of pages,
//! decoded images and resources kept for back/forward navigation); ours
//! loads one bundled page once, so the document-viewer model, which keeps
//! only what the shown page needs, costs nothing and frees memory in the
//! web content process (measured by P6 of `cargo xtask bench`).
//!
//! It also turns off WebKit's GPU compositing unless the user chose
//! otherwise: for pages of text and tables it buys nothing visible, and its
//! GL context cost 115 MB of resident memory (P6: 605 → 490 MB).

use tauri::{Manager, Wry};

/// Asks WebKit for software compositing; must run before the first web view
/// exists (WebKit reads the variable once). Setting the variable to `0`
/// before starting the app keeps GPU compositing.
pub fn prefer_software_compositing() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        // Only the main thread runs at this point, so nothing reads the
        // environment concurrently.
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}

/// Applies the lean settings to every window's web view.
pub fn tune(app: &tauri::AppHandle<Wry>) {
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
            eprintln!("qunxue: could not tune the web view: {error}");
        }
    }
}
