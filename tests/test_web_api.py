"""The web app and JSON API, driven as a browser or a script would, over a small store built from
hand-made articles (no model needed) — plus one upload that runs the real pipeline."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from filrouge.analyze.pipeline import Analyzer
from filrouge.cli import main
from filrouge.model import (
    Amount,
    Article,
    Entity,
    Event,
    Published,
    Quote,
    Removed,
    SourceRef,
    Span,
    Story,
    TimeExpr,
    TimelineEntry,
    content_id,
)
from filrouge.store.sqlite import _MIGRATIONS, Store, _statements, content_hash
from filrouge.web.app import CSRF_COOKIE, create_app

ROOT = Path(__file__).resolve().parents[1]
ARTICLE_SCHEMA = json.loads((ROOT / "schema" / "filrouge-1.article.json").read_text())
TOKEN = "correct-horse-battery-staple"

SECURITY_TEXT = (
    "« Nous tiendrons parole », a déclaré mardi Jens Stoltenberg. L'Otan promet à l'Ukraine "
    "40 milliards d'euros pour sa sécurité.\n\nUn diplomate européen a estimé que la décision "
    "était « historique »."
)
HOSTILE_TEXT = (
    "Le texte contient <script>alert(1)</script> et <svg onload=alert(2)> au milieu. "
    "« <img src=x onerror=alert(5)> », a déclaré Sergueï Lavrov."
)


def span(text: str, fragment: str, start_at: int = 0) -> Span:
    start = text.index(fragment, start_at)
    return Span(start=start, end=start + len(fragment), text=fragment)


def security_article() -> Article:
    text = SECURITY_TEXT
    quote_words = span(text, "Nous tiendrons parole")
    stoltenberg = span(text, "Jens Stoltenberg")
    anonymous_words = span(text, "historique")
    diplomat = span(text, "Un diplomate européen")
    otan = span(text, "L'Otan")
    sentence = span(text, "L'Otan promet à l'Ukraine 40 milliards d'euros pour sa sécurité.")
    return Article(
        id=content_id(text), source="corpus/securite.txt", title="Garanties de sécurité",
        outlet="Le Courrier", url="https://example.org/securite", language="fr",
        published=Published(value="2023-07-11", origin="metadata", confidence=0.9), text=text,
        removed=[Removed(text="Partager sur Facebook", reason="share button", line=1)],
        entities=[
            Entity(**stoltenberg.model_dump(), label="PER", actor="jens-stoltenberg",
                   actor_name="Jens Stoltenberg"),
            Entity(**otan.model_dump(), label="ORG", actor="NATO", actor_name="OTAN"),
            Entity(**span(text, "l'Ukraine").model_dump(), label="GPE", actor="UKR",
                   actor_name="Ukraine"),
        ],
        times=[TimeExpr(**span(text, "mardi").model_dump(), type="DATE", value="2023-07-11")],
        amounts=[Amount(**span(text, "40 milliards d'euros").model_dump(), value=40e9,
                        unit="EUR")],
        quotes=[
            Quote(**quote_words.model_dump(), parts=[quote_words], kind="direct",
                  cue=span(text, "a déclaré"), speaker=stoltenberg,
                  speaker_actor="jens-stoltenberg", speaker_name="Jens Stoltenberg",
                  date="2023-07-11", date_origin="sentence"),
            Quote(**anonymous_words.model_dump(), parts=[anonymous_words], kind="mixed",
                  speaker=diplomat, anonymous=True, speaker_description="diplomate européen",
                  date="2023-07-11", date_origin="published"),
        ],
        events=[Event(**sentence.model_dump(), type="SUPPORT", trigger=span(text, "promet"),
                      actors=["NATO"], targets=["UKR"], date="2023-07-11",
                      date_origin="published")],
    )


def copy_of(original: Article) -> Article:
    text = original.text + "\n\n(Avec AFP)"
    return original.model_copy(update={
        "id": content_id(text), "text": text, "source": "corpus/copie.txt",
        "outlet": "La Gazette", "duplicate_of": original.id,
        "published": Published(value="2023-07-12", origin="metadata", confidence=0.9)})


def hostile_article() -> Article:
    text = HOSTILE_TEXT
    words = span(text, "<img src=x onerror=alert(5)>")
    lavrov = span(text, "Sergueï Lavrov")
    return Article(
        id=content_id(text), source="corpus/<b>hostile</b>.txt",
        title="<script>alert('title')</script>", outlet="<i onmouseover=alert(3)>Evil</i>",
        url="javascript:alert(4)", language="fr",
        published=Published(value="2024-02-01", origin="metadata", confidence=0.9), text=text,
        removed=[Removed(text="<img src=y onerror=alert(6)>", reason="<b>debris</b>", line=2)],
        entities=[Entity(**lavrov.model_dump(), label="PER", actor="sergei-lavrov",
                         actor_name="Sergueï Lavrov")],
        quotes=[Quote(**words.model_dump(), parts=[words], kind="direct", speaker=lavrov,
                      speaker_actor="sergei-lavrov", speaker_name="Sergueï Lavrov",
                      date="2024-02-01", date_origin="published")],
    )


def filler(n: int) -> Article:
    text = f"Article numéro {n} sur la défense européenne et le budget militaire de l'année."
    return Article(id=content_id(text), source=f"corpus/filler-{n}.txt", title=f"Filler {n}",
                   outlet="Le Relais", language="fr",
                   published=Published(value=f"2022-03-{n + 1:02d}", origin="metadata",
                                       confidence=0.8), text=text)


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    original = security_article()
    found = {"security": original, "copy": copy_of(original), "hostile": hostile_article()}
    found.update({f"filler{n}": filler(n) for n in range(25)})
    return found


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, articles: dict[str, Article]) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.db"
    with Store(path) as store:
        for article in articles.values():
            store.add_article(article, digest=content_hash(article.text))
        security, copy, hostile = articles["security"], articles["copy"], articles["hostile"]
        store.replace_stories([
            Story(id="s-securite01", title="garanties · sécurité", articles=[security.id],
                  duplicates=[copy.id], actors=["NATO", "UKR"], start="2023-07-11",
                  end="2023-07-12",
                  timeline=[TimelineEntry(date="2023-07-11", summary=security.events[0].text,
                                          sources=[SourceRef(article=security.id,
                                                             outlet=security.outlet,
                                                             published="2023-07-11",
                                                             text=security.events[0].text)])]),
            Story(id="s-hostile001", title="<script>alert('story')</script>",
                  articles=[hostile.id], actors=["sergei-lavrov"], start="2024-02-01",
                  end="2024-02-01",
                  timeline=[TimelineEntry(date="2024-02-01", summary=hostile.text[:60],
                                          sources=[SourceRef(article=hostile.id)])]),
        ])
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


# -- pages ------------------------------------------------------------------------------------


def test_stories_page_lists_each_story_with_span_counts_actors_and_a_chart(
        client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    html = page.text
    assert "garanties · sécurité" in html
    assert "2023-07-11 → 2023-07-12" in html
    assert re.search(r"1 article\s+·\s+2 sources", html)  # the copy runs in another outlet
    assert '<a class="actor" href="/actors/NATO">OTAN</a>' in html
    assert re.search(r'<svg class="spark"[^>]*>.*<rect ', html, re.S)


def test_story_page_shows_the_cited_timeline_events_quotes_figures_and_articles(
        client: TestClient, articles: dict[str, Article]) -> None:
    html = client.get("/stories/s-securite01").text
    security = articles["security"]
    assert 'data-timeline' in html and '<ol class="timeline">' in html
    assert f'href="/articles/{security.id}">Le Courrier</a>' in html  # the entry cites it
    assert '<span class="etype">SUPPORT</span>' in html
    assert "Jens Stoltenberg" in html and "« Nous tiendrons parole »" in html
    assert "40 milliards d&#39;euros" in html
    assert f'href="/articles/{articles["copy"].id}"' in html


def test_article_page_highlights_annotations_with_resolved_values(
        client: TestClient, articles: dict[str, Article]) -> None:
    security = articles["security"]
    html = client.get(f"/articles/{security.id}").text
    assert '<span class="time" title="2023-07-11 (DATE)">mardi</span>' in html
    assert re.search(r'<span class="fig" title="40 000 000 000 EUR"[^>]*>40 milliards', html)
    assert '<a class="ent speaker" href="/actors/jens-stoltenberg"' in html
    assert 'class="quote"' in html and 'id="q-0"' in html
    assert "diplomate européen" in html and "anonymous" in html
    # the removed debris, with its reason, behind a toggle
    assert re.search(r"<details class=\"removed\">.*share button.*Partager sur Facebook", html,
                     re.S)
    # copies and inputs
    assert f'href="/articles/{articles["copy"].id}">La Gazette</a>' in html
    assert "corpus/securite.txt" in html
    assert '<a href="https://example.org/securite" rel="noopener noreferrer nofollow"' in html


def test_a_copy_links_to_the_article_it_copies(client: TestClient,
                                               articles: dict[str, Article]) -> None:
    html = client.get(f"/articles/{articles['copy'].id}").text
    assert f'href="/articles/{articles["security"].id}">Garanties de sécurité</a>' in html


def test_articles_can_be_opened_by_a_unique_id_prefix(client: TestClient,
                                                      articles: dict[str, Article]) -> None:
    short = articles["hostile"].id[:8]
    assert client.get(f"/articles/{short}").status_code == 200
    assert client.get(f"/api/articles/{short}").json()["id"] == articles["hostile"].id


def test_a_unique_short_id_redirects_to_the_full_one_as_the_cli_resolves_it(
        client: TestClient, articles: dict[str, Article]) -> None:
    full = articles["hostile"].id
    for short, target in [("/stories/s-sec", "/stories/s-securite01"),
                          ("/api/stories/s-host", "/api/stories/s-hostile001"),
                          (f"/articles/{full[:6]}", f"/articles/{full}"),
                          (f"/api/articles/{full[:6]}", f"/api/articles/{full}")]:
        response = client.get(short + "?limit=5", follow_redirects=False)
        assert response.status_code == 307, short
        assert response.headers["location"] == target + "?limit=5"
    assert client.get("/api/stories/s-sec").json()["id"] == "s-securite01"


def test_an_ambiguous_short_id_lists_the_candidates(client: TestClient) -> None:
    page = client.get("/stories/s-")
    assert page.status_code == 409 and "text/html" in page.headers["content-type"]
    assert "2 story ids start with s-" in page.text
    assert 'href="/stories/s-securite01"' in page.text
    assert 'href="/stories/s-hostile001"' in page.text
    assert "<script>alert('story')" not in page.text  # candidate titles are escaped
    body = client.get("/api/stories/s-").json()
    assert body["status"] == 409
    assert {c["id"] for c in body["candidates"]} == {"s-securite01", "s-hostile001"}
    assert all(c["url_page"] == f"/stories/{c['id']}" for c in body["candidates"])


def test_an_ambiguous_article_prefix_lists_the_candidates(tmp_path: Path) -> None:
    db = tmp_path / "twins.db"
    with Store(db) as store:
        for n, suffix in enumerate(("0000000001", "0000000002")):
            text = f"Article jumeau numéro {n} sur le budget de la ville."
            store.add_article(Article(id="abcdef" + suffix, source=f"twin-{n}.txt", text=text,
                                      title=f"Jumeau {n}"), digest=content_hash(text))
    twins = TestClient(create_app(db))
    body = twins.get("/api/articles/abcdef").json()
    assert body["status"] == 409 and "2 article ids start with abcdef" in body["error"]
    assert [c["title"] for c in body["candidates"]] == ["Jumeau 0", "Jumeau 1"]
    page = twins.get("/articles/abcdef")
    assert page.status_code == 409 and 'href="/articles/abcdef0000000002"' in page.text
    assert twins.get("/articles/abcdef00000000").status_code == 409
    assert twins.get("/articles/abcdef0000000001").status_code == 200
    assert twins.get("/articles/abcdef9").status_code == 404


def test_actor_page_shows_registry_names_quotes_events_and_co_occurring_actors(
        client: TestClient) -> None:
    html = client.get("/actors/NATO").text
    assert "l&#39;Alliance atlantique" in html  # registry alias
    assert "L&#39;Otan" in html  # form seen in the text
    assert '<span class="etype">SUPPORT</span>' in html
    assert '<a class="actor" href="/actors/UKR">Ukraine</a>' in html  # named together / target
    speaker = client.get("/actors/jens-stoltenberg").text
    assert "« Nous tiendrons parole »" in speaker


def test_quotes_page_filters_by_speaker_anonymity_story_date_and_text(
        client: TestClient) -> None:
    assert "Nous tiendrons parole" in client.get("/quotes?speaker=stoltenberg").text
    anonymous = client.get("/quotes?anonymous=true").text
    assert "historique" in anonymous and "Nous tiendrons parole" not in anonymous
    named = client.get("/quotes?anonymous=false").text
    assert "Nous tiendrons parole" in named and "« historique »" not in named
    assert "onerror" not in client.get("/quotes?story=s-securite01").text.replace("&lt;", "")
    assert "Nous tiendrons" not in client.get("/quotes?from=2024-01-01").text
    assert "historique" in client.get("/quotes?q=historiques*").text
    # a plain form submit sends every field, empty ones included
    assert client.get("/quotes?speaker=&anonymous=&story=&from=&to=&q=").status_code == 200


def test_search_page_folds_accents_and_highlights_matches(client: TestClient) -> None:
    html = client.get("/search?q=securite").text
    assert "<mark>sécurité</mark>" in html
    assert "2 articles found" in html  # the article and its copy


def test_docs_page_is_served_locally_from_the_openapi_description(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "/api/quotes" in html and "/openapi.json" in html
    assert "cdn" not in html.lower() and "<script src=\"http" not in html
    assert client.get("/openapi.json").json()["paths"]["/api/search"]


def test_every_page_and_endpoint_answers(client: TestClient,
                                         articles: dict[str, Article]) -> None:
    article_id = articles["security"].id
    for url in ["/", "/stories/s-securite01", "/articles", f"/articles/{article_id}",
                "/articles?q=défense", "/articles?actor=NATO", "/actors", "/actors/UKR",
                "/quotes", "/search", "/search?q=otan", "/docs", "/static/app.css",
                "/static/app.js", "/api", "/api/stories", "/api/stories/s-securite01",
                "/api/articles", f"/api/articles/{article_id}", "/api/actors",
                "/api/actors/NATO", "/api/quotes", "/api/search?q=otan", "/openapi.json"]:
        assert client.get(url).status_code == 200, url


# -- JSON API ---------------------------------------------------------------------------------


def test_article_json_is_the_filrouge_record_plus_links(client: TestClient,
                                                        articles: dict[str, Article]) -> None:
    security = articles["security"]
    body = client.get(f"/api/articles/{security.id}").json()
    assert body["url_page"] == f"/articles/{security.id}"
    assert body["sources"] == ["corpus/securite.txt"]
    assert [c["id"] for c in body["copies"]] == [articles["copy"].id]
    assert [s["id"] for s in body["stories"]] == ["s-securite01"]
    added = {"url_page", "sources", "copies", "original", "stories"}  # the API's link fields
    record = {k: v for k, v in body.items() if k not in added}
    jsonschema.validate(record, ARTICLE_SCHEMA)
    assert Article.model_validate(record) == security


def test_lists_are_paginated_with_a_total(client: TestClient) -> None:
    first = client.get("/api/articles?limit=10").json()
    assert first["total"] == 28 and first["limit"] == 10 and first["offset"] == 0
    assert len(first["items"]) == 10
    second = client.get("/api/articles?limit=10&offset=10").json()
    last = client.get("/api/articles?limit=10&offset=20").json()
    ids = [i["id"] for page in (first, second, last) for i in page["items"]]
    assert len(last["items"]) == 8 and len(set(ids)) == 28
    dates = [i["published"] for page in (first, second, last) for i in page["items"]]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert all(i["url_page"] == f"/articles/{i['id']}" for i in first["items"])
    assert client.get("/api/quotes?limit=1&offset=1").json()["total"] == 5
    html = client.get("/articles?limit=10&offset=10").text
    assert 'rel="prev"' in html and 'rel="next"' in html and "11–20 of 28" in html


def test_article_list_filters(client: TestClient, articles: dict[str, Article]) -> None:
    def ids(url: str) -> set[str]:
        return {i["id"] for i in client.get(url).json()["items"]}

    security, copy = articles["security"].id, articles["copy"].id
    assert ids("/api/articles?story=s-securite01") == {security, copy}  # with its copies
    assert ids("/api/search?q=tiendrons&story=s-securite01") == {security, copy}
    assert ids("/api/search?q=tiendrons&story=s-hostile001") == set()
    assert ids("/api/articles?actor=jens-stoltenberg") == {security, copy}
    assert ids("/api/articles?from=2023-07-12&to=2023-12") == {copy}
    assert len(ids("/api/articles?to=2022&limit=100")) == 25
    assert ids("/api/articles?language=en") == set()
    assert ids("/api/articles?q=securite") == {security, copy}
    assert ids("/api/articles?q=securite&actor=NATO&to=2023-07-11") == {security}


def test_from_and_to_take_a_year_or_a_month_as_its_first_or_last_day(
        client: TestClient) -> None:
    def dates(url: str) -> set[str]:
        return {i["date"] for i in client.get(url).json()["items"]}

    assert dates("/api/quotes?from=2023&to=2023") == {"2023-07-11"}
    assert dates("/api/quotes?from=2024-02&to=2024-02") == {"2024-02-01"}
    assert dates("/api/quotes?to=2023-06") == set()
    error = client.get("/api/quotes?to=2023-02-30").json()
    assert error["status"] == 422
    assert error["error"] == "invalid parameters — to: not a calendar date: 2023-02-30"


def test_story_actor_quote_and_search_endpoints(client: TestClient) -> None:
    story = client.get("/api/stories/s-securite01").json()
    assert story["schema"] == "filrouge/1" and story["url_page"] == "/stories/s-securite01"
    assert story["summary"]["sources"] == 2
    stories = client.get("/api/stories").json()
    assert stories["total"] == 2 and stories["items"][0]["id"] == "s-hostile001"  # newest first
    nato = client.get("/api/actors/NATO").json()
    assert nato["registry"]["name"] == "OTAN" and nato["articles"] == 2
    assert nato["events_over_time"] == [
        {"period": "2023-07-11", "unit": "day", "as_actor": 2, "as_target": 0}]
    actors = client.get("/api/actors?q=otan").json()
    assert [a["id"] for a in actors["items"]] == ["NATO"]
    quotes = client.get("/api/quotes?speaker=jens-stoltenberg").json()["items"]
    assert {q["text"] for q in quotes} == {"Nous tiendrons parole"}
    assert quotes[0]["url_page"].startswith("/articles/")
    anonymous = client.get("/api/quotes?anonymous=true").json()["items"]
    assert anonymous[0]["description"] == "diplomate européen"
    hits = client.get("/api/search?q=SECURITE").json()
    assert hits["total"] == 2
    first = hits["items"][0]
    start, end = first["snippet_hits"][0]
    assert first["snippet"][start:end] == "sécurité"


def test_csv_and_jsonl_downloads_hold_the_whole_list(client: TestClient) -> None:
    response = client.get("/api/quotes?format=csv")
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 5 and {"speaker", "text", "url_page"} <= set(rows[0])
    records = client.get("/api/articles?format=jsonl").text.splitlines()
    assert len(records) == 28  # no pagination unless asked for
    for line in records:
        jsonschema.validate(json.loads(line), ARTICLE_SCHEMA)
    assert len(client.get("/api/articles?format=jsonl&limit=3").text.splitlines()) == 3
    stories = [json.loads(line)
               for line in client.get("/api/stories?format=jsonl").text.splitlines()]
    assert {s["id"] for s in stories} == {"s-securite01", "s-hostile001"}
    actors = list(csv.DictReader(io.StringIO(client.get("/api/actors?format=csv").text)))
    assert {"NATO", "UKR"} <= {a["id"] for a in actors}
    search = list(csv.DictReader(io.StringIO(
        client.get("/api/search?q=securite&format=csv").text)))
    assert len(search) == 2


def test_csv_cells_cannot_smuggle_spreadsheet_formulas(tmp_path: Path) -> None:
    text = "=HYPERLINK(\"http://evil\") « Les faits sont têtus », a dit un diplomate."
    words = span(text, "Les faits sont têtus")
    article = Article(id=content_id(text), source="x.txt", title="=1+1", text=text,
                      quotes=[Quote(**words.model_dump(), parts=[words], kind="direct")])
    db = tmp_path / "formula.db"
    with Store(db) as store:
        store.add_article(article, digest="d")
    rows = list(csv.DictReader(io.StringIO(
        TestClient(create_app(db)).get("/api/articles?format=csv").text)))
    assert rows[0]["title"] == "'=1+1"


@pytest.mark.parametrize("url", [
    "/api/articles?limit=0", "/api/articles?limit=501", "/api/articles?limit=abc",
    "/api/articles?offset=-1", "/api/articles?offset=99999999999999999999999",
    "/api/articles?from=2023-02-30", "/api/articles?to=juillet", "/api/articles?story=../etc",
    "/api/articles?language=FRENCH", "/api/articles?format=xml", "/api/quotes?anonymous=maybe",
    "/api/search", "/api/search?q=", "/api/articles/not-hex", "/api/actors/..%2Fetc",
    "/api/quotes?q=" + "x" * 501, "/api/search?q=otan&actor=bad/actor",
])
def test_malformed_parameters_get_a_clear_4xx_json_error(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert 400 <= response.status_code < 500, url
    body = response.json()
    assert body["status"] == response.status_code and body["error"]


def test_unknown_ids_are_404_as_json_or_as_a_page(client: TestClient) -> None:
    assert client.get("/api/articles/0123456789abcdef").json()["status"] == 404
    assert client.get("/api/stories/s-nothing").status_code == 404
    assert client.get("/api/actors/nobody-at-all").status_code == 404
    page = client.get("/stories/s-nothing")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert client.get("/articles?from=2023-13").status_code == 422


@pytest.mark.parametrize("query", ['"unbalanced AND (', "NEAR(", "*", "-", "a OR", "title:x",
                                   "^x", "''", "\\", "🙂", "l'Otan"])
def test_full_text_syntax_in_a_query_never_breaks_search(client: TestClient, query: str) -> None:
    assert client.get("/api/search", params={"q": query}).status_code == 200
    assert client.get("/search", params={"q": query}).status_code == 200
    assert client.get("/api/quotes", params={"q": query, "speaker": query}).status_code == 200


def test_no_path_leads_outside_the_static_folder(client: TestClient) -> None:
    for url in ["/static/../web.db", "/static/%2e%2e/app.py", "/static/..%2F..%2Fpyproject.toml",
                "/articles/..%2F..%2Fetc%2Fpasswd"]:
        assert client.get(url).status_code in (404, 422), url


# -- security ---------------------------------------------------------------------------------


def test_untrusted_article_text_is_always_escaped(client: TestClient,
                                                   articles: dict[str, Article]) -> None:
    hostile = articles["hostile"]
    pages = [f"/articles/{hostile.id}", "/", "/stories/s-hostile001", "/quotes",
             "/search?q=texte", "/articles", "/actors/sergei-lavrov", "/articles?q=script"]
    for url in pages:
        html = client.get(url).text
        for raw in ("<script>alert", "<svg onload", "<img src=x", "<img src=y",
                    "<i onmouseover", "<b>debris", '="javascript:'):
            assert raw not in html, (url, raw)
    article = client.get(f"/articles/{hostile.id}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article
    assert "&lt;svg onload=alert(2)&gt;" in article
    assert '<span class="unsafe-url"' in article  # the javascript: URL is shown as text only


def test_every_response_carries_a_strict_content_security_policy(client: TestClient) -> None:
    for url in ["/", "/api/stories", "/static/app.js", "/api/articles/zzzz", "/nowhere"]:
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_pages_have_no_inline_script_or_style(client: TestClient,
                                               articles: dict[str, Article]) -> None:
    for url in ["/", "/stories/s-securite01", f"/articles/{articles['security'].id}",
                "/actors/NATO", "/quotes", "/search?q=otan", "/docs"]:
        html = client.get(url).text
        assert re.findall(r"<script(?![^>]*\bsrc=\"/static/)", html) == [], url
        assert " style=" not in html and "<style" not in html and " on" + "click=" not in html


def test_the_database_is_read_only_unless_ingest_is_allowed(client: TestClient) -> None:
    store = client.app.state.ctx.store()  # type: ignore[attr-defined]
    with pytest.raises(sqlite3.OperationalError):
        store.db.execute("DELETE FROM stories")


def test_a_configured_token_is_required_on_every_request(db: Path) -> None:
    app = create_app(db, token=TOKEN)
    anonymous = TestClient(app)
    assert anonymous.get("/").status_code == 401
    assert anonymous.get("/api/stories").json()["status"] == 401
    assert anonymous.get("/static/app.css").status_code == 401
    assert anonymous.get("/api/stories", headers={"Authorization": "Bearer wrong"}
                         ).status_code == 401
    assert anonymous.get("/?token=wrong").status_code == 401
    assert TestClient(app).get("/api/stories", headers={
        "Authorization": f"Bearer {TOKEN}"}).status_code == 200
    browser = TestClient(app)
    first = browser.get(f"/quotes?token={TOKEN}&anonymous=true", follow_redirects=False)
    assert first.status_code == 303
    assert first.headers["location"] == "/quotes?anonymous=true"  # the token leaves the URL
    assert "httponly" in first.headers["set-cookie"].lower()
    assert browser.get("/quotes?anonymous=true").status_code == 200  # now by cookie


def test_unexpected_host_headers_are_refused_when_hosts_are_pinned(db: Path) -> None:
    client = TestClient(create_app(db, allowed_hosts={"127.0.0.1", "testserver"}))
    assert client.get("/").status_code == 200
    assert client.get("/", headers={"Host": "attacker.example"}).status_code == 400


def test_uploads_are_refused_unless_ingest_is_allowed(client: TestClient) -> None:
    assert client.get("/ingest").status_code == 404
    response = client.post("/api/ingest", files={"files": ("a.txt", b"Bonjour.")})
    assert response.status_code == 403
    assert "--allow-ingest" in response.json()["error"]
    assert 'href="/ingest"' not in client.get("/").text


@pytest.fixture()
def ingest_client(tmp_path: Path, db: Path) -> TestClient:
    copy = tmp_path / "ingest.db"
    copy.write_bytes(db.read_bytes())
    return TestClient(create_app(copy, allow_ingest=True, max_upload_bytes=4096))


def _csrf(client: TestClient) -> str:
    page = client.get("/ingest")
    assert page.status_code == 200
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match and client.cookies.get(CSRF_COOKIE) == match.group(1)
    return match.group(1)


def test_uploads_need_the_csrf_token_of_the_page(ingest_client: TestClient) -> None:
    files = {"files": ("a.txt", b"Bonjour.")}
    assert ingest_client.post("/api/ingest", files=files).status_code == 403  # no token at all
    token = _csrf(ingest_client)
    wrong = ingest_client.post("/api/ingest", files=files, headers={"X-CSRF-Token": "x" * 43})
    assert wrong.status_code == 403
    cross_site = ingest_client.post("/api/ingest", files=files, headers={
        "X-CSRF-Token": token, "Origin": "https://attacker.example"})
    assert cross_site.status_code == 403
    assert ingest_client.post("/api/ingest/stories").status_code == 403


def test_oversize_uploads_are_refused(ingest_client: TestClient) -> None:
    token = _csrf(ingest_client)
    response = ingest_client.post("/api/ingest", headers={"X-CSRF-Token": token},
                                  files={"files": ("big.txt", b"mot " * 200_000)})
    assert response.status_code == 413
    assert "too large" in response.json()["error"]


def test_an_upload_runs_the_normal_pipeline_and_is_stored(ingest_client: TestClient,
                                                          analyzer: Analyzer) -> None:
    ingest_client.app.state.ingester._analyzer = analyzer  # type: ignore[attr-defined]
    token = _csrf(ingest_client)
    text = ("Vilnius, 11 juillet 2023. « Nous soutiendrons l'Ukraine aussi longtemps qu'il le "
            "faudra », a déclaré mardi Jens Stoltenberg devant les journalistes réunis au sommet "
            "de l'Otan.").encode()
    response = ingest_client.post("/api/ingest", headers={"X-CSRF-Token": token},
                                  files=[("files", ("../../etc/sommet.txt", text)),
                                         ("files", ("vide.txt", b""))])
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    added = next(r for r in results if r["status"] == "added")
    assert added["source"] == "upload/sommet.txt"  # a label, never a path
    assert next(r for r in results if r["file"] == "vide.txt")["reason"] == "empty file"
    assert response.json()["stories"] >= 1
    page = ingest_client.get(added["url_page"]).text
    assert "Jens Stoltenberg" in page and 'class="quote"' in page
    again = ingest_client.post("/api/ingest?stories=false", headers={"X-CSRF-Token": token},
                               files={"files": ("sommet.txt", text)})
    assert again.json()["results"][0]["status"] == "already stored"
    form = ingest_client.post("/ingest", data={"csrf_token": token},
                              files={"files": ("autre.txt", b"Texte court.")})
    assert form.status_code == 200 and "autre.txt" in form.text


# -- databases and the command ----------------------------------------------------------------


def test_an_existing_database_is_migrated_and_searchable(tmp_path: Path,
                                                         articles: dict[str, Article]) -> None:
    old = tmp_path / "old.db"
    connection = sqlite3.connect(old, isolation_level=None)
    for statement in _statements(_MIGRATIONS[1]):
        connection.execute(statement)
    security = articles["security"]
    connection.execute(
        "INSERT INTO articles (id, source, title, record, ingested_at) VALUES (?, ?, ?, ?, ?)",
        (security.id, security.source, security.title,
         json.dumps(security.to_json_dict(), ensure_ascii=False), "2024-01-01"))
    connection.execute("PRAGMA user_version=1")
    connection.close()
    client = TestClient(create_app(old))
    assert [h["id"] for h in client.get("/api/search?q=securite").json()["items"]] == [security.id]


def test_serve_refuses_a_public_address_without_a_token(db: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "token" in result.output
    short = CliRunner().invoke(main, ["serve", "--db", str(db), "--host", "0.0.0.0",
                                      "--token", "short"])
    assert short.exit_code == 2 and "16 characters" in short.output
    missing = CliRunner().invoke(main, ["serve", "--db", str(db.parent / "none.db")])
    assert missing.exit_code == 2 and "no database" in missing.output


# -- pure helpers -----------------------------------------------------------------------------


def test_only_plain_http_links_are_made_from_data() -> None:
    from filrouge.web.render import safe_url

    assert safe_url("https://example.org/a?b=c") == "https://example.org/a?b=c"
    for bad in ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil.org",
                "/local/path", "http://", "https://a.org/\"onmouseover=x", "vbscript:x", None, ""]:
        assert safe_url(bad) is None, bad


def test_annotated_text_is_cut_into_flat_segments_that_rebuild_the_text(
        articles: dict[str, Article]) -> None:
    from filrouge.web.render import segments

    article = articles["security"]
    pieces = segments(article)
    assert "".join(p.text for p in pieces) == article.text
    speaker = next(p for p in pieces if p.text == "Jens Stoltenberg")
    assert set(speaker.classes) == {"ent", "speaker"} and speaker.href == "/actors/jens-stoltenberg"
    assert next(p for p in pieces if p.text == "mardi").title == "2023-07-11 (DATE)"


def test_articles_over_time_use_the_finest_period_that_fits() -> None:
    from filrouge.web.queries import histogram

    days = histogram({"2023-07-11": 2, "2023-07-13": 1})
    assert [(d["period"], d["articles"]) for d in days] == [
        ("2023-07-11", 2), ("2023-07-12", 0), ("2023-07-13", 1)]
    years = histogram({"2015-01-01": 1, "2024-12-31": 3, "2020-06": 1})
    assert years[0]["unit"] == "year" and len(years) == 10 and years[5]["articles"] == 1
    assert histogram({"unknown": 4}) == []
