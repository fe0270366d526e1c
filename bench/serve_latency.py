#!/usr/bin/env python3
"""Save-to-reload latency of `briefing serve`: from the moment an article file is
saved to the moment the server sends the reload event to open pages.

    cargo build --release
    python3 bench/serve_latency.py                 # 10,000-article corpus, 20 edits of each kind

With --flood, the edits are timed twice: on a quiet server, then while a separate
process keeps 50 connections busy with page requests (keep-alive, as fast as the
server answers); the slowdown of the rebuilds is reported.

Three kinds of edit are timed: a change to an article's text (the common case, which
re-renders only its page and the feed); a change to its front matter that changes
only what it shows (its title: the file is parsed again, the article patched into the
model, and the pages that show it rendered again, with the feeds and data files); and
a change to what it refers to (the order of its actors: the model is made again from
what every file parsed to, and only the pages that show something that changed are
rendered again). Standard library only; the corpus comes from bench/run.py's cache.
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
    sock.sendall(f"GET /__briefing/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
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


def flood(port, paths, stop, served, connections=50):
    """Runs in its own process: `connections` keep-alive connections requesting `paths`
    in turn until `stop` is set; counts the responses in `served`."""
    import asyncio

    async def one(k):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        i = k
        while not stop.is_set():
            path = paths[i % len(paths)]
            i += connections
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            length = int(re.search(rb"(?i)content-length: *(\d+)", head).group(1))
            await reader.readexactly(length)
            with served.get_lock():
                served.value += 1
        writer.close()

    async def run():
        await asyncio.gather(*(one(k) for k in range(connections)))

    asyncio.run(run())


# An edit to an article's text; to its title (what it shows: the model is patched);
# to the order of its actors (what it refers to: the model is made again).
KINDS = ("text", "front matter", "references")


def time_edits(port, article, kind, edits):
    samples = []
    for i in range(edits):
        sock = events(port)
        time.sleep(0.2)
        text = article.read_text()
        if kind == "text":
            text += f"\nAnother sentence, number {i}.\n"
        elif kind == "front matter":
            text = text.replace("title: ", f"title: {i} ", 1)
        else:
            text = rotate_actors(text)
        started = time.perf_counter()
        article.write_text(text)
        samples.append((wait_changed(sock) - started) * 1000)
        sock.close()
        time.sleep(0.3)
    return samples


def rotate_actors(text):
    """The article's `actors: [a, b, c]` as `[b, c, a]`: what it refers to changes."""
    start = text.index("actors: [") + len("actors: [")
    end = text.index("]", start)
    actors = text[start:end].split(", ")
    return text[:start] + ", ".join(actors[1:] + actors[:1]) + text[end:]


def report(label, samples):
    print(f"{label:>24}: median {statistics.median(samples):7.1f} ms, "
          f"min {min(samples):7.1f} ms, max {max(samples):7.1f} ms ({len(samples)} edits)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--binary", default=str(HERE.parent / "target" / "release" / "briefing"))
    parser.add_argument("--work", default="/tmp/briefing-bench")
    parser.add_argument("--flood", action="store_true", help="also time the edits under a request flood")
    args = parser.parse_args()

    source = corpus(Path(args.work), "briefing", args.articles)
    site = Path(args.work) / f"serve-{args.articles}"
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(source, site)
    server = subprocess.Popen([args.binary, "serve", "--port", "0", "--root", str(site)],
                              stdout=subprocess.PIPE, stderr=open(os.environ.get("SERVE_STDERR", os.devnull), "w"), text=True)
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
        # The first article (by name) that names two actors or more.
        article = next(p for p in sorted((site / "content" / "articles").glob("*.md"))
                       if re.search(r"^actors: \[[^\]]*, ", p.read_text(), re.M))
        results = {}
        for kind in KINDS:
            results[kind] = time_edits(port, article, kind, args.edits)
            report(f"{kind} edit", results[kind])
        if args.flood:
            import multiprocessing
            paths = [f"/articles/{p.stem}/" for p in sorted((site / "content" / "articles").glob("*.md"))[:2000]]
            stop, served = multiprocessing.Event(), multiprocessing.Value("l", 0)
            load = multiprocessing.Process(target=flood, args=(port, paths, stop, served))
            load.start()
            time.sleep(1.0)
            began, before = time.perf_counter(), served.value
            for kind in KINDS:
                flooded = time_edits(port, article, kind, args.edits)
                report(f"{kind} edit, flooded", flooded)
                ratio = statistics.median(flooded) / statistics.median(results[kind])
                print(f"{'':>24}  {ratio:.2f}x the quiet median")
            rate = (served.value - before) / (time.perf_counter() - began)
            stop.set()
            load.join()
            print(f"{'flood':>24}: {rate:,.0f} requests/s over 50 connections, {served.value:,} in all")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    main()
