"""The README's first command, `make serve`, serves the whole site at the root of its address.

It runs the real target on a free port, waits until the server says it is serving, and fetches the home page
and a nested page.
"""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import threading
import urllib.error
import urllib.request

from project_support import ROOT


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def _wait_for_line(process: subprocess.Popen, text: str, seconds: float) -> str:
    """The process's output up to the first line holding `text`; fails if it ends, or says nothing for `seconds`.

    A thread reads the lines (a blocking read), so the wait is on the next line itself, however the pipe buffers.
    """
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for raw in process.stdout:
            lines.put(raw.decode("utf-8", "replace"))
        lines.put("")  # the output has ended

    threading.Thread(target=read, daemon=True).start()
    output = []
    while True:
        try:
            line = lines.get(timeout=seconds)
        except queue.Empty:
            raise AssertionError(f"make serve said nothing for {seconds} s:\n{''.join(output)}") from None
        assert line, f"make serve ended:\n{''.join(output)}"
        output.append(line)
        if text in line:
            return "".join(output)


def test_make_serve_serves_the_site_at_the_root_of_its_address():
    address = f"127.0.0.1:{_free_port()}"
    server = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"DEV_ADDR={address}"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # so the whole group (make and mkdocs) can be stopped
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        _wait_for_line(server, f"Serving on http://{address}/", seconds=120)
        status, html = _get(f"http://{address}/")
        assert status == 200, "make serve does not answer at the root of its address"
        assert "<title>Can Washington split Moscow from Beijing and Tehran?" in html
        assert _get(f"http://{address}/actors/russia/")[0] == 200
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
