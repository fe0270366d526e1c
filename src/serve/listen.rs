//! Accepting connections with the limits `axum::serve` does not offer: a time limit for
//! reading each request's headers and a cap on how many connections are open at once.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// A connection must send a request's headers within this long, also to keep an idle
/// keep-alive connection open: one that stalls is closed.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// Connections open at once. Beyond that, new ones wait in the system's queue until
/// one closes (a stalled one within `HEADER_TIMEOUT`).
const MAX_CONNECTIONS: usize = 256;

/// Event streams stay open as long as their page does; past this many, the next one
/// is refused (503), so that most of the connections are left for pages and files.
pub(super) const MAX_EVENT_STREAMS: usize = 64;

/// Serves `app` on `listener` for ever.
pub(super) async fn serve(listener: TcpListener, app: Router) {
    let places = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        // The semaphore is never closed, so this always gets a place in the end.
        let Ok(place) = Arc::clone(&places).acquire_owned().await else { return };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) => {
                wait_after(&e).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            // A failed connection (a client gone, a timeout) concerns that client alone.
            let _ = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service)
                .await;
            drop(place);
        });
    }
}

/// A connection that failed before it was accepted concerns that client alone; any
/// other error (out of file descriptors) may last a while: wait before trying again.
async fn wait_after(error: &std::io::Error) {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if !matches!(error.kind(), ConnectionAborted | ConnectionRefused | ConnectionReset) {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
