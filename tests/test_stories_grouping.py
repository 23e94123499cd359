"""Grouping details on our own synthetic articles: a title many articles share is ignored, one
two articles share still counts."""

from __future__ import annotations

import pytest

from filrouge.model import Article, Published, content_id
from filrouge.stories import cluster
from filrouge.stories.cluster import Grouper, group

BODIES = {
    "port": "Les dockers du port de Marseille poursuivent la grève contre la réforme des "
            "retraites portuaires ; les navires attendent au large du port et les syndicats "
            "de dockers réclament une négociation avec la direction.",
    "vaccin": "La campagne de vaccination contre la grippe saisonnière commence dans les "
              "pharmacies ; les autorités sanitaires recommandent le vaccin aux personnes "
              "âgées et aux soignants des hôpitaux.",
    "forêt": "Un incendie de forêt ravage les collines au-dessus de Toulon ; les pompiers "
             "luttent contre les flammes attisées par le mistral et des habitants sont évacués.",
}
FURNITURE = "Partager Tweeter Envoyer par courriel"


def article(thread: str, n: int, title: str) -> Article:
    text = f"{BODIES[thread]} Épisode {n} : la situation évolue encore ce jour-là."
    return Article(id=content_id(text), source=f"{thread}-{n}.txt", title=title, text=text,
                   published=Published(value=f"2024-03-0{n}", origin="input", confidence=1.0))


def stories_of(grouper: Grouper) -> set[frozenset[str]]:
    return {frozenset(s.members) for s in grouper.stories.values()}


def test_a_title_shared_by_many_articles_does_not_glue_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    batch = [article(thread, n, FURNITURE) for thread in BODIES for n in (1, 2)]
    threads = {frozenset(a.id for a in batch if a.source.startswith(t)) for t in BODIES}
    assert stories_of(group(batch)) == threads
    # the same articles with the title trusted: the shared headline alone merges threads
    monkeypatch.setattr(cluster, "TITLE_REPEATS", 100)
    assert len(stories_of(group(batch))) < len(threads)


def test_a_title_two_articles_share_still_counts() -> None:
    batch = [article("port", 1, "Grève des dockers à Marseille"),
             article("port", 2, "Grève des dockers à Marseille")]
    grouper = group(batch)
    assert len(grouper.stories) == 1
    decision = grouper.decisions[batch[1].id]
    assert decision.features["title"] > 0.9


def test_each_article_is_counted_once_as_it_is_placed() -> None:
    batch = [article(thread, 1, f"Titre {thread}") for thread in BODIES]
    grouper = group(batch)
    assert grouper.n_docs == len(batch) and len(grouper.stories) == len(BODIES)
    assert all(n == 1 for n in grouper.titles.values())
