//! The `qxasset` protocol: serves files of installed courses to the webview
//! (images, media, PDFs). Which file a request may reach is the session's
//! decision (nothing outside a course's own folder); this only answers HTTP.
//!
//! Every answer, file or error, carries a Content-Security-Policy that forbids
//! script and any load but the file's own images and inline styles, and
//! sandboxes it: should a pack's SVG or HTML ever be opened as a page, it is
//! an inert document in an origin of its own, not a page of the app (the
//! window's navigation guard refuses such a page besides). Images, video and
//! audio shown in the app's page are unaffected: a webview that applies the
//! policy to an SVG drawn as an image still finds its inline styles and
//! images allowed.

use std::borrow::Cow;
use std::path::Path;

use qunxue_app::ErrorKind;
use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext};

use crate::state::AppState;

pub fn handle<R: Runtime>(ctx: UriSchemeContext<'_, R>, request: Request<Vec<u8>>) -> Response<Cow<'static, [u8]>> {
    let Some(state) = ctx.app_handle().try_state::<AppState>() else {
        return status(StatusCode::SERVICE_UNAVAILABLE);
    };
    // Chinese file names arrive percent-encoded.
    let path = percent_encoding::percent_decode_str(request.uri().path()).decode_utf8_lossy();
    match state.session.asset_file(&path) {
        Ok(file) => serve_file(&file),
        Err(error) => status(match error.kind() {
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::InvalidInput | ErrorKind::Forbidden => StatusCode::FORBIDDEN,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }),
    }
}

/// What a served file may do if it is shown as a document: draw its own
/// images (an SVG's embedded `data:` or sibling files, on Linux and macOS as
/// `qxasset:`, on Windows as `http://qxasset.localhost`) and inline styles,
/// and nothing else — no script, no fetch, no frame, no form.
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src qxasset: http://qxasset.localhost data:; sandbox";

/// The headers every answer carries; `nosniff` keeps the webview from
/// reading a file as another type than the one named (a `.png` holding HTML).
fn response() -> tauri::http::response::Builder {
    Response::builder()
        .header(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY)
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
}

fn serve_file(file: &Path) -> Response<Cow<'static, [u8]>> {
    match std::fs::read(file) {
        Ok(bytes) => response()
            .header(header::CONTENT_TYPE, content_type(file))
            .body(Cow::Owned(bytes))
            .unwrap_or_else(|_| status(StatusCode::INTERNAL_SERVER_ERROR)),
        Err(_) => status(StatusCode::NOT_FOUND),
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        // SVG can carry script; served as an image it cannot run, and as a
        // page the response's CSP forbids it.
        Some("svg") => "image/svg+xml",
        Some("mp4") => "video/mp4",
        Some("webm") => "video/webm",
        Some("mp3") => "audio/mpeg",
        Some("ogg") => "audio/ogg",
        Some("pdf") => "application/pdf",
        Some("csv") => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn status(code: StatusCode) -> Response<Cow<'static, [u8]>> {
    response().status(code).body(Cow::Borrowed(&[][..])).expect("a bodiless response always builds")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header_of<'a>(response: &'a Response<Cow<'static, [u8]>>, name: header::HeaderName) -> Option<&'a str> {
        response.headers().get(name).map(|value| value.to_str().expect("ASCII header"))
    }

    /// The headers that make a file inert when shown as a page.
    fn assert_locked_down(response: &Response<Cow<'static, [u8]>>) {
        let policy = header_of(response, header::CONTENT_SECURITY_POLICY).expect("a CSP header");
        let directives: Vec<&str> = policy.split(';').map(str::trim).collect();
        assert!(directives.contains(&"default-src 'none'"), "{policy}");
        assert!(directives.contains(&"sandbox"), "sandbox without allow-scripts: {policy}");
        assert!(!policy.contains("script-src") && !policy.contains("allow-"), "{policy}");
        assert_eq!(header_of(response, header::X_CONTENT_TYPE_OPTIONS), Some("nosniff"));
    }

    #[test]
    fn a_served_svg_cannot_run_its_script_as_a_page() {
        let dir = tempfile::tempdir().unwrap();
        let svg = dir.path().join("evil.svg");
        std::fs::write(&svg, r#"<svg xmlns="http://www.w3.org/2000/svg"><script>window.__pwned=1</script></svg>"#).unwrap();
        let response = serve_file(&svg);
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(header_of(&response, header::CONTENT_TYPE), Some("image/svg+xml"));
        assert_eq!(
            header_of(&response, header::CONTENT_SECURITY_POLICY),
            Some("default-src 'none'; style-src 'unsafe-inline'; img-src qxasset: http://qxasset.localhost data:; sandbox")
        );
        assert_locked_down(&response);
    }

    #[test]
    fn error_answers_carry_the_same_headers() {
        let dir = tempfile::tempdir().unwrap();
        let missing = serve_file(&dir.path().join("gone.png"));
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        assert_locked_down(&missing);
        for code in [StatusCode::FORBIDDEN, StatusCode::SERVICE_UNAVAILABLE, StatusCode::INTERNAL_SERVER_ERROR] {
            assert_locked_down(&status(code));
        }
    }
}
