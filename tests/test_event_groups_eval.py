"""The measure of event grouping across articles (`filrouge eval events`, "grouped across
articles"): what counts as one happening in the gold, and how groups are scored against it."""

from __future__ import annotations

from filrouge.eval.event_groups import score_event_groups
from filrouge.model import Article, Event, Published, Span

TEXT = "Joe Biden a signé jeudi un accord avec Kiev. Tokyo a signé le même jour."


def _article(ident: str, *found: tuple[str, list[str], str], copy_of: str | None = None,
             ) -> Article:
    """An article of TEXT whose events are (evidence, actors, date)."""
    events = []
    for evidence, actors, date in found:
        start = TEXT.index(evidence)
        events.append(Event(start=start, end=start + len(evidence), text=evidence, type="AGREE",
                            trigger=Span(start=start, end=start + 5, text=evidence[:5]),
                            actors=actors, targets=["UKR"], date=date))
    return Article(id=ident, source=ident, text=TEXT, events=events, duplicate_of=copy_of,
                   published=Published(value="2024-06-14", origin="input", confidence=1.0))


def _gold(*found: tuple[str, str, str | None]) -> dict[str, object]:
    return {"events": [{"type": "AGREE", "actor": actor, "target": "UKR", "date": date,
                        "evidence": evidence} for evidence, actor, date in found]}


BIDEN = "Joe Biden a signé jeudi un accord avec Kiev."
TOKYO = "Tokyo a signé le même jour."


def test_a_person_and_the_state_they_lead_tell_one_happening() -> None:
    pairs = [
        (_article("a", (BIDEN, ["joe-biden"], "2024-06-13")), _gold((BIDEN, "joe-biden",
                                                                      "2024-06-13"))),
        (_article("b", (BIDEN, ["USA"], "2024-06-13")), _gold((BIDEN, "USA", "2024-06-13"))),
    ]
    figures = score_event_groups(pairs)
    assert figures["event groups pairwise gold pairs"] == 1
    assert figures["event groups pairwise f1"] == 1.0
    assert figures["independent sources counted right"] == 1.0


def test_a_split_happening_loses_recall_and_a_wrong_day_splits_it() -> None:
    pairs = [
        (_article("a", (BIDEN, ["USA"], "2024-06-13")), _gold((BIDEN, "USA", "2024-06-13"))),
        (_article("b", (BIDEN, ["USA"], "2024-06-20")), _gold((BIDEN, "USA", "2024-06-13"))),
    ]
    figures = score_event_groups(pairs)
    assert figures["event groups pairwise recall"] == 0.0
    assert figures["independent sources counted right"] == 0.0


def test_two_signatories_merged_lose_precision() -> None:
    pairs = [
        (_article("a", (BIDEN, ["USA"], "2024-06-13")), _gold((BIDEN, "USA", "2024-06-13"))),
        # Tokyo's signing misread as Washington's: merged with Biden's, which the gold parts
        # (a mention naming both states no longer joins one naming only one of them)
        (_article("b", (TOKYO, ["USA"], "2024-06-13")),
         _gold((TOKYO, "JPN", "2024-06-13"))),
    ]
    figures = score_event_groups(pairs)
    assert figures["event mentions tied to dated gold"] == 2
    assert figures["event groups pairwise gold pairs"] == 0
    assert figures["event groups pairwise precision"] == 0.0
    assert figures["event groups BCubed precision"] == 0.5


def test_undated_gold_events_take_part_in_no_pair() -> None:
    pairs = [
        (_article("a", (BIDEN, ["USA"], "2024-06-13")), _gold((BIDEN, "USA", None))),
        (_article("b", (BIDEN, ["USA"], "2024-06-13")), _gold((BIDEN, "USA", None))),
    ]
    assert score_event_groups(pairs)["event mentions tied to dated gold"] == 0
