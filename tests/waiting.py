"""Waiting in the browser for a condition, on pages whose Content Security Policy forbids eval.

Playwright's `page.wait_for_function` compiles its predicate with `eval` in the page: the first
check runs inside the DevTools call, which Chromium lets past the policy, but every later poll is
an ordinary eval that our policy (script-src 'self', no 'unsafe-eval') refuses with an EvalError.
So it passes when the condition already holds and fails whenever it has to wait (on a loaded
machine, a picture still decoding). `page.evaluate` runs as a DevTools call every time.
"""

from __future__ import annotations

import time


def wait_until(page, expression: str, arg=None, timeout: float = 30_000, interval: float = 100):
    """Evaluate `expression` (with `arg`) every `interval` ms until it is truthy; return its value."""
    deadline = time.monotonic() + timeout / 1000
    while True:
        value = page.evaluate(expression, arg)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout / 1000:.0f} s: {expression}")
        page.wait_for_timeout(interval)
