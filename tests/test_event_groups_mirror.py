"""A meeting, a signing or a cooperation is both sides': the gold and the extractor give each
party its own record ("A s'est entretenu avec B" → A→B and B→A), and grouping, the listings and
the cross-article measure show and count them as one happening (invented articles, no model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from filrouge.analyze.event_groups import MUTUAL_TYPES, fold_mirrored, group_events
from filrouge.cli import main
from filrouge.eval.event_groups import score_event_groups
from filrouge.model import Article, Event, Published, Span, Story
from filrouge.store.sqlite import Store, content_hash
from filrouge.web.app import create_app
from filrouge.web.queries import story_events

MEETING = "Volodymyr Zelensky s'est entretenu mardi avec Donald Trump à Washington."
RECEIVED = "Donald Trump a reçu mardi Volodymyr Zelensky à la Maison Blanche."
THREATS = "Moscou a menacé mardi Kiev, qui a menacé Moscou en retour."
ZEL, TRUMP = "volodymyr-zelensky", "donald-trump"


def _event(text: str, kind: str, actors: list[str], targets: list[str], date: str | None,
           trigger: str, hypothetical: bool = False) -> Event:
    at = text.index(trigger)
    return Event(start=0, end=len(text), text=text, type=kind,  # type: ignore[arg-type]
                 trigger=Span(start=at, end=at + len(trigger), text=trigger), actors=actors,
                 targets=targets, date=date, hypothetical=hypothetical)


def _meeting(actors: list[str], targets: list[str], date: str | None = "2025-02-25",
             hypothetical: bool = False) -> Event:
    return _event(MEETING, "CONSULT", actors, targets, date, "entretenu", hypothetical)


def _article(ident: str, text: str, *events: Event, copy_of: str | None = None,
             outlet: str | None = None) -> Article:
    return Article(id=ident, source=f"{ident}.txt", title=ident, text=text, outlet=outlet,
                   events=list(events), duplicate_of=copy_of,
                   published=Published(value="2025-02-26", origin="input", confidence=1.0))


# --------------------------------------------------------------------------- grouping


def test_the_mutual_types_are_meetings_agreements_and_cooperation() -> None:
    assert {"CONSULT", "AGREE", "COOPERATE"} == MUTUAL_TYPES


def test_a_meeting_and_its_mirror_are_one_happening_with_both_sides() -> None:
    (group,) = group_events([_article("a", MEETING, _meeting([ZEL], [TRUMP]),
                                      _meeting([TRUMP], [ZEL]))])
    assert group.mutual and (group.actors, group.targets) == ([ZEL], [TRUMP])
    assert (len(group.mentions), group.sources) == (2, 1)
    assert [m.index for m in group.mentions] == [0, 1]  # every record kept, with its evidence
    assert all(m.text == MEETING for m in group.mentions)


def test_the_guest_received_and_the_visit_told_elsewhere_are_one_meeting_of_two_sources() -> None:
    groups = group_events([
        _article("a", MEETING, _meeting([ZEL], [TRUMP]), _meeting([TRUMP], [ZEL])),
        _article("b", RECEIVED, _event(RECEIVED, "CONSULT", [TRUMP], [ZEL], "2025-02-25",
                                       "reçu")),
        _article("c", MEETING, _meeting([ZEL], [TRUMP]), _meeting([TRUMP], [ZEL]),
                 copy_of="a"),  # a wire copy of a: still one source
    ])
    (group,) = groups
    assert group.mutual and group.sources == 2 and len(group.mentions) == 5
    assert set(group.actors) | set(group.targets) == {ZEL, TRUMP}


def test_a_side_that_names_no_counterpart_joins_the_meeting_it_is_part_of() -> None:
    (group,) = group_events([
        _article("a", MEETING, _meeting([ZEL], [TRUMP]), _meeting([TRUMP], [ZEL])),
        _article("b", MEETING, _meeting([ZEL], [])),  # "Zelensky s'est entretenu mardi"
    ])
    assert group.sources == 2 and group.targets == [TRUMP]


def test_a_state_and_its_leader_are_one_side_of_the_mirror() -> None:
    (group,) = group_events([
        _article("a", MEETING, _meeting([ZEL], [TRUMP])),
        _article("b", MEETING, _meeting(["USA"], ["UKR"])),
    ])
    assert group.mutual and group.sources == 2


def test_threats_each_way_stay_two_happenings() -> None:
    groups = group_events([_article("a", THREATS,
                                    _event(THREATS, "THREATEN", ["RUS"], ["UKR"], "2025-02-25",
                                           "menacé"),
                                    _event(THREATS, "THREATEN", ["UKR"], ["RUS"], "2025-02-25",
                                           "menacé"))])
    assert len(groups) == 2 and not any(g.mutual for g in groups)


@pytest.mark.parametrize("other", [
    _meeting([TRUMP], [ZEL], date="2025-03-10"),          # another day
    _meeting([TRUMP], [ZEL], hypothetical=True),          # a planned meeting is no fact
    _meeting([TRUMP], ["emmanuel-macron"]),                # Trump's meeting with someone else
])
def test_what_is_not_the_mirror_stays_apart(other: Event) -> None:
    groups = group_events([_article("a", MEETING, _meeting([ZEL], [TRUMP])),
                           _article("b", MEETING, other)])
    assert len(groups) == 2 and not any(g.mutual for g in groups)


def test_two_meetings_with_one_guest_do_not_chain_through_a_mirror() -> None:
    macron = "emmanuel-macron"
    groups = group_events([_article("a", MEETING, _meeting([ZEL], [TRUMP]),
                                    _meeting([TRUMP], [ZEL])),
                           _article("b", MEETING, _meeting([ZEL], [macron]),
                                    _meeting([macron], [ZEL]))])
    assert sorted(len(g.mentions) for g in groups) == [2, 2]
    assert not any({TRUMP, macron} <= {*g.actors, *g.targets} for g in groups)


# --------------------------------------------------------------------------- listings


def test_listings_fold_a_record_and_its_mirror_in_one_sentence_only() -> None:
    records = [("CONSULT", [ZEL], [TRUMP], "s1"), ("CONSULT", [TRUMP], [ZEL], "s1"),
               ("CONSULT", [TRUMP], [ZEL], "s2"),                 # told again elsewhere
               ("THREATEN", ["RUS"], ["UKR"], "s3"), ("THREATEN", ["UKR"], ["RUS"], "s3")]
    folded = fold_mirrored(records, lambda r: r)
    assert [(r[1], r[3], mutual) for r, mutual in folded] == [
        ([ZEL], "s1", True), ([TRUMP], "s2", False), (["RUS"], "s3", False),
        (["UKR"], "s3", False)]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("mirror") / "mirror.db"
    articles = [
        _article("a" * 16, MEETING, _meeting([ZEL], [TRUMP]), _meeting([TRUMP], [ZEL]),
                 outlet="La Gazette"),
        _article("b" * 16, RECEIVED, _event(RECEIVED, "CONSULT", [TRUMP], [ZEL], "2025-02-25",
                                            "reçu"), outlet="Le Courrier"),
    ]
    with Store(path) as store:
        for article in articles:
            store.add_article(article, digest=content_hash(article.text))
        store.replace_stories([Story(id="s-rencontre1", title="Zelensky · Trump",
                                     articles=[a.id for a in articles], start="2025-02-25",
                                     end="2025-02-26")])
    return path


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_events_grouped_shows_one_meeting_with_both_sides(db: Path) -> None:
    (group,) = json.loads(_run("events", "--grouped", "--facts", "--db", str(db),
                               "--format", "json"))
    assert group["mutual"] and group["sources"] == 2 and len(group["mentions"]) == 3
    text = _run("events", "--grouped", "--db", str(db))
    assert text.count("CONSULT") == 1 and "↔" in text and "2 source(s)" in text


def test_events_lists_the_mirrored_records_once_and_keeps_them_all_in_json(db: Path) -> None:
    text = _run("events", "--db", str(db))
    assert text.count("CONSULT") == 2 and text.count("↔") == 1  # a's pair, b's guest
    assert len(json.loads(_run("events", "--db", str(db), "--format", "json"))) == 3


def test_the_story_page_shows_the_meeting_once_per_article(db: Path) -> None:
    with Store(db) as store:
        items = story_events(store, "s-rencontre1")
    assert [(i["article"][:1], i["mutual"]) for i in items] == [("a", True), ("b", False)]
    html = TestClient(create_app(db)).get("/stories/s-rencontre1").text
    assert html.count('<span class="etype">CONSULT</span>') == 2 and "↔" in html


# --------------------------------------------------------------------------- the measure


def _gold(evidence: str, *records: tuple[str, str]) -> dict[str, object]:
    return {"events": [{"type": "CONSULT", "actor": actor, "target": target,
                        "date": "2025-02-25", "evidence": evidence}
                       for actor, target in records]}


def test_the_measure_counts_the_mirrored_gold_records_as_one_happening() -> None:
    pairs = [
        (_article("a", MEETING, _meeting([ZEL], [TRUMP]), _meeting([TRUMP], [ZEL])),
         _gold(MEETING, (ZEL, TRUMP), (TRUMP, ZEL))),
        (_article("b", RECEIVED, _event(RECEIVED, "CONSULT", [TRUMP], [ZEL], "2025-02-25",
                                        "reçu")),
         _gold(RECEIVED, (TRUMP, ZEL))),
    ]
    figures = score_event_groups(pairs)
    assert figures["event mentions tied to dated gold"] == 3  # the pair is not left out
    assert figures["event groups pairwise gold pairs"] == 3
    assert figures["event groups pairwise f1"] == 1.0
    assert figures["happenings told by two or more articles"] == 1
    assert figures["independent sources counted right"] == 1.0


def test_a_signing_by_two_states_is_not_one_of_them_alone() -> None:
    alone = "Emmanuel Macron a signé vendredi un accord avec Volodymyr Zelensky."
    both = "L'Allemagne et la France ont signé vendredi des accords avec l'Ukraine."
    macron = [_event(alone, "AGREE", ["emmanuel-macron"], [ZEL], "2024-02-16", "signé"),
              _event(alone, "AGREE", [ZEL], ["emmanuel-macron"], "2024-02-16", "signé")]
    pair = [_event(both, "AGREE", ["DEU", "FRA"], ["UKR"], "2024-02-16", "signé")]
    groups = group_events([_article("a", alone, *macron), _article("b", both, *pair)])
    (signing,) = [g for g in groups if "emmanuel-macron" in g.actors]
    assert {m.article for m in signing.mentions} == {"a"}
    assert not {"DEU"} & set(signing.actors + signing.targets)
