"""wikiwire serve in a real browser: Playwright for Python driving the system Chromium
(``apt-get install chromium``; Playwright's own browser download is not used)."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="wikiwire[serve] is not installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")

import uvicorn  # noqa: E402

from test_serve_fixture import EXAMPLE, VECTORS, build_event, hostile_reports, poison_record  # noqa: E402
from wikiwire.serve import create_app  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
# Generous for a machine shared by several jobs; a page here loads in well under a second.
TIMEOUT_MS = 15_000
# How long the hostile page is watched for a dialog after everything on it was hovered,
# focused and opened (timers and animations in the payloads would fire by then).
XSS_WATCH_MS = 1_500

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no system Chromium at /usr/bin/chromium (apt-get install chromium)"),
]


class Server:
    """uvicorn serving a folder on a free loopback port, in a thread of the test process."""

    def __init__(self, root: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        config = uvicorn.Config(create_app(root, allowed_hosts=["127.0.0.1"]), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Path:
    return build_event([str(EXAMPLE)], tmp_path_factory.mktemp("built") / "homs", nlp)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    p.set_default_timeout(TIMEOUT_MS)
    p.dialogs = []  # type: ignore[attr-defined]
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    yield p
    context.close()


def test_hover_a_citation_shows_its_source_sentence(built: Path, tmp_path: Path, page: Any) -> None:
    folder = tmp_path / "homs"
    shutil.copytree(built, folder)
    with Server(folder) as url:
        page.goto(f"{url}/e/homs")
        cite = page.locator(".cite").first
        tip = cite.locator(".tip")
        assert not tip.is_visible()
        cite.hover()
        tip.wait_for(state="visible")
        assert "Homs" in tip.inner_text() and len(tip.inner_text()) > 40
        assert page.dialogs == []


def test_open_a_fact_override_the_toll_survive_an_update_and_undo(built: Path, tmp_path: Path, page: Any, nlp: Any) -> None:
    folder = tmp_path / "homs"
    shutil.copytree(built, folder)
    machine = json.loads((folder / "event.json").read_text(encoding="utf-8"))["infobox"]["fatalities"]
    with Server(folder) as url:
        page.goto(f"{url}/e/homs")
        fact = page.locator("#fact-fatalities")
        claims = fact.locator(".claims-panel")
        assert not claims.is_visible()
        fact.locator("summary").click()
        claims.wait_for(state="visible")
        assert "the Syrian Observatory for Human Rights" in claims.inner_text()
        assert "range of latest figures" in claims.inner_text()

        form = fact.locator("form.set-value")
        form.locator("input[name=display]").fill("100–123")
        form.locator("select[name=source]").select_option("s3")
        form.locator("input[name=note]").fill("SOHR's later list")
        form.locator("button[type=submit]").click()
        page.wait_for_url(f"{url}/e/homs#fact-fatalities")
        assert page.locator("#fact-fatalities summary .value").inner_text() == "100–123"
        assert page.locator("#fact-fatalities .claims-panel").is_visible()  # the script reopens it
        record = page.request.get(f"{url}/e/homs/files/event.json").json()
        assert record["infobox"]["fatalities"] == "100–123"
        assert record["decisions"][0]["note"] == "SOHR's later list"

        late = tmp_path / "late.txt"
        late.write_text(
            "date 2023-10-09\nHoms buries academy strike victims\n\nMourners in Homs buried more cadets killed in "
            "Thursday's drone attack on the military academy's graduation ceremony on Monday. Syria's health "
            "ministry said 89 people had been killed.\n", encoding="utf-8")
        # The update runs from the page: the report is uploaded with the form.
        page.locator("#sources input[type=file]").set_input_files(str(late))
        page.locator("#sources form button[type=submit]").click()
        page.wait_for_url(f"{url}/e/homs/upload")
        assert "Revision 2: Updated from 1 report" in page.locator("main").inner_text()
        page.goto(f"{url}/e/homs")
        assert page.locator("#fact-fatalities summary .value").inner_text() == "100–123"
        assert "Updated from 1 report" in page.locator("#history").inner_text()

        page.locator("#decisions tr.decision button", has_text="Undo").click()
        page.wait_for_url(f"{url}/e/homs#decisions")
        assert page.locator("#fact-fatalities summary .value").inner_text() == machine
        assert "undone" in page.locator("#decisions").inner_text()
        assert page.request.get(f"{url}/e/homs/files/event.json").json()["decisions"] == []
        assert page.dialogs == []


def exercise(page: Any) -> None:
    """Hover and focus every citation and open every fact panel, as a curious editor would."""
    # force: an open tooltip may lie over the next citation, as it would for a reader.
    for cite in page.locator(".cite > a").all():
        cite.hover(force=True)
        cite.focus()
    for summary in page.locator("details > summary").all():
        summary.click(force=True)
    page.mouse.move(5, 5)
    page.wait_for_timeout(XSS_WATCH_MS)


def test_xss_corpus_in_sources_fires_nothing(tmp_path: Path, page: Any, nlp: Any) -> None:
    assert len(VECTORS) >= 30
    out = tmp_path / "out"
    build_event([str(hostile_reports(tmp_path / "reports"))], out / "hostile", nlp)
    with Server(out) as url:
        page.goto(f"{url}/")
        exercise(page)
        page.goto(f"{url}/e/hostile")
        exercise(page)
        body = page.locator("body").inner_text()
        assert "<script>alert(1)</script>" in body  # shown as text
    assert page.dialogs == []


def test_xss_corpus_in_every_record_field_fires_nothing(built: Path, tmp_path: Path, page: Any) -> None:
    folder = tmp_path / "out" / "homs"
    shutil.copytree(built, folder)
    record = json.loads((folder / "event.json").read_text(encoding="utf-8"))
    (folder / "event.json").write_text(json.dumps(poison_record(record)), encoding="utf-8")
    with Server(folder.parent) as url:
        page.goto(f"{url}/")
        exercise(page)
        page.goto(f"{url}/e/homs")
        exercise(page)
        shown = page.locator("body").inner_text()
        assert sum(v in shown for v in VECTORS) >= 30
    assert page.dialogs == []
