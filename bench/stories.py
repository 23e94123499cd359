"""Grouping speed on synthetic articles: does the cost grow about linearly with the stream?

    .venv/bin/python bench/stories.py                 # 1 k and 10 k articles (make bench)
    .venv/bin/python bench/stories.py --sizes 1000 10000 100000

The generator writes French-looking articles from templates: each story has its own topic words,
actors and a date window; each article mixes a story's words with common words, names two or
three of its actors and a date. Grouping (profile + incremental placement, no spaCy) is timed
for each size; the growth exponent is the slope of log(time) against log(size). Results go to
stdout and bench/results/stories.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import resource
import time
from itertools import accumulate
from pathlib import Path

from filrouge.model import Article, Published, content_id
from filrouge.stories.cluster import group

ROOT = Path(__file__).resolve().parents[1]
SYLLABLES = ("ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo fu la le li lo lu ma me "
             "mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to "
             "tu va ve vi vo vu tion ment eur ance ique").split()
COMMON = ("gouvernement président ministre accord réunion conférence projet pays région ville "
          "sécurité économie budget réforme négociation annonce décision rapport enquête "
          "tribunal élection parlement sommet crise aide soutien opposition débat mesure "
          "population sanction frontière armée police manifestation grève entreprise marché "
          "banque prix emploi santé école transport énergie climat justice").split()
VERBS = "a annoncé a rejeté a signé a proposé a dénoncé a confirmé a promis a refusé".split(" a ")
MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"


def pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def generate(n_articles: int, seed: int = 7) -> list[Article]:
    """``n_articles`` articles on about n/12 stories of uneven size over three years."""
    rng = random.Random(seed)
    common = COMMON + [pseudo_word(rng) for _ in range(5000)]  # the language's long tail
    # Zipf-like frequencies, as cumulative weights so each draw costs a bisection
    common_weights = list(accumulate(1.0 / (rank + 1) ** 0.6 for rank in range(len(common))))
    n_stories = max(1, n_articles // 12)
    start = dt.date(2022, 1, 1).toordinal()
    stories = []
    for _ in range(n_stories):
        words = [pseudo_word(rng) for _ in range(30)]
        actors = [f"{pseudo_word(rng).capitalize()} {pseudo_word(rng).capitalize()}"
                  for _ in range(4)]
        stories.append((words, actors, start + rng.randrange(3 * 365)))
    weights = list(accumulate(1.0 / (i + 1) ** 0.5 for i in range(n_stories)))
    articles = []
    for i in range(n_articles):
        words, actors, first = rng.choices(stories, cum_weights=weights)[0]
        day = dt.date.fromordinal(first + rng.randrange(40))
        title = " ".join(rng.sample(words, 3)).capitalize() + f" : {rng.choice(actors)}"
        sentences = []
        for _ in range(8):
            chunk = rng.sample(words, 5) + rng.choices(common, cum_weights=common_weights, k=7)
            rng.shuffle(chunk)
            sentences.append(f"{rng.choice(actors)} {rng.choice(VERBS).strip()} le "
                             f"{day.day} {MONTHS.split()[day.month - 1]} {' '.join(chunk)}.")
        text = " ".join(sentences) + f" Article {i}."
        articles.append(Article(id=content_id(text), source=f"synthetic-{i}", title=title,
                                text=text,
                                published=Published(value=day.isoformat(), origin="input",
                                                    confidence=1.0)))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    options = parser.parse_args()
    rows = []
    for size in options.sizes:
        articles = generate(size)
        started, cpu = time.perf_counter(), time.process_time()
        grouper = group(articles)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
        rows.append({"articles": size, "seconds": round(seconds, 2), "cpu seconds": round(cpu, 2),
                     "articles/s": round(size / seconds, 1), "stories": len(grouper.stories)})
        print(f"{size:>7} articles  {seconds:8.2f} s  (CPU {cpu:.2f} s)  "
              f"{size / seconds:8.1f} articles/s  {len(grouper.stories)} stories", flush=True)
    slope = None
    if len(rows) >= 2:
        xs = [math.log(r["articles"]) for r in rows]
        ys = [math.log(r["cpu seconds"]) for r in rows]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
            (x - mx) ** 2 for x in xs)
        print(f"growth exponent (log-log slope of CPU time): {slope:.2f}  (1.0 = linear)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS MiB: {peak:.0f}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "stories.json").write_text(json.dumps(
        {"runs": rows, "growth exponent": round(slope, 3) if slope is not None else None,
         "peak RSS MiB": round(peak)}, indent=2) + "\n")


if __name__ == "__main__":
    main()
