"""Errors the library raises. The CLI turns each into a one-line message saying how to fix it."""

from __future__ import annotations


class WikiwireError(Exception):
    """Base class of every error wikiwire raises on purpose."""


class InputError(WikiwireError):
    """An input cannot be used at all; ``path`` names it, ``line`` the JSONL line if any."""

    def __init__(self, path: str, problem: str, *, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")


class MissingInputError(InputError):
    """A path given on the command line does not exist."""


class EmptyInputError(InputError):
    """An input holds no text at all."""


class NoUsableReportError(InputError):
    """A folder or the whole input set yielded no report that could be used.

    ``skipped`` lists every input that was set aside on the way, with its reason, so the
    caller can say why nothing was left.
    """

    def __init__(self, path: str, problem: str, *, line: int | None = None, skipped: tuple[object, ...] = ()) -> None:
        super().__init__(path, problem, line=line)
        self.skipped = skipped


class BinaryInputError(InputError):
    """A file is binary or not decodable as text."""


class MalformedJSONLError(InputError):
    """A JSONL line is not a JSON object with ``text`` or ``html``."""


class FetchError(InputError):
    """A URL could not be downloaded (unreachable, timeout, HTTP error, empty page)."""


class ModelNotFoundError(WikiwireError):
    """No spaCy pipeline could be loaded."""


class EventsFileError(InputError):
    """An events file (``--events``/``eval``) line is not a valid event record."""


class UnsupportedInputError(InputError):
    """A file given directly has a type wikiwire does not read (not .txt .md .html .htm .jsonl)."""


class TooLargeInputError(InputError):
    """A report is far larger than any news report (``ingest.MAX_REPORT_BYTES``)."""


class UnreadableInputError(InputError):
    """A file exists but cannot be read (permissions, I/O error)."""


class InfoboxNotFoundError(WikiwireError):
    """Wikitext given to ``render.wikitext.parse_infobox`` holds no ``{{Infobox ...}}`` template."""


class StoreError(WikiwireError):
    """A wikiwire store (``wikiwire.db``) cannot be used; ``path`` names it."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class StoreMissingError(StoreError):
    """An output folder has no store (never built, or built before stores existed)."""


class StoreVersionError(StoreError):
    """A store was written by a newer wikiwire (a schema version this one does not know)."""


class StoreCorruptError(StoreError):
    """A file named like a store is not a readable wikiwire store."""


class StoreBusyError(StoreError):
    """Another command held the store's write lock for longer than the busy timeout."""


class NoSuchRevisionError(StoreError):
    """A revision number asked for is not in the store."""


class NoSuchDecisionError(StoreError):
    """An editor decision id asked for is not in the store."""


class DecisionError(WikiwireError):
    """An editor's decision cannot be made as given (``wikiwire serve``); ``kind`` names it."""

    def __init__(self, kind: str, problem: str) -> None:
        self.kind = kind
        self.problem = problem
        super().__init__(f"{kind}: {problem}")


class ServeError(WikiwireError):
    """``wikiwire serve`` cannot show or change an event; ``path`` names the file at fault."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class UploadError(ServeError):
    """A report uploaded to ``wikiwire serve`` is refused (too large, wrong type, not text)."""


class EmptyFeedError(InputError):
    """A feed given to ``wikiwire cluster`` holds no report at all (no line, no file)."""


class RayUnavailableError(WikiwireError):
    """``--engine ray`` was asked for but Ray is not installed (the ``ray`` extra)."""


class SplitsFileError(EventsFileError):
    """``eval --split`` cannot use its splits file: missing, unreadable, or without that split."""
