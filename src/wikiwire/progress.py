"""Progress reporting through callbacks, so the library never prints (STORM-style hooks)."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Receives progress events from the pipeline; the CLI draws them, a UI could too."""

    def stage(self, name: str) -> None:
        """A stage (ingest, clean, analyse, extract, reconcile, compose, verify, render) starts."""

    def advance(self, stage: str, done: int, total: int) -> None:
        """``done`` of ``total`` items of ``stage`` are finished."""


class NullProgress:
    """Progress that ignores everything (the library default)."""

    def stage(self, name: str) -> None:
        return None

    def advance(self, stage: str, done: int, total: int) -> None:
        return None
