#!/usr/bin/env python3
"""A/B timing of two (or more) briefing binaries on one corpus, alternating runs so
that both see the same machine: for judging what a change bought.

    cp target/release/briefing /tmp/briefing-before    # then make the change
    cargo build --release
    python3 bench/ab.py /tmp/briefing-before target/release/briefing --runs 7

Reports the median and the fastest wall time, and the median CPU time (user and
system) of each binary, for `build` into a fresh
folder (on the disk, or with --outputs /dev/shm/ab in memory) and for `check`.
Standard library only; the corpus comes from bench/run.py's cache.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from run import delete_tree, wait_after_delete  # noqa: E402


def run(cmd):
    os.sync()
    time.sleep(1.0)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binaries", nargs="+")
    parser.add_argument("--site", default="/tmp/briefing-bench/briefing-10000")
    parser.add_argument("--outputs", default="/tmp/briefing-bench/ab")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    outputs = Path(args.outputs)
    work = Path(args.site).parent
    if outputs.exists():
        delete_tree(outputs, work)
    outputs.mkdir(parents=True)
    wait_after_delete(work)
    times = {(b, w): [] for b in args.binaries for w in ("build", "check")}
    n = 0
    for _ in range(args.runs):
        for b in args.binaries:
            n += 1
            times[(b, "build")].append(run([b, "build", "--root", args.site, "--output", str(outputs / f"o{n}")]))
            times[(b, "check")].append(run([b, "check", "--root", args.site]))
    delete_tree(outputs, work)
    for (b, what), samples in times.items():
        secs = [s for s, _, _ in samples]
        cpu = statistics.median(c for _, _, c in samples)
        print(f"{what:5} {statistics.median(secs):6.3f} s median {min(secs):6.3f} s min {cpu:6.3f} s cpu "
              f"{max(m for _, m, _ in samples):6.0f} MB  {b}")


if __name__ == "__main__":
    main()
