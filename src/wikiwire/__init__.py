"""wikiwire: turn news reports about one event into a sourced encyclopedic article.

Public API::

    import wikiwire
    record = wikiwire.build(["reports/"], outdir="out")   # event record (dict, as event.json)
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from wikiwire.errors import InputError, ModelNotFoundError, WikiwireError
from wikiwire.records import Build, Document
from wikiwire.render import FORMATS

__all__ = [
    "Build",
    "Document",
    "InputError",
    "ModelNotFoundError",
    "WikiwireError",
    "__version__",
    "build",
]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())


def build(
    inputs: Sequence[str | Path] = (),
    *,
    documents: Sequence[Document] = (),
    outdir: str | Path | None = None,
    formats: Iterable[str] = FORMATS,
    title: str | None = None,
    model: str | None = None,
) -> dict[str, Any]:
    """Build the event article from ``inputs`` (paths, folders, URLs) and/or ``documents``.

    Returns the event record (the content of event.json). When ``outdir`` is given, also
    writes the chosen ``formats`` there. Raises InputError for unusable inputs and
    ModelNotFoundError when no spaCy pipeline is installed.
    """
    from wikiwire import pipeline
    from wikiwire.render import record, write_outputs

    result = pipeline.run([str(i) for i in inputs], documents=documents, title=title, model=model)
    if outdir is not None:
        write_outputs(result, Path(outdir), formats)
    return record.event_record(result)
