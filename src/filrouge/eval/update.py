"""Update summaries scored on rpm2: for each story, what slice C2 (a month later) adds to slice
C1, against the four human update summaries ``TNN_C2_A{1..4}.txt``.

Both systems get the references' mean length in words as their budget: filrouge's update
summary (salience among the new sentences minus redundancy with the old ones) and a baseline
taking the lead sentence of each new article, newest first (rpm2 gives no publication dates, so
"newest" falls back to id order). ROUGE-1/2 F with our French tokenisation, pooled over the four
references (see ``eval.timeline.rouge_counts``), micro-averaged over the stories.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from filrouge.eval.stories import labels_of, rpm2_articles
from filrouge.eval.timeline import rouge_counts
from filrouge.model import Article
from filrouge.stories.update import lead_baseline, update_summary


def evaluate_updates(root: Path, articles: Sequence[Article] | None = None
                     ) -> dict[str, dict[str, float | int]]:
    articles = list(articles) if articles is not None else rpm2_articles(root)
    gold = labels_of(articles)
    references_dir = root / "Corpus_RPM2_references"
    totals = {name: {n: [0.0, 0.0, 0.0] for n in (1, 2)} for name in ("filrouge", "lead")}
    stories = 0
    for story in sorted({label for label, _ in gold.values()}):
        references = [p.read_text(encoding="utf-8-sig").split("\n")
                      for p in sorted(references_dir.glob(f"T{story}_C2_A*.txt"))]
        references = [[line for line in r if line.strip()] for r in references]
        if not references:
            continue
        before = [a for a in articles if gold.get(a.id) == (story, "C1")]
        after = [a for a in articles if gold.get(a.id) == (story, "C2")]
        budget = round(sum(len(" ".join(r).split()) for r in references) / len(references))
        systems = {"filrouge": update_summary(before, after, budget),
                   "lead": lead_baseline(after, budget)}
        for name, chosen in systems.items():
            for n in (1, 2):
                counts = rouge_counts([s.text for s in chosen], references, n)
                for i in range(3):
                    totals[name][n][i] += counts[i]
        stories += 1
    results: dict[str, dict[str, float | int]] = {}
    for name, by_n in totals.items():
        figures: dict[str, float | int] = {"stories": stories}
        for n, (hits, p_total, r_total) in by_n.items():
            precision = hits / p_total if p_total else 0.0
            recall = hits / r_total if r_total else 0.0
            figures[f"rouge-{n} f"] = round(
                2 * precision * recall / (precision + recall) if precision + recall else 0.0, 4)
        results[name] = figures
    return results
