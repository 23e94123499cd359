"""The grouping kept in the store, updated incrementally, with the user's corrections.

Table ``grouping`` holds, per article, its story and event, its grouping profile and the
decision that placed it (probability, shared terms, actors and dates). A run loads that state,
places only the articles not yet in it, revises the stories they changed (``Grouper.revise``:
cuts, moves, merges, never in a story holding an article a correction names), replays the
corrections of ``story_corrections`` (merge, split, rename; replaying is idempotent) and rewrites
the Story records of the stories that changed. ``rebuild=True`` regroups everything from
scratch, then replays the same corrections, which is how corrections survive a re-grouping.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from filrouge.model import Article, Story
from filrouge.stories.cluster import Decision, Group, Grouper, Profile, order, profile
from filrouge.stories.labels import build_story

if TYPE_CHECKING:
    from filrouge.store.sqlite import Store


class CorrectionError(ValueError):
    """A correction names a story or article that does not exist (or is ambiguous)."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def load(store: Store) -> tuple[Grouper, dict[str, int]]:
    """The stored grouping as a live :class:`Grouper`, and each article's arrival number."""
    grouper = Grouper()
    arrival: dict[str, int] = {}
    events: dict[tuple[str, str], Group] = {}
    for row in store.db.execute(
            "SELECT article_id, seq, story_id, event_id, profile, decision FROM grouping"
            " ORDER BY seq"):
        arrival[row["article_id"]] = row["seq"]
        decision = Decision.from_json(json.loads(row["decision"]))
        grouper.decisions[row["article_id"]] = decision
        if decision.duplicate_of:
            grouper.copies.setdefault(decision.duplicate_of, []).append(decision.article)
        if decision.corrected:
            grouper.pinned.add(decision.article)
        if row["profile"] is None:
            continue
        item = Profile.from_json(json.loads(row["profile"]))
        grouper.count(item)
        grouper.remember(item)
        story = grouper.stories.setdefault(decision.story, Group(id=decision.story))
        grouper.events.setdefault(decision.story, [])
        grouper._attach(item, story)
        key = (decision.story, decision.event)
        if key not in events:
            events[key] = Group(id=decision.event)
            grouper.events[decision.story].append(events[key])
        events[key].absorb(item)
    grouper.settle()
    return grouper, arrival


def _profiles(store: Store, ids: Iterable[str],
              fresh: dict[str, Profile] | None = None) -> dict[str, Profile]:
    found = {}
    for article_id in ids:
        if fresh and article_id in fresh:
            found[article_id] = fresh[article_id]
            continue
        row = store.db.execute("SELECT profile FROM grouping WHERE article_id = ?",
                               (article_id,)).fetchone()
        if row is not None and row["profile"] is not None:
            found[article_id] = Profile.from_json(json.loads(row["profile"]))
    return found


def resolve(grouper: Grouper, ref: str) -> str:
    """A story by id or unique id prefix; a story id that no longer exists (merged away) is
    followed to the story now holding its first article."""
    if ref in grouper.stories:
        return ref
    matches = [s for s in grouper.stories if s.startswith(ref)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise CorrectionError(f"story id '{ref}' is ambiguous: {', '.join(sorted(matches)[:5])}")
    anchor = ref[2:] if ref.startswith(("s-", "x-")) else ref
    holders = {d.story for a, d in grouper.decisions.items() if a.startswith(anchor)}
    if len(holders) == 1:
        return holders.pop()
    raise CorrectionError(f"no story '{ref}' (see `filrouge stories`)")


def split_id(article_ids: Iterable[str]) -> str:
    """Id of a story made by a split: derived from the articles moved, so replaying is stable."""
    digest = hashlib.sha256("\n".join(sorted(article_ids)).encode()).hexdigest()
    return "x-" + digest[:10]


def apply_corrections(store: Store, grouper: Grouper,
                      fresh: dict[str, Profile] | None = None) -> dict[str, str]:
    """Replay every stored correction in order; returns the user labels by story id.
    ``fresh``: profiles of articles placed in this run, not yet written."""
    labels: dict[str, str] = {}
    rows = store.db.execute(
        "SELECT kind, story_id, other, articles, label FROM story_corrections ORDER BY seq"
    ).fetchall()
    for row in rows:
        try:
            if row["kind"] == "merge":
                target, other = resolve(grouper, row["story_id"]), resolve(grouper, row["other"])
                grouper.merge(target, other)
                if other in labels and target not in labels:
                    labels[target] = labels.pop(other)
            elif row["kind"] == "split":
                ids = json.loads(row["articles"])
                profiles = _profiles(store, ids, fresh)
                ordered = [profiles[i] for i in ids if i in profiles]
                if ordered:
                    grouper.split(ordered, split_id(p.id for p in ordered))
            elif row["kind"] == "rename":
                labels[resolve(grouper, row["story_id"])] = row["label"]
        except CorrectionError:
            continue  # its stories are gone (e.g. articles deleted): nothing left to correct
    return labels


def record_correction(store: Store, kind: str, story: str, *, other: str | None = None,
                      articles: list[str] | None = None, label: str | None = None) -> str:
    """Check a correction against the current grouping, store it and apply it. Returns the id of
    the story it produced or changed."""
    grouper, _ = load(store)
    target = resolve(grouper, story)
    full_ids: list[str] = []
    if kind == "merge":
        if other is None:
            raise CorrectionError("merge needs two stories")
        if resolve(grouper, other) == target:
            raise CorrectionError("both ids name the same story")
    elif kind == "split":
        for prefix in articles or []:
            matches = [a for a, d in grouper.decisions.items()
                       if a.startswith(prefix) and d.story == target]
            if len(matches) != 1:
                raise CorrectionError(f"article '{prefix}' is not (uniquely) in story {target}")
            full_ids.append(matches[0])
        if not full_ids:
            raise CorrectionError("split needs at least one article id")
        members = [a for a, d in grouper.decisions.items() if d.story == target]
        if set(full_ids) >= set(members):
            raise CorrectionError("splitting out every article would leave the story as it is")
    elif kind == "rename":
        if not label or not label.strip():
            raise CorrectionError("rename needs a non-empty label")
    else:
        raise CorrectionError(f"unknown correction '{kind}'")
    store.db.execute(
        "INSERT INTO story_corrections (kind, story_id, other, articles, label, at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (kind, target, resolve(grouper, other) if other else None,
         json.dumps(full_ids) if full_ids else None, label.strip() if label else None, _now()),
    )
    update_stories(store)
    return split_id(full_ids) if kind == "split" else target


def pinned_articles(store: Store) -> set[str]:
    """The articles the user's corrections name: those a correction moved, those a split
    lists, and the first article of each story a merge or rename names. The revision step
    leaves the stories holding them alone, so it never undoes a correction."""
    pinned: set[str] = set()
    for row in store.db.execute("SELECT article_id, decision FROM grouping"):
        if json.loads(row["decision"]).get("corrected"):
            pinned.add(row["article_id"])
    for row in store.db.execute(
            "SELECT kind, story_id, other, articles FROM story_corrections ORDER BY seq"):
        if row["articles"]:
            pinned.update(json.loads(row["articles"]))
        for ref in (row["story_id"], row["other"]):
            if ref and ref.startswith("s-") and len(ref) > 2:
                pinned.update(r["id"] for r in store.db.execute(
                    "SELECT id FROM articles WHERE substr(id, 1, ?) = ?",
                    (len(ref) - 2, ref[2:])))
    return pinned


def update_stories(store: Store, *, rebuild: bool = False) -> list[Story]:
    """Place the articles not grouped yet, revise the stories they changed (never one a
    correction names), replay corrections, rewrite the changed stories. Returns every story."""
    pinned = pinned_articles(store)
    if rebuild:
        store.db.execute("DELETE FROM grouping")
    grouper, arrival = load(store)
    grouper.pinned |= pinned
    before = {a: (d.story, d.event) for a, d in grouper.decisions.items()}
    old_stories = {row["id"] for row in store.db.execute("SELECT id FROM stories")}
    fresh = order(Article.model_validate_json(row["record"]) for row in store.db.execute(
        "SELECT record FROM articles WHERE id NOT IN (SELECT article_id FROM grouping)"))
    new_profiles: dict[str, Profile] = {}
    for article in fresh:
        if article.duplicate_of and grouper.add_duplicate(article.id, article.duplicate_of):
            continue
        new_profiles[article.id] = profile(article)
        grouper.add(new_profiles[article.id])
    for article in fresh:  # copies whose original came later in the same batch
        if article.id not in grouper.decisions and article.duplicate_of:
            grouper.add_duplicate(article.id, article.duplicate_of)
    grouper.revise()
    labels = apply_corrections(store, grouper, new_profiles)
    changed = {d.story for a, d in grouper.decisions.items() if before.get(a) != (d.story, d.event)}
    changed |= {before[a][0] for a, d in grouper.decisions.items()
                if a in before and before[a][0] != d.story}
    changed |= set(labels) | (set(grouper.stories) - old_stories)
    _write_grouping(store, grouper, before, arrival, new_profiles)
    _write_stories(store, grouper, changed, labels, old_stories)
    return store.stories()


def _write_grouping(store: Store, grouper: Grouper, before: dict[str, tuple[str, str]],
                    arrival: dict[str, int], new_profiles: dict[str, Profile]) -> None:
    seq = max(arrival.values(), default=0)
    store.db.execute("BEGIN IMMEDIATE")
    try:
        for article_id, decision in grouper.decisions.items():
            if article_id in before:
                if before[article_id] != (decision.story, decision.event):
                    store.db.execute(
                        "UPDATE grouping SET story_id = ?, event_id = ?, decision = ?"
                        " WHERE article_id = ?",
                        (decision.story, decision.event, json.dumps(decision.to_json()),
                         article_id))
                continue
            seq += 1
            item = new_profiles.get(article_id)
            store.db.execute(
                "INSERT INTO grouping (article_id, seq, story_id, event_id, duplicate_of,"
                " profile, decision) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (article_id, seq, decision.story, decision.event, decision.duplicate_of,
                 json.dumps(item.to_json(), ensure_ascii=False) if item else None,
                 json.dumps(decision.to_json(), ensure_ascii=False)))
        store.db.execute("COMMIT")
    except BaseException:
        store.db.execute("ROLLBACK")
        raise


def _write_stories(store: Store, grouper: Grouper, changed: set[str], labels: dict[str, str],
                   old_stories: set[str]) -> None:
    members: dict[str, list[str]] = defaultdict(list)
    for article_id, decision in grouper.decisions.items():
        if decision.story in changed:
            members[decision.story].append(article_id)
    records: list[Story] = []
    for story_id in sorted(members):
        articles = [a for a in (store.article(i) for i in members[story_id]) if a is not None]
        if articles:
            records.append(build_story(story_id, _in_order(articles), grouper,
                                       labels.get(story_id)))
    gone = (old_stories - set(grouper.stories)) | {s.id for s in records}
    store.db.execute("BEGIN IMMEDIATE")
    try:
        store.db.executemany("DELETE FROM stories WHERE id = ?", [(s,) for s in sorted(gone)])
        store.db.executemany(
            "INSERT INTO stories (id, record, updated_at) VALUES (?, ?, ?)",
            [(s.id, json.dumps(s.to_json_dict(), ensure_ascii=False), _now()) for s in records])
        store.db.execute("COMMIT")
    except BaseException:
        store.db.execute("ROLLBACK")
        raise


def _in_order(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.published.value or "9999", a.id))


def explain(store: Store, story: str) -> list[dict[str, object]]:
    """Why each article of a story is there: probability, features, shared terms/actors/dates."""
    grouper, arrival = load(store)
    story_id = resolve(grouper, story)
    rows = [d.to_json() for a, d in sorted(grouper.decisions.items(),
                                           key=lambda kv: arrival.get(kv[0], 0))
            if d.story == story_id]
    return rows
