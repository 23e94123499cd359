"""Annotator agreement on events: the same measure the extractor gets, applied to two readings."""

import json
from pathlib import Path

from filrouge.eval.agreement import agreement
from filrouge.eval.example import Gold, gold_event_keys


def _record(*events: tuple[str, str, str | None, str | None]) -> Gold:
    return {"events": [{"type": t, "actor": a, "target": g, "date": d} for t, a, g, d in events]}


def test_identical_readings_agree_fully() -> None:
    gold = {"a.txt": _record(("AGREE", "FRA", "UKR", "2024-02-16"))}
    figures = agreement(gold, {"a.txt": gold_event_keys(gold["a.txt"]["events"])})
    assert figures["event tuple f1"] == 1.0
    assert figures["articles"] == 1


def test_another_day_breaks_the_tuple_but_not_the_pair() -> None:
    gold = {"a.txt": _record(("AGREE", "FRA", "UKR", "2024-02-16"),
                             ("CONSULT", "FRA", "DEU", None))}
    second = _record(("AGREE", "FRA", "UKR", "2024-02-17"))
    figures = agreement(gold, {"a.txt": gold_event_keys(second["events"])})
    assert figures["event tuple f1"] == 0.0
    assert figures["event (type, actor, target) precision"] == 1.0
    assert figures["event (type, actor) recall"] == 0.5


def test_documents_without_gold_events_are_left_out() -> None:
    gold = {"a.txt": _record(("AGREE", "FRA", "UKR", None)), "b.txt": {"quotes": []}}
    readings = {"a.txt": gold_event_keys(gold["a.txt"]["events"]),
                "b.txt": gold_event_keys([{"type": "AID", "actor": "USA"}])}
    assert agreement(gold, readings)["articles"] == 1


def test_the_blind_readings_cover_gold_articles_and_quote_their_text() -> None:
    """Each blind reading (examples/gold-second/reading-*.jsonl) covers every gold article with
    events, uses the gold's type names and quotes its evidence from the article's source."""
    import json
    from pathlib import Path

    from filrouge.eval.agreement import blind_readings
    from filrouge.eval.example import load_gold

    examples = Path(__file__).resolve().parents[1] / "examples"
    gold = load_gold(examples / "gold")
    readings = blind_readings(examples)
    assert sorted(readings) == ["x", "y"]
    with_events = {doc for doc, record in gold.items() if "events" in record}
    types = {e["type"] for record in gold.values() for e in record.get("events", [])}
    for reading in readings.values():
        assert set(reading) == with_events
        for doc, record in reading.items():
            path, _, given = doc.partition("#")
            source = (examples / "corpus" / path).read_text(encoding="utf-8")
            if given:  # a JSON Lines file: the record with that id
                source = next("\n".join(str(value) for value in r.values())
                              for r in map(json.loads, source.splitlines()) if r.get("id") == given)
            for event in record["events"]:
                assert event["type"] in types, (doc, event["type"])
                assert event["evidence"] in source, (doc, event["evidence"])


def test_training_articles_are_scored_apart_from_the_halves(tmp_path: Path) -> None:
    from filrouge.eval.runner import _events_training

    assert _events_training(tmp_path) == {}  # no examples/train: no row
    corpus, gold = tmp_path / "train" / "corpus", tmp_path / "train" / "gold"
    corpus.mkdir(parents=True)
    gold.mkdir()
    (corpus / "a.txt").write_text(
        "Publié le 16/02/2024\n\nL'Allemagne a signé vendredi un accord de sécurité avec "
        "l'Ukraine. La France a critiqué mardi la Hongrie.\n", encoding="utf-8")
    record = {"doc": "a.txt", "published": "2024-02-16", "events": [
        {"type": "AGREE", "actor": "DEU", "target": "UKR", "date": "2024-02-16",
         "evidence": "L'Allemagne a signé vendredi un accord"},
        {"type": "AGREE", "actor": "UKR", "target": "DEU", "date": "2024-02-16",
         "evidence": "L'Allemagne a signé vendredi un accord"}]}
    (gold / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (row,) = _events_training(tmp_path).values()
    assert row["articles"] == 1
    assert 0 < float(row["event tuple recall"]) <= 1
