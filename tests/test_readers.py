"""Bad input gets a clear reason and the run goes on: nothing crashes, nothing is lost silently."""

from __future__ import annotations

import gzip
import io
import os
import zipfile
from pathlib import Path
from typing import TypeVar

import pytest

from filrouge.ingest.encoding import decode, repair_mojibake
from filrouge.ingest.prepare import read_articles
from filrouge.ingest.raw import Limits
from filrouge.ingest.readers import iter_files, read_bytes, read_path, read_stdin
from filrouge.model import Article, Rejection

T = TypeVar("T")
BODY = (
    "Les ministres des Affaires étrangères de l'Otan se sont réunis mardi à Bruxelles pour "
    "préparer le sommet. Ils ont discuté des garanties de sécurité promises à l'Ukraine et du "
    "calendrier d'une éventuelle adhésion, sans parvenir à un accord sur les dates."
)
CLEAN_FRENCH = (
    "« C’est un été décisif », a déclaré l’élu — Noël approche, l’œuvre est là. "
    "Coût : 5 € ; À Orléans, 12\u00a0% des électeurs ; «\u202fnon\u202f» ; ½ ; naïveté."
)


def only(items: list[T]) -> T:
    assert len(items) == 1, items
    return items[0]


def rejection_of(items: list[Article | Rejection]) -> Rejection:
    item = only(items)
    assert isinstance(item, Rejection), item
    return item


def article_of(items: list[Article | Rejection]) -> Article:
    item = only(items)
    assert isinstance(item, Article), item
    return item


# -- empty, binary, too large ----------------------------------------------------------------


def test_an_empty_file_is_rejected_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "vide.txt").write_text("  \n\n")
    assert rejection_of(list(read_articles([tmp_path / "vide.txt"]))).reason == "empty file"


def test_a_zero_byte_json_lines_file_is_empty_too(tmp_path: Path) -> None:
    (tmp_path / "vide.jsonl").write_bytes(b"")
    assert rejection_of(list(read_articles([tmp_path / "vide.jsonl"]))).reason == "empty file"


def test_a_binary_file_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    assert "binary" in rejection_of(list(read_articles([tmp_path / "image.txt"]))).reason


def test_a_200_mb_file_is_refused_from_its_size_without_being_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "enorme.txt"
    with huge.open("wb") as handle:  # sparse: takes no disk space
        handle.truncate(200 * 1024 * 1024)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader opened a file it should have refused from its size")

    monkeypatch.setattr(Path, "open", no_open)
    rejection = rejection_of(list(read_articles([huge])))
    assert rejection.reason.startswith("file too large (209715200 bytes")


def test_a_streamed_format_stops_at_its_limit_instead_of_reading_everything(
    tmp_path: Path,
) -> None:
    line = ('{"text": "' + BODY + '"}\n').encode()
    path = tmp_path / "export.jsonl"
    path.write_bytes(line * 50)
    small = Limits(max_stream_bytes=len(line) * 10)
    rejection = rejection_of(list(read_articles([path], limits=small)))
    assert "file too large" in rejection.reason


def test_an_overlong_json_line_is_skipped_and_the_next_one_read() -> None:
    long_line = b'{"text": "' + b"x" * 5000 + b'"}\n'
    data = long_line + ('{"text": "' + BODY + '"}\n').encode()
    items = list(read_bytes(data, source="a.jsonl", suffix=".jsonl",
                            limits=Limits(max_document_bytes=1000)))
    assert isinstance(items[0], Rejection) and "longer than 1000 bytes" in items[0].reason
    assert [type(i).__name__ for i in items] == ["Rejection", "RawDocument"]


# -- encodings --------------------------------------------------------------------------------


def test_windows_1252_text_is_decoded_and_the_detection_reported() -> None:
    text, warnings = decode("L'Otan a réaffirmé son soutien à Kiev : « cœur » et 5 €.".encode(
        "cp1252"))
    assert text == "L'Otan a réaffirmé son soutien à Kiev : « cœur » et 5 €."
    assert warnings == ["not UTF-8: decoded as cp1252 (detected by charset-normalizer)"]


def test_latin_1_text_is_decoded() -> None:
    text, warnings = decode(BODY.encode("latin-1"))
    assert text == BODY
    assert warnings and "not UTF-8" in warnings[0]


def test_byte_order_marks_and_windows_line_ends() -> None:
    assert decode(b"\xef\xbb\xbf" + BODY.encode()) == (BODY, [])
    assert decode(BODY.encode("utf-16")) == (BODY, [])
    assert decode(b"ligne un\r\nligne deux\rtrois") == ("ligne un\nligne deux\ntrois", [])


def test_a_declared_charset_is_used_when_the_bytes_are_not_utf8() -> None:
    page = '<html><head><meta charset="iso-8859-15"></head><body>Coût : 5 €</body></html>'
    text, warnings = decode(page.encode("iso8859_15"))
    assert "Coût : 5 €" in text
    assert warnings == ["not UTF-8: decoded as declared iso-8859-15"]


def test_a_stray_invalid_byte_in_utf8_text_is_replaced_and_reported() -> None:
    data = "Zelensky a jugé « absurde » l'absence de calendrier.".encode() + b"\xff"
    text, warnings = decode(data)
    assert text.startswith("Zelensky a jugé « absurde »")
    assert "invalid UTF-8" in warnings[0]


def test_invalid_utf8_file_still_becomes_an_article_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(BODY.encode("latin-1"))
    article = article_of(list(read_articles([tmp_path / "latin.txt"])))
    assert "réunis mardi" in article.text
    assert any("not UTF-8" in w for w in article.warnings)


def test_mojibake_is_repaired_and_the_repair_recorded(tmp_path: Path) -> None:
    garbled = BODY.replace("l'Otan", "l’Otan").encode("utf-8").decode("cp1252")
    assert "Ã©" in garbled and "â€™" in garbled
    (tmp_path / "double.txt").write_text(garbled, encoding="utf-8")
    article = article_of(list(read_articles([tmp_path / "double.txt"])))
    assert "étrangères de l’Otan" in article.text
    warning = next(w for w in article.warnings if w.startswith("mojibake repaired"))
    assert "'rÃ©unis' → 'réunis'" in warning


def test_correct_french_is_never_changed_by_the_repair() -> None:
    assert repair_mojibake(CLEAN_FRENCH) == (CLEAN_FRENCH, None)
    assert repair_mojibake(BODY) == (BODY, None)


def test_a_single_mojibake_word_in_clean_text_is_repaired_alone() -> None:
    fixed, warning = repair_mojibake(CLEAN_FRENCH + " Ã©tÃ©")
    assert fixed == CLEAN_FRENCH + " été"
    assert warning is not None


# -- files that move, loops, unknown types ----------------------------------------------------


def test_an_unknown_extension_is_rejected_not_guessed(tmp_path: Path) -> None:
    (tmp_path / "tableur.xlsx").write_text("a;b;c\n1;2;3\n")
    rejection = rejection_of(list(read_articles([tmp_path / "tableur.xlsx"])))
    assert rejection.reason == "unsupported file type '.xlsx'"


def test_a_missing_path_is_reported() -> None:
    rejection = rejection_of(list(read_articles(["/nonexistent/articles"])))
    assert rejection.reason == "no such file or directory"


def test_a_file_that_vanishes_between_listing_and_reading_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.txt").write_text(BODY.replace("mardi", "mercredi"))
    listed = [p for p in iter_files([tmp_path]) if isinstance(p, Path)]
    (tmp_path / "a.txt").unlink()
    results = [item for path in listed for item in read_path(path)]
    assert isinstance(results[0], Rejection)
    assert results[0].reason == "file vanished before it could be read"
    assert "mercredi" in getattr(results[1], "text", "")


def test_a_directory_loop_is_reported_once_and_does_not_trap_the_walk(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "article.txt").write_text(BODY)
    os.symlink(tmp_path, tmp_path / "a" / "boucle")
    found = list(iter_files([tmp_path]))
    assert found[0] == tmp_path / "a" / "article.txt"
    assert isinstance(found[1], Rejection) and found[1].source.endswith("boucle")
    assert found[1].reason.startswith("directory loop")
    assert len(found) == 2


def test_symlinked_folders_are_followed_and_hidden_files_skipped(tmp_path: Path) -> None:
    (tmp_path / "ailleurs").mkdir()
    (tmp_path / "ailleurs" / "b.txt").write_text(BODY)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(BODY)
    (tmp_path / "corpus" / ".cache").write_text("x")
    os.symlink(tmp_path / "ailleurs", tmp_path / "corpus" / "lien")
    assert list(iter_files([tmp_path / "corpus"])) == [
        tmp_path / "corpus" / "a.txt", tmp_path / "corpus" / "lien" / "b.txt"]


def test_a_broken_symbolic_link_is_reported(tmp_path: Path) -> None:
    os.symlink(tmp_path / "absent.txt", tmp_path / "lien.txt")
    rejection = rejection_of(list(read_articles([tmp_path])))
    assert rejection.reason == "broken symbolic link"


# -- HTML and JSON Lines ----------------------------------------------------------------------


def test_truncated_html_is_read_or_rejected_with_a_reason() -> None:
    page = ("<html><head><title>Otan</title></head><body><article><p>" + BODY).encode()
    item = only(list(read_bytes(page, source="coupe.html", suffix=".html")))
    assert isinstance(item, Rejection) or "Bruxelles" in item.text


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
    reasons = [(i.source, i.reason) for i in items if isinstance(i, Rejection)]
    assert reasons[0][0] == "veille.jsonl:2" and reasons[0][1].startswith("invalid JSON")
    assert reasons[1][1].startswith("record has no text: looked for one of text, content, body")
    assert reasons[2][1] == "a JSON Lines record must be an object"


def test_jsonl_records_keep_their_given_date_and_id(tmp_path: Path) -> None:
    path = tmp_path / "veille.jsonl"
    path.write_text('{"id": "x9", "text": "' + BODY + '", "published": "2023-07-11T08:00:00Z",'
                    ' "title": "Réunion à Bruxelles", "url": "https://example.org/a"}\n')
    article = article_of(list(read_articles([path])))
    assert article.source.endswith("veille.jsonl#x9")
    assert article.published.value == "2023-07-11"
    assert article.published.origin == "input"
    assert article.title == "Réunion à Bruxelles"


# -- archives and bombs -----------------------------------------------------------------------


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_from_its_declared_sizes(tmp_path: Path) -> None:
    bomb = zip_of({"bombe.txt": bytes(60 * 1024 * 1024), "vrai.txt": BODY.encode()})
    assert len(bomb) < 200_000
    (tmp_path / "archive.zip").write_bytes(bomb)
    items = list(read_articles([tmp_path / "archive.zip"]))
    assert isinstance(items[0], Rejection)
    assert items[0].source.endswith("archive.zip!/bombe.txt")
    assert "a decompression bomb" in items[0].reason
    assert isinstance(items[1], Article) and "Bruxelles" in items[1].text


def test_a_zip_member_larger_than_the_total_cap_is_refused() -> None:
    data = zip_of({"gros.txt": (BODY + "\n").encode() * 2000})
    items = list(read_bytes(data, source="a.zip", suffix=".zip",
                            limits=Limits(max_uncompressed_bytes=100_000)))
    rejection = only(items)
    assert isinstance(rejection, Rejection)
    assert "archive expands beyond 100000 bytes" in rejection.reason


def test_a_gzip_bomb_is_stopped_while_it_is_decompressed() -> None:
    bomb = gzip.compress(b"a" * 60 * 1024 * 1024, compresslevel=9)
    rejection = only(list(read_bytes(bomb, source="bombe.txt.gz", suffix=".gz")))
    assert isinstance(rejection, Rejection)
    assert rejection.reason.startswith("refused: bombe.txt.gz expands more than 200 times")


def test_a_corrupt_gzip_file_is_rejected() -> None:
    data = gzip.compress(BODY.encode())[:-12]
    rejection = only(list(read_bytes(data, source="coupe.txt.gz", suffix=".gz")))
    assert isinstance(rejection, Rejection)
    assert rejection.reason.startswith("corrupt gzip data")


# -- standard input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (('{"id": "s1", "text": "' + BODY + '"}\n').encode(), "jsonl"),
        (("<!DOCTYPE html><html><body><article><p>" + BODY + "</p><p>" + BODY
          + "</p></article></body></html>").encode(), "html"),
        (BODY.encode(), "text"),
        (gzip.compress(BODY.encode()), "text"),
    ],
)
def test_standard_input_is_sniffed(data: bytes, expected: str) -> None:
    (item,) = list(read_stdin(stream=io.BytesIO(data)))
    assert not isinstance(item, Rejection), item
    assert item.format == expected
    assert "Bruxelles" in item.text


# -- the command line -------------------------------------------------------------------------


def test_ingest_records_every_bad_input_goes_on_and_exits_1(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from filrouge.cli import main
    from filrouge.store.sqlite import Store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bon.txt").write_text(BODY)
    (corpus / "vide.txt").write_text("")
    (corpus / "image.txt").write_bytes(bytes(300))
    (corpus / "bombe.zip").write_bytes(zip_of({"b.txt": bytes(30 * 1024 * 1024)}))
    os.symlink(corpus, corpus / "boucle")
    db = tmp_path / "f.db"
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 1, result.output
    with Store(db) as store:
        assert [a.source for a in store.articles()] == [str(corpus / "bon.txt")]
        reasons = sorted(r.reason.split(":")[0].split(" (")[0] for r in store.rejections())
    assert reasons == ["binary file", "directory loop", "empty file", "refused"]


def test_analyze_reads_standard_input_with_a_field_mapping() -> None:
    import json

    from click.testing import CliRunner

    from filrouge.cli import main

    line = json.dumps({"identifiant": "s1", "corps": BODY}) + "\n"
    result = CliRunner().invoke(main, ["analyze", "-", "--field", "text=corps",
                                       "--field", "id=identifiant"], input=line.encode())
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    assert record["source"] == "<stdin>#s1" and record["language"] == "fr"


def test_a_bad_field_option_is_a_usage_error() -> None:
    from click.testing import CliRunner

    from filrouge.cli import main

    result = CliRunner().invoke(main, ["analyze", "-", "--field", "corps"], input=b"")
    assert result.exit_code == 2
    assert "FIELD=COLUMN" in result.output


def test_a_page_dated_only_in_a_line_the_reader_drops_keeps_its_day(tmp_path: Path) -> None:
    body = "".join(f"<p>{sentence}</p>" for sentence in (
        "Le cessez-le-feu entre Israël et le Hamas doit entrer en vigueur dimanche, après des "
        "semaines de négociations menées par le Qatar, l'Égypte et les États-Unis.",
        "Le cabinet israélien doit encore se prononcer sur le texte, dont la première phase "
        "prévoit la libération de trente-trois otages en six semaines.",
        "À Doha, le Premier ministre qatari a salué un accord qui ouvre la voie à une trêve "
        "durable, tout en appelant les deux parties à respecter leurs engagements."))
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Gaza : l'accord sous tension</title></head><body>"
        "<nav>Accueil | International</nav><article><h1>Gaza : l'accord sous tension</h1>"
        "<p class=\"meta\">Par la rédaction internationale - Publié le 16 janvier 2025 à "
        f"18h05</p>{body}</article></body></html>", encoding="utf-8")
    (article,) = read_articles([page])
    assert not isinstance(article, Rejection)
    assert (article.published.value, article.published.origin) == ("2025-01-16", "timestamp")
