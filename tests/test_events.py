"""Events are grounded in one sentence; negated and hypothetical ones are never facts."""

from __future__ import annotations

from collections import Counter

import pytest

from filrouge.analyze.event_groups import group_events
from filrouge.analyze.events import grammar, noun_cues, verb_cues
from filrouge.analyze.pipeline import Analyzer
from filrouge.eval.example import Tally, score_events
from filrouge.model import Article, Event, Published, Span

from .conftest import analyse_text


def events(analyzer: Analyzer, text: str, published: str = "2024-02-16") -> list[Event]:
    return analyse_text(analyzer, text, published).events


def roles(found: list[Event]) -> list[tuple[str, list[str], list[str]]]:
    return [(e.type, e.actors, e.targets) for e in found]


# --------------------------------------------------------------------------- who, what, whom


def test_an_agreement_with_actor_target_and_date(analyzer: Analyzer) -> None:
    (event,) = events(analyzer, "L'Allemagne a signé vendredi un accord de sécurité avec "
                                "l'Ukraine.")
    assert (event.type, event.actors, event.targets) == ("AGREE", ["DEU"], ["UKR"])
    assert event.date == "2024-02-16"
    assert not event.negated and not event.hypothetical
    assert event.text.startswith("L'Allemagne a signé")


def test_two_signatories_sign_with_each_other(analyzer: Analyzer) -> None:
    found = events(analyzer, "Joe Biden et Volodymyr Zelensky ont signé jeudi un accord de "
                             "sécurité bilatéral.")
    assert roles(found) == [("AGREE", ["joe-biden"], ["volodymyr-zelensky"]),
                            ("AGREE", ["volodymyr-zelensky"], ["joe-biden"])]


def test_coordinated_subjects_each_act_towards_a_named_counterpart(analyzer: Analyzer) -> None:
    found = events(analyzer, "La France et l'Allemagne ont signé des accords avec l'Ukraine.")
    assert roles(found) == [("AGREE", ["FRA", "DEU"], ["UKR"])]


def test_a_subject_the_parser_lost_is_read_from_the_head_of_the_clause(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Washington et Berlin s'y sont opposés.")
    assert roles(found) == [("REJECT", ["USA", "DEU"], [])]


def test_the_agent_of_a_passive_acts(analyzer: Analyzer) -> None:
    found = events(analyzer, "La déclaration a été adoptée mercredi par le G7.")
    assert [(e.type, e.actors) for e in found] == [("AGREE", ["G7"])]


def test_no_actor_no_event(analyzer: Analyzer) -> None:
    assert events(analyzer, "Un accord a été signé dans la soirée.") == []


def test_a_visit_to_a_seat_of_government_targets_its_state(analyzer: Analyzer) -> None:
    found = events(analyzer, "Olaf Scholz s'est rendu vendredi à l'Élysée.")
    assert [(e.type, e.mode, e.actors, e.targets) for e in found] == [
        ("CONSULT", "visit", ["olaf-scholz"], ["FRA"])]


def test_nouns_state_events_when_their_own_words_name_the_actor(analyzer: Analyzer) -> None:
    found = events(analyzer, "La visite de M. Sunak à Kiev a duré six heures.")
    assert roles(found) == [("CONSULT", ["rishi-sunak"], ["UKR"])]
    strikes = events(analyzer, "Les frappes russes se sont multipliées contre Odessa.")
    assert [(e.type, e.actors, e.trigger.text) for e in strikes] == [
        ("ASSAULT", ["RUS"], "frappes")]


def test_a_noun_without_its_actor_is_no_event(analyzer: Analyzer) -> None:
    assert events(analyzer, "La signature de l'accord a été reportée.") == []


def test_aid_is_given_by_states_and_goes_by_default_to_the_state_the_article_is_about(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "L'Ukraine attend des armes depuis des mois. Olaf Scholz a livré "
                             "douze obusiers supplémentaires.")
    (aid,) = [e for e in found if e.type == "AID"]
    assert (aid.actors, aid.targets, aid.target_implicit) == (["DEU"], ["UKR"], True)


def test_a_refusal_is_one_event_not_two(analyzer: Analyzer) -> None:
    found = events(analyzer, "Berlin refuse toujours de livrer des missiles Taurus à Kiev.")
    # refusing one's own delivery is the delivery, negated (docs/gold.md, "Statements")
    assert [(e.type, e.actors, e.negated) for e in found] == [("AID", ["DEU"], True)]


def test_a_pledge_to_deliver_is_the_delivery_promised(analyzer: Analyzer) -> None:
    found = events(analyzer, "La France s'engage à fournir jusqu'à 3 milliards d'euros d'aide "
                             "militaire à l'Ukraine.")
    assert [(e.type, e.actors, e.targets, e.hypothetical) for e in found] == [
        ("AID", ["FRA"], ["UKR"], True)]


def test_a_commitment_without_an_event_inside_is_an_agreement(analyzer: Analyzer) -> None:
    found = events(analyzer, "Les Alliés se sont engagés à consacrer 2 % de leur PIB à la "
                             "défense.")
    assert [(e.type, e.actors) for e in found] == [("AGREE", ["NATO"])]


# --------------------------------------------------------------------------- flags


def test_a_negated_event_is_flagged(analyzer: Analyzer) -> None:
    (event,) = events(analyzer, "La Hongrie n'a pas accepté le texte de l'Union européenne.")
    assert event.negated


def test_a_conditional_event_is_hypothetical(analyzer: Analyzer) -> None:
    (event,) = events(analyzer, "La France pourrait livrer des missiles à l'Ukraine.")
    assert event.type == "AID"
    assert event.hypothetical


def test_an_event_dated_after_the_article_has_not_happened_yet(analyzer: Analyzer) -> None:
    later, earlier = (events(analyzer, f"Le ministre turc Hakan Fidan est attendu à Kiev le {day}"
                                       " février.") for day in ("20", "12"))
    assert [(e.type, e.date, e.hypothetical) for e in later] == [
        ("CONSULT", "2024-02-20", True)]
    assert [(e.type, e.date, e.hypothetical) for e in earlier] == [
        ("CONSULT", "2024-02-12", False)]


def test_a_promise_is_hypothetical_until_carried_out(analyzer: Analyzer) -> None:
    (event,) = events(analyzer, "Les Alliés ont promis 40 milliards d'euros d'aide militaire à "
                                "l'Ukraine.")
    assert (event.type, event.actors, event.targets) == ("AID", ["NATO"], ["UKR"])
    assert event.hypothetical


def test_an_event_inside_a_quote_is_reported_with_its_speaker(analyzer: Analyzer) -> None:
    found = events(analyzer, "« Nous livrerons des chars à l'Ukraine », a déclaré Rishi Sunak.")
    (aid,) = [e for e in found if e.type == "AID"]
    assert (aid.actors, aid.targets) == (["GBR"], ["UKR"])
    assert aid.reported and aid.reported_by == "rishi-sunak"
    assert aid.hypothetical


def test_what_a_speaker_did_not_say_is_no_event(analyzer: Analyzer) -> None:
    assert events(analyzer, "Donald Trump n'a pas dit s'il renonçait aux sanctions.") == []


def test_the_evidence_is_the_sentence_and_never_crosses_a_paragraph(analyzer: Analyzer) -> None:
    text = "Réunion à Bruxelles\nLe Canada a signé un accord avec l'Ukraine."
    article = analyse_text(analyzer, text, "2024-02-24")
    (event,) = article.events
    assert event.text == "Le Canada a signé un accord avec l'Ukraine."
    assert article.text[event.start:event.end] == event.text
    assert article.text[event.trigger.start:event.trigger.end] == "signé"


# --------------------------------------------------------------------------- lexicons


def test_the_lexicons_load_and_use_known_types_and_conditions() -> None:
    assert {c.type for cues in verb_cues().values() for c in cues} <= set(
        Event.model_fields["type"].annotation.__args__)  # type: ignore[union-attr]
    assert "signer" in verb_cues() and "visite" in noun_cues()
    assert any(c.with_en for c in verb_cues()["prendre"])  # "s'en prendre à"
    assert "pas" in grammar()["negations"]


# --------------------------------------------------------------------------- across articles


def _article(ident: str, *found: Event, copy_of: str | None = None) -> Article:
    text = "x" * 200
    return Article(id=ident, source=ident, text=text, events=list(found), duplicate_of=copy_of,
                   published=Published(value="2024-06-14", origin="input", confidence=1.0))


def _event(kind: str, actors: list[str], targets: list[str], date: str | None,
           hypothetical: bool = False, trigger: str = "signé") -> Event:
    return Event(start=0, end=10, text="x" * 10, type=kind,  # type: ignore[arg-type]
                 trigger=Span(start=0, end=len(trigger), text=trigger), actors=actors,
                 targets=targets, date=date, hypothetical=hypothetical)


def test_the_same_happening_in_two_outlets_is_one_event_with_two_sources() -> None:
    groups = group_events([
        _article("a", _event("AGREE", ["joe-biden"], ["UKR"], "2024-06-13")),
        _article("b", _event("AGREE", ["USA"], ["volodymyr-zelensky"], "2024-06-13")),
    ])
    (group,) = groups
    assert (group.sources, len(group.mentions), group.start) == (2, 2, "2024-06-13")
    assert group.is_fact


def test_a_wire_copy_counts_once() -> None:
    groups = group_events([
        _article("a", _event("AGREE", ["USA"], ["UKR"], "2024-06-13")),
        _article("b", _event("AGREE", ["USA"], ["UKR"], "2024-06-13"), copy_of="a"),
    ])
    assert [(g.sources, len(g.mentions)) for g in groups] == [(1, 2)]


def test_a_promise_a_fact_and_a_distant_day_stay_apart() -> None:
    groups = group_events([
        _article("a", _event("AID", ["DEU"], ["UKR"], "2024-02-16")),
        _article("b", _event("AID", ["DEU"], ["UKR"], "2024-02-16", hypothetical=True)),
        _article("c", _event("AID", ["DEU"], ["UKR"], "2024-03-01")),
    ])
    assert len(groups) == 3
    assert sum(g.is_fact for g in groups) == 2


def test_grouping_does_not_chain_different_signatories() -> None:
    groups = group_events([
        _article("a", _event("AGREE", ["emmanuel-macron"], ["UKR"], "2024-02-16")),
        _article("b", _event("AGREE", ["FRA", "DEU"], ["UKR"], "2024-02-16")),
        _article("c", _event("AGREE", ["olaf-scholz"], ["UKR"], "2024-02-16")),
    ])
    assert not any({"emmanuel-macron", "olaf-scholz"} <= set(g.actors) for g in groups)


# --------------------------------------------------------------------------- the measure


def test_the_scorer_counts_tuples_pairs_and_spurious_events() -> None:
    article = _article("a", _event("AGREE", ["local:joe-biden"], ["UKR"], "2024-06-13"),
                       _event("ASSAULT", ["RUS"], [], "2024-06-13"))
    gold = {"events": [{"type": "AGREE", "actor": "joe-biden", "target": "UKR",
                        "date": "2024-06-13", "evidence": "nowhere"}]}
    tally = Tally()
    score_events(article, gold, tally)
    figures = tally.figures()
    assert figures["event tuple precision"] == 0.5 and figures["event tuple recall"] == 1.0
    assert figures["event spurious rate"] == 0.5


@pytest.mark.parametrize("kind", ["hypothetical", "negated"])
def test_flags_are_checked_on_matched_events(kind: str) -> None:
    event = _event("AGREE", ["USA"], ["UKR"], "2024-06-13")
    gold = {"events": [{"type": "AGREE", "actor": "USA", "target": "UKR", "date": "2024-06-13",
                        "evidence": "x", kind: True}]}
    tally = Tally()
    score_events(_article("a", event), gold, tally)
    assert Counter(tally.figures())[f"event {kind} flag accuracy"] == 0.0


def test_what_is_struck_names_the_target(analyzer: Analyzer) -> None:
    found = events(analyzer, "Moscou multiplie les frappes de missiles et de drones contre les "
                             "villes ukrainiennes.")
    assert [(e.type, e.actors, e.targets, e.target_implicit) for e in found] == [
        ("ASSAULT", ["RUS"], ["UKR"], False)]
