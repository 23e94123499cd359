"""Annotator agreement on events: the same measure the extractor gets, applied to two readings."""

from filrouge.eval.agreement import agreement, tuple_keys
from filrouge.eval.example import Gold


def _record(*events: tuple[str, str, str | None, str | None]) -> Gold:
    return {"events": [{"type": t, "actor": a, "target": g, "date": d} for t, a, g, d in events]}


def test_identical_readings_agree_fully() -> None:
    gold = {"a.txt": _record(("AGREE", "FRA", "UKR", "2024-02-16"))}
    figures = agreement(gold, {"a.txt": tuple_keys(gold["a.txt"]["events"])})
    assert figures["event tuple f1"] == 1.0
    assert figures["articles"] == 1


def test_another_day_breaks_the_tuple_but_not_the_pair() -> None:
    gold = {"a.txt": _record(("AGREE", "FRA", "UKR", "2024-02-16"),
                             ("CONSULT", "FRA", "DEU", None))}
    second = _record(("AGREE", "FRA", "UKR", "2024-02-17"))
    figures = agreement(gold, {"a.txt": tuple_keys(second["events"])})
    assert figures["event tuple f1"] == 0.0
    assert figures["event (type, actor, target) precision"] == 1.0
    assert figures["event (type, actor) recall"] == 0.5


def test_documents_without_gold_events_are_left_out() -> None:
    gold = {"a.txt": _record(("AGREE", "FRA", "UKR", None)), "b.txt": {"quotes": []}}
    readings = {"a.txt": tuple_keys(gold["a.txt"]["events"]),
                "b.txt": tuple_keys([{"type": "AID", "actor": "USA"}])}
    assert agreement(gold, readings)["articles"] == 1
