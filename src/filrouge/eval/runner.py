"""``filrouge eval STAGE``: run the pipeline on gold data and report each stage's figures.

The example corpus is analysed once per run and every stage scored on it, split into the 'dev'
half (the rules were written looking at it) and the 'test' half (reported as the honest figure).
Evaluations on ``../shared/data`` run only where that folder is present.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from filrouge.eval.dating import score_dating
from filrouge.eval.example import (
    Gold,
    Tally,
    doc_key,
    examples_dir,
    load_gold,
    score_actors,
    score_events,
    score_ingest,
    score_quotes,
    score_times,
    split_of,
)
from filrouge.model import Article

Figures = dict[str, float | int | str]

# Every stage `filrouge eval` accepts (add a new scorer's name here).
EVAL_STAGES = ["all", "ingest", "dedup", "actors", "time", "quotes", "figures", "events",
               "stories", "timeline", "update", "timebank", "pubdate"]
Scorer = Callable[[Article, Gold, Tally], None]

EXAMPLE_SCORERS: dict[str, Scorer] = {
    "ingest": score_ingest,
    "actors": score_actors,
    "time": score_times,
    "quotes": lambda a, g, t: score_quotes(a, g, t, {"direct"}),
    "quotes (all kinds)": lambda a, g, t: score_quotes(a, g, t, {"direct", "indirect", "mixed"}),
    # the same direct-quote scorer over textacy's direct_quotations (side by side)
    "quotes, textacy": lambda a, g, t: score_quotes(a, g, t, {"direct"}),
    "events": score_events,
    "statement dates": score_dating,
}

# The gold key each stage reads: an article whose gold lacks the key was not annotated for that
# layer and is left out of that stage's figures (rather than counted as all false positives).
GOLD_LAYER = {"ingest": "published", "actors": "entities", "time": "times", "quotes": "quotes",
              "quotes (all kinds)": "quotes", "quotes, textacy": "quotes", "figures": "amounts",
              "events": "events", "statement dates": "published"}


def analysed_examples(corpus: Path) -> list[Article]:
    """The example corpus, read, cleaned and analysed exactly as `filrouge analyze` does."""
    from filrouge.analyze.pipeline import Analyzer
    from filrouge.ingest.prepare import read_articles

    articles = [a for a in read_articles([corpus]) if isinstance(a, Article)]
    return [a for a in Analyzer().analyze(articles) if isinstance(a, Article)]


def score_examples(stages: list[str], gold_dir: Path | None = None) -> dict[str, Figures]:
    examples = examples_dir()
    gold_dir = gold_dir or (examples / "gold" if examples else None)
    if gold_dir is None or not gold_dir.is_dir():
        return {"example corpus": {"skipped": "examples/gold not found (run from the repo)"}}
    corpus = gold_dir.parent / "corpus"
    gold = load_gold(gold_dir)
    articles = analysed_examples(corpus)
    results: dict[str, Figures] = {}
    keyed = [(doc_key(a, corpus), a) for a in articles]
    textacy: dict[str, Article] = {}
    if "quotes, textacy" in stages:
        from filrouge.eval.textacy_quotes import textacy_quotes

        converted, _refused = textacy_quotes(articles)
        textacy = {a.id: a for a in converted}
    for half in ("test", "dev"):
        pairs = [(a, gold[key]) for key, a in keyed if key in gold and split_of(key) == half]
        for stage in stages:
            layer = [(textacy.get(a.id, a) if stage == "quotes, textacy" else a, g)
                     for a, g in pairs if GOLD_LAYER[stage] in g]
            figures: Figures = {"articles": len(layer)}
            figures.update(_score_figures(layer) if stage == "figures"
                           else _score_with(EXAMPLE_SCORERS[stage], layer))
            results[f"{stage} — example corpus, {half} half"] = figures
        if "events" in stages:  # across articles: mentions of one happening grouped
            from filrouge.eval.event_groups import score_event_groups

            layer = [(a, g) for a, g in pairs if "events" in g]
            results[f"events — example corpus, {half} half, grouped across articles"] = {
                "articles": len(layer), **score_event_groups(layer, articles)}
    if "events" in stages:  # one happening is often told by articles of both halves
        from filrouge.eval.event_groups import score_event_groups

        layer = [(a, gold[key]) for key, a in keyed if "events" in gold.get(key, {})]
        results["events — example corpus, both halves, grouped across articles"] = {
            "articles": len(layer), **score_event_groups(layer, articles)}
        results.update(_events_agreement(gold_dir.parent, gold))
        results.update(_events_training(gold_dir.parent))
    return dict(sorted(results.items(), key=lambda kv: stages.index(kv[0].split(" — ")[0])))


def _events_training(examples: Path) -> dict[str, Figures]:
    """Events on ``examples/train``: articles written after the split only to write rules on, so
    the dev half is not the only text the rules see. Reported for transparency, never as the
    honest figure (that is the test half)."""
    train = examples / "train"
    if not (train / "gold").is_dir():
        return {}
    gold = load_gold(train / "gold")
    corpus = train / "corpus"
    pairs = [(a, gold[key]) for a in analysed_examples(corpus)
             if (key := doc_key(a, corpus)) in gold and "events" in gold[key]]
    return {"events — training articles (rules written on them)": {
        "articles": len(pairs), **_score_with(score_events, pairs)}}


def _events_agreement(examples: Path, gold: dict[str, Gold]) -> dict[str, Figures]:
    """Two blind readings of the events against each other (the human ceiling), and each against
    the adjudicated gold."""
    from filrouge.eval.agreement import agreement, blind_readings
    from filrouge.eval.example import gold_event_keys

    readings = blind_readings(examples)
    results: dict[str, Figures] = {}
    names = sorted(readings)
    for half in ("test", "dev"):
        keys = {name: {doc: gold_event_keys(record.get("events", []))
                       for doc, record in readings[name].items() if split_of(doc) == half}
                for name in names}
        if len(names) >= 2:
            first, second = names[0], names[1]
            results[f"events — blind reading {second} vs blind reading {first}, {half} half"] = \
                dict(agreement(readings[first], keys[second]))
        for name in names:
            results[f"events — blind reading {name} vs gold, {half} half"] = dict(
                agreement(gold, keys[name]))
    return results


def _score_with(scorer: Scorer, pairs: list[tuple[Article, Gold]]) -> dict[str, float | int]:
    tally = Tally()
    for article, gold in pairs:
        scorer(article, gold, tally)
    return tally.figures()


def _score_figures(pairs: list[tuple[Article, Gold]]) -> dict[str, float]:
    from filrouge.eval.figures import Counts, score_article, summarise

    total = Counts()
    for article, gold in pairs:
        total = total + score_article(article.text, gold.get("amounts", []), article.amounts)
    return summarise(total)


def _shared(name: str) -> Path | None:
    from filrouge.eval.pubdate import shared_data_dir

    root = shared_data_dir()
    return root / name if root and (root / name).is_dir() else None


def score_shared(stage: str) -> dict[str, Figures]:
    results: dict[str, Figures] = {}
    if stage in {"timebank", "time"}:
        from filrouge.eval.timebank import evaluate_dateparser_baseline, evaluate_timebank

        folder = _shared("fr-timebank")
        if folder is None:
            results["fr-timebank"] = {"skipped": "../shared/data/fr-timebank not found"}
        else:
            results["time — fr-timebank, filrouge"] = dict(evaluate_timebank(folder))
            try:
                results["time — fr-timebank, dateparser"] = dict(
                    evaluate_dateparser_baseline(folder))
            except ImportError:
                results["time — fr-timebank, dateparser"] = {
                    "skipped": "dateparser not installed (pip install filrouge[dev])"}
        from filrouge.eval.dating import evaluate_inference_mlcrisis

        undated = _shared("ml-crisis-fr")
        if undated is None:
            results["time — publication date inference"] = {
                "skipped": "../shared/data/ml-crisis-fr not found"}
        else:
            for part, inferred in evaluate_inference_mlcrisis(undated).items():
                results[f"time — publication date inference, ml-crisis-fr, {part}"] = dict(
                    inferred)
        from filrouge.eval.dating import evaluate_inference_wikinews

        pages = _shared("wikinews-fr")
        if pages is not None:  # the dev set of the inference rules
            for part, inferred in evaluate_inference_wikinews(pages).items():
                results[f"time — publication date inference, wikinews-fr (dev), {part}"] = dict(
                    inferred)
    if stage in {"pubdate", "ingest"}:
        from filrouge.eval.pubdate import evaluate_pubdate_mlcrisis, evaluate_pubdate_wikinews

        for name, function in (("ml-crisis-fr", evaluate_pubdate_mlcrisis),
                               ("wikinews-fr", evaluate_pubdate_wikinews)):
            folder = _shared(name)
            results[f"publication date — {name}"] = (
                dict(function(folder)) if folder
                else {"skipped": f"../shared/data/{name} not found"}
            )
    if stage == "debris":
        from filrouge.eval.debris import evaluate_debris, gold_path

        folder, gold = _shared("ml-crisis-fr"), gold_path()
        if folder is None or gold is None:
            missing = "../shared/data/ml-crisis-fr" if folder is None else "examples/gold-shared"
            results["ingest — ml-crisis-fr debris lines"] = {"skipped": f"{missing} not found"}
        else:
            results.update(evaluate_debris(folder, gold))
    if stage in {"stories", "update"}:
        folder = _shared("rpm2")
        if folder is None:
            results[f"{stage} — rpm2"] = {"skipped": "../shared/data/rpm2 not found"}
        elif stage == "stories":
            from filrouge.eval.stories import evaluate_rpm2

            for part, figures in evaluate_rpm2(folder).items():
                results[f"stories — rpm2 grouping, {part}"] = dict(figures)
        else:
            from filrouge.eval.update import evaluate_updates

            for system, figures in evaluate_updates(folder).items():
                results[f"update — rpm2 C2 vs C1, {system}"] = dict(figures)
    if stage == "timeline":
        from filrouge.eval.timeline import evaluate_mlcrisis

        folder = _shared("ml-crisis-fr")
        if folder is None:
            results["timeline — ml-crisis-fr"] = {
                "skipped": "../shared/data/ml-crisis-fr not found"}
        else:
            for crisis, figures in evaluate_mlcrisis(folder).items():
                results[f"timeline — ml-crisis-fr, {crisis}"] = dict(figures)
    return results


def run_eval(stage: str, gold_dir: Path | None = None) -> dict[str, Any]:
    example_stages = {
        "all": ["ingest", "actors", "time", "statement dates", "quotes", "quotes (all kinds)",
                "quotes, textacy", "figures", "events"],
        "ingest": ["ingest"], "actors": ["actors"], "time": ["time", "statement dates"],
        "quotes": ["quotes", "quotes (all kinds)", "quotes, textacy"], "figures": ["figures"],
        "events": ["events"],
    }.get(stage, [])
    results: dict[str, Any] = {}
    if example_stages:
        results.update(score_examples(example_stages, gold_dir))
    if stage in {"all", "time", "timebank"}:
        results.update(score_shared("timebank"))
    if stage in {"all", "ingest"}:
        results.update(score_shared("debris"))
    if stage in {"all", "ingest", "pubdate"}:
        results.update(score_shared("pubdate"))
    for story_stage in ("stories", "timeline", "update"):
        if stage in {"all", story_stage}:
            results.update(score_shared(story_stage))
    if stage in {"all", "ingest", "dedup"}:
        from filrouge.eval.dedup import evaluate_dedup
        from filrouge.eval.pubdate import shared_data_dir

        results.update(evaluate_dedup(shared_data_dir(), examples_dir()))
    return results
