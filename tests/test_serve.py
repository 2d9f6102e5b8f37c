"""wikiwire serve: routes, security and editor decisions, through FastAPI's TestClient."""

from __future__ import annotations

import json
import shutil
import warnings
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="wikiwire[serve] is not installed")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx")

with warnings.catch_warnings():  # starlette's notice that httpx has a successor
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient
from typer.testing import CliRunner

from test_serve_fixture import EXAMPLE, VECTORS, build_event, hostile_reports, poison_record, token
from wikiwire.cli import app as cli_app
from wikiwire.serve import create_app, is_loopback
from wikiwire.serve.app import CSP
from wikiwire.serve.editing import MAX_UPLOAD_BYTES

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Path:
    """The bundled example built with its store (revision 1); copy it before changing it."""
    return build_event([str(EXAMPLE)], tmp_path_factory.mktemp("built") / "homs", nlp)


@pytest.fixture
def event(built: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built example, inside a batch folder ``tmp_path / "out"``."""
    dest = tmp_path / "out" / "homs"
    shutil.copytree(built, dest)
    return dest


def client_for(root: Path) -> TestClient:
    return TestClient(create_app(root))


def record_of(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "event.json").read_text(encoding="utf-8"))


def decide(client: TestClient, event_id: str, **fields: str) -> Any:
    page = client.get(f"/e/{event_id}")
    return client.post(f"/e/{event_id}/decide", data={"csrf": token(page.text), **fields}, follow_redirects=False)


class Markup(HTMLParser):
    """Every element and attribute of a page, to check what markup it really holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def markup(html: str) -> Markup:
    parser = Markup()
    parser.feed(html)
    return parser


# Every element the templates write; anything else on a page came from a source unescaped.
OUR_TAGS = frozenset({
    "html", "head", "meta", "title", "link", "script", "body", "header", "nav", "main", "article", "section",
    "aside", "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "a", "b", "i", "q", "sup", "code", "blockquote",
    "ol", "ul", "li", "table", "caption", "thead", "tbody", "tr", "th", "td", "details", "summary", "form", "input",
    "label", "button", "select", "option", "textarea", "svg", "line", "circle", "text", "polyline", "rect", "pre",
})


def assert_inert(html: str) -> None:
    """The page holds no script but ours, no element the templates do not write, no
    event-handler attribute and no script URL: hostile text came through as text."""
    m = markup(html)
    assert [a for t, a in m.tags if t == "script"] == [{"src": "/static/app.js", "defer": None}]
    assert {t for t, _ in m.tags} <= OUR_TAGS, {t for t, _ in m.tags} - OUR_TAGS
    assert [t for t, _ in m.tags].count("body") == 1
    assert all("http-equiv" not in a for t, a in m.tags if t == "meta")
    for tag, attrs in m.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in {"href", "src", "action", "formaction", "data"}:
                assert not (value or "").strip().lower().startswith(("javascript:", "data:")), (tag, name, value)


# ---------------------------------------------------------------------------------------------
# the events list


def test_events_list_shows_each_event_with_its_numbers(event: Path) -> None:
    client = client_for(event.parent)
    page = client.get("/")
    assert page.status_code == 200
    text = " ".join(" ".join(markup(page.text).text).split())
    assert "2023 Homs drone strike" in text
    conflicts = len(record_of(event)["conflicts"])
    assert conflicts >= 1
    # date, kind, toll, sources, open conflicts, revision 1 (time)
    assert f"5 October 2023 drone strike 89–123 5 {conflicts} 1 (" in text
    assert 'href="/e/homs"' in page.text


def test_events_list_filters_and_sorts(event: Path, tmp_path: Path) -> None:
    other = tmp_path / "out" / "second"
    shutil.copytree(event, other)
    rec = record_of(other)
    rec["title"] = "2024 Kafr Tala strike"
    rec["facts"]["fatalities"]["value"] = {"low": 12, "high": 12, "best": 12}
    rec["facts"]["fatalities"]["display"] = "12"
    (other / "event.json").write_text(json.dumps(rec), encoding="utf-8")
    client = client_for(tmp_path / "out")
    order = [t for t in markup(client.get("/?sort=toll&order=asc").text).text if t in ("2023 Homs drone strike", "2024 Kafr Tala strike")]
    assert order == ["2024 Kafr Tala strike", "2023 Homs drone strike"]
    order = [t for t in markup(client.get("/?sort=toll&order=desc").text).text if t in ("2023 Homs drone strike", "2024 Kafr Tala strike")]
    assert order == ["2023 Homs drone strike", "2024 Kafr Tala strike"]
    filtered = client.get("/?q=kafr").text
    assert "2024 Kafr Tala strike" in filtered and "2023 Homs drone strike" not in filtered
    assert "No event matches." in client.get("/?q=nothing-like-this").text
    assert client.get("/?sort=evil'&order=sideways").status_code == 200  # unknown keys fall back


# ---------------------------------------------------------------------------------------------
# the event page


def test_event_page_opens_the_claims_behind_each_infobox_value(event: Path) -> None:
    html = client_for(event.parent).get("/e/homs").text
    start = html.index('id="fact-fatalities"')
    panel = html[start : html.index("</details>", start)]
    assert "89–123" in panel
    assert "range of latest figures per attributing body" in panel  # the rule
    assert "the Syrian Observatory for Human Rights" in panel and "Syria&#39;s health ministry" in panel
    assert "has risen to 123, the Syrian Observatory for Human Rights said on Saturday" in panel  # the sentence
    assert "reported 7 October 2023" in panel
    assert 'name="kind" value="choose_claim"' in panel and 'name="kind" value="set_value"' in panel


def test_event_page_citation_tooltips_quote_the_source_sentence(event: Path) -> None:
    html = client_for(event.parent).get("/e/homs").text
    tips = [t for t in markup(html).text if "killed at least 89" in t or "has risen to 89" in t]
    assert tips, "no tooltip quotes the toll sentences"
    assert 'class="tip" role="tooltip"' in html


def test_event_page_shows_conflicts_sources_skipped_history_and_export(event: Path) -> None:
    html = client_for(event.parent).get("/e/homs").text
    text = " ".join(" ".join(markup(html).text).split())
    assert "Where the reports disagree" in text and "Resolution: range of latest figures" in text
    assert "02-gulf-morning-post.txt" in text  # a merged duplicate
    assert "similarity 1.00" in text
    assert "Skipped inputs" in text
    assert "Revisions" in text and "Created from 5 reports" in text
    assert 'href="/e/homs/revisions/1"' in html
    assert "{{Infobox civilian attack" in text  # the wikitext to copy
    for name in ("event.json", "event.csv", "article.md", "article.wiki"):
        assert f'href="/e/homs/files/{name}"' in html


def test_event_page_charts_the_toll_per_body(event: Path) -> None:
    html = client_for(event.parent).get("/e/homs").text
    chart = html[html.index('<svg class="chart"') : html.index("</ul>", html.index('<svg class="chart"'))]
    assert chart.count("<polyline") == 2  # the health ministry and the Observatory
    assert "the Syrian Observatory for Human Rights: 123, reported 7 October 2023" in chart
    assert "Syria&#39;s health ministry: 89, reported 6 October 2023" in chart


def test_event_page_lists_skipped_inputs_with_their_reasons(tmp_path: Path, nlp: Any) -> None:
    reports = tmp_path / "reports"
    shutil.copytree(EXAMPLE, reports)
    (reports / "notes.pdf").write_bytes(b"%PDF-1.4 binary")
    (reports / "empty.txt").write_text("   \n", encoding="utf-8")
    out = build_event([str(reports)], tmp_path / "out", nlp)
    text = " ".join(" ".join(markup(client_for(out).get(f"/e/{out.name}").text).text).split())
    assert "notes.pdf" in text and "empty.txt" in text
    reasons = [s["reason"] for s in record_of(out)["skipped"]]
    assert all(r in text for r in reasons) and len(reasons) >= 2


def test_downloads_serve_the_outputs_and_nothing_else(event: Path) -> None:
    client = client_for(event.parent)
    got = client.get("/e/homs/files/event.json")
    assert got.status_code == 200 and got.headers["content-type"] == "application/json"
    assert got.content == (event / "event.json").read_bytes()
    assert "attachment" in got.headers["content-disposition"]
    assert client.get("/e/homs/files/event.csv").headers["content-type"].startswith("text/csv")
    assert client.get("/e/homs/files/article.md").status_code == 200
    for name in ("wikiwire.db", "article.html", "..%2Fhoms%2Fevent.json", "nothing.json"):
        assert client.get(f"/e/homs/files/{name}").status_code == 404, name
    assert client.get("/e/nobody/files/event.json").status_code == 404


# ---------------------------------------------------------------------------------------------
# security


@pytest.mark.parametrize("path", [
    "/e/../files/event.json",
    "/e/..%2F..%2Fetc/files/event.json",
    "/e/%2e%2e/files/event.json",
    "/e/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/e/%2Fetc%2Fpasswd",
    "/e//etc/passwd",
    "/e/homs/files/..%2F..%2F..%2Fetc%2Fpasswd",
    "/e/homs/files/%2e%2e%2fwikiwire.db",
    "/e/homs/files//etc/passwd",
    "/static/../app.py",
    "/static/..%2fapp.py",
    "/static/%2e%2e%2f__init__.py",
    "/static/%2Fetc%2Fpasswd",
    "/static/app.js%00.py",
    "/../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
])
def test_no_path_outside_the_folder_is_served(event: Path, path: str) -> None:
    got = client_for(event.parent).get(path)
    assert got.status_code in (404, 405), (path, got.status_code)
    assert "root:" not in got.text and "import" not in got.text


def test_symlinks_out_of_the_folder_are_not_followed(event: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    shutil.copytree(event, outside)
    (outside / "event.json").write_text(json.dumps({**record_of(event), "title": "Secret event outside"}), encoding="utf-8")
    root = event.parent
    (root / "linked").symlink_to(outside, target_is_directory=True)
    # An event folder inside whose event.json is a symlink to a file outside.
    inner = root / "inner"
    inner.mkdir()
    (inner / "event.json").symlink_to(outside / "event.json")
    (event / "event.csv").unlink()
    (event / "event.csv").symlink_to(outside / "event.csv")
    client = client_for(root)
    assert "Secret event outside" not in client.get("/").text
    assert client.get("/e/linked").status_code == 404
    assert client.get("/e/inner").status_code == 404
    assert client.get("/e/homs/files/event.csv").status_code == 404
    assert client.get("/e/homs").status_code == 200


def test_every_response_carries_the_security_headers(event: Path) -> None:
    client = client_for(event.parent)
    for path in ("/", "/e/homs", "/e/nobody", "/static/app.js", "/e/homs/files/event.json"):
        headers = client.get(path).headers
        assert headers["content-security-policy"] == CSP, path
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP and "default-src 'none'" in CSP
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")


def test_pages_hold_no_inline_script(event: Path) -> None:
    client = client_for(event.parent)
    for path in ("/", "/e/homs", "/e/nobody"):
        assert_inert(client.get(path).text)


def test_state_changes_need_post_and_the_csrf_token(event: Path) -> None:
    client = client_for(event.parent)
    before = (event / "event.json").read_bytes()
    form = {"kind": "title", "title": "Hijacked"}
    assert client.get("/e/homs/decide").status_code == 405
    assert client.post("/e/homs/decide", data=form).status_code == 403
    client.get("/e/homs")  # sets the cookie
    assert client.post("/e/homs/decide", data={**form, "csrf": "guessed"}).status_code == 403
    tok = token(client.get("/e/homs").text)
    cross = client.post("/e/homs/decide", data={**form, "csrf": tok}, headers={"Origin": "http://evil.example"})
    assert cross.status_code == 403
    assert client.post("/e/homs/undo/1", data={"csrf": "guessed"}).status_code == 403
    assert (event / "event.json").read_bytes() == before
    huge = client.post("/e/homs/decide", data={**form, "csrf": tok, "note": "n" * 70_000})
    assert huge.status_code == 413 and "A form may hold at most 65536 bytes." in huge.text
    fresh = TestClient(create_app(event.parent))  # another browser: no cookie, a stolen token
    assert fresh.post("/e/homs/decide", data={**form, "csrf": tok}).status_code == 403


def test_loopback_detection_and_host_check(event: Path) -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")
    guarded = TestClient(create_app(event.parent, allowed_hosts=["127.0.0.1", "localhost"]), base_url="http://localhost")
    assert guarded.get("/").status_code == 200
    assert guarded.get("/", headers={"Host": "attacker.example"}).status_code == 400


def test_sources_full_of_xss_vectors_render_as_text(tmp_path: Path, nlp: Any) -> None:
    assert len(VECTORS) >= 30
    out = build_event([str(hostile_reports(tmp_path / "reports"))], tmp_path / "out" / "hostile", nlp)
    client = client_for(tmp_path / "out")
    html = client.get("/e/hostile").text
    assert_inert(html)
    assert_inert(client.get("/").text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown, as text
    assert record_of(out)["sources"], "the hostile reports built no event"


def test_every_field_of_a_poisoned_record_renders_as_text(event: Path) -> None:
    (event / "event.json").write_text(json.dumps(poison_record(record_of(event))), encoding="utf-8")
    (event / "article.html").unlink()  # tooltips then come from the (poisoned) claims
    client = client_for(event.parent)
    html = client.get("/e/homs").text
    assert_inert(html)
    assert_inert(client.get("/").text)
    shown = " ".join(markup(html).text)
    assert sum(v in shown for v in VECTORS) >= 30  # each shown as text, not dropped


# ---------------------------------------------------------------------------------------------
# uploads


def upload(client: TestClient, files: list[tuple[str, bytes]]) -> Any:
    tok = token(client.get("/e/homs").text)
    return client.post("/e/homs/upload", data={"csrf": tok}, files=[("reports", (name, data)) for name, data in files])


def test_uploads_are_refused_with_a_clear_reason(event: Path) -> None:
    client = client_for(event.parent)
    wrong = upload(client, [("photo.png", b"\x89PNG\r\n")])
    assert wrong.status_code == 400 and "photo.png: not a report file; upload .htm, .html, .jsonl, .md, .txt files" in wrong.text
    binary = upload(client, [("report.txt", b"\xff\xfe\x00bad")])
    assert binary.status_code == 400 and "report.txt: not UTF-8 text" in binary.text
    big = upload(client, [("huge.txt", b"a" * (MAX_UPLOAD_BYTES + 10))])
    assert big.status_code == 413 and f"at most {MAX_UPLOAD_BYTES} bytes" in big.text
    assert upload(client, []).status_code == 400


def test_revision_pages_show_what_changed(event: Path) -> None:
    client = client_for(event.parent)
    first = client.get("/e/homs/revisions/1")
    assert first.status_code == 200
    assert "revision 1 against nothing" in first.text and "Edit summary: Created from 5 reports" in first.text
    missing = client.get("/e/homs/revisions/7")
    assert missing.status_code == 404 and "no revision 7 (revisions 1 to 1)" in missing.text
    assert client.get("/e/homs/revisions/..%2F1").status_code in (404, 422)


def test_upload_runs_update_and_keeps_decisions(event: Path, nlp: Any) -> None:
    client = client_for(event.parent)
    assert decide(client, "homs", kind="set_value", target="fatalities", display="100", source="s2", note="ministry by phone").status_code == 303
    report = ("date 2023-10-09\nMourners buried more victims of the Homs academy strike\n\n"
              "Funerals were held in Homs on Monday for cadets killed in Thursday's drone attack on the "
              "military academy's graduation ceremony. Syria's health ministry said 89 people had been killed.\n")
    got = upload(client, [("late-report.txt", report.encode())])
    assert got.status_code == 200, got.text
    assert "Revision 2: Updated from 1 report" in got.text
    rec = record_of(event)
    assert len(rec["sources"]) == 6
    assert rec["infobox"]["fatalities"] == "100"
    assert rec["decisions"][0]["applied"] is True


# ---------------------------------------------------------------------------------------------
# decisions


def test_set_value_changes_infobox_and_event_json_and_undo_restores(event: Path) -> None:
    client = client_for(event.parent)
    before = record_of(event)
    got = decide(client, "homs", kind="set_value", target="fatalities", display="100–123", source="s3", note="SOHR later count")
    assert got.status_code == 303 and got.headers["location"] == "/e/homs#fact-fatalities"
    rec = record_of(event)
    assert rec["infobox"]["fatalities"] == "100–123"
    assert rec["facts"]["fatalities"]["value"] == {"low": 100, "high": 123, "best": 100}
    assert rec["facts"]["fatalities"]["rule"] == "editor's decision 1: set by hand to 100–123, citing s3 (SOHR later count)"
    assert rec["decisions"] == [{"id": 1, "created_at": rec["decisions"][0]["created_at"], "kind": "set_value",
                                 "target": "fatalities", "value": {"display": "100–123", "source": "s3"},
                                 "note": "SOHR later count", "applied": True, "reason": None}]
    assert "fatalities = 100–123" in (event / "article.wiki").read_text(encoding="utf-8")
    page = client.get("/e/homs").text
    assert "SOHR later count" in page and "applied" in page
    # The events list no longer counts the overruled fatalities conflict as open.
    assert " 89–123 " not in " ".join(markup(client.get("/").text).text)
    tok = token(page)
    assert client.post("/e/homs/undo/1", data={"csrf": tok}, follow_redirects=False).status_code == 303
    after = record_of(event)
    assert after["infobox"] == before["infobox"] and after["facts"] == before["facts"]
    assert after["decisions"] == []
    assert "undone" in client.get("/e/homs").text


def test_choose_claim_drop_sentence_and_title(event: Path) -> None:
    client = client_for(event.parent)
    claim = next(c for c in record_of(event)["facts"]["fatalities"]["claims"] if c["figure"] == 123)
    choice = f'{claim["source"]}|{claim["sentence"]}|{claim["display"]}'
    got = decide(client, "homs", kind="choose_claim", target="fatalities", claim=choice, note="")
    assert got.status_code == 303
    assert record_of(event)["infobox"]["fatalities"] == "123"
    sentence = record_of(event)["article"]["sections"][0]["sentences"][0]["text"]
    assert decide(client, "homs", kind="drop_sentence", target=sentence).status_code == 303
    texts = [s["text"] for section in record_of(event)["article"]["sections"] for s in section["sentences"]]
    assert sentence not in texts
    assert sentence not in (event / "article.wiki").read_text(encoding="utf-8")
    assert decide(client, "homs", kind="title", title="Homs Military Academy drone attack").status_code == 303
    rec = record_of(event)
    assert rec["title"] == "Homs Military Academy drone attack"
    assert (event / "article.wiki").read_text(encoding="utf-8").count("Homs Military Academy drone attack") >= 1
    assert [d["kind"] for d in rec["decisions"]] == ["choose_claim", "drop_sentence", "title"]
    assert all(d["applied"] for d in rec["decisions"])


def test_a_decision_that_no_longer_fits_is_shown_as_not_applied(event: Path) -> None:
    client = client_for(event.parent)
    assert decide(client, "homs", kind="choose_claim", target="fatalities", claim="s5|s5.40|999").status_code == 303
    rec = record_of(event)
    assert rec["decisions"][0]["applied"] is False
    text = " ".join(" ".join(markup(client.get("/e/homs").text).text).split())
    assert "not applied: the chosen claim (s5, sentence s5.40) is no longer among the claims" in text


@pytest.mark.parametrize(("fields", "message"), [
    ({"kind": "set_value", "target": "fatalities", "display": "lots", "source": "s2"},
     "set_value: &#39;lots&#39; is not a figure or range such as 123 or 100–123"),
    ({"kind": "set_value", "target": "fatalities", "display": "100", "source": "s99"},
     "set_value: cite one of the event&#39;s sources for a value set by hand"),
    ({"kind": "set_value", "target": "mood", "display": "grim", "source": "s2"}, "set_value: &#39;mood&#39; is not a fact"),
    ({"kind": "title", "title": "   "}, "title: the title must be 1 to 200 characters"),
    ({"kind": "rename_everything", "target": "x"}, "rename_everything: unknown decision kind"),
    ({"kind": "set_value", "target": "date", "display": "last week", "source": "s1"},
     "set_value: &#39;last week&#39; is not a date such as 5 October 2023"),
])
def test_bad_decisions_are_refused_with_the_reason(event: Path, fields: dict[str, str], message: str) -> None:
    client = client_for(event.parent)
    got = decide(client, "homs", **fields)
    assert got.status_code == 400
    assert message in got.text
    assert record_of(event)["decisions"] == []


def test_folder_without_a_store_is_read_only(tmp_path: Path, built: Path) -> None:
    folder = tmp_path / "plain"
    shutil.copytree(built, folder)
    (folder / "wikiwire.db").unlink()
    client = client_for(folder)
    page = client.get("/e/plain").text
    assert "read only: no store (wikiwire.db) in this folder" in page
    got = client.post("/e/plain/decide", data={"csrf": client.cookies["wikiwire_csrf"], "kind": "title", "title": "X"})
    assert got.status_code == 400
    assert "no store (wikiwire.db): build it again with this wikiwire to review and edit it" in got.text
    assert 'name="kind" value="set_value"' not in page


# ---------------------------------------------------------------------------------------------
# the command


def test_serve_command_errors_are_one_line_with_a_fix(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli_app, ["serve", str(tmp_path / "nope")])
    assert missing.exit_code == 2
    assert missing.stderr == f"error: {tmp_path / 'nope'}: not a folder (pass the folder `wikiwire build -o` wrote, or a batch folder)\n"
    empty = runner.invoke(cli_app, ["serve", str(tmp_path)])
    assert empty.exit_code == 2
    assert empty.stderr == (f"error: {tmp_path}: no built event here (no event.json in it or its subfolders) "
                            f"(build one first: wikiwire build REPORTS -o {tmp_path})\n")


def test_serve_command_warns_off_loopback(event: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Path, str, int]] = []
    monkeypatch.setattr("wikiwire.serve.serve", lambda root, host, port: calls.append((root, host, port)))
    runner = CliRunner()
    local = runner.invoke(cli_app, ["serve", str(event)])
    assert local.exit_code == 0 and local.stderr == "" and calls[-1][1:] == ("127.0.0.1", 8014)
    wide = runner.invoke(cli_app, ["serve", str(event), "--host", "0.0.0.0", "--port", "9000"])
    assert wide.exit_code == 0
    assert wide.stderr == "warning: listening on 0.0.0.0: anyone who can reach this address can read and edit these events\n"
    assert calls[-1][1:] == ("0.0.0.0", 9000)
