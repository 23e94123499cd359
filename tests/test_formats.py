"""Every common input format becomes the same raw document, with its metadata mapped by name."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
from pathlib import Path

import pytest

from filrouge.analyze.pipeline import Analyzer
from filrouge.ingest.formats import FieldMapError, given_date, parse_field_options
from filrouge.ingest.language import identify
from filrouge.ingest.prepare import prepare, read_articles
from filrouge.ingest.raw import RawDocument
from filrouge.ingest.readers import read_bytes
from filrouge.model import Article, Rejection

BODY = (
    "Les ministres des Affaires étrangères de l'Otan se sont réunis mardi à Bruxelles pour "
    "préparer le sommet. Ils ont discuté des garanties de sécurité promises à l'Ukraine et du "
    "calendrier d'une éventuelle adhésion, sans parvenir à un accord sur les dates."
)
PAGE = (
    "<html><head><title>Sommet de l'Otan</title></head><body><nav>Accueil | Monde</nav>"
    f"<article><h1>Sommet de l'Otan</h1><p>{BODY}</p><p>{BODY}</p></article>"
    "<footer>Abonnez-vous</footer></body></html>"
)


def documents(data: bytes, suffix: str, **kwargs: object) -> list[RawDocument | Rejection]:
    return list(read_bytes(data, source=f"input{suffix}", suffix=suffix, **kwargs))  # type: ignore[arg-type]


def good(items: list[RawDocument | Rejection]) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


# -- JSON, JSON Lines, CSV ---------------------------------------------------------------------


def test_a_json_array_maps_the_usual_field_names() -> None:
    records = [{"headline": "Sommet", "body": BODY, "pubDate": "Tue, 11 Jul 2023 08:00:00 +0200",
                "link": "https://example.org/a", "byline": "Jeanne Martin",
                "source": {"id": "lm", "name": "Le Quotidien"}, "guid": "a-1"}]
    (doc,) = documents(json.dumps(records).encode(), ".json")
    assert isinstance(doc, RawDocument)
    assert (doc.title, doc.url, doc.byline, doc.outlet, doc.given_id) == (
        "Sommet", "https://example.org/a", "Jeanne Martin", "Le Quotidien", "a-1")
    assert doc.published is not None and doc.published.value == "2023-07-11"
    assert doc.source == "input.json#a-1"


def test_a_json_object_is_one_article_and_a_wrapped_list_is_many() -> None:
    (one,) = documents(json.dumps({"title": "Seul", "text": BODY}).encode(), ".json")
    assert isinstance(one, RawDocument) and one.title == "Seul"
    wrapped = {"status": "ok", "articles": [{"content": BODY}, {"content": BODY + " Fin."}]}
    assert len(good(documents(json.dumps(wrapped).encode(), ".json"))) == 2


def test_invalid_json_is_rejected_with_its_position() -> None:
    (rejection,) = documents(b'[{"text": "a"}', ".json")
    assert isinstance(rejection, Rejection)
    assert rejection.reason.startswith("invalid JSON") and "line 1" in rejection.reason


def test_field_options_override_the_defaults_even_for_nested_columns() -> None:
    record = {"corps": BODY, "meta": {"jour": "11/07/2023", "titre": "Réunion"}, "text": "non"}
    fields = parse_field_options(["text=corps", "date=meta.jour", "title=meta.titre"])
    (doc,) = documents((json.dumps(record) + "\n").encode(), ".jsonl", fields=fields)
    assert isinstance(doc, RawDocument)
    assert doc.text == BODY and doc.title == "Réunion"
    assert doc.published is not None and doc.published.value == "2023-07-11"


def test_a_bad_field_option_is_a_usage_error() -> None:
    with pytest.raises(FieldMapError, match="not a field"):
        parse_field_options(["corps=text"])
    with pytest.raises(FieldMapError, match="FIELD=COLUMN"):
        parse_field_options(["text"])


def test_a_french_excel_csv_with_semicolons_in_windows_1252() -> None:
    data = ("Titre;Contenu;Date de publication;Média\n"
            f'Sommet;"{BODY}";11 juillet 2023;Le Quotidien\n'
            "Vide;;;\n").encode("cp1252")
    first, second = documents(data, ".csv", fields={"date": "Date de publication"})
    assert isinstance(first, RawDocument)
    assert first.text == BODY and first.title == "Sommet" and first.outlet == "Le Quotidien"
    assert first.published is not None and first.published.value == "2023-07-11"
    assert any("cp1252" in w for w in first.warnings)
    assert isinstance(second, Rejection) and second.source == "input.csv:3"


def test_a_csv_without_a_text_column_is_rejected_once_with_its_columns() -> None:
    (rejection,) = documents(b"a,b\n1,2\n3,4\n", ".csv")
    assert isinstance(rejection, Rejection)
    assert rejection.reason.startswith("CSV columns a, b: no text column")


def test_a_tsv_with_a_long_text_field() -> None:
    long_body = " ".join([BODY] * 1000)  # longer than the csv module's default field limit
    (doc,) = documents(f"title\ttext\nLong\t{long_body}\n".encode(), ".tsv")
    assert isinstance(doc, RawDocument) and doc.text == long_body


def test_html_in_a_text_field_becomes_paragraphs() -> None:
    record = {"text": f"<p>{BODY}</p><p>Deuxième <em>paragraphe</em>.</p>"}
    (doc,) = documents(json.dumps(record).encode(), ".json")
    assert isinstance(doc, RawDocument)
    assert doc.text == f"{BODY}\n\nDeuxième paragraphe."
    assert doc.warnings == ["the text field held HTML: converted to text"]


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2023-07-11T23:30:00-05:00", "2023-07-11"),
        ("Tue, 11 Jul 2023 08:00:00 GMT", "2023-07-11"),
        (1689062400, "2023-07-11"),
        ("1689062400000", "2023-07-11"),
        ("11/07/2023", "2023-07-11"),
        ("mardi 11 juillet 2023", "2023-07-11"),
        ("bientôt", None),
        ("2023-02-30", None),
    ],
)
def test_given_dates_in_the_usual_forms(value: object, day: str | None) -> None:
    assert given_date(value) == day


def test_an_unparseable_given_date_is_reported() -> None:
    (doc,) = documents(json.dumps({"text": BODY, "date": "bientôt"}).encode(), ".json")
    assert isinstance(doc, RawDocument) and doc.published is None
    assert doc.warnings == ["given date 'bientôt' not understood"]


# -- feeds -------------------------------------------------------------------------------------

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Le Quotidien</title>
<item><title>Sommet</title><link>https://example.org/a</link><guid>a1</guid>
<pubDate>Tue, 11 Jul 2023 00:30:00 +0200</pubDate><author>j.martin@example.org (Jeanne)</author>
<content:encoded><![CDATA[<p>{BODY}</p><p>Second paragraphe.</p>]]></content:encoded>
<description>Résumé</description></item>
<item><title>Brève</title><link>https://example.org/b</link>
<description>&lt;p&gt;Résumé &lt;b&gt;seul&lt;/b&gt;.&lt;/p&gt;</description></item>
<item><title>Lien seul</title><link>https://example.org/c</link></item>
</channel></rss>"""


def test_rss_entries_take_content_else_summary_and_keep_the_local_date() -> None:
    full, brief, empty = documents(RSS.encode(), ".rss")
    assert isinstance(full, RawDocument) and isinstance(brief, RawDocument)
    assert full.text == f"{BODY}\n\nSecond paragraphe."
    assert full.outlet == "Le Quotidien" and full.url == "https://example.org/a"
    assert full.published is not None and full.published.value == "2023-07-11"
    assert brief.text == "Résumé seul." and brief.warnings == [
        "feed entry gave only a summary, not the full article"]
    assert isinstance(empty, Rejection) and "no content or summary" in empty.reason


def test_an_atom_feed_named_xml_is_recognised() -> None:
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>Agence</title>
    <entry><title>Atom</title><id>urn:x:1</id><link href="https://example.org/z"/>
    <updated>2024-07-10T12:00:00Z</updated><author><name>Jeanne</name></author>
    <content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>"""
    (doc,) = documents(atom.encode(), ".xml")
    assert isinstance(doc, RawDocument)
    assert (doc.text, doc.byline, doc.outlet, doc.source) == (
        BODY, "Jeanne", "Agence", "input.xml#urn:x:1")
    (other,) = documents(b"<?xml version='1.0'?><root/>", ".xml")
    assert isinstance(other, Rejection)
    assert other.reason == "XML file that is not an RSS or Atom feed"


# -- WARC --------------------------------------------------------------------------------------


def warc_of(records: list[tuple[str, str, bytes, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for uri, content_type, body, status in records:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return buffer.getvalue()


def test_warc_pages_go_through_the_html_path_and_other_records_are_passed_over() -> None:
    data = warc_of([
        ("https://example.org/page", "text/html; charset=windows-1252", PAGE.encode("cp1252"),
         "200 OK"),
        ("https://example.org/style.css", "text/css", b"body{}", "200 OK"),
        ("https://example.org/old", "text/html", b"", "301 Moved Permanently"),
        ("https://example.org/note.txt", "text/plain", BODY.encode(), "200 OK"),
    ])
    page, note = documents(data, ".warc.gz")
    assert isinstance(page, RawDocument) and isinstance(note, RawDocument)
    assert page.source == page.url == "https://example.org/page"
    assert page.format == "warc" and "Bruxelles" in page.text and "Abonnez" not in page.text
    assert page.warnings == ["not UTF-8: decoded as declared windows-1252"]
    assert note.text == BODY


def test_a_warc_without_pages_is_rejected() -> None:
    data = warc_of([("https://example.org/logo.png", "image/png", b"\x89PNG", "200 OK")])
    (rejection,) = documents(data, ".warc")
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "no HTML or text response records in the WARC file"


# -- archives ----------------------------------------------------------------------------------


def test_a_zip_is_read_member_by_member_with_folder_dates(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("2023-07-11/otan.txt", BODY)
        archive.writestr("pages/sommet.html", PAGE)
        archive.writestr("__MACOSX/._otan.txt", b"\x00\x05")
        archive.writestr("tableur.xlsx", b"PK")
    (tmp_path / "corpus.zip").write_bytes(buffer.getvalue())
    text, page, odd = read_articles([tmp_path / "corpus.zip"])
    assert isinstance(text, Article) and isinstance(page, Article)
    assert text.source.endswith("corpus.zip!/2023-07-11/otan.txt")
    assert text.published.value == "2023-07-11" and text.published.origin == "filename"
    assert isinstance(odd, Rejection) and odd.reason == "unsupported file type '.xlsx'"


def test_a_tar_gz_and_a_zip_inside_it() -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("b.txt", BODY)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in (("a.jsonl", json.dumps({"text": BODY}).encode() + b"\n"),
                           ("dedans.zip", inner.getvalue())):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    items = documents(buffer.getvalue(), ".tar.gz")
    assert [i.source for i in items] == ["input.tar.gz!/a.jsonl:1",
                                         "input.tar.gz!/dedans.zip!/b.txt"]
    assert all(isinstance(i, RawDocument) and i.text == BODY for i in items)


def test_a_gzipped_json_lines_export() -> None:
    data = gzip.compress(b"".join(json.dumps({"id": f"n{i}", "text": BODY + f" ({i})"}).encode()
                                  + b"\n" for i in range(3)))
    assert [i.source for i in documents(data, ".jsonl.gz")] == [
        "input.jsonl.gz#n0", "input.jsonl.gz#n1", "input.jsonl.gz#n2"]


# -- language ----------------------------------------------------------------------------------

OTHER_LANGUAGES = {
    "en": "NATO foreign ministers met in Brussels on Tuesday to prepare the summit, but they "
          "could not agree on a timetable for Ukraine's membership.",
    "de": "Die Außenminister der NATO haben sich am Dienstag in Brüssel getroffen, um den "
          "Gipfel vorzubereiten, konnten sich aber nicht auf einen Zeitplan einigen.",
    "es": "Los ministros de Asuntos Exteriores de la OTAN se reunieron el martes en Bruselas "
          "para preparar la cumbre, sin llegar a un acuerdo sobre el calendario.",
    "it": "I ministri degli Esteri della NATO si sono riuniti martedì a Bruxelles per "
          "preparare il vertice, senza trovare un accordo sul calendario.",
    "uk": "Міністри закордонних справ НАТО зібралися у вівторок у Брюсселі, щоб підготувати "
          "саміт, але не домовилися про графік вступу України.",
    "ar": "اجتمع وزراء خارجية حلف شمال الأطلسي يوم الثلاثاء في بروكسل للتحضير للقمة، لكنهم "
          "لم يتفقوا على جدول زمني لانضمام أوكرانيا.",
}


@pytest.mark.parametrize("language", sorted(OTHER_LANGUAGES))
def test_short_news_sentences_in_other_languages_are_identified(language: str) -> None:
    assert identify(OTHER_LANGUAGES[language])[0] == language


def test_french_is_identified_and_too_little_text_is_not_guessed() -> None:
    assert identify(BODY)[0] == "fr"
    assert identify("Otan, 2023.")[0] is None


def test_a_non_french_article_is_kept_flagged_and_not_analysed_with_the_french_model(
    analyzer: Analyzer,
) -> None:
    raw = RawDocument(source="en.txt", text=OTHER_LANGUAGES["en"] * 3, format="text")
    article = prepare(raw)
    assert isinstance(article, Article) and article.language == "en"
    assert any(w.startswith("language identified as 'en'") for w in article.warnings)
    (result,) = analyzer.analyze([article])
    assert isinstance(result, Article)
    assert result.entities == [] and result.quotes == []
    assert any(w.startswith("not analysed: no spaCy pipeline installed for 'en'")
               for w in result.warnings)


def test_language_identification_on_the_shared_french_news() -> None:
    from filrouge.eval.pubdate import shared_data_dir

    shared = shared_data_dir()
    if shared is None:
        pytest.skip("shared data (../shared/data) not present")
    folders = [shared / "rpm2", shared / "wikinews-fr", shared / "ml-crisis-fr"]
    languages = [a.language for a in read_articles(folders) if isinstance(a, Article)]
    assert len(languages) > 300
    assert sum(lang == "fr" for lang in languages) / len(languages) >= 0.99
