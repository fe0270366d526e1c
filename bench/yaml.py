#!/usr/bin/env python3
"""YAML parsing apart from the rest of a build: the parser briefing uses against the
other candidate, and hostile documents.

    python3 bench/yaml.py                  # the 10,000-article corpus, then hostile text
    python3 bench/yaml.py --articles 1000

`parsers`: the YAML of every content file of the corpus (front matter of Markdown files,
whole YAML files) parsed on one thread, best of seven: by briefing (saphyr-parser's
events made into a tree whose nodes carry their line and column), by yaml_serde (the
maintained serde_yaml, into JSON values without places) and by saphyr-parser alone
(its events, nothing kept). `hostile`: 200 KB of nesting in front matter through
`parse_item`, as a build reads it, and the same shapes and long documents at 1 MB and
10 MB, to show the time grows with the size and no faster.

The measuring program is bench/yaml/ (its own Cargo workspace, like fuzz/, so that
yaml_serde is no dependency of briefing). The corpus comes from bench/run.py's cache.
"""

import argparse
import subprocess
from pathlib import Path

from run import corpus  # noqa: E402

HERE = Path(__file__).resolve().parent


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--work", default="/tmp/briefing-bench", help="where corpora go")
    args = parser.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    site = corpus(work, "briefing", args.articles)
    manifest = HERE / "yaml" / "Cargo.toml"
    subprocess.run(["cargo", "build", "--release", "--quiet", "--manifest-path", str(manifest)], check=True)
    binary = HERE / "yaml" / "target" / "release" / "briefing-yaml-bench"
    print(f"YAML of {args.articles} articles' corpus ({site}):")
    subprocess.run([binary, "parsers", str(site)], check=True)
    print()
    subprocess.run([binary, "hostile"], check=True)


if __name__ == "__main__":
    main()
