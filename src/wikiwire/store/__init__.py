"""The store of a living article: ``wikiwire.db`` beside an event's outputs.

``wikiwire build`` creates it as revision 1; each ``wikiwire update`` adds a revision in one
transaction. It holds:

- ``meta``: ``schema_version`` (see ``SCHEMA_VERSION`` and ``MIGRATIONS``), ``created_at``;
- ``sources``: every input taken in (content hash of the cleaned text, outlet, URL, title,
  publication date, where it came from, the revision that added it, and for a near-duplicate
  copy the source it was merged into);
- ``analysed``: the analysed report (``AnalysedSource`` JSON) of each source, so an update
  never parses old text again;
- ``revisions``: number, time, inputs added, inputs skipped with reasons, edit summary,
  the change record against the previous revision, the event record (event.json) and the
  whole ``Build`` (both zlib-compressed JSON) so ``wikiwire show`` can re-render any revision;
- ``decisions``: editors' decisions (issue 14's review app);
- ``claims`` (schema 2): each analysed report's claims by ``extract.fingerprint``, so an
  update extracts only reports that are new or whose anchor date moved.

Python API::

    from wikiwire.store import Store

    with Store.open(out_dir) as store:          # StoreMissingError when there is none
        store.latest()                          # latest revision number, 0 if none
        store.history()                         # [RevisionInfo], oldest first
        store.revision(2).build                 # the Build of revision 2 (render it again)

        # Editor decisions: ``kind`` says what is decided ("pin-fact", "drop-sentence", ...),
        # ``target`` what it applies to (a fact name, a sentence's text, a source id...),
        # ``value`` any JSON value. Nothing here applies decisions to builds: the caller does.
        d = store.add_decision("pin-fact", "fatalities", {"low": 7, "high": 9}, note="ministry")
        store.list_decisions()                  # active decisions, oldest first
        store.list_decisions(include_undone=True)
        store.undo_decision(d.id)               # sets undone_at; the row is kept

Each ``add_decision``/``undo_decision`` is its own transaction. Errors: StoreMissingError,
StoreVersionError (a newer schema), StoreCorruptError, StoreBusyError (another writer held
the lock past the busy timeout), NoSuchRevisionError, NoSuchDecisionError (all StoreError).

Why the standard library's ``sqlite3``: the store is a handful of tables written by one
command at a time, so a thin layer (sqlite-utils) would add a dependency and hide the
transaction boundaries that make a killed update safe; plain SQL keeps them explicit.
"""

from __future__ import annotations

from wikiwire.store.db import (
    DB_NAME,
    DEFAULT_BUSY_TIMEOUT,
    MIGRATIONS,
    SCHEMA_VERSION,
    AddedInput,
    Decision,
    Revision,
    RevisionInfo,
    Store,
    content_hash,
)

__all__ = [
    "DB_NAME",
    "DEFAULT_BUSY_TIMEOUT",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "AddedInput",
    "Decision",
    "Revision",
    "RevisionInfo",
    "Store",
    "content_hash",
]
