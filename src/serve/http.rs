//! HTTP: files from the newest snapshot, never from disk, byte for byte; the live-reload
//! script and its event stream under `/__briefing/`.

use std::convert::Infallible;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::State as AxumState;
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use super::guard::{self, Names};
use super::{Event, State};

const RELOAD_SCRIPT: &str = include_str!("reload.js");
const SCRIPT_TAG: &[u8] = b"<script src=\"/__briefing/reload.js\"></script>\n";
pub(super) const EVENTS: &str = "/__briefing/events";

pub(super) fn router(state: Arc<State>, names: Names) -> Router {
    Router::new()
        .route("/__briefing/reload.js", get(reload_script))
        .route(EVENTS, get(events))
        .fallback(file)
        .layer(axum::middleware::from_fn_with_state(names, guard::check))
        .with_state(state)
}

async fn reload_script() -> Response {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], RELOAD_SCRIPT).into_response()
}

/// Server-sent events: the current error state at once, then every rebuild's news.
/// Each open stream holds one of a limited number of places until its page closes.
async fn events(AxumState(state): AxumState<Arc<State>>) -> Response {
    let Ok(place) = Arc::clone(&state.streams).try_acquire_owned() else {
        let text = "Too many pages are open on this preview server; close some and reload.\n";
        return (StatusCode::SERVICE_UNAVAILABLE, text).into_response();
    };
    let current = state.errors.read().ok().and_then(|e| e.clone());
    let first = match current {
        Some(report) => Event::Errors(report),
        None => Event::Fixed,
    };
    let updates = BroadcastStream::new(state.events.subscribe()).filter_map(|e| e.ok());
    let stream = tokio_stream::once(first).chain(updates).map(move |event| {
        let _held_until_the_stream_ends = &place;
        Ok::<_, Infallible>(match event {
            Event::Changed(paths) => SseEvent::default().event("changed").data(paths.join("\n")),
            Event::Errors(report) => SseEvent::default().event("errors").data(report),
            Event::Fixed => SseEvent::default().event("fixed").data(""),
        })
    });
    Sse::new(stream).keep_alive(KeepAlive::default()).into_response()
}

/// The output path a request asks for, or None when it tries to leave the site.
pub(super) fn resolve(raw_path: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(raw_path).decode_utf8().ok()?;
    if decoded.contains('\\') || decoded.contains('\0') {
        return None;
    }
    let mut parts = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            s => parts.push(s),
        }
    }
    let mut path = parts.join("/");
    if decoded.ends_with('/') || path.is_empty() {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Some(path)
}

/// The content type for a file, from its extension in any case. Text that briefing
/// writes is UTF-8; JavaScript is `text/javascript` whatever the table says (RFC 9239).
fn content_type(path: &str) -> &'static str {
    match mime_guess::from_path(path).first_raw() {
        Some("text/html") => "text/html; charset=utf-8",
        Some("text/css") => "text/css; charset=utf-8",
        Some("text/javascript" | "application/javascript") => "text/javascript; charset=utf-8",
        Some("text/plain") => "text/plain; charset=utf-8",
        Some(other) => other,
        None => "application/octet-stream",
    }
}

/// HTML pages get the live-reload script before their last `</body>` (or at the end);
/// no other byte changes, whatever the page's encoding. Built output never has it.
fn with_reload_script(bytes: &[u8]) -> Vec<u8> {
    // In UTF-16 the script's bytes would be garbage: such a page goes without.
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return bytes.to_vec();
    }
    let at = last_body_end(bytes).unwrap_or(bytes.len());
    [&bytes[..at], SCRIPT_TAG, &bytes[at..]].concat()
}

/// Where the last `</body>` tag starts, in any case (`</BODY >` too).
fn last_body_end(bytes: &[u8]) -> Option<usize> {
    memchr::memrchr_iter(b'<', bytes).find(|&i| {
        let tag = &bytes[i..];
        tag.len() > 6
            && tag[..6].eq_ignore_ascii_case(b"</body")
            && matches!(tag[6], b'>' | b' ' | b'\t' | b'\n' | b'\r')
    })
}

/// Where to send a request for a folder without its final slash: the last segment and
/// a slash, relative to where the browser is, so never `//name/`, which a browser
/// reads as another host. A colon in it would read as a scheme (`javascript:`).
fn folder_location(raw_path: &str, query: Option<&str>) -> String {
    let last = raw_path.rsplit('/').next().unwrap_or("");
    let dot = if last.contains(':') { "./" } else { "" };
    match query {
        Some(query) => format!("{dot}{last}/?{query}"),
        None => format!("{dot}{last}/"),
    }
}

async fn file(AxumState(state): AxumState<Arc<State>>, request: Request<Body>) -> Response {
    let snapshot = match state.snapshot.read() {
        Ok(s) => Arc::clone(&s),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let raw = request.uri().path();
    let found = resolve(raw).and_then(|path| snapshot.files.get(&path).map(|bytes| (path, Arc::clone(bytes))));
    match found {
        Some((path, bytes)) => respond(StatusCode::OK, &path, &bytes),
        None => {
            // `/actors` → `/actors/`, so that the page's relative links work.
            if let Some(path) = resolve(&format!("{raw}/")) {
                if !raw.ends_with('/') && snapshot.files.contains_key(&path) {
                    let mut response = StatusCode::MOVED_PERMANENTLY.into_response();
                    let location = folder_location(raw, request.uri().query());
                    if let Ok(location) = HeaderValue::from_str(&location) {
                        response.headers_mut().insert(header::LOCATION, location);
                    }
                    return response;
                }
            }
            if snapshot.files.is_empty() {
                return waiting(&state);
            }
            match snapshot.files.get("404.html") {
                Some(bytes) => respond(StatusCode::NOT_FOUND, "404.html", bytes),
                None => (StatusCode::NOT_FOUND, "not found").into_response(),
            }
        }
    }
}

/// What every address answers while no build has succeeded yet (the content had
/// errors when the server started): the errors, and the reload script, which loads the
/// page again once they are fixed.
fn waiting(state: &State) -> Response {
    let errors = state.errors.read().ok().and_then(|e| e.clone()).unwrap_or_default();
    let mut escaped = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = tera::escape_html(&errors, &mut escaped);
    let page = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">\
         <title>briefing: the site has problems</title></head>\n<body data-briefing-waiting>\n\
         <h1>The site has problems</h1>\n<p>Nothing has been built yet. This page loads again \
         by itself once they are fixed.</p>\n<pre>{}</pre>\n</body>\n</html>\n",
        String::from_utf8_lossy(&escaped)
    );
    respond(StatusCode::SERVICE_UNAVAILABLE, "index.html", page.as_bytes())
}

fn respond(status: StatusCode, path: &str, bytes: &[u8]) -> Response {
    let kind = content_type(path);
    let body = if kind.starts_with("text/html") { with_reload_script(bytes) } else { bytes.to_vec() };
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::{SCRIPT_TAG, content_type, folder_location, resolve, with_reload_script};

    #[test]
    fn paths_map_to_files_and_never_leave_the_site() {
        assert_eq!(resolve("/").as_deref(), Some("index.html"));
        assert_eq!(resolve("/actors/").as_deref(), Some("actors/index.html"));
        assert_eq!(resolve("/style.css").as_deref(), Some("style.css"));
        assert_eq!(resolve("/a%20b.txt").as_deref(), Some("a b.txt"));
        assert_eq!(resolve("/../etc/passwd"), None);
        assert_eq!(resolve("/%2e%2e/etc/passwd"), None);
        assert_eq!(resolve("/actors/..%2F..%2Fx"), None);
        assert_eq!(resolve("//etc/passwd").as_deref(), Some("etc/passwd"));
    }

    #[test]
    fn the_script_goes_before_the_last_body_end_tag_in_any_case() {
        let with = |page: &[u8]| String::from_utf8_lossy(&with_reload_script(page)).into_owned();
        let tag = String::from_utf8_lossy(SCRIPT_TAG);
        assert_eq!(with(b"<body></body>\n<!-- </body> -->"), format!("<body></body>\n<!-- {tag}</body> -->"));
        assert_eq!(with(b"<BODY>x</BODY >"), format!("<BODY>x{tag}</BODY >"));
        assert_eq!(with(b"<p>x</bodyguard>"), format!("<p>x</bodyguard>{tag}"));
        assert_eq!(with(b"</body"), format!("</body{tag}"));
        assert_eq!(with_reload_script(b"\xff\xfe<\0/\0"), b"\xff\xfe<\0/\0");
    }

    #[test]
    fn types_by_extension_in_any_case() {
        assert_eq!(content_type("a/b.HTML"), "text/html; charset=utf-8");
        assert_eq!(content_type("x.Mjs"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("x.json"), "application/json");
        assert_eq!(content_type("x.tar.gz"), "application/gzip");
        assert_eq!(content_type("README"), "application/octet-stream");
    }

    #[test]
    fn folder_redirects_stay_on_the_server() {
        assert_eq!(folder_location("/actors", None), "actors/");
        assert_eq!(folder_location("//evil.example", None), "evil.example/");
        assert_eq!(folder_location("/a/b", Some("x=1")), "b/?x=1");
        assert_eq!(folder_location("/javascript:alert(1)", None), "./javascript:alert(1)/");
    }
}
