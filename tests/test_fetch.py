"""`filrouge fetch` is polite and careful: robots.txt, pace, limits, redirects, private hosts.

Every test talks to a small HTTP server on 127.0.0.1 started in a thread, so nothing leaves the
machine; loopback is only reachable with ``allow_private``, which is itself tested.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from filrouge.cli import main
from filrouge.ingest.fetch import Fetcher, FetchPolicy, fetch_documents, forbidden_address
from filrouge.ingest.raw import RawDocument
from filrouge.model import Rejection
from filrouge.store.sqlite import Store

BODY = (
    "Les ministres des Affaires étrangères de l'Otan se sont réunis mardi à Bruxelles pour "
    "préparer le sommet. Ils ont discuté des garanties de sécurité promises à l'Ukraine et du "
    "calendrier d'une éventuelle adhésion, sans parvenir à un accord sur les dates."
)
PAGE = (
    "<html><head><title>Sommet de l'Otan</title>"
    '<meta property="article:published_time" content="2023-07-11T08:00:00+02:00"></head>'
    f"<body><nav>Accueil | Monde</nav><article><h1>Sommet de l'Otan</h1><p>{BODY}</p>"
    f"<p>{BODY.replace('mardi', 'mercredi')}</p></article><footer>Abonnez-vous</footer>"
    "</body></html>"
).encode()

Response = tuple[int, dict[str, str], bytes]
Route = Response | Callable[[], Response]


class Site:
    """A tiny web site: path → (status, headers, body), or a function giving one."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, str]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append((self.path, self.headers.get("User-Agent", "")))
                route = site.routes.get(self.path, (404, {}, b"not found"))
                status, headers, body = route() if callable(route) else route
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture()
def site() -> Iterator[Site]:
    served = Site()
    thread = threading.Thread(target=served.server.serve_forever, daemon=True)
    thread.start()
    yield served
    served.server.shutdown()
    served.server.server_close()


def html(body: bytes = PAGE) -> Response:
    return (200, {"Content-Type": "text/html; charset=utf-8"}, body)


def fetcher(**policy: object) -> Fetcher:
    settings: dict[str, object] = {"allow_private": True, "delay": 0.0, "timeout": 5.0}
    settings.update(policy)
    return Fetcher(FetchPolicy(**settings))  # type: ignore[arg-type]


def fetch_all(urls: list[str], **policy: object) -> list[RawDocument | Rejection]:
    with fetcher(**policy) as client:
        return list(fetch_documents(urls, client))


def test_a_page_is_fetched_with_a_clear_user_agent_and_read_like_a_saved_page(
    site: Site,
) -> None:
    site.routes["/a"] = html()
    (document,) = fetch_all([site.url("/a")])
    assert isinstance(document, RawDocument)
    assert document.url == document.source == site.url("/a")
    assert "Bruxelles" in document.text and "Abonnez" not in document.text
    assert document.published is not None and document.published.value == "2023-07-11"
    assert [path for path, _ in site.requests] == ["/robots.txt", "/a"]
    assert all(agent.startswith("filrouge/") for _, agent in site.requests)


def test_loopback_is_refused_unless_allowed(site: Site) -> None:
    site.routes["/a"] = html()
    (rejection,) = fetch_all([site.url("/a")], allow_private=False)
    assert isinstance(rejection, Rejection)
    assert "127.0.0.1, a private, loopback or link-local address" in rejection.reason
    assert site.requests == []


@pytest.mark.parametrize(
    "address",
    ["10.1.2.3", "192.168.0.10", "169.254.169.254", "::1", "fe80::1", "::ffff:127.0.0.1",
     "100.64.0.1", "0.0.0.0", "224.0.0.1"],
)
def test_private_and_special_addresses_are_forbidden(address: str) -> None:
    assert forbidden_address(address)


def test_a_public_address_is_allowed_and_the_host_name_is_resolved_first() -> None:
    assert not forbidden_address("93.184.215.14")
    client = Fetcher(FetchPolicy(), resolver=lambda host, port: ["10.0.0.7"])
    assert "resolves to 10.0.0.7" in (client.url_problem("https://intranet.example/") or "")
    assert "only http and https" in (client.url_problem("file:///etc/passwd") or "")


def test_robots_txt_is_obeyed(site: Site) -> None:
    site.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"},
                                  b"User-agent: filrouge\nDisallow: /prive/\n")
    site.routes["/prive/a"] = html()
    site.routes["/public/a"] = html()
    blocked, allowed = fetch_all([site.url("/prive/a"), site.url("/public/a")])
    assert isinstance(blocked, Rejection) and "disallowed by" in blocked.reason
    assert isinstance(allowed, RawDocument)
    assert [path for path, _ in site.requests] == ["/robots.txt", "/public/a"]


def test_an_unreachable_robots_txt_forbids_the_site(site: Site) -> None:
    site.routes["/robots.txt"] = (503, {}, b"")
    site.routes["/a"] = html()
    (rejection,) = fetch_all([site.url("/a")])
    assert isinstance(rejection, Rejection)
    assert "robots.txt could not be read (HTTP 503" in rejection.reason


def test_a_redirect_loop_stops(site: Site) -> None:
    site.routes["/a"] = (302, {"Location": "/b"}, b"")
    site.routes["/b"] = (301, {"Location": site.url("/a")}, b"")
    (rejection,) = fetch_all([site.url("/a")])
    assert isinstance(rejection, Rejection)
    assert rejection.reason.startswith("redirect loop")


def test_redirects_are_followed_a_few_times_only(site: Site) -> None:
    for hop in range(7):
        site.routes[f"/r{hop}"] = (302, {"Location": f"/r{hop + 1}"}, b"")
    site.routes["/r7"] = html()
    site.routes["/court"] = (301, {"Location": "/r6"}, b"")
    too_far, near = fetch_all([site.url("/r0"), site.url("/court")])
    assert isinstance(too_far, Rejection) and too_far.reason == "more than 5 redirects"
    assert isinstance(near, RawDocument) and near.url == site.url("/r7")
    assert f"redirected from {site.url('/court')}" in near.warnings


def test_a_redirect_to_a_forbidden_target_is_checked_again(site: Site) -> None:
    site.routes["/a"] = (302, {"Location": "file:///etc/passwd"}, b"")
    (rejection,) = fetch_all([site.url("/a")])
    assert isinstance(rejection, Rejection)
    assert "only http and https" in rejection.reason and "redirected to" in rejection.reason


def test_an_oversize_body_is_abandoned(site: Site) -> None:
    site.routes["/gros"] = html(PAGE * 100)
    (rejection,) = fetch_all([site.url("/gros")], max_bytes=10_000)
    assert isinstance(rejection, Rejection)
    assert "more than the 10000 allowed" in rejection.reason


def test_an_oversize_body_without_a_declared_length_is_stopped_while_streamed() -> None:
    import httpx

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        chunks = (PAGE for _ in range(100))
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=chunks)

    client = Fetcher(FetchPolicy(allow_private=True, delay=0, max_bytes=10_000),
                     resolver=lambda host, port: ["93.184.215.14"],
                     transport=httpx.MockTransport(handler))
    result = client.fetch("https://example.org/flux")
    assert isinstance(result, Rejection) and result.reason == "larger than 10000 bytes: stopped"


def test_content_that_is_not_a_page_is_refused(site: Site) -> None:
    site.routes["/rapport.pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7")
    (rejection,) = fetch_all([site.url("/rapport.pdf")])
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "not a web page or feed (content type application/pdf)"


def test_a_slow_server_times_out(site: Site) -> None:
    def slow() -> Response:
        time.sleep(2)
        return html()

    site.routes["/lent"] = slow
    (rejection,) = fetch_all([site.url("/lent")], timeout=0.3)
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "timed out after 0.3 s"


def test_a_feed_expands_to_its_entries_pages(site: Site) -> None:
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Le Quotidien</title>
    <item><title>A</title><link>{site.url('/a')}</link></item>
    <item><title>B</title><link>/b</link></item></channel></rss>""".encode()
    site.routes["/feed"] = (200, {"Content-Type": "application/rss+xml"}, feed)
    site.routes["/a"] = html()
    site.routes["/b"] = html(PAGE.replace(b"mardi", b"jeudi"))
    documents = fetch_all([site.url("/feed")])
    assert [d.source for d in documents] == [site.url("/a"), site.url("/b")]
    assert all(isinstance(d, RawDocument) for d in documents)


def test_requests_to_one_host_are_paced() -> None:
    import httpx

    now = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(round(seconds, 3))
        now[0] += seconds

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nCrawl-delay: 3\n")
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=PAGE)

    client = Fetcher(FetchPolicy(delay=1.0), resolver=lambda host, port: ["93.184.215.14"],
                     clock=lambda: now[0], sleep=sleep, transport=httpx.MockTransport(handler))
    for page in ("a", "b"):
        assert not isinstance(client.fetch(f"https://example.org/{page}"), Rejection)
    assert waits == [3.0, 3.0]  # robots.txt → a → b, Crawl-delay 3 s longer than --delay 1 s


def test_fetch_command_stores_the_article_and_its_raw_page(site: Site, tmp_path: Path) -> None:
    site.routes["/a"] = html()
    site.routes["/photo.jpg"] = (200, {"Content-Type": "image/jpeg"}, b"\xff\xd8")
    db = tmp_path / "veille.db"
    result = CliRunner().invoke(main, ["fetch", site.url("/a"), site.url("/photo.jpg"),
                                       "--db", str(db), "--allow-private", "--delay", "0"])
    assert result.exit_code == 1, result.output
    with Store(db) as store:
        (article,) = list(store.articles())
        assert article.url == site.url("/a") and "Bruxelles" in article.text
        assert article.raw_path is not None
        raw = Path(article.raw_path)
        assert raw.parent == tmp_path / "veille.raw" and raw.read_bytes() == PAGE
        assert [r.reason for r in store.rejections()] == [
            "not a web page or feed (content type image/jpeg)"]


def test_fetch_command_refuses_loopback_by_default(site: Site, tmp_path: Path) -> None:
    site.routes["/a"] = html()
    result = CliRunner().invoke(main, ["fetch", site.url("/a"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "use --allow-private" in result.output
    assert site.requests == []
