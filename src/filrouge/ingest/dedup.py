"""Wire copies and near-duplicates: the same dispatch run by several outlets is one item.

Two levels:

- **exact**: the article id is a hash of the normalised text, so the same text read from two
  sources is one article with two sources (the store records both);
- **near**: word shingles compared through MinHash LSH (datasketch) to find candidates in
  about constant time per article, each candidate then *verified* on the exact shingle sets.

Wire copies are rarely identical: outlets cut the end, change the headline, add a paragraph, or
run a later version of the dispatch. So the verified measure is the **containment** of the
shorter text in the longer one (a copy cut to its first half is still fully contained), and LSH
is asked for candidates at a Jaccard level low enough (0.2) to reach a copy half the length of
its original. A second LSH index over the lead (first words) catches copies cut even shorter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from datasketch import MinHash, MinHashLSH

from filrouge.model import Article

SHINGLE_WORDS = 5
# Share of the shorter text's shingles found in the longer one for a pair to be copies.
CONTAINMENT = 0.5
# Below this many shingles a text is too short to call a copy of anything (a caption, a brief).
MIN_SHINGLES = 20
LEAD_WORDS = 80
NUM_PERM = 128
_CANDIDATE_JACCARD = 0.2
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _WORD.findall(folded)


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[str]:
    """Word n-grams of the case- and accent-folded text (typography changes nothing)."""
    words = _words(text)
    if len(words) < size:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i:i + size]) for i in range(len(words) - size + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set found in the larger one."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _minhash(items: Iterable[str]) -> MinHash:
    signature = MinHash(num_perm=NUM_PERM, seed=1)
    signature.update_batch([item.encode("utf-8") for item in items])
    return signature


@dataclass
class DuplicateIndex:
    """The articles seen so far, searchable for copies of a new one.

    ``match`` returns the earliest-added article a text copies (its group's root) and the
    verified containment; ``add`` makes an article findable.
    """

    containment: float = CONTAINMENT
    _full: MinHashLSH = field(init=False)
    _lead: MinHashLSH = field(init=False)
    _shingles: dict[str, frozenset[str]] = field(default_factory=dict, init=False)
    _root: dict[str, str] = field(default_factory=dict, init=False)
    _order: dict[str, int] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self._full = MinHashLSH(threshold=_CANDIDATE_JACCARD, num_perm=NUM_PERM)
        self._lead = MinHashLSH(threshold=0.5, num_perm=NUM_PERM)

    @classmethod
    def of(cls, articles: Iterable[Article]) -> DuplicateIndex:
        index = cls()
        for article in articles:
            index.add(article)
        return index

    def __len__(self) -> int:
        return len(self._shingles)

    def add(self, article: Article) -> None:
        if article.id in self._shingles:
            return
        mine = shingles(article.text)
        self._shingles[article.id] = mine
        self._root[article.id] = article.duplicate_of or article.id
        self._order[article.id] = len(self._order)
        if len(mine) >= MIN_SHINGLES:
            self._full.insert(article.id, _minhash(mine))
            self._lead.insert(article.id, _minhash(shingles(_lead(article.text))))

    def candidates(self, text: str) -> set[str]:
        mine = shingles(text)
        if len(mine) < MIN_SHINGLES:
            return set()
        found = set(self._full.query(_minhash(mine)))
        found.update(self._lead.query(_minhash(shingles(_lead(text)))))
        return found

    def match(self, article: Article) -> tuple[str, float] | None:
        """The group root this article copies and the verified containment, if any."""
        mine = shingles(article.text)
        best: tuple[str, float] | None = None
        for other in self.candidates(article.text):
            if other == article.id:
                continue
            score = containment(mine, self._shingles[other])
            if score < self.containment:
                continue
            if (best is None or score > best[1]
                    or (score == best[1] and self._order[other] < self._order[best[0]])):
                best = (other, score)
        if best is None:
            return None
        return self._root[best[0]], round(best[1], 3)

    def mark(self, article: Article) -> Article:
        """The article, pointing at the group it copies (if any); the index is not changed."""
        found = self.match(article)
        if found is None:
            return article
        root, score = found
        return article.model_copy(update={"duplicate_of": root, "duplicate_score": score})


def _lead(text: str) -> str:
    return " ".join(_words(text)[:LEAD_WORDS])


def group_pairs(articles: Iterable[Article]) -> set[frozenset[str]]:
    """Every pair of article ids put in the same group when the articles arrive in this order."""
    index = DuplicateIndex()
    groups: dict[str, list[str]] = {}
    for article in articles:
        marked = index.mark(article)
        index.add(marked)
        root = marked.duplicate_of or marked.id
        groups.setdefault(root, []).append(marked.id)
    return {frozenset((a, b)) for members in groups.values()
            for i, a in enumerate(members) for b in members[i + 1:]}


# -- groups, for the user ------------------------------------------------------------------


@dataclass
class Copy:
    """One run of a dispatch: where it appeared and what this outlet changed."""

    article: str
    source: str
    outlet: str | None
    published: str | None
    title: str | None
    similarity: float | None
    sentences_added: int
    sentences_dropped: int
    title_changed: bool


@dataclass
class DuplicateGroup:
    """A dispatch and all its copies: one item with several sources."""

    id: str
    title: str | None
    copies: list[Copy]

    @property
    def outlets(self) -> list[str]:
        return sorted({c.outlet for c in self.copies if c.outlet})

    @property
    def first_seen(self) -> str | None:
        dates = [c.published for c in self.copies if c.published]
        return min(dates) if dates else None

    @property
    def last_seen(self) -> str | None:
        dates = [c.published for c in self.copies if c.published]
        return max(dates) if dates else None

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "outlets": self.outlets,
                "first_seen": self.first_seen, "last_seen": self.last_seen,
                "copies": [vars(c) for c in self.copies]}


_SENTENCE = re.compile(r"[^.!?…\n]+[.!?…]*")


def _sentences(text: str) -> set[str]:
    return {" ".join(_words(s)) for s in _SENTENCE.findall(text) if len(_words(s)) >= 4}


def duplicate_groups(articles: Iterable[Article],
                     sources: dict[str, list[str]] | None = None) -> list[DuplicateGroup]:
    """Groups of two or more runs of the same text, the original first.

    ``sources`` maps an article id to every source it was read from (exact copies): each extra
    source counts as one more run with nothing changed.
    """
    by_id = {a.id: a for a in articles}
    members: dict[str, list[Article]] = {}
    for article in by_id.values():
        root = article.duplicate_of if article.duplicate_of in by_id else article.id
        members.setdefault(root or article.id, []).append(article)
    groups: list[DuplicateGroup] = []
    for root, runs in members.items():
        original = by_id[root]
        extra = (sources or {}).get(root, [])[1:]
        if len(runs) + len(extra) < 2:
            continue
        base = _sentences(original.text)
        runs.sort(key=lambda a: (a.id != root, a.published.value or "", a.source))
        copies = []
        for run in runs:
            mine = _sentences(run.text)
            copies.append(Copy(
                article=run.id, source=run.source, outlet=run.outlet,
                published=(run.published.value or None) and run.published.value[:10],
                title=run.title, similarity=1.0 if run.id == root else run.duplicate_score,
                sentences_added=len(mine - base), sentences_dropped=len(base - mine),
                title_changed=(run.title or "") != (original.title or "")))
        for source in extra:
            copies.append(Copy(
                article=root, source=source, outlet=None, published=None, title=original.title,
                similarity=1.0, sentences_added=0, sentences_dropped=0, title_changed=False))
        title = original.title or " ".join(original.text[:80].split()[:-1]) + " …"
        groups.append(DuplicateGroup(id=root, title=title, copies=copies))
    groups.sort(key=lambda g: (-len(g.copies), g.first_seen or ""))
    return groups
