"""Language identification and encoding repair measured on the shared French news.

    .venv/bin/python bench/ingest_quality.py

Reads ../shared/data in place (skips when absent; nothing is copied). All of it is French, so:

- language: share of articles identified as French, for the whole cleaned text and for single
  paragraphs (40–300 characters, the hard case), with the identifier restricted to the
  plausible languages (what filrouge uses) and unrestricted, at two sample lengths;
- encoding: each file re-encoded as Windows-1252 and as Latin-1 (when it can be), then decoded
  by filrouge: share decoded back exactly;
- mojibake: each text garbled as UTF-8 read as Windows-1252, then repaired: share restored
  exactly; and how many correct texts the repair changed (it should change none).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from filrouge.eval.pubdate import shared_data_dir
from filrouge.ingest import language as lang
from filrouge.ingest.encoding import decode, repair_mojibake
from filrouge.ingest.prepare import read_articles
from filrouge.model import Article

SETS = ("rpm2", "wikinews-fr", "ml-crisis-fr", "fr-timebank")


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if 40 <= len(p) <= 300]


def main() -> None:
    shared = shared_data_dir()
    if shared is None:
        print("shared data not found (../shared/data or $FILROUGE_SHARED): nothing measured")
        return
    folders = [shared / name for name in SETS[:3] if (shared / name).is_dir()]
    articles = [a for a in read_articles(folders) if isinstance(a, Article)]
    results: dict[str, object] = {"articles": len(articles)}
    snippets = [p for a in articles for p in paragraphs(a.text)]
    results["paragraphs"] = len(snippets)
    for restricted in (True, False):
        for sample in (1500, 3000):
            lang.SAMPLE_CHARS = sample
            name = f"{'restricted' if restricted else 'all 140'}, {sample} chars"
            found = Counter(lang.identify(a.text, restricted=restricted)[0] for a in articles)
            short = Counter(lang.identify(p, restricted=restricted)[0] for p in snippets)
            results[f"articles French, {name}"] = round(found["fr"] / len(articles), 4)
            results[f"articles not French, {name}"] = dict(
                (k or "none", v) for k, v in found.items() if k != "fr")
            results[f"paragraphs French, {name}"] = round(short["fr"] / len(snippets), 4)
            results[f"paragraphs other, {name}"] = dict(
                (k or "none", v) for k, v in short.most_common(6) if k != "fr")

    files = sorted(p for name in SETS if (shared / name).is_dir()
                   for p in (shared / name).rglob("*") if p.suffix in {".txt", ".html", ".tml"})
    counts: Counter[str] = Counter()
    for path in files:
        text, _ = decode(path.read_bytes())
        for codec in ("cp1252", "latin-1"):
            try:
                data = text.encode(codec)
            except UnicodeEncodeError:
                continue
            counts[f"{codec} files"] += 1
            counts[f"{codec} decoded exactly"] += decode(data)[0] == text
        if repair_mojibake(text)[1] is not None:
            counts["correct texts changed by the repair"] += 1
        garbled = text.encode("utf-8").decode("cp1252", errors="replace")
        if garbled != text and "\ufffd" not in garbled:
            counts["garbled texts"] += 1
            counts["garbled texts restored exactly"] += repair_mojibake(garbled)[0] == text
    results["files"] = len(files)
    results.update(counts)
    for key, value in results.items():
        print(f"{key}: {value}")
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "ingest_quality.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
