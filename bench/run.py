#!/usr/bin/env python3
"""Benchmarks for briefing: build and check times, pages per second and peak memory
on generated corpora, side by side with Hugo when one is given.

    cargo build --release
    python3 bench/run.py                          # 1,000 and 10,000 articles
    python3 bench/run.py --sizes 1000 10000 50000 --runs 3
    python3 bench/run.py --hugo /path/to/hugo     # adds Hugo, alternating runs

Corpora come from bench/gen_corpus.py (deterministic; same content in our format and
Hugo's) and are cached under --work. Each measurement runs the command as a child
process: wall time from a monotonic clock, peak memory from the child's rusage.
Every run writes a fresh output folder, for both tools; runs start at least 900 s after
the bench last deleted outputs (see QUIET_AFTER_DELETE). Standard library only.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
# Actors and proposals scale with the article count: 500 and 150 at 10,000 articles.
def shape(articles):
    return max(20, articles // 20), max(10, articles * 3 // 200)


def corpus(work, fmt, articles):
    actors, proposals = shape(articles)
    out = work / f"{fmt}-{articles}"
    if not (out / ".complete").exists():
        subprocess.run(
            [sys.executable, str(HERE / "gen_corpus.py"), "--articles", str(articles), "--actors", str(actors),
             "--proposals", str(proposals), "--format", fmt, "--out", str(out), "--force"],
            check=True, stdout=subprocess.DEVNULL)
        (out / ".complete").touch()
    return out


SETTLE = 5.0

# ext4 without a journal (as on this VM) will not reuse the inode of a file deleted in
# the last minute, or the last six while its inode table block is dirty (and allocating
# a new inode in that block dirties it): every new file then walks past thousands of
# deleted ones, which costs more than writing the site. A run soon after a big deletion
# measures the deletion. Deletions are therefore recorded, and runs start 900 s after
# (380 s was enough in the second session; on 2026-11-26 builds still paid for a
# deletion ten minutes later).
QUIET_AFTER_DELETE = 900.0


def delete_tree(path, work):
    shutil.rmtree(path, ignore_errors=True)
    os.sync()
    # Only deletions on the disk that holds the corpora (not in memory, /dev/shm) count.
    if os.stat(work).st_dev == os.stat(Path(path).parent).st_dev:
        (work / ".deleted").write_text(str(time.time()))


def wait_after_delete(work):
    try:
        last = float((work / ".deleted").read_text())
    except (OSError, ValueError):
        return
    wait = last + QUIET_AFTER_DELETE - time.time()
    if wait > 0:
        print(f"waiting {wait:.0f} s for the file system to forget the last deleted outputs", file=sys.stderr)
        time.sleep(wait)


def measure(cmd, cwd):
    """Runs cmd once, on a quiet disk; returns (seconds, peak RSS in MB)."""
    # Flush what earlier runs wrote and let writeback finish, so that no run pays for
    # the one before it (on this virtual disk that can double a run's time).
    os.sync()
    time.sleep(SETTLE)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}")
    return elapsed, usage.ru_maxrss / 1024


def pages_of(folder):
    return sum(1 for _ in Path(folder).rglob("*.html"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is reported")
    parser.add_argument("--binary", default=str(REPO / "target" / "release" / "briefing"))
    parser.add_argument("--hugo", help="path to a hugo binary, to compare")
    parser.add_argument("--work", default="/tmp/briefing-bench", help="where corpora go")
    parser.add_argument("--outputs", help="where built sites go (default: WORK/outputs; try /dev/shm to leave the disk out)")
    parser.add_argument("--settle", type=float, default=5.0, help="seconds of quiet before each run")
    args = parser.parse_args()
    global SETTLE
    SETTLE = args.settle

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    outputs = Path(args.outputs or work / "outputs")
    if outputs.exists():
        delete_tree(outputs, work)
    outputs.mkdir(parents=True)
    # Every run writes a fresh folder: deleting a big tree just before a run makes the
    # next writes on this disk several times slower, whichever tool comes next.
    counter = iter(range(1_000_000))
    fresh = lambda name: outputs / f"{name}-{next(counter)}"
    rows = []
    for size in args.sizes:
        site = corpus(work, "briefing", size)
        check_cmd = [args.binary, "check", "--root", str(site)]
        runs = {"build": [], "check": [], "hugo": []}
        hugo_site = corpus(work, "hugo", size) if args.hugo else None
        wait_after_delete(work)
        steps = ["build", "hugo", "check"] if args.hugo else ["build", "check"]
        for run in range(args.runs):
            # Alternate the tools so that all see the same machine state, and rotate
            # their order, so that each follows each of the others once in three runs:
            # a run that follows Hugo (which takes ~1.9 GB at 10,000 articles) pays
            # more for fresh memory on this VM.
            for step in steps[run % len(steps):] + steps[:run % len(steps)]:
                if step == "build":
                    out = fresh(f"briefing-{size}")
                    cmd = [args.binary, "build", "--root", str(site), "--output", str(out)]
                    runs["build"].append(measure(cmd, None))
                elif step == "hugo":
                    hugo_out = fresh(f"hugo-{size}")
                    runs["hugo"].append(measure([args.hugo, "--quiet", "-d", str(hugo_out)], hugo_site))
                else:
                    runs["check"].append(measure(check_cmd, None))
                secs, mem = runs[step][-1]
                print(f"{size} articles, run {run + 1}: {step} {secs:.2f} s, {mem:.0f} MB", file=sys.stderr)
        pages = pages_of(out)
        for name, samples in runs.items():
            if not samples:
                continue
            secs = statistics.median(s for s, _ in samples)
            mem = max(m for _, m in samples)
            n = pages if name != "hugo" else pages_of(hugo_out)
            rows.append((size, name, secs, n / secs if name != "check" else None, mem))
        if args.hugo:
            b = statistics.median(s for s, _ in runs["build"])
            h = statistics.median(s for s, _ in runs["hugo"])
            bm = max(m for _, m in runs["build"])
            hm = max(m for _, m in runs["hugo"])
            rows.append((size, "ratio", h / b, None, hm / bm))

    delete_tree(outputs, work)
    print(f"{'articles':>9} {'what':>6} {'seconds':>9} {'pages/s':>9} {'peak MB':>9}")
    for size, name, secs, rate, mem in rows:
        if name == "ratio":
            print(f"{size:>9} {'hugo/us':>6} {secs:>8.1f}x {'':>9} {mem:>8.1f}x")
        else:
            rate_s = f"{rate:>9.0f}" if rate else f"{'':>9}"
            print(f"{size:>9} {name:>6} {secs:>9.2f} {rate_s} {mem:>9.0f}")


if __name__ == "__main__":
    main()
