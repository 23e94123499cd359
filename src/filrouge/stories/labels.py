"""Story labels a reader can scan: keyphrases for a title, main actors, date span, how many
articles and outlets, the events inside, and the story's own short timeline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from filrouge.model import Article, Story, StoryEvent
from filrouge.stories.cluster import Grouper
from filrouge.stories.text import sentence_spans, stem, stopwords, words
from filrouge.stories.timeline import build_timeline

STORY_TIMELINE_DATES = 30
KEYPHRASES = 4


def keyphrases(articles: Sequence[Article], grouper: Grouper | None = None,
               n: int = KEYPHRASES) -> list[str]:
    """Runs of up to three content words from titles and leads, scored by how many of the
    story's articles use them and how rare their words are elsewhere (IDF)."""
    stop = stopwords()
    support: Counter[str] = Counter()
    surface: dict[str, str] = {}
    for article in articles:
        lead = [article.text[s:e] for s, e in sentence_spans(article.text)[:2]]
        seen: set[str] = set()
        for chunk in [article.title or "", *lead]:
            tokens = [w for w in _surface_words(chunk)]
            run: list[str] = []
            for token in [*tokens, ""]:
                if token and token.lower() not in stop and len(token) > 2:
                    run.append(token)
                    continue
                for size in (1, 2, 3):
                    for i in range(len(run) - size + 1):
                        phrase = run[i:i + size]
                        key = " ".join(stem(w.lower()) for w in phrase)
                        surface.setdefault(key, " ".join(phrase))
                        seen.add(key)
                run = []
        support.update(seen)

    def score(key: str) -> float:
        parts = key.split()
        rarity = sum(grouper.idf("words", p) if grouper else 1.0 for p in parts) / len(parts)
        return support[key] * rarity * (1.0 + 0.3 * (len(parts) - 1))

    chosen: list[str] = []
    for key in sorted(support, key=lambda k: (-score(k), k)):
        if support[key] < min(2, len(articles)):
            break
        if any(set(key.split()) & set(other.split()) for other in chosen):
            continue
        chosen.append(key)
        if len(chosen) >= n:
            break
    return [surface[k] for k in chosen]


def _surface_words(text: str) -> list[str]:
    lowered = words(text)
    found: list[str] = []
    position = 0
    for word in lowered:  # recover the original casing for display
        at = text.lower().find(word, position)
        found.append(text[at:at + len(word)] if at >= 0 else word)
        position = at + len(word) if at >= 0 else position
    return found


def build_story(story_id: str, members: Sequence[Article], grouper: Grouper | None = None,
                label: str | None = None) -> Story:
    """The stored Story record: originals in ``articles``, wire copies in ``duplicates``."""
    originals = [a for a in members if not a.duplicate_of] or list(members)
    duplicates = [a.id for a in members if a.duplicate_of and a not in originals]
    phrases = keyphrases(originals, grouper)
    actors: Counter[str] = Counter()
    for article in originals:
        actors.update({e.actor for e in article.entities if e.actor})
    dates = sorted(a.published.value[:10] for a in originals if a.published.value)
    outlets = sorted({a.outlet or a.source.rsplit("/", 1)[-1] for a in members})
    events: list[StoryEvent] = []
    if grouper is not None:
        by_id = {a.id: a for a in members}
        for event in grouper.events.get(story_id, []):
            inside = [by_id[m] for m in event.members if m in by_id]
            if not inside:
                continue
            days = sorted(a.published.value[:10] for a in inside if a.published.value)
            events.append(StoryEvent(
                id=event.id, title=inside[0].title or " · ".join(keyphrases(inside, grouper, 2))
                or event.id,
                articles=[a.id for a in inside], start=days[0] if days else None,
                end=days[-1] if days else None))
    title = label or (" · ".join(phrases) if phrases else (originals[0].title or story_id))
    return Story(
        id=story_id, title=title, articles=[a.id for a in originals], actors=[
            a for a, _ in sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))[:6]],
        start=dates[0] if dates else None, end=dates[-1] if dates else None,
        timeline=build_timeline(originals, max_dates=STORY_TIMELINE_DATES,
                                sentences_per_date=1),
        keyphrases=phrases, outlets=outlets, duplicates=duplicates, events=events,
    )
