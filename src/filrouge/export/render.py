"""Terminal rendering with rich: an article with its annotations highlighted, a timeline."""

from __future__ import annotations

import textwrap

from rich.console import Console
from rich.markup import escape as esc
from rich.text import Text

from filrouge.model import Article, TimelineEntry
from filrouge.stories.sources import source_label

_STYLES = {
    "quote": "italic green",
    "speaker": "bold cyan",
    "entity": "cyan",
    "time": "magenta",
    "amount": "bold yellow",
}


def highlighted(article: Article) -> Text:
    """The cleaned text with entities, dates, figures, quotes and speakers styled in place."""
    text = Text(article.text)
    for entity in article.entities:
        text.stylize(_STYLES["entity"], entity.start, entity.end)
    for quote in article.quotes:
        for part in quote.parts:
            text.stylize(_STYLES["quote"], part.start, part.end)
        if quote.speaker:
            text.stylize(_STYLES["speaker"], quote.speaker.start, quote.speaker.end)
    for expr in article.times:
        text.stylize(_STYLES["time"], expr.start, expr.end)
    for amount in article.amounts:
        text.stylize(_STYLES["amount"], amount.start, amount.end)
    return text


def render_article(console: Console, article: Article, sources: list[str]) -> None:
    published = article.published
    console.print(f"[bold]{esc(article.title or '(no title)')}[/]")
    console.print(
        f"[dim]id {article.id} · {published.value or 'date unknown'} ({published.origin}) · "
        f"{esc(article.byline or 'no byline')} · {article.language or '?'}[/]"
    )
    for source in sources:
        console.print(f"[dim]source: {esc(source)}[/]")
    if article.duplicate_of:
        console.print(f"[dim]copy of {article.duplicate_of}[/]")
    console.print()
    console.print(highlighted(article))
    console.print()
    legend = " ".join(f"[{style}]{name}[/]" for name, style in _STYLES.items())
    console.print(f"[dim]legend:[/] {legend}")
    console.print(
        f"[dim]{len(article.entities)} entities · {len(article.times)} dates · "
        f"{len(article.quotes)} quotes · {len(article.amounts)} figures · "
        f"{len(article.events)} events · {len(article.removed)} lines removed[/]"
    )
    for quote in article.quotes:
        who = quote.speaker_name or (quote.speaker.text if quote.speaker else "?")
        if quote.anonymous:
            who = f"{quote.speaker_description or who} (anonymous)"
        console.print(f"  [cyan]{esc(who)}[/] [dim]{quote.kind}, {quote.date or '?'}[/]: "
                      f"{esc(quote.text[:120])}")


def render_timeline(console: Console, entries: list[TimelineEntry]) -> None:
    if not entries:
        console.print("[dim]no dated entries[/]")
        return
    width, indent = max(console.width, 40), " " * 12
    for entry in entries:
        cited = ", ".join(
            source_label(s.outlet, s.title) + (f" ({s.published})" if s.published else "")
            for s in entry.sources[:4]
        )
        more = f" +{len(entry.sources) - 4}" if len(entry.sources) > 4 else ""
        # the text wraps under itself, not under the date (plain Text: never read as markup)
        lines = textwrap.wrap(" ".join(entry.summary.split()), width,
                              initial_indent=f"{entry.date:<10}  ", subsequent_indent=indent,
                              break_on_hyphens=False, break_long_words=False)
        for n, line in enumerate(lines):
            shown = Text(line)
            if n == 0:
                shown.stylize("bold magenta", 0, len(entry.date))
            console.print(shown, soft_wrap=True)
        for line in textwrap.wrap(f"sources: {cited}{more}", width, initial_indent=indent,
                                  subsequent_indent=indent + "  ",
                                  break_on_hyphens=False, break_long_words=False):
            console.print(Text(line, style="dim"), soft_wrap=True)
        console.print()
