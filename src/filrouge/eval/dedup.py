"""``filrouge eval dedup``: are wire copies grouped, and only they?

Two sets, both scored as precision/recall of same-group article *pairs*:

- **real pairs**: every article of ``../shared/data/ml-crisis-fr`` and ``rpm2`` (read and
  cleaned as ``filrouge ingest`` does), against the copies labelled in
  ``examples/gold-shared/duplicates.json`` (file names only; the rule is written there);
- **edited copies**: the example corpus and ml-crisis-fr, where every other article gets a copy
  edited the way outlets edit dispatches (cut, brief, new headline and typography, a paragraph
  swapped in, a later version, paragraphs reordered). Edits are made here, at run time, with a
  fixed seed; the unedited articles are each other's negatives.

Each set is scored for the shipped method (MinHash LSH candidates, containment verified) and,
side by side, for the exact all-pairs containment scan (what LSH may miss) and for the previous
all-pairs Jaccard ≥ 0.5 rule.
"""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Callable, Iterable
from pathlib import Path

from filrouge.ingest.dedup import (
    CONTAINMENT,
    MIN_SHINGLES,
    containment,
    group_pairs,
    jaccard,
    shingles,
)
from filrouge.model import Article, content_id

Pair = frozenset[str]
Figures = dict[str, float | int | str]


def _prf(predicted: set[Pair], gold: set[Pair]) -> dict[str, float | int]:
    tp = len(predicted & gold)
    p = tp / len(predicted) if predicted else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"pairs gold": len(gold), "pairs found": len(predicted), "precision": round(p, 4),
            "recall": round(r, 4), "F1": round(f, 4)}


def _all_pairs(articles: list[Article], same: Callable[[frozenset[str], frozenset[str]], bool]
               ) -> set[Pair]:
    sets = [(a.id, shingles(a.text)) for a in articles]
    return {frozenset((i, j)) for (i, a), (j, b) in itertools.combinations(sets, 2)
            if min(len(a), len(b)) >= MIN_SHINGLES and same(a, b)}


def _as_tuple(pair: Pair) -> tuple[str, str]:
    first, second = sorted(pair)
    return first, second


def _closure(pairs: Iterable[tuple[str, str]]) -> set[Pair]:
    """All pairs within the groups the labelled pairs form (copies of copies are copies)."""
    group: dict[str, set[str]] = {}
    for a, b in pairs:
        merged = group.get(a, {a}) | group.get(b, {b})
        for member in merged:
            group[member] = merged
    return {frozenset((a, b)) for members in {id(g): g for g in group.values()}.values()
            for a, b in itertools.combinations(sorted(members), 2)}


def _score_methods(articles: list[Article], gold: set[Pair]) -> dict[str, Figures]:
    return {
        "filrouge (MinHash LSH + containment)": dict(_prf(group_pairs(articles), gold)),
        "exact all-pairs containment": dict(_prf(
            _all_pairs(articles, lambda a, b: containment(a, b) >= CONTAINMENT), gold)),
        "all-pairs Jaccard ≥ 0.5 (previous rule)": dict(_prf(
            _all_pairs(articles, lambda a, b: jaccard(a, b) >= 0.5), gold)),
    }


def _read(paths: list[Path]) -> list[Article]:
    from filrouge.ingest.prepare import read_articles

    return [a for a in read_articles(paths) if isinstance(a, Article)]


def evaluate_real_pairs(shared: Path, gold_file: Path) -> dict[str, Figures]:
    labels = json.loads(gold_file.read_text(encoding="utf-8"))
    folders = [shared / "ml-crisis-fr" / "egypt", shared / "ml-crisis-fr" / "yemen",
               shared / "rpm2" / "Corpus_RPM2_documents"]
    articles = _read([f for f in folders if f.is_dir()])
    by_path = {Path(a.source).resolve().relative_to(shared.resolve()).as_posix(): a.id
               for a in articles}
    missing = [p for pair in labels["copies"] for p in pair if p not in by_path]
    if missing:
        return {"real pairs": {"skipped": f"labelled files not found: {missing[:3]}"}}
    gold = _closure((by_path[a], by_path[b]) for a, b in labels["copies"])
    out: dict[str, Figures] = {}
    for method, figures in _score_methods(articles, gold).items():
        out[f"duplicates — real pairs (ml-crisis-fr + rpm2, {len(articles)} articles), "
            f"{method}"] = figures
    return out


# -- edited copies -------------------------------------------------------------------------

EDITS = ("cut", "brief", "retitle", "swap", "update", "reorder")


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def edit_copy(text: str, kind: str, other: str, rng: random.Random) -> str:
    """``text`` as another outlet might run it; ``other`` is an unrelated article's text."""
    paras = _paragraphs(text)
    foreign = _paragraphs(other) or [""]
    if kind == "cut":
        keep = max(1, round(len(paras) * rng.uniform(0.5, 0.75)))
        paras = paras[:keep]
    elif kind == "brief":
        paras = paras[:2]
    elif kind == "retitle":
        paras = [p.replace("«\u00a0", '"').replace("\u00a0»", '"').replace("« ", '"')
                 .replace(" »", '"').replace("’", "'").upper() if i == 0 else
                 p.replace("«\u00a0", '"').replace("\u00a0»", '"').replace("’", "'")
                 for i, p in enumerate(paras)]
        paras.insert(0, "Ce que l'on sait")
    elif kind == "swap":
        if len(paras) > 2:
            paras[rng.randrange(1, len(paras))] = rng.choice(foreign)
        paras.append(rng.choice(foreign))
    elif kind == "update":
        # a later version: the last third rewritten (new paragraphs, here taken at random
        # from elsewhere in an unrelated article)
        cut = max(1, round(len(paras) * 0.7))
        paras = paras[:cut] + rng.sample(foreign, min(len(foreign), max(1, len(paras) - cut)))
    elif kind == "reorder":
        head, rest = paras[:1], paras[1:]
        rng.shuffle(rest)
        paras = head + rest
    return "\n\n".join(paras)


def edited_pool(articles: list[Article], known: set[Pair] | None = None, seed: int = 7
                ) -> tuple[list[Article], set[Pair], dict[Pair, str]]:
    """The articles plus edited copies of every other one, the gold pairs (with the ``known``
    copies among the articles themselves) and each edited pair's edit."""
    rng = random.Random(seed)
    pool = list(articles)
    gold: set[Pair] = set(known or set())
    kinds: dict[Pair, str] = {}
    for n, article in enumerate(articles[::2]):
        kind = EDITS[n % len(EDITS)]
        other = articles[(2 * n + len(articles) // 2) % len(articles)]
        text = edit_copy(article.text, kind, other.text, rng)
        if len(shingles(text)) < MIN_SHINGLES or content_id(text) == article.id:
            continue
        copy = article.model_copy(update={"id": content_id(text), "text": text,
                                          "source": f"{article.source}#{kind}"})
        pool.append(copy)
        pair = frozenset((article.id, copy.id))
        gold.add(pair)
        kinds[pair] = kind
    shuffled = pool[len(articles):]
    rng.shuffle(shuffled)
    return pool[: len(articles)] + shuffled, _closure(_as_tuple(p) for p in gold), kinds


def evaluate_edited(articles: list[Article], name: str, known: set[Pair]
                    ) -> dict[str, Figures]:
    pool, gold, kinds = edited_pool(articles, known)
    out: dict[str, Figures] = {}
    found = group_pairs(pool)
    for method, figures in _score_methods(pool, gold).items():
        out[f"duplicates — edited copies of {name} ({len(pool)} articles), {method}"] = figures
    out[f"duplicates — edited copies of {name}, recall by edit (filrouge)"] = {
        kind: round(sum(1 for p, k in kinds.items() if k == kind and p in found)
                    / max(1, sum(1 for k in kinds.values() if k == kind)), 4)
        for kind in EDITS}
    return out


def _known(articles: list[Article], root: Path, pairs: list[list[str]]) -> set[Pair]:
    """Labelled copy pairs (paths relative to ``root``) among ``articles``, as id pairs."""
    by_path = {}
    for article in articles:
        path = Path(article.source.partition("#")[0]).resolve()
        if path.is_relative_to(root.resolve()):
            by_path[path.relative_to(root.resolve()).as_posix()] = article.id
    return {frozenset((by_path[a], by_path[b])) for a, b in pairs
            if a in by_path and b in by_path}


def evaluate_dedup(shared: Path | None, examples: Path | None) -> dict[str, Figures]:
    out: dict[str, Figures] = {}
    gold_file = examples / "gold-shared" / "duplicates.json" if examples else None
    labels = (json.loads(gold_file.read_text(encoding="utf-8"))
              if gold_file is not None and gold_file.is_file() else {})
    if examples is not None and (examples / "corpus").is_dir():
        articles = _read([examples / "corpus"])
        known = _known(articles, examples / "corpus", labels.get("example_copies", []))
        out.update(evaluate_edited(articles, "the example corpus", known))
    if shared is None:
        out["duplicates — real pairs"] = {"skipped": "../shared/data not found"}
        return out
    if gold_file is not None and gold_file.is_file():
        out.update(evaluate_real_pairs(shared, gold_file))
    crisis = [shared / "ml-crisis-fr" / "egypt", shared / "ml-crisis-fr" / "yemen"]
    if all(f.is_dir() for f in crisis):
        articles = _read(crisis)
        out.update(evaluate_edited(articles, "ml-crisis-fr",
                                   _known(articles, shared, labels.get("copies", []))))
    return out
