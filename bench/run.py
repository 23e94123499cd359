"""Speed and memory of filrouge, as ratios measured in one run on the same texts.

    make bench            # or: .venv/bin/python bench/run.py [--repeat N]

Reports ingestion throughput (read + clean, no model), the full analysis against plain spaCy
(`nlp.pipe` with the same model and batch size: the cost filrouge adds on top of parsing), and
peak memory. Results go to stdout and bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from filrouge.analyze.pipeline import Analyzer, load_model
from filrouge.ingest.prepare import read_articles
from filrouge.model import Article

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"


def timed(function, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def ingest_by_format(articles: list[Article]) -> dict[str, float]:
    """Articles/s of reading + cleaning alone (no model), for the same texts in each container
    format: one text file each, one JSON Lines file, one CSV file, one zip of the text files."""
    import csv
    import tempfile
    import zipfile

    rates: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "txt").mkdir()
        for number, article in enumerate(articles):
            (base / "txt" / f"{number:04d}.txt").write_text(article.text, encoding="utf-8")
        with (base / "all.jsonl").open("w", encoding="utf-8") as handle:
            for number, article in enumerate(articles):
                handle.write(json.dumps({"id": str(number), "title": article.title,
                                         "text": article.text}, ensure_ascii=False) + "\n")
        with (base / "all.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "title", "text"])
            for number, article in enumerate(articles):
                writer.writerow([number, article.title or "", article.text])
        with zipfile.ZipFile(base / "all.zip", "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted((base / "txt").iterdir()):
                archive.write(path, path.name)
        for name, target in (("txt", base / "txt"), ("jsonl", base / "all.jsonl"),
                             ("csv", base / "all.csv"), ("zip", base / "all.zip")):
            found, seconds = timed(lambda t=target: [
                a for a in read_articles([t]) if isinstance(a, Article)])
            rates[f"ingest articles/s, {name}"] = round(len(found) / seconds, 1)
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=4,
                        help="copies of the example corpus to process (default 4)")
    options = parser.parse_args()

    def ingest_only() -> list[Article]:
        found: list[Article] = []
        for _ in range(options.repeat):
            found += [a for a in read_articles([CORPUS]) if isinstance(a, Article)]
        return found

    articles, ingest_seconds = timed(ingest_only)
    by_format = ingest_by_format(articles)
    texts = [a.text for a in articles]
    characters = sum(map(len, texts))
    nlp = load_model()
    analyzer = Analyzer()
    list(nlp.pipe(texts[:4]))  # warm up both paths on the same model
    _, spacy_seconds = timed(lambda: list(nlp.pipe(texts, batch_size=16)))
    _, filrouge_seconds = timed(lambda: list(analyzer.analyze(articles)))
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results = {
        "articles": len(articles),
        "characters": characters,
        "ingest articles/s (read + clean)": round(len(articles) / ingest_seconds, 1),
        **by_format,
        "plain spaCy articles/s": round(len(articles) / spacy_seconds, 2),
        "filrouge analyze articles/s": round(len(articles) / filrouge_seconds, 2),
        "filrouge / spaCy time ratio": round(filrouge_seconds / spacy_seconds, 2),
        "peak RSS MiB": round(peak_mib),
    }
    width = max(map(len, results))
    for key, value in results.items():
        print(f"{key:<{width}}  {value}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
