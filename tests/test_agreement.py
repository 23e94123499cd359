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


def test_the_second_reading_covers_gold_articles_and_quotes_their_text() -> None:
    """Every record of examples/gold-second names a gold article with events, uses the gold's
    type names and quotes its evidence from the source file."""
    from pathlib import Path

    from filrouge.eval.agreement import second_reading
    from filrouge.eval.example import load_gold

    examples = Path(__file__).resolve().parents[1] / "examples"
    gold = load_gold(examples / "gold")
    second = second_reading(examples)
    assert len(second) >= 10
    types = {e["type"] for record in gold.values() for e in record.get("events", [])}
    for doc, record in second.items():
        assert "events" in gold[doc], doc
        source = (examples / "corpus" / doc.partition("#")[0]).read_text(encoding="utf-8")
        for event in record["events"]:
            assert event["type"] in types, (doc, event["type"])
            assert event["evidence"] in source, (doc, event["evidence"])
