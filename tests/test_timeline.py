"""Timelines: which sentences may be written (datelines trimmed, debris left out), which days a
sentence mentions, how days are ranked (relevance to the collection, days recalled later), and
the tilse measures' mean over topics. Articles are built by hand: no model is loaded."""

from __future__ import annotations

import pytest

from filrouge.eval.timeline import (
    average,
    budget_date_ceiling,
    free_oracle_timeline,
    oracle_timeline,
)
from filrouge.model import Article, Published, TimeExpr, content_id
from filrouge.stories.timeline import build_timeline, candidates, statement_span


def make_article(text: str, published: str, days: dict[str, str] | None = None,
                 name: str = "a") -> Article:
    """An article whose time expressions are the given surfaces resolved to the given days."""
    times = []
    for surface, value in (days or {}).items():
        start = text.index(surface)
        times.append(TimeExpr(start=start, end=start + len(surface), text=surface, type="DATE",
                              value=value))
    return Article(id=content_id(name + text), source=f"{name}.txt", text=text, times=times,
                   outlet=name, published=Published(value=published, origin="input",
                                                     confidence=1.0))


def kept(sentence: str) -> str | None:
    span = statement_span(sentence, 0, len(sentence))
    return sentence[span[0]:span[1]] if span else None


@pytest.mark.parametrize(("sentence", "statement"), [
    ("TOMBOUCTOU, 3 juillet (AFP) - Le conseil a suspendu la charte communale.",
     "Le conseil a suspendu la charte communale."),
    ("MALI - Des pêcheurs ont bloqué le port vendredi soir.",
     "Des pêcheurs ont bloqué le port vendredi soir."),
    ("(Genève) La chanteuse a reconnu mardi les faits devant le juge.",
     "La chanteuse a reconnu mardi les faits devant le juge."),
    ("- 4 août: PÉROU - La grève des mineurs gagne une troisième province.",
     "La grève des mineurs gagne une troisième province."),
    ("Edit du 04/07/2019 : le conseil a levé la suspension de la charte.",
     "le conseil a levé la suspension de la charte."),
    ("Le maire a annoncé mardi sa démission devant le conseil.",
     "Le maire a annoncé mardi sa démission devant le conseil."),
])
def test_statements_lose_their_dateline_and_site_marks(sentence: str, statement: str) -> None:
    assert kept(sentence) == statement


@pytest.mark.parametrize("sentence", [
    "(12) Jeanne Martin, « Un titre de tribune », Le Site du Soir, 12 mai 2019.",
    "Photo mise en ligne par un lecteur le 2 février 2019.",
    "Voir les images sur www.exemple-journal.com avant la fermeture.",
    "@pecheur22: la grève continue au port !",
    "Les pêcheurs sur la voie de la grève",  # a heading: no final punctuation
    "adressé au nouveau préfet lors d'une manifestation devant ses bureaux.",  # a fragment
    "Pérou: une enveloppe de deux millions pour les mineurs en faveur des…",  # a teaser
    "Où était la police quand les vitrines ont été brisées ?",
    "Un pêcheur écrit sur son compte :",
    "Marin breton | 2 mars 2019 14h48 | Bravo aux pêcheurs pour leur courage.",  # a comment
])
def test_debris_is_not_a_statement(sentence: str) -> None:
    assert kept(sentence) is None


def test_a_day_inside_a_name_or_a_source_date_is_not_a_mention() -> None:
    text = ("Les manifestants ont traversé le pont du 6 octobre sous la pluie battante. "
            "Le Matin du 25 juillet raconte la journée des pêcheurs du port. "
            "La révolution du 25 janvier 2019 a changé la vie des pêcheurs du port. "
            "Le 3 mars, le conseil a voté la nouvelle charte du port.")
    article = make_article(text, "2019-09-01", {
        "6 octobre": "2019-10-06", "25 juillet": "2019-07-25",
        "25 janvier 2019": "2019-01-25", "3 mars": "2019-03-03"})
    assert {c.date for c in candidates(article)} == {"2019-01-25", "2019-03-03"}


def test_the_day_next_to_an_undated_event_or_an_idiom_is_not_a_mention() -> None:
    text = ("Au lendemain de la grève, les pêcheurs ont repris la mer avant le jour. "
            "Tout peut changer du jour au lendemain pour les pêcheurs du port. "
            "Le lendemain, le conseil a voté la nouvelle charte du port de la ville.")
    article = make_article(text, "2019-03-04", {"Au lendemain": "2019-03-05",
                                                "Le lendemain": "2019-03-02"})
    idiom = text.index("lendemain pour")
    article.times.append(TimeExpr(start=idiom, end=idiom + len("lendemain"), text="lendemain",
                                  type="DATE", value="2019-03-05"))
    assert [c.date for c in candidates(article) if c.explicit] == ["2019-03-02"]


def test_cited_sentences_start_after_the_dateline() -> None:
    text = ("MALI - Le 3 mars, le conseil a voté la nouvelle charte du port de la ville.\n"
            "La charte entre en vigueur dans un mois selon le maire.")
    article = make_article(text, "2019-03-04", {"3 mars": "2019-03-03"})
    (entry,) = [e for e in build_timeline([article]) if e.date == "2019-03-03"]
    source = entry.sources[0]
    assert source.text == text[source.start:source.end]
    assert source.text.startswith("Le 3 mars") and entry.summary.startswith("Le 3 mars")


GREVE = ("La grève des pêcheurs du port bloque les quais et le marché aux poissons ; les "
         "pêcheurs réclament un nouveau partage des quotas de pêche avec la préfecture.")


def test_a_day_recalled_weeks_later_outranks_a_day_of_news() -> None:
    news = [  # three reports of the next day name 2019-03-05
        make_article(f"{GREVE} Mardi, les pêcheurs ont défilé devant la préfecture du port.",
                     "2019-03-06", {"Mardi": "2019-03-05"}, name=f"jour{i}")
        for i in range(3)]
    recalled = [  # two articles, weeks later, recall 2019-03-01
        make_article(f"{GREVE} Le 1er mars, les pêcheurs avaient défilé devant la préfecture "
                     "du port.", "2019-04-20", {"1er mars": "2019-03-01"}, name=f"rappel{i}")
        for i in range(2)]
    assert [e.date for e in build_timeline([*news, *recalled], max_dates=1)] == ["2019-03-01"]


def test_mentions_by_stray_articles_count_less() -> None:
    topical = [
        make_article(f"{GREVE} Le 8 mars, les pêcheurs ont défilé devant la préfecture du port.",
                     "2019-03-20", {"8 mars": "2019-03-08"}, name=f"greve{i}")
        for i in range(2)]
    background = [make_article(f"{GREVE} Les quotas de pêche restent le cœur du conflit.",
                               "2019-03-21", name=f"fond{i}") for i in range(3)]
    stray = [  # two off-topic pages name an earlier day as often
        make_article("Le festival de jazz ouvre ses portes avec un concert de piano gratuit. "
                     "Le 2 mars, le pianiste a joué devant mille spectateurs enthousiastes.",
                     "2019-03-20", {"2 mars": "2019-03-02"}, name=f"jazz{i}")
        for i in range(2)]
    entries = build_timeline([*topical, *background, *stray], max_dates=1,
                             since="2019-03-01", until="2019-03-10")
    assert [e.date for e in entries] == ["2019-03-08"]


def test_mean_over_topics_is_f_of_mean_precision_and_recall() -> None:
    keys = ("date", "ar-1", "ar-2")
    first = {f"{k} {m}": v for k in keys for m, v in (("precision", 1.0), ("recall", 0.2))}
    second = {f"{k} {m}": v for k in keys for m, v in (("precision", 0.2), ("recall", 0.2))}
    for row in (first, second):
        row.update({"oracle date f1": 0.5, "oracle ar-1 f": 0.1, "oracle ar-2 f": 0.0,
                    "budget date f1 ceiling": 0.4,
                    "oracle undated on publication day date f1": 0.5,
                    "oracle undated on publication day ar-1 f": 0.1,
                    "free oracle ar-1 f": 0.3})
    mean = average([first, second])
    assert mean["date f1"] == pytest.approx(2 * 0.6 * 0.2 / 0.8, abs=1e-4)
    assert mean["ar-1 f"] == mean["date f1"] and mean["oracle ar-1 f"] == pytest.approx(0.1)


def test_oracles_fill_reference_days_from_dated_or_any_sentences() -> None:
    text = (f"{GREVE} Le 3 mars, les pêcheurs ont bloqué le port et les quais de la ville. "
            "Le préfet a promis une réponse rapide aux demandes des pêcheurs du port.")
    article = make_article(text, "2019-03-04", {"3 mars": "2019-03-03"})
    reference = {"2019-03-03": ["Les pêcheurs bloquent le port ."],
                 "2019-03-20": ["Le préfet répond aux pêcheurs ."]}
    dated = oracle_timeline([article], reference, 1)
    assert list(dated) == ["2019-03-03"] and "bloqué le port" in dated["2019-03-03"][0]
    free = free_oracle_timeline([article], reference, 1)
    assert set(free) == set(reference) and "préfet" in free["2019-03-20"][0]


def test_undated_oracle_puts_later_sentences_on_the_publication_day() -> None:
    text = (f"{GREVE} Le 3 mars, les pêcheurs ont bloqué le port et les quais de la ville. "
            "Le préfet a promis une réponse rapide aux demandes des pêcheurs du port. "
            "Les pêcheurs ont levé le blocus du port dans la soirée sans incident. "
            "La criée rouvrira ses portes aux acheteurs du marché dès la semaine prochaine. "
            "Le maire salue le calme des pêcheurs et des dockers du port de la ville.")
    article = make_article(text, "2019-03-04", {"3 mars": "2019-03-03"})
    reference = {"2019-03-04": ["Le maire salue le calme des pêcheurs ."]}
    leads = oracle_timeline([article], reference, 1)  # the sixth sentence is not a lead
    assert "maire" not in " ".join(leads.get("2019-03-04", []))
    undated = oracle_timeline([article], reference, 1, undated=True)
    assert "maire" in undated["2019-03-04"][0]


def test_budget_date_ceiling_counts_reachable_days_under_the_budget() -> None:
    text = f"{GREVE} Le 3 mars, les pêcheurs ont bloqué le port et les quais de la ville."
    article = make_article(text, "2019-03-04", {"3 mars": "2019-03-03"})
    reference = {f"2019-03-0{d}": ["Les pêcheurs bloquent le port ."] for d in (1, 3, 8, 9)}
    # two days named in the window (3 and 4 March, the publication day), one of them a
    # reference day: at best 1 shared of 2 predicted and 4 reference days
    assert budget_date_ceiling([article], reference) == pytest.approx(2 * 1 / (2 + 4))
