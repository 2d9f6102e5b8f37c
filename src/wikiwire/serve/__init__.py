"""``wikiwire serve``: the editor's desk, a local web app over built events.

``create_app(DIR)`` is the FastAPI app (see ``app``); ``serve`` runs it with uvicorn. Needs
the ``serve`` extra: ``pip install 'wikiwire[serve]'``.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "create_app", "is_loopback", "serve"]

DEFAULT_HOST = "127.0.0.1"
# 8014: off the ports other local tools default to (8000, 8080, 8888).
DEFAULT_PORT = 8014
LOOPBACK_NAMES = ("localhost",)


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def create_app(root: Path, *, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The FastAPI app over ``root`` (see ``wikiwire.serve.app.create_app``)."""
    from wikiwire.serve.app import create_app as make

    return make(root, allowed_hosts=allowed_hosts)


def serve(root: Path, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Serve ``root`` until interrupted. On a loopback host, requests naming another host are
    refused (a web page cannot reach the app by DNS rebinding)."""
    import uvicorn

    allowed = ["127.0.0.1", "localhost", "::1"] if is_loopback(host) else None
    uvicorn.run(create_app(root, allowed_hosts=allowed), host=host, port=port, log_level="warning")
