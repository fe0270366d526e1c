#!/usr/bin/env python3
"""Benchmarks for briefing: build and check times, pages per second and peak memory
on generated corpora, side by side with Hugo when one is given.

    cargo build --release
    python3 bench/run.py                          # 1,000 and 10,000 articles
    python3 bench/run.py --sizes 1000 10000 50000 --runs 3
    python3 bench/run.py --hugo /path/to/hugo     # adds Hugo, alternating runs
    python3 bench/run.py --cases rebuild edit     # only some of the cases
    python3 bench/run.py --before /tmp/old-briefing   # an earlier build alongside

Three cases, each with both tools (users rebuild into the output they already have):
  rebuild  the unchanged corpus built again into the output of the previous build;
  edit     one article's text edited before each build into the existing output; the
           files each build wrote (modification time changed, or new) and the files
           whose bytes changed are counted;
  fresh    every run into a new, empty output folder.
`check` runs with the rebuild case (it writes nothing).

Corpora come from gen_corpus.py (deterministic; same content in our format and
Hugo's) and are cached under --work. Each measurement runs the command as a child
process: wall time from a monotonic clock, peak memory from the child's rusage.
Runs start at least 900 s after the bench last deleted outputs (see
QUIET_AFTER_DELETE). Standard library only.
"""

import argparse
import hashlib
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


def measure(cmd, cwd, capture=False):
    """Runs cmd once, on a quiet disk; returns (seconds, peak RSS in MB, stdout)."""
    # Flush what earlier runs wrote and let writeback finish, so that no run pays for
    # the one before it (on this virtual disk that can double a run's time).
    os.sync()
    time.sleep(SETTLE)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    out = proc.stdout.read().decode() if capture else ""
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}")
    return elapsed, usage.ru_maxrss / 1024, out


def pages_of(folder):
    return sum(1 for _ in Path(folder).rglob("*.html"))


def snapshot(folder):
    """path -> (modification time in ns, hash of the bytes) for every file below folder."""
    out = {}
    for root, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                digest = hashlib.blake2b(f.read(), digest_size=16).digest()
            out[os.path.relpath(path, folder)] = (os.stat(path).st_mtime_ns, digest)
    return out


def touched(before, after):
    """(files written: new or with a new modification time, files whose bytes changed)."""
    written = sum(1 for p, (m, _) in after.items() if p not in before or before[p][0] != m)
    changed = sum(1 for p, (_, h) in after.items() if p not in before or before[p][1] != h)
    changed += sum(1 for p in before if p not in after)
    return written, changed


def article_to_edit(sites):
    """The name of an article written in Markdown in every one of `sites`."""
    names = [{p.name for p in (s / "content" / "articles").glob("*.md")} - {"_index.md"} for s in sites]
    return sorted(set.intersection(*names))[0]


def edit_article(site, name, run):
    """Appends a sentence to one article's text (the same file in either tool's format)."""
    with open(site / "content" / "articles" / name, "a") as f:
        f.write(f"\nAn edit made for run {run}.\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is reported")
    parser.add_argument("--cases", nargs="+", default=["rebuild", "edit", "fresh"],
                        choices=["rebuild", "edit", "fresh"])
    parser.add_argument("--binary", default=str(REPO / "target" / "release" / "briefing"))
    parser.add_argument("--hugo", help="path to a hugo binary, to compare")
    parser.add_argument("--before", help="another briefing binary (an earlier version), measured alongside as `before`")
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
    counter = iter(range(1_000_000))
    fresh = lambda name: outputs / f"{name}-{next(counter)}"
    rows = []
    for size in args.sizes:
        # The edit case changes the corpora: each size starts from freshly made ones.
        for fmt in ["briefing", "hugo"]:
            if "edit" in args.cases and (work / f"{fmt}-{size}" / ".complete").exists():
                (work / f"{fmt}-{size}" / ".complete").unlink()
        site = corpus(work, "briefing", size)
        hugo_site = corpus(work, "hugo", size) if args.hugo else None
        live = {"build": outputs / f"briefing-{size}-live", "hugo": outputs / f"hugo-{size}-live",
                "before": outputs / f"before-{size}-live"}
        commands = {
            "build": lambda out: ([args.binary, "build", "--root", str(site), "--output", str(out)], None),
            "hugo": lambda out: ([args.hugo, "--quiet", "-d", str(out)], hugo_site),
            "check": lambda out: ([args.binary, "check", "--root", str(site)], None),
            "before": lambda out: ([args.before, "build", "--root", str(site), "--output", str(out)], None),
        }
        tools = ["build"] + (["hugo"] if args.hugo else []) + (["before"] if args.before else [])
        edited = article_to_edit([site] + ([hugo_site] if hugo_site else []))
        # Two builds each before measuring: the second makes briefing's standby copy.
        for tool in tools:
            for _ in range(2):
                cmd, cwd = commands[tool](live[tool])
                subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_after_delete(work)
        for case in [c for c in ["rebuild", "edit", "fresh"] if c in args.cases]:
            steps = tools + ["check"] if case == "rebuild" else list(tools)
            samples = {step: [] for step in steps}
            counts = {step: [] for step in steps}
            for run in range(args.runs):
                # Alternate the tools so that all see the same machine state, and rotate
                # their order, so that each follows each of the others: a run that
                # follows Hugo (which takes ~1.9 GB at 10,000 articles) pays more for
                # fresh memory on this VM.
                for step in steps[run % len(steps):] + steps[:run % len(steps)]:
                    out = fresh(f"{step}-{size}") if case == "fresh" and step != "check" else live.get(step)
                    before = None
                    if case == "edit":
                        edit_article(hugo_site if step == "hugo" else site, edited, run)
                        before = snapshot(out)
                    cmd, cwd = commands[step](out)
                    secs, mem, stdout = measure(cmd, cwd, capture=step in ("build", "before"))
                    samples[step].append((secs, mem))
                    note = ""
                    if before is not None:
                        written, changed = touched(before, snapshot(out))
                        counts[step].append((written, changed))
                        note = f", wrote {written} files, {changed} changed"
                        if step in ("build", "before") and "(" in stdout:
                            note += f" (it says: {stdout.strip().split('(', 1)[1].split(')')[0]})"
                    print(f"{size} articles, {case}, run {run + 1}: {step} {secs:.2f} s, {mem:.0f} MB{note}",
                          file=sys.stderr)
            pages = pages_of(live["build"])
            for name, runs in samples.items():
                secs = statistics.median(s for s, _ in runs)
                mem = max(m for _, m in runs)
                n = pages if name != "hugo" else pages_of(live["hugo"])
                written = f"{statistics.median(w for w, _ in counts[name]):.0f}/{statistics.median(c for _, c in counts[name]):.0f}" \
                    if counts[name] else ""
                rows.append((size, case, name, secs, n / secs if name != "check" else None, mem, written))
            b = statistics.median(s for s, _ in samples["build"])
            bm = max(m for _, m in samples["build"])
            for other in [t for t in ("hugo", "before") if t in samples]:
                o = statistics.median(s for s, _ in samples[other])
                om = max(m for _, m in samples[other])
                rows.append((size, case, f"{other}/us", o / b, None, om / bm, ""))

    delete_tree(outputs, work)
    print(f"{'articles':>9} {'case':>8} {'what':>7} {'seconds':>9} {'pages/s':>9} {'peak MB':>9} {'written/changed':>16}")
    for size, case, name, secs, rate, mem, written in rows:
        if name.endswith("/us"):
            print(f"{size:>9} {case:>8} {name:>9} {secs:>6.1f}x {'':>9} {mem:>8.1f}x")
        else:
            rate_s = f"{rate:>9.0f}" if rate else f"{'':>9}"
            print(f"{size:>9} {case:>8} {name:>7} {secs:>9.2f} {rate_s} {mem:>9.0f} {written:>16}")


if __name__ == "__main__":
    main()
