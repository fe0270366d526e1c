//! HTTP: files from the newest snapshot, never from disk; the live-reload script and
//! its event stream under `/__briefing/`.

use std::convert::Infallible;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::State as AxumState;
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::Stream;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use super::{Event, State};

const RELOAD_SCRIPT: &str = include_str!("reload.js");
const SCRIPT_TAG: &str = "<script src=\"/__briefing/reload.js\"></script>";

pub(super) fn router(state: Arc<State>) -> Router {
    Router::new()
        .route("/__briefing/reload.js", get(reload_script))
        .route("/__briefing/events", get(events))
        .fallback(file)
        .with_state(state)
}

async fn reload_script() -> Response {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], RELOAD_SCRIPT).into_response()
}

/// Server-sent events: the current error state at once, then every rebuild's news.
async fn events(AxumState(state): AxumState<Arc<State>>) -> Sse<impl Stream<Item = Result<SseEvent, Infallible>>> {
    let current = state.errors.read().ok().and_then(|e| e.clone());
    let first = match current {
        Some(report) => Event::Errors(report),
        None => Event::Fixed,
    };
    let updates = BroadcastStream::new(state.events.subscribe()).filter_map(|e| e.ok());
    let stream = tokio_stream::once(first).chain(updates).map(|event| {
        Ok(match event {
            Event::Changed(paths) => SseEvent::default().event("changed").data(paths.join("\n")),
            Event::Errors(report) => SseEvent::default().event("errors").data(report),
            Event::Fixed => SseEvent::default().event("fixed").data(""),
        })
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
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

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// HTML pages get the live-reload script; built output never has it.
fn with_reload_script(bytes: &[u8]) -> Vec<u8> {
    let html = String::from_utf8_lossy(bytes);
    match html.rfind("</body>") {
        Some(i) => format!("{}{SCRIPT_TAG}\n{}", &html[..i], &html[i..]).into_bytes(),
        None => format!("{html}{SCRIPT_TAG}\n").into_bytes(),
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
                    if let Ok(location) = HeaderValue::from_str(&format!("{raw}/")) {
                        response.headers_mut().insert(header::LOCATION, location);
                    }
                    return response;
                }
            }
            match snapshot.files.get("404.html") {
                Some(bytes) => respond(StatusCode::NOT_FOUND, "404.html", bytes),
                None => (StatusCode::NOT_FOUND, "not found").into_response(),
            }
        }
    }
}

fn respond(status: StatusCode, path: &str, bytes: &[u8]) -> Response {
    let body = if path.ends_with(".html") { with_reload_script(bytes) } else { bytes.to_vec() };
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(path)));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::resolve;

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
}
