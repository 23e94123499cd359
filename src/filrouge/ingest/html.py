"""Saved web pages: trafilatura finds the article body and metadata; what it leaves out is kept.

Trafilatura is the best-measured open main-text extractor, so we use it rather than our own
heuristics. We add two things it does not give: the list of visible lines it dropped (so the user
can see what was removed and why) and a strict reading of the publication date from the page's
own metadata, which we trust more than a date guessed from the page text.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

import lxml.html

from filrouge.model import Published, Rejection, Removed

if TYPE_CHECKING:
    from filrouge.ingest.raw import RawDocument

_META_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "pubdate",
    "publishdate",
    "sailthru.date",
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "a", "figcaption", "button", "span",
    "div", "td", "th", "blockquote", "time", "label", "small", "strong", "em", "footer",
    "nav", "header", "aside",
}


def extract_html(
    html: str, *, source: str, warnings: list[str], url: str | None = None
) -> RawDocument | Rejection:
    """Main text, title, byline, outlet and date of a web page (``url``: where it was found)."""
    import trafilatura

    from filrouge.ingest.raw import RawDocument

    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError) as error:
        return Rejection(source=source, reason=f"unreadable HTML: {error}")
    result: Any = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None or not getattr(result, "text", None):
        return Rejection(source=source, reason="no article text found in the HTML page")
    body: str = _paragraphs(str(result.text))
    title = getattr(result, "title", None)
    lead = _standfirst(tree, body, str(title or ""))
    if lead:
        body = lead + "\n\n" + body
    published = _metadata_date(tree)
    if published is None and getattr(result, "date", None):
        published = Published(value=str(result.date)[:10], origin="metadata", confidence=0.7)
    return RawDocument(
        source=source,
        text=body,
        format="html",
        title=str(title) if title else None,
        byline=str(result.author) if getattr(result, "author", None) else None,
        url=str(result.url) if getattr(result, "url", None) else url,
        outlet=str(result.sitename) if getattr(result, "sitename", None) else None,
        published=published,
        removed=_dropped_lines(tree, body, str(title or "")),
        warnings=list(warnings),
    )


def _paragraphs(text: str) -> str:
    """Trafilatura gives one paragraph per line; the data model separates paragraphs by a blank
    line, as plain-text articles do."""
    lines = [line.strip() for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


def _metadata_date(tree: lxml.html.HtmlElement) -> Published | None:
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _META_DATE_KEYS:
            found = _ISO_DATE.search(meta.get("content") or "")
            if found:
                return Published(value=found.group(0), origin="metadata", confidence=0.95)
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        declared = _json_ld_date(script.text or "")
        if declared:
            return Published(value=declared, origin="metadata", confidence=0.95)
    for time in tree.iter("time"):
        found = _ISO_DATE.search(time.get("datetime") or "")
        if found:
            return Published(value=found.group(0), origin="metadata", confidence=0.85)
    return None


def _json_ld_date(raw: str) -> str | None:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        return None
    items = data if isinstance(data, list) else [data]
    for item in items:
        if isinstance(item, dict):
            graph = item.get("@graph")
            candidates = graph if isinstance(graph, list) else [item]
            for candidate in candidates:
                if isinstance(candidate, dict) and candidate.get("datePublished"):
                    match = _ISO_DATE.search(str(candidate["datePublished"]))
                    if match:
                        return match.group(0)
    return None


# Characters a page may hold inside words that the extracted text no longer has (soft hyphens,
# zero-width spaces and joiners, a stray byte-order mark): left out when comparing the two.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")


def _comparable(text: str) -> str:
    return " ".join(_INVISIBLE.sub("", text).split())


# A standfirst ("chapô") that trafilatura takes for a heading: a heading, or a block whose class
# names it, standing before the first paragraph of the body and written as a sentence.
_STANDFIRST_CLASS = re.compile(r"(?i)chap[oô]|chapeau|standfirst|lede|intro|summary|abstract")
_SENTENCE_END = (".", "!", "?", "»", '"', "…")
_STANDFIRST_MIN_WORDS = 8  # with a full stop; without one, a heading this long is a sentence:
_STANDFIRST_LONG_WORDS = 15


def _standfirst(tree: lxml.html.HtmlElement, body: str, title: str) -> str | None:
    """The page's standfirst when the extracted body left it out: the last sentence-like
    ``h2``/``h3`` (or block classed as a standfirst) before the body's first paragraph, outside
    navigation, footers, asides, figures and forms. A short heading ("Le mode opératoire")
    is no standfirst."""
    first = _comparable(body.split("\n\n", 1)[0])[:80]
    if not first:
        return None
    kept, found = _comparable(body), None
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag in {"script", "style", "noscript", "template"}:
            continue
        own = _comparable(" ".join(element.itertext()))
        if own.startswith(first) and tag not in {"html", "body", "article", "main", "div",
                                                 "section"}:
            break  # the body starts here
        if tag not in {"h2", "h3", "p", "div"}:
            continue
        if tag in {"p", "div"} and not _STANDFIRST_CLASS.search(
                (element.get("class") or "") + " " + (element.get("id") or "")):
            continue
        words = len(own.split())
        if (words < _STANDFIRST_MIN_WORDS
                or (words < _STANDFIRST_LONG_WORDS and not own.endswith(_SENTENCE_END))
                or own == _comparable(title) or own in kept
                or _landmark(element) not in {None, "header"}):
            continue
        found = own
    return found


def _dropped_lines(tree: lxml.html.HtmlElement, body: str, title: str) -> list[Removed]:
    """Visible text of the page that is neither in the body nor the title."""
    for element in list(tree.iter("script", "style", "noscript", "template")):
        if element.getparent() is not None:
            element.drop_tree()
    kept = _comparable(body)
    seen: set[str] = set()
    removed: list[Removed] = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag.lower() not in _BLOCK_TAGS:
            continue
        own = " ".join(" ".join(element.itertext()).split())
        if not own or own in seen or own == title:
            continue
        if any(isinstance(c.tag, str) and c.tag.lower() in _BLOCK_TAGS for c in element):
            continue  # report the innermost block only
        seen.add(own)
        if _comparable(own) not in kept:
            reason = "html-" + element.tag.lower()
            container = _landmark(element)
            removed.append(Removed(text=own, reason=f"html-boilerplate ({container or reason})"))
    return removed


def _landmark(element: lxml.html.HtmlElement) -> str | None:
    """The page region an element sits in (nav, footer, aside…), to explain why it was dropped."""
    node: lxml.html.HtmlElement | None = element
    while node is not None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in {"nav", "footer", "aside", "header", "figure", "form"}:
            return tag
        classes = (node.get("class") or "") + " " + (node.get("id") or "")
        for hint in ("share", "newsletter", "cookie", "related", "comment", "menu", "social"):
            if hint in classes.lower():
                return hint
        node = node.getparent()
    return None


_FRAGMENT_BLOCKS = {
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
    "article", "figcaption", "pre", "ul", "ol", "table", "hr",
}
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_MARKUP_TAGS = _FRAGMENT_BLOCKS | {"a", "em", "strong", "b", "i", "span", "img", "figure"}


def looks_like_html(text: str) -> bool:
    """Whether a field value is an HTML fragment (feed content, a CMS export) rather than text."""
    return any(m.group(1).lower() in _MARKUP_TAGS for m in _TAG.finditer(text[:20000]))


def html_fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment, one paragraph per block, paragraphs separated by a blank line.

    A fragment is already the article body (feed content, an exported field), so no
    boilerplate detection is needed: scripts and styles go, every other text is kept."""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return _TAG.sub(" ", fragment).strip()
    for element in list(root.iter("script", "style", "noscript", "template")):
        if element.getparent() is not None:
            element.drop_tree()
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split())
        if line:
            paragraphs.append(line)
        current.clear()

    def walk(element: lxml.html.HtmlElement) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        block = tag in _FRAGMENT_BLOCKS
        if block:
            flush()
        if element.text and tag:
            current.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    walk(root)
    flush()
    return "\n\n".join(paragraphs)
