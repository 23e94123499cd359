"""The web app in a real browser: Debian's chromium driven by Playwright, over the example corpus
plus one article whose text, title, outlet and address carry script injections.

A reader walks stories → story → article → actor → quotes search with mouse and keyboard; no page
may log a console error or throw, and no injected script may run. Screenshots of each page go to
bench/results/screenshots/ (not kept in git) for a person to look at.
"""

from __future__ import annotations

import shutil
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from filrouge.analyze.pipeline import Analyzer
from filrouge.store.sqlite import Store, content_hash

from .conftest import ROOT, analyse_text

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "bench" / "results" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

HOSTILE_TEXT = (
    "Le ministre des Armées a annoncé mardi à Paris une aide de 2 milliards d'euros à "
    "l'Ukraine, selon un communiqué publié le même jour par le gouvernement. "
    "« Nous tiendrons parole <script>window.__pwned=1</script> jusqu'au bout », a déclaré "
    "mardi Emmanuel Macron devant la presse réunie à l'Élysée. "
    "Le document <a href=\"javascript:window.__pwned=1\">cliquez ici</a> circulait, avec "
    "<svg onload=\"window.__pwned=1\"></svg> et <img src=x onerror=\"window.__pwned=1\"> "
    "dans sa version en ligne, a précisé Jens Stoltenberg."
)
INJECTIONS = ["<script>window.__pwned=1</script>", '<a href="javascript:window.__pwned=1">',
              '<svg onload="window.__pwned=1">', '<img src=x onerror="window.__pwned=1">']


def _why_skip() -> str | None:
    if not CHROMIUM.exists():
        return f"no browser at {CHROMIUM} (.ci/run installs Debian's chromium with apt-get)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[dev]')"
    try:
        from filrouge.web.app import create_app  # noqa: F401
    except ImportError as error:
        return f"the web app is not importable: {error}"
    return None


pytestmark = pytest.mark.skipif(_why_skip() is not None, reason=_why_skip() or "")


# -- the served store -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store_path(example_db: Path, analyzer: Analyzer,
               tmp_path_factory: pytest.TempPathFactory) -> Path:
    from filrouge.stories.timeline import build_stories

    db = tmp_path_factory.mktemp("browser") / "hostile.db"
    shutil.copy(example_db, db)
    article = analyse_text(analyzer, HOSTILE_TEXT, published="2024-03-05").model_copy(update={
        "title": "Aide militaire <script>window.__pwned=1</script><img src=x onerror=alert(1)>",
        "outlet": "<svg onload=\"window.__pwned=1\">Le Canard</svg>",
        "url": "javascript:window.__pwned=1",
        "byline": "<b onmouseover=\"window.__pwned=1\">Anonyme</b>",
    })
    with Store(db) as store:
        store.add_article(article, digest=content_hash(article.text))
        store.replace_stories(build_stories(store.articles()))
    return db


@pytest.fixture(scope="module")
def hostile_id(store_path: Path) -> str:
    with sqlite3.connect(store_path) as con:
        row = con.execute("SELECT id FROM articles WHERE source = 'test'").fetchone()
    return str(row[0])


@pytest.fixture(scope="module")
def base_url(store_path: Path) -> Iterator[str]:
    """The app served by uvicorn in a background thread, on a free loopback port."""
    import uvicorn

    from filrouge.web.app import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store_path), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


# -- the browser ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Reader:
    """A fresh browser profile on the app, recording every console error and uncaught error."""

    def __init__(self, browser: Any, base_url: str) -> None:
        self.context = browser.new_context(base_url=base_url,
                                           viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(
            f"console: {m.text} ({self.page.url})"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e} "
                                                                 f"({self.page.url})"))

    def open(self, path: str) -> Any:
        response = self.page.goto(path)
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        return self.page

    def check(self, shot: str | None = None) -> None:
        """Nothing went wrong on this page, no injected script ran; keep a screenshot."""
        self.page.wait_for_load_state("load")
        assert self.page.evaluate("typeof window.__pwned") == "undefined", self.page.url
        assert self.problems == []
        if shot:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(SCREENSHOTS / f"{shot}.png"), full_page=True)

    def follow_first(self, selector: str) -> str:
        link = self.page.locator(selector).first
        href = str(link.get_attribute("href"))
        link.click()
        self.page.wait_for_url(f"**{href.split('#')[0]}")
        return href


@pytest.fixture()
def reader(browser: Any, base_url: str) -> Iterator[Reader]:
    opened = Reader(browser, base_url)
    yield opened
    opened.context.close()


# -- walking the app --------------------------------------------------------------------------


def test_a_reader_walks_stories_story_article_actor_and_searches_quotes(
    reader: Reader, store_path: Path
) -> None:
    page = reader.open("/")
    assert page.locator("main a[href^='/stories/']").count() >= 2
    reader.check("1-stories")

    reader.follow_first("main a[href^='/stories/']")
    assert page.locator("main a[href^='/articles/']").count() >= 1
    reader.check("2-story")

    reader.follow_first("main a[href^='/articles/']")
    assert page.locator("main .article-text").inner_text().strip()
    reader.check("3-article")

    actor = reader.follow_first("main a[href^='/actors/']")
    assert page.locator("main h1").inner_text().strip()
    reader.check("4-actor")

    with Store(store_path) as store:  # a word that a stored quote really contains
        word = max(next(q for a in store.articles() for q in a.quotes
                        if q.kind == "direct").text.split(), key=len).strip("«»,.;:!?")
    reader.open("/quotes")
    search = page.locator("main form input[name='q']")
    search.fill(word)
    search.press("Enter")
    page.wait_for_url("**/quotes?*q=*")
    assert word.lower() in page.locator("main").inner_text().lower()
    reader.check("5-quotes-search")
    assert actor.startswith("/actors/")


def test_injected_markup_is_shown_as_text_and_never_runs(
    reader: Reader, hostile_id: str, store_path: Path
) -> None:
    page = reader.open(f"/articles/{hostile_id}")
    text = page.locator("main").inner_text()
    assert "<script>window.__pwned=1</script>" in text  # the reader sees the words as written
    for selector in ["main script", "main svg[onload]", "main img[onerror]", "[onmouseover]",
                     "a[href^='javascript:']"]:
        assert page.locator(selector).count() == 0, selector
    reader.check("6-hostile-article")
    with sqlite3.connect(store_path) as con:
        story = con.execute("SELECT story_id FROM story_articles WHERE article_id = ?",
                            (hostile_id,)).fetchone()[0]
    for path in [f"/stories/{story}", "/search?q=pwned", "/quotes?q=pwned", "/articles",
                 "/actors/emmanuel-macron"]:
        reader.open(path)
        assert page.locator("main script, [onload], [onerror], a[href^='javascript:']"
                            ).count() == 0, path
        reader.check()
    reader.open("/search?q=pwned")
    assert page.locator(f"main a[href='/articles/{hostile_id}']").count() >= 1
    reader.check("7-hostile-search")


def test_keyboard_alone_reaches_a_story_link_and_follows_it(reader: Reader) -> None:
    page = reader.open("/")
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.getAttribute('href') || ''")
        if focused.startswith("/stories/"):
            break
    else:
        pytest.fail("60 presses of Tab never reached a story link")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused link shows no focus outline"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{focused}")
    assert page.locator("main h1").inner_text().strip()
    reader.check()


def test_removed_lines_are_hidden_until_the_reader_opens_them(
    reader: Reader, store_path: Path
) -> None:
    with Store(store_path) as store:
        article = next(a for a in store.articles() if len(a.removed) >= 2)
    page = reader.open(f"/articles/{article.id}")
    toggle = page.locator("main details.removed")
    first_line = toggle.locator("tbody tr").first
    assert not first_line.is_visible()
    toggle.locator("summary").click()
    assert first_line.is_visible()
    assert " ".join(article.removed[0].text.split())[:40] in " ".join(
        first_line.inner_text().split())
    reader.check("8-article-debris-open")
    toggle.locator("summary").focus()  # and back with the keyboard
    page.keyboard.press("Enter")
    assert not first_line.is_visible()
    reader.check()
