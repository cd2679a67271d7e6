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
//!
//! Requests are answered off the webview's thread, and a `Range` request
//! (how WebKit plays and seeks video) reads only the bytes it names: a
//! 100 MB video is never read whole, and seeking works.

use std::borrow::Cow;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Arc;

use qunxue_app::{ErrorKind, Session};
use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::author_watch::AuthorWatch;
use crate::state::AppState;

/// Registered with `register_asynchronous_uri_scheme_protocol`: the answer is
/// worked out on the blocking pool, so a slow disk (or the database busy with
/// an import) never stalls the window.
pub(crate) fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let session = ctx.app_handle().try_state::<AppState>().map(|state| Arc::clone(&state.session));
    let preview = ctx.app_handle().try_state::<AuthorWatch>().map(|watch| watch.inner().clone());
    tauri::async_runtime::spawn_blocking(move || {
        let path = percent_encoding::percent_decode_str(request.uri().path()).decode_utf8_lossy().into_owned();
        let response = match (session, preview.and_then(|watch| watch.preview_file(&path))) {
            // The author preview's pictures, from the folder being written.
            (_, Some(file)) => match file {
                Some(file) => serve_file_range(&file, range_of(&request)),
                None => status(StatusCode::NOT_FOUND),
            },
            (Some(session), None) => answer(&session, &request),
            (None, None) => status(StatusCode::SERVICE_UNAVAILABLE),
        };
        responder.respond(response);
    });
}

fn range_of(request: &Request<Vec<u8>>) -> Option<&str> {
    request.headers().get(header::RANGE).and_then(|v| v.to_str().ok())
}

fn answer(session: &Session, request: &Request<Vec<u8>>) -> Response<Cow<'static, [u8]>> {
    course_file_answer(session, request.uri().path(), range_of(request))
}

/// The answer to a request for the course file at `raw_path` (as it came,
/// percent-encoded).
fn course_file_answer(session: &Session, raw_path: &str, range: Option<&str>) -> Response<Cow<'static, [u8]>> {
    // Chinese file names arrive percent-encoded.
    let path = percent_encoding::percent_decode_str(raw_path).decode_utf8_lossy();
    match session.asset_file(&path) {
        Ok(file) => serve_file_range(&file, range),
        Err(error) => status(match error.kind() {
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::InvalidInput | ErrorKind::Forbidden => StatusCode::FORBIDDEN,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }),
    }
}

/// The most one answer carries: a longer range (or an open one, `bytes=N-`)
/// gets this much, and the player asks for the rest as it needs it.
const MAX_CHUNK: u64 = 4 * 1024 * 1024;

/// The largest file answered whole to a request without `Range` (an image, a
/// handout); media players always ask by range.
const MAX_WHOLE: u64 = 32 * 1024 * 1024;

/// A file, whole (no `Range`, and small enough) or the part a `Range` names.
fn serve_file_range(file: &Path, range: Option<&str>) -> Response<Cow<'static, [u8]>> {
    let Ok(mut handle) = std::fs::File::open(file) else { return status(StatusCode::NOT_FOUND) };
    let Ok(total) = handle.metadata().map(|m| m.len()) else { return status(StatusCode::NOT_FOUND) };
    let requested = match range {
        Some(range) => match parse_range(range, total) {
            Some(span) => Some(span),
            None => {
                return response()
                    .status(StatusCode::RANGE_NOT_SATISFIABLE)
                    .header(header::CONTENT_RANGE, format!("bytes */{total}"))
                    .body(Cow::Borrowed(&[][..]))
                    .unwrap_or_else(|_| status(StatusCode::INTERNAL_SERVER_ERROR));
            }
        },
        // Media players always send a Range; a big file asked for whole is
        // answered with its first part, as a range, rather than read whole.
        None if total > MAX_WHOLE => Some((0, total - 1)),
        None => None,
    };
    let Some((start, end)) = requested else { return serve_file(file) };
    let end = end.min(start + MAX_CHUNK - 1);
    let mut bytes = vec![0; usize::try_from(end - start + 1).unwrap_or(0)];
    if handle.seek(SeekFrom::Start(start)).and_then(|_| handle.read_exact(&mut bytes)).is_err() {
        return status(StatusCode::INTERNAL_SERVER_ERROR);
    }
    response()
        .status(StatusCode::PARTIAL_CONTENT)
        .header(header::CONTENT_TYPE, content_type(file))
        .header(header::ACCEPT_RANGES, "bytes")
        .header(header::CONTENT_RANGE, format!("bytes {start}-{end}/{total}"))
        .header(header::CONTENT_LENGTH, bytes.len().to_string())
        .body(Cow::Owned(bytes))
        .unwrap_or_else(|_| status(StatusCode::INTERNAL_SERVER_ERROR))
}

/// `bytes=A-B`, `bytes=A-` or `bytes=-N` (the last N bytes) of a file of
/// `total` bytes, as an inclusive span; `None` when it cannot be satisfied.
/// Only the first range of a list is served, as browsers ask for one.
pub(crate) fn parse_range(header: &str, total: u64) -> Option<(u64, u64)> {
    let spec = header.trim().strip_prefix("bytes=")?.split(',').next()?.trim();
    let (start, end) = spec.split_once('-')?;
    let (start, end) = (start.trim(), end.trim());
    if total == 0 {
        return None;
    }
    let span = if start.is_empty() {
        let suffix: u64 = end.parse().ok()?;
        (total.saturating_sub(suffix), total - 1)
    } else {
        let start: u64 = start.parse().ok()?;
        let end = if end.is_empty() { total - 1 } else { end.parse::<u64>().ok()?.min(total - 1) };
        (start, end)
    };
    (span.0 <= span.1 && span.0 < total).then_some(span)
}

/// What a served file may do if it is shown as a document: draw its own
/// images (an SVG's embedded `data:` or sibling files, on Linux and macOS as
/// `qxasset:`, on Windows as `http://qxasset.localhost`) and inline styles,
/// and nothing else — no script, no fetch, no frame, no form.
pub(crate) const CONTENT_SECURITY_POLICY: &str =
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

pub(crate) fn content_type(path: &Path) -> &'static str {
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
        std::fs::write(&svg, r#"<svg xmlns="http://www.w3.org/2000/svg"><script>window.__pwned=1</script></svg>"#)
            .unwrap();
        let response = serve_file(&svg);
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(header_of(&response, header::CONTENT_TYPE), Some("image/svg+xml"));
        assert_eq!(
            header_of(&response, header::CONTENT_SECURITY_POLICY),
            Some("default-src 'none'; style-src 'unsafe-inline'; img-src qxasset: http://qxasset.localhost data:; sandbox")
        );
        assert_locked_down(&response);
    }

    fn numbered_file(len: usize) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("clip.mp4");
        std::fs::write(&path, (0..len).map(|i| (i % 251) as u8).collect::<Vec<u8>>()).unwrap();
        (dir, path)
    }

    #[test]
    fn a_range_gets_206_exactly_its_bytes_and_the_right_content_range() {
        let (_dir, path) = numbered_file(1_000);
        let response = serve_file_range(&path, Some("bytes=100-199"));
        assert_eq!(response.status(), StatusCode::PARTIAL_CONTENT);
        assert_eq!(response.body().len(), 100);
        assert_eq!(response.body()[0], 100);
        assert_eq!(header_of(&response, header::CONTENT_RANGE), Some("bytes 100-199/1000"));
        assert_eq!(header_of(&response, header::CONTENT_LENGTH), Some("100"));
        assert_eq!(header_of(&response, header::ACCEPT_RANGES), Some("bytes"));
        assert_eq!(header_of(&response, header::CONTENT_TYPE), Some("video/mp4"));
        assert_locked_down(&response);
    }

    #[test]
    fn open_suffix_and_unsatisfiable_ranges() {
        let (_dir, path) = numbered_file(1_000);
        let open = serve_file_range(&path, Some("bytes=990-"));
        assert_eq!(header_of(&open, header::CONTENT_RANGE), Some("bytes 990-999/1000"));
        let suffix = serve_file_range(&path, Some("bytes=-10"));
        assert_eq!((suffix.body().len(), suffix.body()[0]), (10, (990 % 251) as u8));
        let past_the_end = serve_file_range(&path, Some("bytes=5000-"));
        assert_eq!(past_the_end.status(), StatusCode::RANGE_NOT_SATISFIABLE);
        assert_eq!(header_of(&past_the_end, header::CONTENT_RANGE), Some("bytes */1000"));
        let whole = serve_file_range(&path, None);
        assert_eq!((whole.status(), whole.body().len()), (StatusCode::OK, 1_000));
    }

    #[test]
    fn a_big_file_is_never_read_whole() {
        let (_dir, path) = numbered_file(usize::try_from(MAX_WHOLE).unwrap() + 10);
        let open = serve_file_range(&path, Some("bytes=0-"));
        assert_eq!(open.body().len() as u64, MAX_CHUNK);
        let unasked = serve_file_range(&path, None);
        assert_eq!(unasked.status(), StatusCode::PARTIAL_CONTENT);
        assert_eq!(unasked.body().len() as u64, MAX_CHUNK);
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
