"""Running the workspace under uvicorn in a background thread (tests, screenshots).

`casefile serve` runs uvicorn in the foreground; this is for programs that
need a real server beside them for a while:

    with running(create_app(store, settings)) as url:
        ...  # drive a browser against url
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


@contextmanager
def running(app: FastAPI, host: str = "127.0.0.1", timeout: float = 10.0) -> Iterator[str]:
    """Serve `app` on a free port of `host` until the block ends; yields the base URL."""
    port = free_port(host)
    options = app.state.settings.server_options()
    server = uvicorn.Server(
        uvicorn.Config(app, host=host, port=port, log_level="warning", **options)
    )
    thread = threading.Thread(target=server.run, name="casefile-web", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the web server did not start on {host}:{port}")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)
