"""Polite fetching of web pages and feeds (``filrouge fetch``).

Rules, all enforced here rather than left to the caller:

- only ``http``/``https``; the host is resolved and every address checked: private, loopback,
  link-local, multicast and reserved addresses are refused unless ``allow_private`` (so a URL
  cannot make filrouge read a local service or a cloud metadata endpoint);
- ``robots.txt`` is read once per site and obeyed for the ``filrouge`` user agent, following
  RFC 9309: a missing file (4xx) allows everything, an unreachable one (5xx, network error)
  forbids everything; its ``Crawl-delay`` lengthens the delay between requests;
- one request at a time per host, at least ``delay`` seconds apart;
- a timeout per request and a size cap: the body is streamed and abandoned past ``max_bytes``
  (after content decoding, so a compressed bomb stops too);
- at most ``max_redirects`` redirects, each target checked again (scheme, address, robots);
  a redirect back to a URL already visited is a loop and stops at once.

A feed URL expands to its entries' links, each fetched under the same rules. Every page is
kept as it came, in a raw folder, named by its SHA-256, and then goes through the same path as
a saved page.

Limitation: the address check resolves the host name itself, then the HTTP client resolves it
again, so a DNS server that answers differently the second time could slip past it. Proxies
from the environment are not used, since the check would be meaningless behind them.
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
import socket
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx

from filrouge.ingest.formats import feed_links, is_feed, page_document
from filrouge.ingest.raw import RawDocument
from filrouge.model import Rejection

ROBOTS_MAX_BYTES = 512 * 1024
PAGE_TYPES = {"text/html", "application/xhtml+xml", "text/plain"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml", "application/feed+json"}


def user_agent() -> str:
    """``filrouge/<version>``: the name robots.txt rules are matched against."""
    try:
        version = metadata.version("filrouge")
    except metadata.PackageNotFoundError:
        version = "0"
    return f"filrouge/{version}"


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and how much to fetch."""

    allow_private: bool = False
    delay: float = 1.0
    timeout: float = 10.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = field(default_factory=user_agent)


@dataclass
class Fetched:
    """A successful response: the final URL after redirects and the body as it came."""

    requested: str
    url: str
    content_type: str
    body: bytes


Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    """Every address the host name resolves to."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def forbidden_address(address: str) -> bool:
    """Whether an address is not on the public internet (an IPv4 address written as IPv6
    ``::ffff:127.0.0.1`` is judged as the IPv4 address it is)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


class Fetcher:
    """One polite HTTP client: robots.txt per site, a pace per host, limits per response."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        resolver: Resolver = resolve,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self.resolver = resolver
        self.clock = clock
        self.sleep = sleep
        self.client = httpx.Client(
            follow_redirects=False,
            timeout=httpx.Timeout(self.policy.timeout),
            headers={"User-Agent": self.policy.user_agent},
            transport=transport,
            trust_env=False,
        )
        self.robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}
        self.last_request: dict[str, float] = {}
        self.host_delay: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.client.close()

    # -- checks ----------------------------------------------------------------------------

    def url_problem(self, url: str) -> str | None:
        """Why this URL must not be fetched, or None."""
        try:
            parts = urlsplit(url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as error:
            return f"malformed URL: {error}"
        if parts.scheme not in ("http", "https"):
            return f"only http and https URLs are fetched, not '{parts.scheme or url}'"
        host = parts.hostname
        if not host:
            return "URL has no host"
        try:
            addresses = self.resolver(host, port)
        except (OSError, UnicodeError) as error:
            return f"cannot resolve {host}: {error}"
        if not addresses:
            return f"cannot resolve {host}"
        if not self.policy.allow_private:
            for address in addresses:
                if forbidden_address(address):
                    return (f"refused: {host} resolves to {address}, a private, loopback or "
                            "link-local address (use --allow-private to fetch it)")
        return None

    def robots_problem(self, url: str) -> str | None:
        """Why robots.txt forbids this URL, or None."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        rules = self.robots.get(origin)
        if rules is None:
            rules = self._load_robots(origin)
            self.robots[origin] = rules
        if isinstance(rules, str):
            return rules
        if not rules.can_fetch(self.policy.user_agent, url):
            return f"disallowed by {origin}/robots.txt for {self.policy.user_agent}"
        return None

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | str:
        parser = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        result = self._get(f"{origin}/robots.txt", max_bytes=ROBOTS_MAX_BYTES, robots=False)
        if isinstance(result, Rejection):
            reason = result.reason
            if reason.startswith("HTTP 4"):
                parser.parse([])  # no robots.txt: everything allowed (RFC 9309, 2.3.1.3)
                return parser
            return (f"{origin}/robots.txt could not be read ({reason}): not fetched, as "
                    "RFC 9309 asks when robots.txt is unreachable")
        parser.parse(result.body.decode("utf-8", errors="replace").splitlines())
        delay = parser.crawl_delay(self.policy.user_agent)
        if delay:
            self.host_delay[urlsplit(origin).netloc] = float(delay)
        return parser

    def _wait_turn(self, host: str) -> None:
        delay = max(self.policy.delay, self.host_delay.get(host, 0.0))
        last = self.last_request.get(host)
        if last is not None:
            remaining = last + delay - self.clock()
            if remaining > 0:
                self.sleep(remaining)
        self.last_request[host] = self.clock()

    # -- requests --------------------------------------------------------------------------

    def fetch(self, url: str) -> Fetched | Rejection:
        """GET a URL under every rule above."""
        return self._get(url, max_bytes=self.policy.max_bytes, robots=True)

    def _get(self, url: str, *, max_bytes: int, robots: bool) -> Fetched | Rejection:
        current = url
        visited: list[str] = []
        for _ in range(self.policy.max_redirects + 1):
            problem = self.url_problem(current)
            if problem is None and robots:
                problem = self.robots_problem(current)
            if problem:
                via = f" (redirected to {current})" if current != url else ""
                return Rejection(source=url, reason=problem + via)
            visited.append(current)
            self._wait_turn(urlsplit(current).netloc)
            outcome = self._one_request(url, current, max_bytes)
            if isinstance(outcome, str):  # a redirect
                if outcome in visited:
                    return Rejection(source=url, reason=f"redirect loop: {current} → {outcome}")
                current = outcome
                continue
            return outcome
        return Rejection(source=url,
                         reason=f"more than {self.policy.max_redirects} redirects")

    def _one_request(self, requested: str, url: str, max_bytes: int) -> Fetched | Rejection | str:
        """The response to one GET: a body, a rejection, or the URL a redirect points to."""
        deadline = self.clock() + self.policy.timeout
        try:
            with self.client.stream("GET", url) as response:
                if response.is_redirect:
                    location = response.headers.get("location")
                    if not location:
                        return Rejection(source=requested, reason="redirect without a Location")
                    return urljoin(url, str(location))
                if response.status_code != 200:
                    return Rejection(source=requested,
                                     reason=f"HTTP {response.status_code} from {url}")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    return Rejection(source=requested, reason=f"declares {declared} bytes, more "
                                                              f"than the {max_bytes} allowed")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > max_bytes:
                        return Rejection(source=requested, reason=f"larger than {max_bytes} "
                                                                  "bytes: stopped")
                    if self.clock() > deadline:
                        return Rejection(source=requested, reason=f"timed out after "
                                                                  f"{self.policy.timeout:g} s")
                return Fetched(requested=requested, url=url,
                               content_type=response.headers.get("content-type", ""),
                               body=bytes(body))
        except httpx.TimeoutException:
            return Rejection(source=requested, reason=f"timed out after {self.policy.timeout:g} s")
        except httpx.HTTPError as error:
            return Rejection(source=requested, reason=f"request failed: {error}")


def media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def store_raw(body: bytes, raw_dir: Path, suffix: str) -> Path:
    """Keep the bytes as they came, named by their SHA-256 (the same page is stored once)."""
    raw_dir.mkdir(parents=True, exist_ok=True)
    path = raw_dir / f"{hashlib.sha256(body).hexdigest()}{suffix}"
    if not path.exists():
        partial = path.with_name(path.name + f".{os.getpid()}.part")
        partial.write_bytes(body)
        partial.replace(path)
    return path


def fetch_documents(
    urls: Iterable[str], fetcher: Fetcher, raw_dir: Path | None = None
) -> Iterator[RawDocument | Rejection]:
    """Fetch pages and feeds; each page becomes a raw document (feeds give their entries'
    pages), ready for the normal ingest path."""
    for url in urls:
        yield from _fetch_one(url, fetcher, raw_dir, expand_feeds=True)


def _fetch_one(
    url: str, fetcher: Fetcher, raw_dir: Path | None, *, expand_feeds: bool
) -> Iterator[RawDocument | Rejection]:
    result = fetcher.fetch(url)
    if isinstance(result, Rejection):
        yield result
        return
    kind = media_type(result.content_type)
    head = result.body[:4096].lstrip()
    if kind in FEED_TYPES or (kind not in PAGE_TYPES and is_feed(head)):
        if not is_feed(head):
            yield Rejection(source=url, reason=f"{kind} document that is not an RSS/Atom feed")
            return
        if not expand_feeds:
            yield Rejection(source=url, reason="a feed linked from a feed is not expanded")
            return
        links, _title = feed_links(result.body)
        if not links:
            yield Rejection(source=url, reason="feed has no entry links")
        for link in links:
            yield from _fetch_one(urljoin(result.url, link), fetcher, raw_dir,
                                  expand_feeds=False)
        return
    sniffed_html = head.lower().startswith((b"<!doctype html", b"<html"))
    if kind not in PAGE_TYPES and not (kind == "" and sniffed_html):
        yield Rejection(source=url, reason=f"not a web page or feed (content type "
                                           f"{kind or 'missing'})")
        return
    document = page_document(result.body, source=result.url, url=result.url,
                             content_type=result.content_type or "text/html", fmt="web")
    if isinstance(document, RawDocument):
        if result.url != url:
            document.warnings.append(f"redirected from {url}")
        if raw_dir is not None:
            suffix = ".txt" if kind == "text/plain" else ".html"
            document.raw_path = str(store_raw(result.body, raw_dir, suffix))
    yield document
