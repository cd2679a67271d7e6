//! The loopback media server. WebKitGTK hands a `<video>`'s or `<audio>`'s
//! URL to GStreamer, which cannot read the app's `qxasset:` scheme (WebKit
//! bug 146351), so on Linux course media is served over HTTP on 127.0.0.1
//! instead — by the same rules as the asset protocol (the session decides
//! which file an actor may have), each answer streamed from disk as it is
//! sent (WebKit's player wants a range answered whole, and a 100 MB video
//! must not sit in memory for it).
//!
//! Only this machine can connect, and only with the URL's token, made fresh
//! at every start: another local program cannot guess its way in.

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Arc;

use qunxue_app::{ErrorKind, Session};

use crate::author_watch::AuthorWatch;

use crate::asset_protocol::{content_type, parse_range, CONTENT_SECURITY_POLICY};

/// Where media is served: `http://127.0.0.1:<port>/<token>/`.
pub(crate) struct MediaServer {
    pub base: String,
}

/// Starts the server on a free loopback port; `None` when it cannot bind
/// (media then falls back to the asset protocol).
pub(crate) fn start(session: Arc<Session>, preview: AuthorWatch) -> Option<MediaServer> {
    let server = tiny_http::Server::http("127.0.0.1:0").ok()?;
    let port = server.server_addr().to_ip()?.port();
    let token = uuid::Uuid::new_v4().simple().to_string();
    let prefix = format!("/{token}");
    std::thread::Builder::new()
        .name("media-server".into())
        .spawn(move || {
            for request in server.incoming_requests() {
                let (session, prefix, preview) = (Arc::clone(&session), prefix.clone(), preview.clone());
                // Each request on its own thread: a player asks for the next
                // range while the last is still being sent.
                std::thread::spawn(move || answer(&session, &preview, &prefix, request));
            }
        })
        .ok()?;
    Some(MediaServer { base: format!("http://127.0.0.1:{port}/{token}") })
}

fn answer(session: &Session, preview: &AuthorWatch, prefix: &str, request: tiny_http::Request) {
    let range = request.headers().iter().find(|h| h.field.equiv("Range")).map(|h| h.value.as_str().to_string());
    let path = request.url().split('?').next().unwrap_or("").to_string();
    let file = match path.strip_prefix(prefix) {
        Some(rest) if rest.starts_with('/') && request.method() == &tiny_http::Method::Get => {
            let decoded = percent_encoding::percent_decode_str(rest).decode_utf8_lossy().into_owned();
            match preview.preview_file(&decoded) {
                // A video of the pack open in the author preview.
                Some(file) => file.ok_or(404),
                None => session.asset_file(&decoded).map_err(|error| match error.kind() {
                    ErrorKind::NotFound => 404,
                    ErrorKind::InvalidInput | ErrorKind::Forbidden => 403,
                    _ => 500,
                }),
            }
        }
        _ => Err(404),
    };
    let _ = match file.and_then(|file| stream(&file, range.as_deref())) {
        Ok(response) => request.respond(response),
        Err(code) => request.respond(with_headers(tiny_http::Response::empty(code))),
    };
}

/// The file, or the part a `Range` names, streamed from disk as it is sent:
/// a player's open range (`bytes=N-`) of a 100 MB video is never in memory.
fn stream(file: &Path, range: Option<&str>) -> Result<tiny_http::Response<std::io::Take<std::fs::File>>, u16> {
    let mut handle = std::fs::File::open(file).map_err(|_| 404_u16)?;
    let total = handle.metadata().map_err(|_| 404_u16)?.len();
    let (status, start, end) = match range {
        Some(range) => {
            let (start, end) = parse_range(range, total).ok_or(416_u16)?;
            (206, start, end)
        }
        None => (200, 0, total.saturating_sub(1)),
    };
    let length = if total == 0 { 0 } else { end - start + 1 };
    handle.seek(SeekFrom::Start(start)).map_err(|_| 500_u16)?;
    // tiny_http sends anything over 32 KB chunked, without a Content-Length
    // (its default threshold). A player cannot seek in a stream of unknown
    // length: WebKit then reads the file from the start and never asks for
    // a range. So every answer states its length.
    let mut response = tiny_http::Response::new(
        tiny_http::StatusCode(status),
        Vec::new(),
        handle.take(length),
        usize::try_from(length).ok(),
        None,
    )
    .with_chunked_threshold(usize::MAX);
    response.add_header(header("Content-Type", content_type(file)));
    response.add_header(header("Accept-Ranges", "bytes"));
    if status == 206 {
        response.add_header(header("Content-Range", &format!("bytes {start}-{end}/{total}")));
    }
    Ok(with_headers(response))
}

/// The headers every answer carries, as the asset protocol's do.
fn with_headers<R: std::io::Read>(mut response: tiny_http::Response<R>) -> tiny_http::Response<R> {
    response.add_header(header("Content-Security-Policy", CONTENT_SECURITY_POLICY));
    response.add_header(header("X-Content-Type-Options", "nosniff"));
    response
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header names and values")
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};

    use super::*;

    fn get(base: &str, path: &str) -> String {
        let address = base.trim_start_matches("http://").split('/').next().unwrap();
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n").unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    }

    /// What tiny_http would put on the wire for `stream(file, range)`: the
    /// head (lower-cased) and the body.
    fn wire(file: &Path, range: Option<&str>) -> (String, Vec<u8>) {
        let mut bytes = Vec::new();
        stream(file, range).unwrap().raw_print(&mut bytes, tiny_http::HTTPVersion(1, 1), &[], false, None).unwrap();
        let end = bytes.windows(4).position(|w| w == b"\r\n\r\n").expect("a head");
        (String::from_utf8_lossy(&bytes[..end]).to_ascii_lowercase(), bytes[end + 4..].to_vec())
    }

    #[test]
    fn a_big_answer_states_its_length_so_a_player_can_seek() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("clip.webm");
        std::fs::write(&file, (0..100_000_u32).map(|i| (i % 251) as u8).collect::<Vec<_>>()).unwrap();

        let (head, body) = wire(&file, None);
        assert!(head.starts_with("http/1.1 200"), "{head}");
        assert!(head.lines().any(|line| line == "content-length: 100000"), "{head}");
        assert!(!head.contains("transfer-encoding"), "{head}");
        assert!(head.contains("accept-ranges: bytes"), "{head}");
        assert_eq!(body.len(), 100_000);

        let (head, body) = wire(&file, Some("bytes=100-199"));
        assert!(head.starts_with("http/1.1 206"), "{head}");
        assert!(head.contains("content-range: bytes 100-199/100000"), "{head}");
        assert!(head.lines().any(|line| line == "content-length: 100"), "{head}");
        assert_eq!(body, (100..200_u32).map(|i| (i % 251) as u8).collect::<Vec<_>>());

        // The open range a player asks for when it seeks: from there to the end.
        let (head, body) = wire(&file, Some("bytes=60000-"));
        assert!(head.contains("content-range: bytes 60000-99999/100000"), "{head}");
        assert!(!head.contains("transfer-encoding"), "{head}");
        assert_eq!(body.len(), 40_000);
    }

    #[test]
    fn only_the_token_opens_it_and_the_session_decides_the_rest() {
        let clock: qunxue_app::session::Clock = Arc::new(chrono::Utc::now);
        let session = Arc::new(Session::in_memory(clock).unwrap());
        let server = start(session, AuthorWatch::default()).expect("a loopback port");
        assert!(server.base.starts_with("http://127.0.0.1:"), "{}", server.base);
        let token = server.base.rsplit('/').next().unwrap();
        // A guessed path, no token: nothing, whatever the file.
        assert!(get(&server.base, "/acme.demo/assets/clip.webm").starts_with("HTTP/1.1 404"));
        assert!(get(&server.base, "/0123456789abcdef0123456789abcdef/acme.demo/x.webm").starts_with("HTTP/1.1 404"));
        // With the token, the session answers: no such course here.
        let answer = get(&server.base, &format!("/{token}/acme.demo/assets/clip.webm"));
        assert!(answer.starts_with("HTTP/1.1 404"), "{answer}");
        assert!(answer.to_ascii_lowercase().contains("content-security-policy: default-src 'none'"), "{answer}");
        // The author preview's path, with no folder open: nothing.
        assert!(get(&server.base, &format!("/{token}/_author/c/assets/clip.webm")).starts_with("HTTP/1.1 404"));
    }
}
