"""Grouping details on our own synthetic articles: a title many articles share is ignored, one
two articles share still counts; the revision step cuts, moves and merges, keeps ids stable and
leaves the user's corrections alone."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from filrouge.model import Article, Published, content_id
from filrouge.store.sqlite import Store, content_hash
from filrouge.stories import cluster
from filrouge.stories.cluster import Grouper, group
from filrouge.stories.persist import load, pinned_articles, record_correction, update_stories

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


# -- the revision step --------------------------------------------------------------------------


ORDINALS = ("premier", "deuxième", "troisième", "quatrième")


def threads(n: int = 3) -> list[Article]:
    """Three threads, ``n`` articles each, arriving interleaved; their titles share words, so
    each thread is a candidate for the others."""
    return [article(thread, i, f"Chronique régionale du {ORDINALS[i - 1]} jour : {thread}")
            for i in range(1, n + 1) for thread in BODIES]


def with_thresholds(threshold: float, merge_threshold: float | None) -> cluster.Calibration:
    return replace(cluster.default_calibration(), threshold=threshold,
                   merge_threshold=merge_threshold)


def truth(batch: list[Article]) -> set[frozenset[str]]:
    return {frozenset(a.id for a in batch if a.source.startswith(t)) for t in BODIES}


def test_revision_cuts_a_story_that_early_joins_glued_together() -> None:
    batch = threads()
    eager = with_thresholds(1e-6, None)  # every article joins whatever story is there
    assert len(stories_of(group(batch, eager))) == 1
    grouper = group(batch, with_thresholds(1e-6, 0.2))
    assert stories_of(grouper) == truth(batch)
    # the part holding the first article keeps its id; the others take their first article's
    first = cluster.order(batch)[0]
    assert grouper.story_of(first.id) == "s-" + first.id[:10]
    assert any(d.revised and d.revised.startswith("split") for d in grouper.decisions.values())


def test_revision_merges_stories_opened_too_early_and_the_older_id_survives() -> None:
    batch = threads()
    shy = with_thresholds(1.01, None)  # no article may join on arrival
    assert len(stories_of(group(batch, shy))) == len(batch)
    grouper = group(batch, with_thresholds(1.01, 0.2))
    assert stories_of(grouper) == truth(batch)
    ordered = cluster.order(batch)
    for thread in BODIES:
        first = next(a for a in ordered if a.source.startswith(thread))
        assert grouper.story_of(first.id) == "s-" + first.id[:10]


def test_revision_moves_a_doubtful_join_to_the_story_now_more_probable() -> None:
    grouper = Grouper(with_thresholds(0.5, 0.6))
    port, fire = ([cluster.profile(a) for a in threads(4) if a.source.startswith(t)]
                  for t in ("port", "forêt"))
    for item in [*port[:3], *fire[1:]]:
        grouper.add(item)
    harbour = grouper.story_of(port[0].id) or ""
    assert harbour != grouper.story_of(fire[1].id)
    # a fire article that had joined the port story on a doubtful probability
    stray = fire[0]
    grouper.count(stray)
    grouper._attach(stray, grouper.stories[harbour])
    grouper.decisions[stray.id] = cluster.Decision(
        article=stray.id, story=harbour, event=grouper._place_in_event(stray, harbour),
        probability=0.1, features={}, shared_terms=[], shared_actors=[], shared_dates=[])
    grouper.remember(stray)
    grouper.dirty.add(harbour)
    grouper.revise()
    assert grouper.story_of(stray.id) == grouper.story_of(fire[1].id) != harbour
    assert (grouper.decisions[stray.id].revised or "").startswith("moved from " + harbour)
    assert stray.id not in grouper.stories[harbour].members


def test_revision_leaves_a_story_a_user_corrected_alone() -> None:
    batch = [a for a in threads(4) if a.source.startswith("port")]
    for pinned in (False, True):
        grouper = group(batch, with_thresholds(0.5, 0.2))
        assert len(grouper.stories) == 1
        # the user splits the last article out of its thread; the revision would merge it back
        last = cluster.profile(batch[-1])
        apart = grouper.split([last], "x-user")
        if pinned:
            grouper.pinned = {a for a, d in grouper.decisions.items() if d.corrected}
        grouper.dirty.add(apart)
        grouper.revise()
        assert (grouper.story_of(last.id) == "x-user") == pinned


def test_a_stored_correction_is_not_revised_when_articles_arrive(tmp_path: Path) -> None:
    batch = [a for a in threads(4) if a.source.startswith("port")]
    store = Store(tmp_path / "s.db")
    for item in batch[:3]:
        store.add_article(item, digest=content_hash(item.text))
    story = update_stories(store)[0]
    apart = record_correction(store, "split", story.id, articles=[batch[2].id])
    assert pinned_articles(store) >= {batch[2].id}
    store.add_article(batch[3], digest=content_hash(batch[3].text))
    stories = {s.id: s for s in update_stories(store)}
    assert stories[apart].articles == [batch[2].id]
    grouper, _ = load(store)
    assert grouper.decisions[batch[2].id].revised is None
