"""Take docs/serve.png: the event page of the bundled example in ``wikiwire serve``, with the
death toll's claims open and a citation's tooltip showing.

Run: ``.venv/bin/python docs/screenshot.py`` (needs wikiwire[dev] and /usr/bin/chromium).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PORT = 8715
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "homs-2023"
        wikiwire = str(Path(sys.executable).with_name("wikiwire"))
        subprocess.run([wikiwire, "build", str(ROOT / "examples" / "homs-2023"), "-o", str(out), "-q"], check=True)
        server = subprocess.Popen([wikiwire, "serve", str(out), "--port", str(PORT)], stdout=subprocess.DEVNULL)
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{PORT}/", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 860})
                page.goto(f"http://127.0.0.1:{PORT}/e/homs-2023")
                page.locator("#fact-fatalities summary").click()
                page.locator(".cite > a").nth(4).hover()
                page.screenshot(path=str(ROOT / "docs" / "serve.png"))
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
