#!/usr/bin/env python3
"""Save-to-reload latency of `briefing serve`: from the moment an article file is
saved to the moment the server sends the reload event to open pages.

    cargo build --release
    python3 bench/serve_latency.py                 # 10,000-article corpus, 20 edits of each kind

Two kinds of edit are timed: a change to an article's text (the common case, which
re-renders only its page and the feed) and a change to its front matter (its title:
the file is parsed again, the model redone from what every file parsed to, and only
the pages that show something that changed are rendered again, with the feeds and
data files). Standard library only; the corpus comes from bench/run.py's cache.
"""

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import corpus  # noqa: E402


def events(port):
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"GET /__briefing/events HTTP/1.1\r\nHost: x\r\n\r\n")
    sock.settimeout(60)
    return sock


def wait_changed(sock):
    buf = b""
    while b"event: changed" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            sys.exit("event stream closed")
        buf += chunk
    return time.perf_counter()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--binary", default=str(HERE.parent / "target" / "release" / "briefing"))
    parser.add_argument("--work", default="/tmp/briefing-bench")
    args = parser.parse_args()

    source = corpus(Path(args.work), "briefing", args.articles)
    site = Path(args.work) / f"serve-{args.articles}"
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(source, site)
    server = subprocess.Popen([args.binary, "serve", "--port", "0", "--root", str(site)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = None
        for line in server.stdout:
            m = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
            if m:
                port = int(m.group(1))
                break
        # Keep draining stdout so the server never blocks on it.
        import threading
        threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
        article = sorted((site / "content" / "articles").glob("*.md"))[0]
        results = {}
        for kind in ("text", "front matter"):
            samples = []
            for i in range(args.edits):
                sock = events(port)
                time.sleep(0.2)
                text = article.read_text()
                if kind == "text":
                    text += f"\nAnother sentence, number {i}.\n"
                else:
                    text = text.replace("title: ", f"title: {i} ", 1)
                started = time.perf_counter()
                article.write_text(text)
                samples.append((wait_changed(sock) - started) * 1000)
                sock.close()
                time.sleep(0.3)
            results[kind] = samples
        for kind, samples in results.items():
            print(f"{kind:>12} edit: median {statistics.median(samples):7.1f} ms, "
                  f"min {min(samples):7.1f} ms, max {max(samples):7.1f} ms ({len(samples)} edits)")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    main()
