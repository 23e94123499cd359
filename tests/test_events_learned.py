"""The learned event scorer: candidates and features, the shipped model, fitting, rules only."""

from __future__ import annotations

import pytest

from filrouge.analyze.entities import EntityIndex
from filrouge.analyze.events import learned
from filrouge.analyze.pipeline import Analyzer, annotate
from filrouge.eval import events_model
from filrouge.model import Article, Published, content_id


def _article(text: str, published: str = "2024-02-16") -> Article:
    return Article(id=content_id(text), source="test", text=text,
                   published=Published(value=published, origin="input", confidence=1.0))


def _rules_only(analyzer: Analyzer, text: str) -> tuple[Article, object]:
    doc = analyzer.nlp(text)
    return annotate(_article(text), doc, analyzer.registry, learned=False), doc


def test_candidates_read_the_verb_and_the_rule_event_of_a_pair(analyzer: Analyzer) -> None:
    text = "Emmanuel Macron a rencontré Volodymyr Zelensky mardi à Paris."
    done, doc = _rules_only(analyzer, text)
    index = EntityIndex(done.entities, analyzer.registry)
    found = learned.candidates(doc, index, done.quotes, done.events)  # type: ignore[arg-type]
    pair = next(c for c in found if c.actor == "emmanuel-macron"
                and c.target == "volodymyr-zelensky")
    assert "Adep=nsubj" in pair.features
    assert "Av=rencontrer" in pair.features
    assert "Tdep=obj" in pair.features
    assert "R=CONSULT" in pair.features
    alone = next(c for c in found if c.actor == "emmanuel-macron" and c.target is None)
    assert "T=none" in alone.features and "R" not in alone.features
    assert doc[pair.trigger].lemma_ == "rencontrer"  # type: ignore[index]


def test_the_shipped_model_loads_and_scores(analyzer: Analyzer) -> None:
    model = learned.shipped_model()
    assert model is not None and "NONE" in model.classes and "CONSULT" in model.classes
    assert 0.0 <= model.keep <= 1.0 and 0.0 <= model.add <= 1.01
    text = "Emmanuel Macron a rencontré Volodymyr Zelensky mardi à Paris."
    done, doc = _rules_only(analyzer, text)
    index = EntityIndex(done.entities, analyzer.registry)
    found = learned.candidates(doc, index, done.quotes, done.events)  # type: ignore[arg-type]
    scores = {(c.actor, c.target): model.probabilities(c.features) for c in found}
    assert all(abs(sum(p.values()) - 1.0) < 1e-9 for p in scores.values())
    meeting = scores[("emmanuel-macron", "volodymyr-zelensky")]
    assert meeting["CONSULT"] > max(meeting["NONE"], model.keep)
    assert scores[("emmanuel-macron", None)]["CONSULT"] < meeting["CONSULT"]


def test_fitting_on_a_tiny_pool_finds_its_events(analyzer: Analyzer) -> None:
    texts = {
        "a": ("Le Canada a annoncé mardi une aide militaire à l'Ukraine. "
              "La Pologne a critiqué la Hongrie.",
              [("AID", "CAN", "UKR", "Le Canada a annoncé mardi une aide militaire"),
               ("ACCUSE", "POL", "HUN", "La Pologne a critiqué la Hongrie")]),
        "b": ("L'Allemagne a annoncé une aide à la Moldavie. "
              "La Roumanie a critiqué la Russie.",
              [("AID", "DEU", "MDA", "L'Allemagne a annoncé une aide à la Moldavie"),
               ("ACCUSE", "ROU", "RUS", "La Roumanie a critiqué la Russie")]),
    }
    items = []
    for key, (text, golds) in texts.items():
        gold = {"events": [{"type": t, "actor": a, "target": g, "date": "2024-02-16",
                            "evidence": e} for t, a, g, e in golds]}
        items.append(events_model.item_of(key, "train", _article(text), analyzer.nlp(text),
                                          analyzer.registry, gold))
    model = events_model.fit(items, 10.0)
    for item, (_, golds) in zip(items, texts.values(), strict=True):
        probs = [model.probabilities(c.features) for c in item.found]
        found = events_model.simulate(item, probs, 0.2, 0.5, 0.5)
        keys = {(e.type, a, t) for e in found for a in e.actors for t in e.targets}
        assert {(t, a, g) for t, a, g, _ in golds} <= keys


def test_rules_only_gives_the_rule_events_unchanged(analyzer: Analyzer,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Joe Biden a rencontré Volodymyr Zelensky jeudi à Washington. "
            "Il a promis de nouvelles armes à l'Ukraine.")
    doc = analyzer.nlp(text)
    plain = annotate(_article(text), doc, analyzer.registry, learned=False)
    monkeypatch.setenv("FILROUGE_EVENTS", "rules")
    assert not learned.enabled()
    assert annotate(_article(text), doc, analyzer.registry).events == plain.events
    assert learned.enabled(True) and not learned.enabled(False)
    monkeypatch.setenv("FILROUGE_EVENTS", "learned")
    assert learned.enabled()
    scored = annotate(_article(text), doc, analyzer.registry).events
    assert all(e.start < e.end and text[e.start:e.end] == e.text for e in scored)


def test_a_higher_keep_threshold_keeps_fewer_events(analyzer: Analyzer,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Joe Biden a rencontré Volodymyr Zelensky jeudi à Washington. "
            "La Pologne a critiqué la Hongrie.")
    doc = analyzer.nlp(text)
    monkeypatch.setenv("FILROUGE_EVENTS_KEEP", "0")
    everything = annotate(_article(text), doc, analyzer.registry, learned=True).events
    monkeypatch.setenv("FILROUGE_EVENTS_KEEP", "1.01")
    nothing = annotate(_article(text), doc, analyzer.registry, learned=True).events
    rules = annotate(_article(text), doc, analyzer.registry, learned=False).events
    assert len(everything) >= len(rules) > 0
    assert len(nothing) < len(rules)


def test_a_mistyped_setting_warns_and_keeps_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    from filrouge.analyze.events.learned import enabled, keep_threshold, shipped_model

    model = shipped_model()
    assert model is not None
    monkeypatch.setenv("FILROUGE_EVENTS", "learnd")
    with pytest.warns(UserWarning, match="neither 'rules' nor 'learned'"):
        assert enabled() == model.default_on
    monkeypatch.setenv("FILROUGE_EVENTS_KEEP", "high")
    with pytest.warns(UserWarning, match="is not a number"):
        assert keep_threshold(model) == model.keep
