//! Which requests the preview server answers at all: GET and HEAD, for its own names
//! only (a web page that rebinds its own name to 127.0.0.1 gets nothing), and the event
//! stream for its own pages only.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::http::EVENTS;

/// The names the server answers to: `localhost`, `127.0.0.1`, `[::1]` and the address
/// it is bound to, each with its port; any name once bound to an address that other
/// machines reach (`--bind 0.0.0.0`), whose names this machine cannot know.
#[derive(Debug, Clone, Copy)]
pub(super) struct Names {
    bound: IpAddr,
    port: u16,
}

impl Names {
    pub(super) fn new(bound: IpAddr, port: u16) -> Names {
        Names { bound, port }
    }

    /// Whether `authority` (`host:port`, as in a Host header) names this server. No
    /// port means port 80, as in a URL; browsers send the port whenever it is another.
    fn is_ours(&self, authority: &str) -> bool {
        let Some((host, port)) = split_authority(authority) else { return false };
        let own_ip = |ip: IpAddr| ip == self.bound || ip == Ipv4Addr::LOCALHOST || ip == Ipv6Addr::LOCALHOST;
        let ours = match host {
            Host::Name(name) => name.eq_ignore_ascii_case("localhost"),
            Host::Ip(ip) => own_ip(ip),
        };
        ours && port == self.port
    }

    /// The answer for a request that is not served, if it is not.
    fn refusal(&self, request: &Request) -> Option<Response> {
        let mut hosts = request.headers().get_all(header::HOST).iter();
        let (Some(host), None) = (hosts.next(), hosts.next()) else {
            return Some((StatusCode::BAD_REQUEST, "A request needs one Host header.\n").into_response());
        };
        let host = host.to_str().unwrap_or("");
        let named = |authority: &str| self.is_ours(authority);
        let guarded = self.bound.is_loopback();
        if guarded && (!named(host) || request.uri().authority().is_some_and(|a| !named(a.as_str()))) {
            let text = format!(
                "This preview server only answers requests for localhost, 127.0.0.1 or [::1] on port {}.\n\
                 (`briefing serve --bind 0.0.0.0` opens it to other machines, and to any name.)\n",
                self.port
            );
            return Some((StatusCode::FORBIDDEN, text).into_response());
        }
        if request.method() != Method::GET && request.method() != Method::HEAD {
            let allow = [(header::ALLOW, HeaderValue::from_static("GET, HEAD"))];
            return Some((StatusCode::METHOD_NOT_ALLOWED, allow, "Only GET and HEAD are served.\n").into_response());
        }
        // A page elsewhere may ask for the stream too: only the server's own pages get
        // it (a page's own request says no origin, or its own).
        let own_origin = format!("http://{host}");
        let foreign = |origin: &HeaderValue| !origin.as_bytes().eq_ignore_ascii_case(own_origin.as_bytes());
        if request.uri().path() == EVENTS && request.headers().get_all(header::ORIGIN).iter().any(foreign) {
            return Some((StatusCode::FORBIDDEN, "The event stream is for this server's own pages.\n").into_response());
        }
        None
    }
}

/// Answers the requests `names` refuses; hands the others on.
pub(super) async fn check(State(names): State<Names>, request: Request, next: Next) -> Response {
    match names.refusal(&request) {
        Some(refusal) => refusal,
        None => next.run(request).await,
    }
}

enum Host<'a> {
    Name(&'a str),
    Ip(IpAddr),
}

/// `localhost:1111` → (`localhost`, 1111); `[::1]` → (::1, 80). None for anything that
/// is not a host and an optional port of digits.
fn split_authority(authority: &str) -> Option<(Host<'_>, u16)> {
    let (host, port) = match authority.strip_prefix('[') {
        Some(rest) => {
            let (ip, after) = rest.split_once(']')?;
            (Host::Ip(IpAddr::V6(ip.parse().ok()?)), after)
        }
        None => {
            let end = authority.find(':').unwrap_or(authority.len());
            let (name, after) = authority.split_at(end);
            let host = name.parse::<Ipv4Addr>().map_or(Host::Name(name), |ip| Host::Ip(IpAddr::V4(ip)));
            (host, after)
        }
    };
    let port = match port.strip_prefix(':') {
        None if port.is_empty() => 80,
        Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => digits.parse().ok()?,
        _ => return None,
    };
    Some((host, port))
}

#[cfg(test)]
mod tests {
    use super::Names;

    #[test]
    fn own_names_with_the_port() {
        let names = Names::new("127.0.0.1".parse().unwrap(), 1111);
        for ok in ["localhost:1111", "LOCALHOST:1111", "127.0.0.1:1111", "[::1]:1111", "[0:0:0:0:0:0:0:1]:1111"] {
            assert!(names.is_ours(ok), "{ok}");
        }
        for no in [
            "localhost",
            "localhost:",
            "localhost:80",
            "localhost:+1111",
            "localhost:1111:1111",
            "localhost.:1111",
            "evil.example:1111",
            "127.0.0.2:1111",
            "127.1:1111",
            "[::1]",
            "[::1]x:1111",
            "[::ffff:127.0.0.1]:1111",
            "::1:1111",
            "",
            ":1111",
        ] {
            assert!(!names.is_ours(no), "{no}");
        }
        let on_80 = Names::new("::1".parse().unwrap(), 80);
        assert!(on_80.is_ours("localhost") && on_80.is_ours("[::1]") && !on_80.is_ours("localhost:1111"));
    }
}
