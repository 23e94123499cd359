"""Bad input gets a clear reason and the run goes on: nothing crashes, nothing is lost silently."""

from __future__ import annotations

import os
from pathlib import Path

from filrouge.ingest.prepare import read_articles
from filrouge.ingest.readers import decode, iter_files, read_bytes
from filrouge.model import Article, Rejection

BODY = (
    "Les ministres des Affaires étrangères de l'Otan se sont réunis mardi à Bruxelles pour "
    "préparer le sommet. Ils ont discuté des garanties de sécurité promises à l'Ukraine et du "
    "calendrier d'une éventuelle adhésion, sans parvenir à un accord sur les dates."
)


def only(items: list[Article | Rejection]) -> Article | Rejection:
    assert len(items) == 1, items
    return items[0]


def test_an_empty_file_is_rejected_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "vide.txt").write_text("  \n\n")
    rejection = only(list(read_articles([tmp_path / "vide.txt"])))
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "empty file"


def test_a_binary_file_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    rejection = only(list(read_articles([tmp_path / "image.txt"])))
    assert isinstance(rejection, Rejection)
    assert "binary" in rejection.reason


def test_windows_1252_text_is_decoded_and_the_fallback_reported() -> None:
    text, warnings = decode("L'Otan a réaffirmé son soutien à Kiev.".encode("cp1252"))
    assert text == "L'Otan a réaffirmé son soutien à Kiev."
    assert warnings == ["not UTF-8: decoded as Windows-1252"]


def test_a_stray_invalid_byte_in_utf8_text_is_replaced_and_reported() -> None:
    data = "Zelensky a jugé « absurde » l'absence de calendrier.".encode() + b"\xff"
    text, warnings = decode(data)
    assert text.startswith("Zelensky a jugé « absurde »")
    assert "invalid UTF-8" in warnings[0]


def test_invalid_utf8_file_still_becomes_an_article_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(BODY.encode("latin-1"))
    article = only(list(read_articles([tmp_path / "latin.txt"])))
    assert isinstance(article, Article)
    assert "réunis mardi" in article.text
    assert article.warnings


def test_an_unknown_extension_is_rejected_not_guessed(tmp_path: Path) -> None:
    (tmp_path / "tableur.xlsx").write_text("a;b;c\n1;2;3\n")
    rejection = only(list(read_articles([tmp_path / "tableur.xlsx"])))
    assert isinstance(rejection, Rejection)
    assert "unsupported file type" in rejection.reason


def test_a_missing_path_is_reported() -> None:
    rejection = only(list(read_articles(["/nonexistent/articles"])))
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "no such file or directory"


def test_bad_json_lines_are_rejected_one_by_one_and_good_ones_kept() -> None:
    data = (
        '{"id": "a1", "text": "' + BODY + '", "published": "2023-07-11"}\n'
        "{not json}\n"
        '{"id": "a2", "title": "sans texte"}\n'
        "[1, 2]\n"
    ).encode()
    items = list(read_bytes(data, source="veille.jsonl", suffix=".jsonl"))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Rejection", "Rejection",
                                                 "Rejection"]
    reasons = [i.reason for i in items if isinstance(i, Rejection)]
    assert reasons[0].startswith("invalid JSON")
    assert reasons[1] == "record has no 'text' field with content"
    assert reasons[2] == "a JSON Lines record must be an object"


def test_jsonl_records_keep_their_given_date_and_id(tmp_path: Path) -> None:
    path = tmp_path / "veille.jsonl"
    path.write_text('{"id": "x9", "text": "' + BODY + '", "published": "2023-07-11T08:00:00Z",'
                    ' "title": "Réunion à Bruxelles", "url": "https://example.org/a"}\n')
    article = only(list(read_articles([path])))
    assert isinstance(article, Article)
    assert article.source.endswith("veille.jsonl#x9")
    assert article.published.value == "2023-07-11"
    assert article.published.origin == "input"
    assert article.title == "Réunion à Bruxelles"


def test_a_directory_loop_does_not_trap_the_walk(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "article.txt").write_text(BODY)
    os.symlink(tmp_path, tmp_path / "a" / "boucle")
    files = list(iter_files([tmp_path]))
    assert files == [tmp_path / "a" / "article.txt"]


def test_truncated_html_is_read_or_rejected_with_a_reason() -> None:
    page = ("<html><head><title>Otan</title></head><body><article><p>" + BODY).encode()
    items = list(read_bytes(page, source="coupe.html", suffix=".html"))
    assert len(items) == 1
    item = items[0]
    assert isinstance(item, Rejection) or "Bruxelles" in item.text
