"""Regressions found by running filrouge as a newcomer on real collections it had not seen
(see the QA notes in the session report). Texts here are written for the tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from filrouge.analyze.pipeline import Analyzer
from filrouge.analyze.pubdate import infer_from_text
from filrouge.cli import main
from filrouge.ingest.raw import RawDocument
from filrouge.model import Article, Entity, Published, Rejection
from filrouge.store.sqlite import Store

# -- publication dates inferred from the text alone -------------------------------------------


def test_a_recalled_year_alone_dates_no_article() -> None:
    # An article recalling history is not written in the year it recalls.
    assert infer_from_text("La Chine a pris le contrôle du Tibet en 1950, rappelle le "
                           "gouvernement en exil.") is None


def test_a_weekday_is_not_fitted_to_a_year_far_after_the_one_recalled() -> None:
    # 8 August fell on a Friday in 1941, five years after the recalled 1936: no reason to
    # place the article there.
    found = infer_from_text("Les Jeux de Berlin, en 1936, avaient servi la propagande. La "
                            "cérémonie d'ouverture aura lieu vendredi 8 août.")
    assert found is None or found.earliest.year >= 2000


def test_a_day_without_year_is_not_placed_in_a_recalled_year() -> None:
    found = infer_from_text("Le mur de Berlin est tombé en 1989. Le président recevra son "
                            "homologue le 6 décembre.")
    assert found is None or not (found.earliest <= dt.date(1989, 12, 6) <= found.latest)


def test_a_day_with_its_year_still_bounds_the_writing() -> None:
    found = infer_from_text("Le traité a été signé le 3 juin 2012 à Bruxelles.")
    assert found is not None and found.earliest == dt.date(2012, 6, 3)


def test_a_range_bounded_on_one_side_is_best_guessed_at_its_bound() -> None:
    found = infer_from_text("La plainte a été déposée pour des faits commis entre le 1er août "
                            "2005 et le 23 janvier 2008.")
    assert found is not None and found.value == found.earliest == dt.date(2008, 1, 23)


# -- reading inputs ---------------------------------------------------------------------------

_TIMEML = b"""<?xml version='1.0' encoding='UTF-8'?>
<TimeML>
<DOCID>test-1</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t1" type="DATE" value="2003-04-02" /></DCT>
<TEXT>
Le conseil municipal a <EVENT eid="e1" class="OCCURRENCE">vot\xc3\xa9</EVENT> le budget
<TIMEX3 tid="t2" type="DATE" value="2003-04-01">hier</TIMEX3> soir.
</TEXT>
</TimeML>
"""


def test_a_timeml_file_is_read_as_its_text_dated_by_its_creation_time(tmp_path: Path) -> None:
    from filrouge.ingest.readers import read_path

    for name in ("doc.tml", "doc.xml"):
        path = tmp_path / name
        path.write_bytes(_TIMEML)
        (raw,) = list(read_path(path))
        assert isinstance(raw, RawDocument), raw
        assert raw.text.startswith("Le conseil municipal a voté le budget")
        assert "<" not in raw.text and "hier" in raw.text
        assert raw.published is not None and raw.published.value == "2003-04-02"


def test_an_xml_file_that_is_neither_feed_nor_timeml_is_rejected_with_a_reason(
        tmp_path: Path) -> None:
    from filrouge.ingest.readers import read_path

    path = tmp_path / "notes.xml"
    path.write_bytes(b"<?xml version='1.0'?><notes><note>rien</note></notes>")
    (item,) = list(read_path(path))
    assert isinstance(item, Rejection) and "XML file" in item.reason


def test_an_empty_folder_says_there_is_nothing_to_read(tmp_path: Path) -> None:
    (tmp_path / "vide").mkdir()
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "vide"), "--db",
                                       str(tmp_path / "x.db")])
    assert result.exit_code == 0
    assert "nothing to read" in result.output
    assert "loading the language model" not in result.output


def test_the_same_text_under_two_names_is_counted_not_lost(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = "Le maire a inauguré samedi 9 mars 2024 la nouvelle médiathèque de la ville.\n"
    (folder / "un.txt").write_text(text, encoding="utf-8")
    (folder / "deux.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.output
    assert "1 new article(s), 1 already stored" in result.output


def test_an_untitled_article_is_listed_by_its_file_name(tmp_path: Path) -> None:
    from filrouge.cli import _source_name

    assert _source_name("/very/long/common/prefix/egypt/2011-01-27/gv_20.txt") == "gv_20.txt"
    assert _source_name("export.csv:2") == "export.csv:2"
    assert _source_name("https://example.org/a/") == "a"


# -- --actor takes a name ---------------------------------------------------------------------


def _store_with_actors(path: Path) -> Store:
    store = Store(path)
    people = [("Égypte", "EGY"), ("Mohamed Morsi", "local:mohamed-morsi"),
              ("Morsi", "local:morsi")]
    for n in range(3):
        text = f"Article {n}. " + " ".join(name for name, _ in people[: 3 if n == 0 else 2])
        entities, at = [], len(f"Article {n}. ")
        for name, actor in people[: 3 if n == 0 else 2]:
            entities.append(Entity(start=at, end=at + len(name), text=name, label="PER",
                                   actor=actor))
            at += len(name) + 1
        article = Article(id=f"a{n}", source=f"s{n}.txt", text=text, entities=entities,
                          published=Published(value=f"2013-07-0{n + 1}", origin="input"))
        store.add_article(article, digest=str(n))
    return store


def test_an_actor_is_found_by_its_name_not_only_its_id(tmp_path: Path) -> None:
    from filrouge.cli import _actor_id

    store = _store_with_actors(tmp_path / "x.db")
    assert _actor_id(store, "EGY") == "EGY"
    assert _actor_id(store, "egypte") == "EGY"
    assert _actor_id(store, "Le Caire") == "EGY"
    # part of a name: the most widely named actor it fits
    assert _actor_id(store, "Morsi") == "local:mohamed-morsi"
    assert _actor_id(store, None) is None


def test_an_unknown_actor_is_a_usage_error_not_an_empty_timeline(tmp_path: Path) -> None:
    _store_with_actors(tmp_path / "x.db").close()
    for command in (["timeline"], ["events"]):
        result = CliRunner().invoke(main, [*command, "--db", str(tmp_path / "x.db"),
                                           "--actor", "Zorglub"])
        assert result.exit_code == 2
        assert "no actor named" in result.output


# -- corpus-local actors are named as the texts write them ------------------------------------


def test_a_local_actor_is_named_as_written_not_as_its_id(tmp_path: Path) -> None:
    from filrouge.web import queries

    store = Store(tmp_path / "x.db")
    forms = ["Frères musulmans", "Frères musulmans", "Frères Musulmans", "confrérie"]
    text = " ; ".join(forms)
    entities, at = [], 0
    for form in forms:
        actor = "local:freres-musulmans" if form != "confrérie" else "local:confrerie"
        entities.append(Entity(start=at, end=at + len(form), text=form, label="ORG",
                               actor=actor))
        at += len(form) + 3
    store.add_article(Article(id="a", source="a.txt", text=text, entities=entities),
                      digest="a")
    queries._LOCAL_NAMES.pop("local:freres-musulmans", None)
    assert queries.actor_name("local:freres-musulmans") == "Freres Musulmans"  # not read yet
    queries.learn_names(store, ["local:freres-musulmans", "EGY", None])
    assert queries.actor_name("local:freres-musulmans") == "Frères musulmans"
    # a form that does not spell the id is never taken as its name
    queries.learn_forms("local:conseil-d-etat", ["le Conseil"])
    assert queries.actor_name("local:conseil-d-etat") == "Conseil D Etat"
    queries.learn_forms("local:cgt", ["CGT"])
    assert queries.actor_name("local:cgt") == "CGT"


# -- saved web pages --------------------------------------------------------------------------

_PARAGRAPHS = "".join(
    f"<p>Paragraphe {n} : le conseil régional a débattu longuement du budget des transports "
    f"scolaires, puis les élus ont adopté une motion sur les lignes de car rurales.</p>\n"
    for n in range(2, 7))


def _page(head: str, first: str) -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Budget voté</title>"
            f"</head><body><h1>Budget voté</h1>\n{head}\n<p>{first}</p>\n{_PARAGRAPHS}"
            f"</body></html>")


def test_a_standfirst_in_a_heading_is_kept_as_the_first_paragraph() -> None:
    from filrouge.ingest.html import extract_html

    lead = "Le conseil régional a adopté jeudi un budget de 2 milliards d'euros, en hausse."
    first = ("12 mars 2024. - Les élus ont voté le texte en fin de journée après un long débat "
             "sur les transports et les lycées de la région.")
    raw = extract_html(_page(f"<h2>{lead}</h2>", first), source="p.html", warnings=[])
    assert isinstance(raw, RawDocument)
    assert raw.text.startswith(lead + "\n\n12 mars 2024")
    assert not raw.removed
    # a short heading before the body is no standfirst
    raw = extract_html(_page("<h2>Les chiffres clés</h2>", first), source="p.html", warnings=[])
    assert isinstance(raw, RawDocument) and raw.text.startswith("12 mars 2024")


def test_a_soft_hyphen_does_not_make_a_kept_line_look_removed() -> None:
    from filrouge.ingest.html import extract_html

    first = ("Les élus ont voté le texte en fin de jour\u00adnée après un long dé\u00adbat sur "
             "les transports et les lycées de la région.")
    raw = extract_html(_page("", first), source="p.html", warnings=[])
    assert isinstance(raw, RawDocument)
    assert "Les élus ont voté" in raw.text
    assert not [r for r in raw.removed if "Les élus" in r.text]


# -- since: quotes shown as `quotes` shows them -----------------------------------------------


def test_since_keeps_guillemets_for_words_quoted_as_said(tmp_path: Path) -> None:
    from filrouge.model import Quote, Span, Story, content_id

    old_text = "Le conseil municipal ouvre le débat sur le nouveau pont."
    said, reported = "Nous tiendrons parole.", "que le pont serait prêt en juin"
    new_text = f"{said} {reported}"
    quotes = [Quote(start=0, end=len(said), text=said,
                    parts=[Span(start=0, end=len(said), text=said)], kind="direct",
                    speaker_name="la maire", date="2024-05-10"),
              Quote(start=len(said) + 1, end=len(new_text), text=reported,
                    parts=[Span(start=len(said) + 1, end=len(new_text), text=reported)],
                    kind="indirect", date="2024-05-10")]
    articles = [Article(id=content_id(t), source=f"{n}.txt", text=t, quotes=q,
                        published=Published(value=d, origin="input", confidence=1.0))
                for n, (t, q, d) in enumerate([(old_text, [], "2024-04-01"),
                                               (new_text, quotes, "2024-05-10")])]
    with Store(tmp_path / "s.db") as store:
        for article in articles:
            store.add_article(article, digest=article.id)
        store.replace_stories([Story(id="s-pont000001", title="pont", start="2024-04-01",
                                     end="2024-05-10", articles=[a.id for a in articles])])
    result = CliRunner().invoke(main, ["since", "2024-05-01", "--story", "s-pont", "--db",
                                       str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    assert "la maire: « Nous tiendrons parole. »" in result.output
    assert "?: (indirect) que le pont serait prêt en juin" in result.output
    assert "anonymous" not in result.output


# -- quotes -----------------------------------------------------------------------------------


def test_a_clause_is_no_speaker(analyzer: Analyzer) -> None:
    from tests.conftest import analyse_text

    article = analyse_text(analyzer, (
        "L'élection a été marquée par une forte abstention. La majorité aspirait au calme, ce "
        "qui explique en partie le choix « par défaut » de ce candidat conservateur."))
    assert not [q for q in article.quotes if (q.speaker_name or "").lower() in {"ce", "cela"}]


def test_the_actor_filter_ignores_accents_for_registry_and_local_actors(tmp_path: Path) -> None:
    from filrouge.web import queries

    store = Store(tmp_path / "x.db")
    text = "Égypte ; Frères musulmans"
    store.add_article(Article(id="a", source="a.txt", text=text, entities=[
        Entity(start=0, end=6, text="Égypte", label="GPE", actor="EGY"),
        Entity(start=9, end=25, text="Frères musulmans", label="ORG",
               actor="local:freres-musulmans")]), digest="a")
    assert [a["id"] for a in queries.actors(store, 10, 0, "frères musulmans").items] == [
        "local:freres-musulmans"]
    assert [a["id"] for a in queries.actors(store, 10, 0, "egypte").items] == ["EGY"]
    assert [a["id"] for a in queries.actors(store, 10, 0, "!!").items] == []


def test_a_written_out_civility_is_not_part_of_a_persons_id(analyzer: Analyzer) -> None:
    from tests.conftest import analyse_text

    article = analyse_text(analyzer, (
        "Ingrid Betancourt a été reçue à l'Élysée. Le président a salué le courage de Madame "
        "Ingrid Betancourt, libérée la semaine dernière."))
    ids = {e.actor for e in article.entities if e.label == "PER"}
    assert "local:madame-ingrid-betancourt" not in ids
    assert "local:ingrid-betancourt" in ids


def test_a_link_to_the_sites_dossier_is_read_also_debris() -> None:
    from filrouge.ingest.clean import clean_text

    body = ("Le conseil municipal a adopté jeudi le budget de la ville après un long débat "
            "sur les transports.\n\nLes élus de l'opposition ont voté contre le texte.\n\n")
    cleaned = clean_text(body + "Consultez notre dossier : Municipales, la campagne\n")
    assert "Consultez" not in cleaned.text
    assert [r.reason for r in cleaned.removed if "Consultez" in r.text] == ["read-also"]


def test_events_name_their_actors_in_the_terminal_and_keep_ids_in_json(tmp_path: Path) -> None:
    from filrouge.model import Event, Span

    text = "Les Frères musulmans ont appelé à manifester."
    whole = Span(start=0, end=len(text), text=text)
    article = Article(
        id="ev", source="ev.txt", text=text,
        entities=[Entity(start=4, end=20, text="Frères musulmans", label="ORG",
                         actor="local:freres-musulmans")],
        events=[Event(**whole.model_dump(), type="REQUEST", trigger=whole,
                      actors=["local:freres-musulmans"], targets=["EGY"], date="2013-07-03")],
        published=Published(value="2013-07-03", origin="input"))
    with Store(tmp_path / "e.db") as store:
        store.add_article(article, digest="ev")
    result = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "e.db")])
    assert result.exit_code == 0, result.output
    assert "REQUEST Frères musulmans → Égypte" in result.output
    result = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "e.db"), "--format",
                                       "json"])
    assert '"local:freres-musulmans"' in result.output


def test_an_empty_timeline_says_when_articles_have_no_publication_date(tmp_path: Path) -> None:
    with Store(tmp_path / "u.db") as store:
        text = "Le conseil municipal se réunira mardi pour voter le budget."
        store.add_article(Article(id="u", source="u.txt", text=text), digest="u")
    result = CliRunner().invoke(main, ["timeline", "--db", str(tmp_path / "u.db")])
    assert result.exit_code == 0
    assert "no publication date for 1 article of 1" in result.stderr


def test_the_quotes_listing_puts_guillemets_only_around_direct_quotes(tmp_path: Path) -> None:
    from filrouge.model import Quote, Span

    said, mixed = "Nous tiendrons parole.", "un budget « sincère et prudent »"
    text = f"{said} {mixed}"
    spans = [(0, len(said), "direct"), (len(said) + 1, len(text), "mixed")]
    quotes = [Quote(start=s, end=e, text=text[s:e], parts=[Span(start=s, end=e, text=text[s:e])],
                    kind=kind, speaker_name="la maire") for s, e, kind in spans]
    with Store(tmp_path / "q.db") as store:
        store.add_article(Article(id="q", source="q.txt", text=text, quotes=quotes), digest="q")
    result = CliRunner().invoke(main, ["quotes", "--db", str(tmp_path / "q.db")])
    assert "« Nous tiendrons parole. »" in result.stdout
    assert "« un budget" not in result.stdout and "un budget « sincère" in result.stdout


def test_a_stray_nul_byte_does_not_make_a_text_binary(tmp_path: Path) -> None:
    from filrouge.ingest.readers import read_path

    text = "Le maire a annoncé mardi 5 mars 2024 la fermeture du pont.\x00 Les travaux dureront."
    path = tmp_path / "nul.txt"
    path.write_bytes(text.encode("utf-8"))
    (raw,) = list(read_path(path))
    assert isinstance(raw, RawDocument), raw
    assert "\x00" not in raw.text and "Les travaux" in raw.text
    assert "1 NUL character(s) removed" in raw.warnings
    path.write_bytes(bytes(range(256)) * 8)  # a real binary file stays rejected
    (item,) = list(read_path(path))
    assert isinstance(item, Rejection) and "binary" in item.reason
    path.write_text("Le ministre a parlé lundi à Paris.", encoding="utf-16-le")
    (raw,) = list(read_path(path))
    assert isinstance(raw, RawDocument) and raw.text.startswith("Le ministre")


# -- sources are named for a reader, never by the file they were read from ---------------------


def test_a_source_is_its_outlet_else_its_title_else_unknown_never_a_file() -> None:
    from filrouge.stories.sources import UNKNOWN_SOURCE, source_label

    assert source_label("Le Courrier", "Grève au port") == "Le Courrier"
    assert source_label(None, "Grève au port") == "« Grève au port »"
    assert source_label(None, None) == UNKNOWN_SOURCE == "source inconnue"
    # a store written before may hold a file name as the outlet: it is no outlet
    assert source_label("2013-07-03_article12.html", "Grève au port") == "« Grève au port »"
    assert source_label("/corpus/egypte/gv_20.txt", None) == UNKNOWN_SOURCE
    assert source_label("export.jsonl#r2", None) == UNKNOWN_SOURCE
    assert source_label("Journal.fr", None) == "Journal.fr"  # an outlet's own name
    long = source_label(None, "Les dockers du port autonome bloquent les quais pour la "
                              "troisième semaine consécutive malgré la médiation")
    assert long.startswith("« Les dockers") and long.endswith("… »") and len(long) < 70


_PORT = [
    ("Grève au port autonome",
     "Les dockers ont bloqué le port autonome le 4 juin 2024 pour défendre leurs salaires.",
     "le 4 juin 2024", "2024-06-04"),
    (None,
     "Les dockers du port autonome ont repris le travail le 6 juin 2024 après un accord.",
     "le 6 juin 2024", "2024-06-06"),
]


def _port_articles() -> list[Article]:
    from filrouge.model import TimeExpr

    found = []
    for n, (title, text, surface, day) in enumerate(_PORT):
        at = text.index(surface)
        found.append(Article(
            id=f"port{n}", source=f"/corpus/veille/2024-06-0{n + 4}_article1{n}.html",
            title=title, text=text, published=Published(value=day, origin="input"),
            times=[TimeExpr(start=at, end=at + len(surface), text=surface, type="DATE",
                            value=day)]))
    return found


def test_timeline_entries_cite_a_title_or_an_unknown_source_not_a_file_name() -> None:
    from rich.console import Console

    from filrouge.export.render import render_timeline
    from filrouge.stories.timeline import build_timeline

    entries = build_timeline(_port_articles())
    assert [e.date for e in entries] == ["2024-06-04", "2024-06-06"]
    refs = [s for e in entries for s in e.sources]
    assert all(s.outlet is None for s in refs) and not any(e.outlets for e in entries)
    assert {s.title for s in refs} == {"Grève au port autonome", None}
    console = Console(width=100, record=True)
    render_timeline(console, entries)
    shown = console.export_text()
    assert "« Grève au port autonome » (2024-06-04)" in shown
    assert "source inconnue (2024-06-06)" in shown
    assert ".html" not in shown and "article1" not in shown


def test_stories_report_and_story_page_name_no_file_as_a_source(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from filrouge.web.app import create_app

    db = tmp_path / "x.db"
    store = Store(db)
    for n, article in enumerate(_port_articles()):
        store.add_article(article, digest=str(n))
    store.close()
    runner = CliRunner()
    listed = runner.invoke(main, ["stories", "--db", str(db), "--rebuild"])
    assert listed.exit_code == 0, listed.output
    assert "source" not in listed.output  # no outlet named: no count of file names
    as_json = runner.invoke(main, ["stories", "--db", str(db), "--format", "json"])
    assert ".html" not in as_json.output
    timeline = runner.invoke(main, ["timeline", "--db", str(db)])
    assert "« Grève au port autonome »" in timeline.output and ".html" not in timeline.output
    store = Store(db)
    story = store.stories()[0]
    store.close()
    for fmt in ("md", "html"):
        report = runner.invoke(main, ["report", story.id, "--db", str(db), "--format", fmt,
                                      "-o", str(tmp_path / f"d.{fmt}")])
        assert report.exit_code == 0, report.output
        dossier = (tmp_path / f"d.{fmt}").read_text(encoding="utf-8")
        # the sources list at the end keeps each input's path, for checking
        cited = dossier.split("\n## Sources" if fmt == "md" else '<section id="sources"', 1)[0]
        assert "article1" not in cited and "source inconnue" in cited, fmt
    page = TestClient(create_app(db)).get(f"/stories/{story.id}").text
    timeline_part = page.split('class="timeline"', 1)[1].split("</ol>", 1)[0]
    assert "Grève au port autonome" in timeline_part and "source inconnue" in timeline_part
    assert "article1" not in timeline_part


# -- a weekday in a quoted name dates nothing; a day written in full beats a bare weekday -----


def test_a_weekday_opening_a_quoted_name_is_no_time_expression() -> None:
    from filrouge.analyze.time import find_times

    day = dt.date(2019, 3, 20)
    for text in ("Des milliers de personnes ont défilé lors du « vendredi de la dignité ».",
                 "Les courtiers se souviennent du « mardi noir » de la Bourse.",
                 'La journée, baptisée "Jeudi de la solidarité", a réuni les syndicats.',
                 "Le cortège du « Samedi des oubliés » est parti de la gare."):
        assert [t.text for t in find_times(text, day)] == [], text
    # a weekday quoted as said still dates what is said
    for text in ("« Nous manifesterons vendredi », a dit le porte-parole.",
                 "« Vendredi, nous serons tous dans la rue », a dit le porte-parole.",
                 "« Vendredi nous serons tous dans la rue », a dit le porte-parole.",
                 "« Vendredi prochain », a répondu le maire."):
        assert [t.text.lower() for t in find_times(text, day)][:1] in (
            ["vendredi"], ["vendredi prochain"]), text


def test_a_day_written_in_full_dates_the_sentence_before_a_bare_weekday() -> None:
    from filrouge.analyze.pubdate import _sentence_day
    from filrouge.model import TimeExpr
    from filrouge.stories.timeline import candidates

    text = ("Vendredi, les maires ont rappelé la crue du 14 mars 2019 devant le préfet de "
            "région. Les maires ont rencontré le préfet vendredi à la préfecture.")
    published = dt.date(2019, 4, 3)
    assert _sentence_day(text, 0, text.index(" Les maires"), published) == dt.date(2019, 3, 14)
    second = text.index("Les maires")
    assert _sentence_day(text, second, len(text), published) == dt.date(2019, 3, 29)
    times = []
    for surface, value in (("Vendredi", "2019-03-29"), ("14 mars 2019", "2019-03-14"),
                           ("vendredi", "2019-03-29")):
        at = text.index(surface)
        times.append(TimeExpr(start=at, end=at + len(surface), text=surface, type="DATE",
                              value=value))
    article = Article(id="crue", source="crue.txt", text=text, times=times,
                      published=Published(value="2019-04-03", origin="input"))
    dated = {(c.start < second, c.date) for c in candidates(article)}
    assert dated == {(True, "2019-03-14"), (False, "2019-03-29")}


# -- the Arabic article glued to a name -------------------------------------------------------


def test_the_article_glued_to_a_capitalised_name_is_a_word_of_its_own() -> None:
    from filrouge.analyze.entities import slug
    from filrouge.analyze.names import name_key

    assert slug("Karim ElMansouri") == "karim-el-mansouri"
    assert slug("AlQasimi") == "al-qasimi"
    assert len({name_key(slug(n)) for n in ("Karim ElMansouri", "Karim el-Mansouri",
                                             "Karim El Mansouri", "Karim al-Mansouri",
                                             "Karim Al Mansouri")}) == 1
    # first names that open like the article are left whole
    assert slug("Albert Elton") == "albert-elton" and slug("Elsa Alvarez") == "elsa-alvarez"


def test_a_glued_article_in_lower_case_joins_the_name_the_corpus_writes_apart() -> None:
    from filrouge.analyze.names import plan_merges

    merged = {m.source: m.target for m in plan_merges({
        "karim-el-mansouri": 6, "karim-elmansouri": 2, "elmansouri": 3, "el-mansouri": 1})}
    assert merged == {"local:karim-elmansouri": "local:karim-el-mansouri",
                      "local:elmansouri": "local:karim-el-mansouri",
                      "local:el-mansouri": "local:karim-el-mansouri"}
    # without the name written apart, a word opening in "al"/"el" is left as it is
    assert plan_merges({"albert-dupont": 3, "bert-dupont": 2, "elmer-durand": 2,
                        "mer-durand": 1}) == []


# -- a timeline entry names who it speaks of --------------------------------------------------


def _dated(name: str, text: str, surface: str, day: str) -> Article:
    from filrouge.model import TimeExpr

    at = text.index(surface)
    return Article(id=name, source=f"{name}.txt", text=text, outlet=name,
                   published=Published(value=day, origin="input"),
                   times=[TimeExpr(start=at, end=at + len(surface), text=surface, type="DATE",
                                   value=day)])


def test_an_entry_prefers_a_sentence_naming_its_subject_to_a_dangling_pronoun() -> None:
    from filrouge.stories.timeline import build_timeline

    dangling = _dated("a", "Il a ajouté le 4 juin 2024 que la grève des dockers du port "
                           "continuerait toute la semaine.", "le 4 juin 2024", "2024-06-04")
    named = _dated("b", "Le syndicat des dockers a annoncé le 4 juin 2024 que la grève du port "
                        "continuerait.", "le 4 juin 2024", "2024-06-04")
    (entry,) = build_timeline([dangling, named])
    assert entry.summary.startswith("Le syndicat des dockers")
    # alone, the sentence is kept as written: nothing is made up for "il"
    (alone,) = build_timeline([dangling])
    assert alone.summary == dangling.text


def test_pronouns_that_name_no_one_are_told_from_impersonal_il() -> None:
    from filrouge.stories.timeline import _dangling

    for text in ("Il a ajouté que la grève continuerait.", "Elle a démissionné mardi.",
                 "Ce dernier a démenti.", "Ils ont défilé jusqu'au port."):
        assert _dangling().match(text), text
    for text in ("Il y a eu trois blessés.", "Il faut attendre le vote.",
                 "Il est probable que le vote ait lieu.", "Ilona Martin a voté.",
                 "Le ministre a démenti.", "Il n'y a pas eu de blessés."):
        assert not _dangling().match(text), text


# -- labels: participles in -i/-u say what happened, not what a story is about ----------------


_SUMMIT = [
    ("Le conseil régional réuni en urgence",
     "Le conseil régional s'est réuni en urgence mardi à Rennes. Le maire élu a tenu parole. "
     "L'accord conclu prévoit une aide aux éleveurs. Les élus locaux ont voté l'aide."),
    ("Aide aux éleveurs : l'accord conclu tient",
     "L'accord conclu à Rennes a tenu malgré la grogne. Le conseil régional, réuni mardi, a "
     "salué l'accord conclu. Le sommet tenu à Rennes a été bref. Le maire a été élu."),
    ("Le conseil régional salue l'accord conclu",
     "Réuni à Rennes, le conseil régional a salué l'accord conclu. Le président élu a promis "
     "de le respecter. Les élus locaux ont salué le parti des éleveurs."),
]


def test_participles_in_i_or_u_are_read_from_how_the_text_uses_them() -> None:
    from filrouge.stories.labels import participles

    found = [Article(id=f"s{n}", source=f"s{n}.txt", title=title, text=text)
             for n, (title, text) in enumerate(_SUMMIT)]
    verbs = participles(found)
    assert {"réuni", "élu", "tenu", "conclu"} <= verbs
    # nouns of the same shape, used after a determiner, and -que words, are no participles
    assert not verbs & {"élus", "parti", "politique", "aide"}


def test_no_label_holds_a_participle_in_i_or_u() -> None:
    from filrouge.stories.labels import keyphrases

    texts = [("Sommet tenu à Rennes sur l'élevage",
              "Le sommet tenu à Rennes a réuni les éleveurs. Le maire élu a pris la parole. Le "
              "plan conclu sera appliqué."),
             ("Élevage : un sommet tenu à Rennes",
              "Un sommet tenu à Rennes a été conclu par un plan. Les éleveurs élus ont voté. Le "
              "plan conclu est salué."),
             ("Le sommet tenu à Rennes divise les éleveurs",
              "Le sommet tenu à Rennes divise. Le plan conclu ne convainc pas les éleveurs. Le "
              "maire élu se tait.")]
    found = [Article(id=f"s{n}", source=f"s{n}.txt", title=title, text=text, outlet=f"j{n}",
                     published=Published(value="2024-03-01", origin="input"))
             for n, (title, text) in enumerate(texts)]
    labels = keyphrases(found, n=4)  # were "sommet tenu" and "maire élu"
    words = {w.lower() for label in labels for w in label.split()}
    assert not words & {"réuni", "élu", "tenu", "conclu"}, labels
    assert "sommet" in labels and "Rennes" in labels


# -- a date inside a name is not the article's own date ---------------------------------------


def test_a_date_naming_a_law_or_an_agreement_bounds_no_publication_day() -> None:
    # the named dates were read as days "mentioned with no tense", near the writing
    assert infer_from_text("Les médecins invoquent la loi du 22 avril 2005 sur la fin de "
                           "vie. Ils demandent au gouvernement une réforme du texte.") is None
    assert infer_from_text("Le collectif cite la « loi Evin » du 10 janvier 1991 et les accords "
                           "de paix du 12 février 2015, que les rebelles violent.") is None
    # the day the article tells of still does
    found = infer_from_text("La loi a été votée le 22 avril 2005 par les députés.")
    assert found is not None and found.earliest == dt.date(2005, 4, 22)


def test_which_dates_belong_to_a_name() -> None:
    from filrouge.analyze.pubdate import in_a_name

    def named(text: str, date: str) -> bool:
        return in_a_name(text, text.index(date))

    assert named("Il invoque la loi du 22 avril 2005 sur la fin de vie.", "22 avril")
    assert named("Les accords du 12 février sont violés.", "12 février")
    assert named("Le décret du 1er juillet entre en vigueur.", "1er juillet")
    assert named('La « loi Leonetti » du 22 avril 2005 est citée.', "22 avril")
    assert named("Les accords de paix du 3 mai 2005 tiennent.", "3 mai")
    assert not named("La manifestation du 3 mai 2015 a rassemblé du monde.", "3 mai")
    assert not named("Le texte a été examiné du 3 au 5 mai 2015.", "3 au")
    assert not named("La loi a été votée le 22 avril 2005.", "22 avril")


# -- events: mirrored records of one meeting or signing ---------------------------------------


def _signing_store(path: Path) -> Path:
    """Two invented articles on one signing; the first tells it with both sides' records
    (A→B and B→A from one sentence), as the extractor writes a meeting or an agreement."""
    from filrouge.model import Event, Span, Story

    texts = ["La maire de Lunel et le maire de Sète ont signé mardi un accord de jumelage.",
             "Lunel et Sète sont désormais jumelées, après la signature de mardi."]
    articles = []
    for n, text in enumerate(texts):
        whole = Span(start=0, end=len(text), text=text)
        cue = "signé" if n == 0 else "signature"
        at = text.index(cue)
        trigger = Span(start=at, end=at + len(cue), text=cue)
        sides = [(["local:lunel"], ["local:sete"]), (["local:sete"], ["local:lunel"])]
        events = [Event(**whole.model_dump(), type="AGREE", trigger=trigger, actors=a,
                        targets=t, date="2024-05-14") for a, t in sides[:2 - n]]
        articles.append(Article(id=f"5e{n}a1ee", source=f"sign{n}.txt", text=text, events=events,
                                published=Published(value="2024-05-14", origin="input")))
    db = path / "sign.db"
    with Store(db) as store:
        for article in articles:
            store.add_article(article, digest=article.id)
        store.replace_stories([Story(id="s-jumelage01", title="jumelage", start="2024-05-14",
                                     end="2024-05-14", articles=[a.id for a in articles])])
    return db


def test_a_grouped_happening_lists_each_source_once_as_its_header_counts(tmp_path: Path) -> None:
    db = _signing_store(tmp_path)
    result = CliRunner().invoke(main, ["events", "--grouped", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "↔" in result.output and "· 2 source(s)" in result.output
    # the first article's sentence carries two records (A→B, B→A): it is one line
    assert result.output.count("jumelage") == 1
    assert result.output.count("5e0a1ee") == 1 and result.output.count("5e1a1ee") == 1


def test_since_counts_the_event_lines_it_lists_a_mirrored_pair_once(tmp_path: Path) -> None:
    db = _signing_store(tmp_path)
    result = CliRunner().invoke(main, ["since", "2024-05-01", "--story", "s-jumelage",
                                       "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Events (2)" in result.output
    assert result.output.count("↔") == 1
    result = CliRunner().invoke(main, ["since", "2024-05-01", "--story", "s-jumelage", "--limit",
                                       "1", "--db", str(db)])
    assert "Events (2, first 1 shown" in result.output and "↔" in result.output


def test_the_events_help_says_what_a_line_and_its_marks_mean() -> None:
    result = CliRunner().invoke(main, ["events", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    for mark in ("A ↔ B", "A→B and B→A", "source(s)", "hypothetical", "negated", "reported",
                 '"mutual"'):
        assert mark in text, mark


def test_an_article_page_shows_a_mirrored_pair_once_keeping_its_anchor(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from filrouge.web.app import create_app

    db = _signing_store(tmp_path)
    page = TestClient(create_app(db)).get("/articles/5e0a1ee").text
    events = page.split("<h2>Events", 1)[1].split("</section>", 1)[0]
    assert events.startswith(" (1)")
    assert events.count('class="evidence"') == 1 and "↔" in events
    assert 'href="#ev-0"' in events


def test_json_lines_exports_keep_several_targets_as_a_list(tmp_path: Path) -> None:
    import json

    db = _signing_store(tmp_path)
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--what", "events"])
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout.splitlines()[0])
    assert first["actors"] == ["local:lunel"] and first["targets"] == ["local:sete"]
    assert first["trigger"]["text"] == "signé" and first["article"] == "5e0a1ee"


def test_happenings_export_keeps_mutual_in_every_format(tmp_path: Path) -> None:
    import csv
    import json

    import pyarrow.parquet as pq

    db = _signing_store(tmp_path)
    runner = CliRunner()
    lines = runner.invoke(main, ["export", "--db", str(db), "--what", "happenings"]).stdout
    (group,) = [json.loads(line) for line in lines.splitlines()]
    assert group["mutual"] is True and group["sources"] == 2 and len(group["mentions"]) == 3
    rows = list(csv.DictReader(runner.invoke(main, ["export", "--db", str(db), "--what",
                                                    "happenings", "--format", "csv"]).stdout
                               .splitlines()))
    assert [(r["mutual"], r["sources"], r["articles"]) for r in rows] == [
        ("True", "2", "5e0a1ee|5e1a1ee")]
    target = tmp_path / "h.parquet"
    runner.invoke(main, ["export", "--db", str(db), "--what", "happenings", "--format",
                         "parquet", "-o", str(target)])
    assert pq.read_table(target).to_pylist()[0]["mutual"] is True
    outside = runner.invoke(main, ["export", "--db", str(db), "--what", "happenings",
                                   "--from", "2025"]).stdout
    assert outside.strip() == ""
