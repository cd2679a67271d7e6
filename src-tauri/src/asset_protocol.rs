//! The `qxasset` protocol: serves files of installed courses to the webview
//! (images, media, PDFs). Which file a request may reach is the session's
//! decision (nothing outside a course's own folder); this only answers HTTP.

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

fn serve_file(file: &Path) -> Response<Cow<'static, [u8]>> {
    match std::fs::read(file) {
        Ok(bytes) => Response::builder()
            .header(header::CONTENT_TYPE, content_type(file))
            .header("X-Content-Type-Options", "nosniff")
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
        // SVG can carry script; served as an image it cannot run, and the CSP
        // forbids inline script besides.
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
    Response::builder().status(code).body(Cow::Borrowed(&[][..])).expect("a bodiless response always builds")
}
