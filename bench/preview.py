"""Benchmark: how long after saving a post does `make serve` show the change?

    python bench/preview.py --posts 10000 [--edits 3] [--seed 1]

Generates a site (bench/generate.py), starts `mkdocs serve` on it the way `make serve` does
(NEWSROOM_PREVIEW=1), then edits an old post several times: each edit appends a unique sentence,
and we poll the post's page until the sentence is served. Prints seconds per edit.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from generate import MKDOCS_YML, generate

ROOT = MKDOCS_YML.parent
OUR_FILES = ("mkdocs.yml", "docs", "overrides", "hooks")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, limit: float) -> float | None:
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if text in fetch(url):
            return time.monotonic() - start
        time.sleep(0.1)
    return None


def post_url(post: Path, posts_dir: Path) -> str:
    text = post.read_text(encoding="utf-8")
    date = next(line for line in text.splitlines() if line.startswith("date:")).split(":", 1)[1].strip().strip("'\"")
    return f"{date[:4]}/{date[5:7]}/{post.stem}/"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    project = Path(tempfile.mkdtemp(prefix="newsroom-preview-"))
    try:
        for name in OUR_FILES:
            source = ROOT / name
            (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
        posts = generate(project / "posts", args.posts, seed=args.seed)
        published = [p for p in posts if "draft: true" not in p.read_text(encoding="utf-8")]
        target = sorted(published)[0]  # the oldest: not among the newest the preview always builds
        port = free_port()
        env = {**os.environ, "NEWSROOM_PREVIEW": "1", "NO_MKDOCS_2_WARNING": "1"}
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}/tin-tuc/"
            started = time.monotonic()
            first = wait_for(base, "<html", limit=600)
            print(f"posts: {args.posts}; first preview build served after {time.monotonic() - started:.1f} s" if first is not None else "server did not start")
            url = base + post_url(target, project / "posts")
            times = []
            for edit in range(args.edits):
                token = f"Đoạn sửa số {edit} {time.time_ns()}"
                time.sleep(1.5)  # let the file watcher settle between edits
                with target.open("a", encoding="utf-8") as handle:
                    handle.write(f"\n{token}\n")
                seconds = wait_for(url, token, limit=120)
                times.append(seconds)
                print(f"edit {edit + 1}: {'not shown within 120 s' if seconds is None else f'{seconds:.1f} s'} until the page showed the change")
            shown = [t for t in times if t is not None]
            if shown:
                print(f"worst: {max(shown):.1f} s (target: under 5 s)")
        finally:
            server.terminate()
            server.wait(timeout=30)
    finally:
        shutil.rmtree(project, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
