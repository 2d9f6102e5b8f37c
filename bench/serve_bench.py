"""Benchmark ``wikiwire serve``: start-up time and event-page latency for a 100-report event.

    python bench/serve_bench.py [--reports 100] [--starts 5] [--requests 30] [--out bench/RESULTS.md]

1. Generates REPORTS synthetic reports (``bench/reports.py``, from the example's reports) and
   builds them with ``wikiwire build`` (outputs and store), as an editor would.
2. Start-up: launches ``wikiwire serve`` STARTS times, each a fresh process, and times from
   the launch to the first answered request for the events list (interpreter, imports and
   server start included; serve loads no spaCy model, so "after the model is cached" changes
   nothing here).
3. Page latency: on one running server, REQUESTS requests for the event page (the first is
   reported apart: it reads and caches event.json), each timed from sending to the last byte.
4. A decision's round trip: a toll set by hand and undone, each a POST that stores the
   decision, recomposes the article and rewrites the outputs (the page that follows excluded).

Writes the tables between ``<!-- serve:start -->`` and ``<!-- serve:end -->`` in OUT
(appended when absent) and prints them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import reports  # noqa: E402

# The goals issue 14 sets for a 100-report event.
START_GOAL_S = 2.0
PAGE_GOAL_MS = 200.0
# How long to wait for a server to answer before calling the start a failure.
START_TIMEOUT_S = 30.0
POLL_S = 0.01
START, END = "<!-- serve:start -->", "<!-- serve:end -->"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wikiwire() -> str:
    return str(Path(sys.executable).with_name("wikiwire"))


def start_time(folder: Path) -> float:
    """Seconds from launching ``wikiwire serve`` to its first answer for the events list."""
    port = free_port()
    begun = time.perf_counter()
    proc = subprocess.Popen([wikiwire(), "serve", str(folder), "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while time.perf_counter() - begun < START_TIMEOUT_S:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                conn.request("GET", "/")
                if conn.getresponse().status == 200:
                    return time.perf_counter() - begun
            except OSError:
                time.sleep(POLL_S)
        raise SystemExit(f"wikiwire serve did not answer within {START_TIMEOUT_S} s: {proc.stderr.read() if proc.stderr else ''}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


class Client:
    """One keep-alive connection with the page's cookie, as a browser tab would hold."""

    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookie = ""
        self.port = port

    def request(self, method: str, path: str, body: dict[str, str] | None = None) -> tuple[int, str, float]:
        headers = {"Cookie": self.cookie} if self.cookie else {}
        data = None
        if body is not None:
            data = urllib.parse.urlencode(body)
            headers.update({"Content-Type": "application/x-www-form-urlencoded", "Origin": f"http://127.0.0.1:{self.port}"})
        begun = time.perf_counter()
        self.conn.request(method, path, body=data, headers=headers)
        response = self.conn.getresponse()
        text = response.read().decode("utf-8")
        elapsed = time.perf_counter() - begun
        cookie = response.getheader("set-cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return response.status, text, elapsed


def page_latency(folder: Path, event_id: str, requests: int) -> dict[str, object]:
    port = free_port()
    proc = subprocess.Popen([wikiwire(), "serve", str(folder), "--port", str(port)], stdout=subprocess.DEVNULL)
    try:
        deadline = time.perf_counter() + START_TIMEOUT_S
        while True:
            try:
                client = Client(port)
                client.request("GET", "/")
                break
            except OSError:
                if time.perf_counter() > deadline:
                    raise
                time.sleep(POLL_S)
        path = f"/e/{urllib.parse.quote(event_id, safe='')}"
        times = []
        size = 0
        for _ in range(requests):
            status, text, elapsed = client.request("GET", path)
            assert status == 200, status
            times.append(elapsed)
            size = len(text.encode("utf-8"))
        token = CSRF.search(text)
        assert token
        status, _, decide = client.request("POST", f"{path}/decide", {"csrf": token[1], "kind": "set_value", "target": "fatalities",
                                                                       "display": "100", "source": "s1", "note": "bench"})
        assert status == 303, status
        _, text, _ = client.request("GET", path)
        ids = re.findall(r'/undo/(\d+)"', text)
        status, _, undo = client.request("POST", f"{path}/undo/{ids[0]}", {"csrf": token[1]})
        assert status == 303, status
        return {"first": times[0], "warm": times[1:], "bytes": size, "decide": decide, "undo": undo}
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal")).split()[1])
        mem = f", {kb / 1024 / 1024:.1f} GB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    return f"{os.cpu_count()} cores, {cpu}{mem}, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def markdown(n: int, starts: list[float], page: dict[str, object]) -> str:
    warm = sorted(page["warm"])  # type: ignore[call-overload]
    p95 = warm[min(len(warm) - 1, round(0.95 * (len(warm) - 1)))]
    ms = 1000
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        START,
        "## wikiwire serve (issue 14): start-up and event-page latency",
        "",
        f"Measured {when} by `bench/serve_bench.py` on {machine()}. The event: {n} reports generated by "
        f"`bench/reports.py` from the example's reports, built with `wikiwire build` (outputs and store).",
        "",
        "| what | measured | goal |",
        "| --- | ---: | ---: |",
        f"| start-up, launch to first answer (median of {len(starts)} fresh processes) | {statistics.median(starts):.2f} s | < {START_GOAL_S:.0f} s |",
        f"| start-up, each run | {', '.join(f'{s:.2f}' for s in starts)} s | |",
        f"| event page, first request (reads event.json) | {page['first'] * ms:.0f} ms | |",  # type: ignore[operator]
        f"| event page, median of {len(warm)} further requests | {statistics.median(warm) * ms:.0f} ms | < {PAGE_GOAL_MS:.0f} ms |",
        f"| event page, 95th percentile | {p95 * ms:.0f} ms | |",
        f"| event page size | {int(page['bytes']) / 1024:.0f} KB | |",  # type: ignore[call-overload]
        f"| decision round trip: toll set by hand (store, recompose, rewrite outputs) | {page['decide'] * ms:.0f} ms | |",  # type: ignore[operator]
        f"| decision round trip: undo | {page['undo'] * ms:.0f} ms | |",  # type: ignore[operator]
        "",
        "Start-up includes the interpreter, imports and uvicorn; serve loads no spaCy model. Page "
        "times are from sending the request to the last byte, on one keep-alive connection.",
        END,
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wikiwire-serve-bench-") as tmp:
        folder = Path(tmp) / "reports"
        docs = reports.generate(reports.load_bases(ROOT / "examples" / "homs-2023", None, None), args.reports)
        reports.write_files(docs, folder)
        out = Path(tmp) / "out"
        event_id = f"bench-{args.reports}"
        subprocess.run([wikiwire(), "build", str(folder), "-o", str(out / event_id), "-q"], check=True)
        starts = [start_time(out) for _ in range(args.starts)]
        page = page_latency(out, event_id, args.requests)
    text = markdown(args.reports, starts, page)
    print(text, end="")
    old = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    if START in old and END in old:
        new = old[: old.index(START)] + text + old[old.index(END) + len(END) + 1 :]
    else:
        new = old.rstrip("\n") + "\n\n" + text
    args.out.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
