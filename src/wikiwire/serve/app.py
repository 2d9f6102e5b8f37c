"""The web app of ``wikiwire serve``: routes, security headers and CSRF checks.

Security, in one place:

- every page and file is looked up by the event ids ``library.Library`` lists and a fixed set
  of file names, so no path from a request ever reaches the file system;
- every response carries a Content-Security-Policy allowing scripts, styles and images
  from this server only (``/static/app.js``, no inline script), nothing off-site, no frames;
- state-changing requests are POST and must carry the CSRF token of the page's cookie
  (double submit; the cookie is SameSite=Strict and HttpOnly) and, when the browser sends
  one, an Origin of this server;
- templates autoescape every string (Jinja2 ``autoescape=True``), so report text renders as
  text whatever it holds;
- uploads are limited in size, count and type before they are read (``editing``).
"""

from __future__ import annotations

import hmac
import secrets
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from wikiwire.errors import DecisionError, ServeError, StoreError, UploadError
from wikiwire.render import FILENAMES
from wikiwire.serve import editing
from wikiwire.serve.library import DOWNLOADS, EventFolder, Library, tooltips
from wikiwire.serve.pages import CHART_HEIGHT, CHART_WIDTH, EventPage, event_page, summary

__all__ = ["CSP", "create_app"]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; connect-src 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # "no-referrer" would make browsers send "Origin: null" on our own forms
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
CSRF_COOKIE = "wikiwire_csrf"
CSRF_FIELD = "csrf"
# 32 random bytes: the token size OWASP's CSRF guidance calls ample.
CSRF_BYTES = 32
SORT_KEYS = ("title", "date", "kind", "toll", "sources", "conflicts", "revision")
STATIC_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


def _package_dir(name: str) -> Path:
    return Path(str(resources.files("wikiwire.serve").joinpath(name)))


def create_app(root: Path, *, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The app serving the events under ``root`` (one output folder, or a folder of them).

    ``allowed_hosts``: Host header values to accept (the others get 400, which stops DNS
    rebinding from a web page); None accepts any (tests).
    """
    library = Library(root)
    app = FastAPI(title="wikiwire serve", docs_url=None, redoc_url=None, openapi_url=None)
    env = Environment(
        loader=FileSystemLoader(str(_package_dir("templates"))),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["q"] = lambda s: quote(str(s), safe="")
    static = {p.name: p.read_bytes() for p in _package_dir("static").iterdir() if p.suffix in STATIC_TYPES}

    @app.middleware("http")
    async def security(request: Request, call_next: Any) -> Response:
        host = (request.headers.get("host") or "").rsplit(":", 1)[0].strip("[]")
        if allowed_hosts is not None and host not in allowed_hosts:
            response: Response = PlainTextResponse("Unknown host.", status_code=400)
        elif request.method == "POST" and not _same_origin(request):
            response = PlainTextResponse("Cross-site request refused.", status_code=403)
        else:
            response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(CSRF_BYTES)
        html = env.get_template(template).render(csrf=token, **context)
        response = HTMLResponse(html, status_code=status)
        if request.cookies.get(CSRF_COOKIE) != token:
            response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")
        return response

    def message(request: Request, status: int, title: str, text: str) -> HTMLResponse:
        return page(request, "message.html", status=status, title=title, text=text)

    # The event page's data, until one of the files it is read from changes: gathering it
    # (claims grouped, tooltips read from article.html) is most of a first request's 0.15 s
    # for a 100-report event; a page served again costs only its template (bench/RESULTS.md).
    views: dict[Path, tuple[tuple[int, ...], EventPage]] = {}

    def page_of(folder: EventFolder, record: dict[str, Any]) -> EventPage:
        stamps = tuple(
            p.stat().st_mtime_ns if (p := folder.file(library.root, FILENAMES[f])) is not None else 0
            for f in ("json", "html", "wiki")
        )
        cached = views.get(folder.path)
        if cached is not None and cached[0] == stamps:
            return cached[1]
        view = event_page(folder.id, record, tooltips(record, library.text(folder, FILENAMES["html"])),
                          library.text(folder, FILENAMES["wiki"]) or "")
        views[folder.path] = (stamps, view)
        return view

    def event_or_404(event_id: str) -> EventFolder | None:
        return library.get(event_id)

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request, q: str = "", kind: str = "", sort: str = "date", order: str = "desc") -> HTMLResponse:
        rows = []
        for event in library.events():
            try:
                rows.append(summary(event.id, library.record(event), editing.last_revision(library, event)))
            except ServeError as exc:
                rows.append(_broken(event.id, exc.problem))
        kinds = sorted({r.kind for r in rows if r.kind})
        needle = q.casefold().strip()
        shown = [r for r in rows if (not needle or needle in r.title.casefold()) and (not kind or r.kind == kind)]
        sort = sort if sort in SORT_KEYS else "date"
        key = {
            "title": lambda r: r.title.casefold(),
            "date": lambda r: r.date,
            "kind": lambda r: r.kind,
            "toll": lambda r: r.toll_number,
            "sources": lambda r: r.sources,
            "conflicts": lambda r: r.open_conflicts,
            "revision": lambda r: r.revision,
        }[sort]
        shown.sort(key=key, reverse=order != "asc")
        return page(request, "index.html", rows=shown, total=len(rows), kinds=kinds, q=q, kind=kind, sort=sort,
                    order="asc" if order == "asc" else "desc", root=str(library.root), sort_keys=SORT_KEYS)

    @app.get("/e/{event_id}", response_class=HTMLResponse)
    def event(request: Request, event_id: str) -> HTMLResponse:
        folder = event_or_404(event_id)
        if folder is None:
            return message(request, 404, "No such event", f"No event called {event_id!r} in this folder.")
        try:
            record = library.record(folder)
        except ServeError as exc:
            return message(request, 500, "Unreadable event", str(exc))
        view = page_of(folder, record)
        store = editing.store_info(library, folder)
        return page(request, "event.html", e=view, store=store, downloads=[n for n in DOWNLOADS if folder.file(library.root, n)],
                    chart={"width": CHART_WIDTH, "height": CHART_HEIGHT}, limits=editing.LIMITS)

    @app.get("/e/{event_id}/revisions/{number}", response_class=HTMLResponse)
    def revision(request: Request, event_id: str, number: int) -> HTMLResponse:
        folder = event_or_404(event_id)
        if folder is None:
            return message(request, 404, "No such event", f"No event called {event_id!r} in this folder.")
        try:
            text = editing.revision_changes(library, folder, number)
        except (StoreError, ServeError) as exc:
            return message(request, 404, "No such revision", str(exc))
        return page(request, "revision.html", event_id=folder.id, number=number, text=text)

    @app.get("/e/{event_id}/files/{name}")
    def download(request: Request, event_id: str, name: str) -> Response:
        folder = event_or_404(event_id)
        if folder is None or name not in DOWNLOADS:
            return PlainTextResponse("Not found.", status_code=404)
        path = folder.file(library.root, name)
        if path is None:
            return PlainTextResponse("Not found.", status_code=404)
        return Response(path.read_bytes(), media_type=DOWNLOADS[name],
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.get("/favicon.ico")
    def favicon() -> Response:
        # Browsers ask for it on every site; "no content" keeps their consoles free of 404s.
        return Response(status_code=204)

    @app.get("/static/{name}")
    def static_file(name: str) -> Response:
        if name not in static:
            return PlainTextResponse("Not found.", status_code=404)
        return Response(static[name], media_type=STATIC_TYPES[Path(name).suffix], headers={"Cache-Control": "no-cache"})

    async def checked_form(request: Request) -> dict[str, Any] | Response:
        if request.headers.get("content-length") is None:
            return message(request, 411, "Request refused", "A form must state its length (Content-Length).")
        length = int(request.headers.get("content-length") or 0)
        if length > editing.MAX_FORM_BYTES and not request.url.path.endswith("/upload"):
            return message(request, 413, "Request too large", f"A form may hold at most {editing.MAX_FORM_BYTES} bytes.")
        form = await request.form(max_files=editing.MAX_UPLOAD_FILES, max_fields=editing.MAX_FORM_FIELDS)
        cookie = request.cookies.get(CSRF_COOKIE) or ""
        sent = form.get(CSRF_FIELD)
        if not cookie or not isinstance(sent, str) or not hmac.compare_digest(cookie.encode(), sent.encode()):
            return message(request, 403, "Form expired", "The form's security token is missing or stale: reload the page and try again.")
        return {"form": form}

    @app.post("/e/{event_id}/decide")
    async def decide(request: Request, event_id: str) -> Response:
        folder = event_or_404(event_id)
        if folder is None:
            return message(request, 404, "No such event", f"No event called {event_id!r} in this folder.")
        got = await checked_form(request)
        if isinstance(got, Response):
            return got
        form = got["form"]
        try:
            anchor = editing.decide(library, folder, {k: v for k, v in form.items() if isinstance(v, str)})
        except (DecisionError, StoreError, ServeError) as exc:
            return message(request, 400, "Decision not made", str(exc))
        return RedirectResponse(f"/e/{quote(folder.id, safe='')}#{anchor}", status_code=303)

    @app.post("/e/{event_id}/undo/{decision_id}")
    async def undo(request: Request, event_id: str, decision_id: int) -> Response:
        folder = event_or_404(event_id)
        if folder is None:
            return message(request, 404, "No such event", f"No event called {event_id!r} in this folder.")
        got = await checked_form(request)
        if isinstance(got, Response):
            return got
        try:
            editing.undo(library, folder, decision_id)
        except (StoreError, ServeError) as exc:
            return message(request, 400, "Not undone", str(exc))
        return RedirectResponse(f"/e/{quote(folder.id, safe='')}#decisions", status_code=303)

    @app.post("/e/{event_id}/upload")
    async def upload(request: Request, event_id: str) -> Response:
        folder = event_or_404(event_id)
        if folder is None:
            return message(request, 404, "No such event", f"No event called {event_id!r} in this folder.")
        if request.headers.get("content-length") is None:
            return message(request, 411, "Upload refused", "The upload must state its length (Content-Length).")
        length = int(request.headers.get("content-length") or 0)
        if length > editing.MAX_UPLOAD_BYTES:
            return message(request, 413, "Upload too large",
                           f"The upload is {length} bytes; at most {editing.MAX_UPLOAD_BYTES} bytes can be sent at once.")
        got = await checked_form(request)
        if isinstance(got, Response):
            return got
        try:
            summary_line = await editing.upload(library, folder, got["form"].getlist("reports"))
        except UploadError as exc:
            status = 413 if "bytes" in exc.problem else 400
            return message(request, status, "Upload refused", str(exc))
        except (StoreError, ServeError) as exc:
            return message(request, 400, "Update failed", str(exc))
        return message(request, 200, "Reports added", summary_line)

    return app


def _same_origin(request: Request) -> bool:
    """False when the browser says the request comes from another site."""
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.headers.get("host")


def _broken(event_id: str, problem: str) -> Any:
    from wikiwire.serve.pages import Summary

    return Summary(id=event_id, title=event_id, date="", date_display="", kind="", toll="", toll_number=-1,
                   sources=0, open_conflicts=0, revision="", error=problem)
