"""Figures (money, counts, percentages) found in French text, and how they are scored."""

from __future__ import annotations

import itertools

import pytest

from filrouge.analyze.figures import find_amounts, words_to_number
from filrouge.eval.figures import Counts, score_amounts, score_article, summarise
from filrouge.model import Amount


def only(text: str) -> Amount:
    """The single amount of ``text`` (fails if there is not exactly one)."""
    amounts = find_amounts(text)
    assert len(amounts) == 1, [a.text for a in amounts]
    return amounts[0]


def texts(text: str) -> list[str]:
    return [a.text for a in find_amounts(text)]


# --------------------------------------------------------------------------- money


def test_money_with_scale_currency_and_period() -> None:
    a = only("Le Congrès a voté 107 milliards de dollars sur cinq ans pour la défense.")
    assert a.value == 107e9
    assert a.unit == "USD"
    assert a.period == "P5Y"
    assert a.approx is None


def test_pounds_with_decimal_comma() -> None:
    a = only("Londres mettra 2,5 milliards de livres sur la table.")
    assert (a.value, a.unit) == (2.5e9, "GBP")


def test_euros_after_elided_de() -> None:
    a = only("Berlin annonce 700 millions d'euros pour la reconstruction.")
    assert (a.text, a.value, a.unit) == ("700 millions d'euros", 700e6, "EUR")


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Le contrat atteint 500 M€ selon le ministère.", 500e6, "EUR"),
        ("La commande pèse 3 Md$ au total.", 3e9, "USD"),
        ("Un chantier de 2 Mds d'euros est lancé.", 2e9, "EUR"),
        ("La prime est de 10 k€.", 10e3, "EUR"),
        ("Le billet coûte 45 €.", 45.0, "EUR"),
        ("Moscou a gelé 300 millions de roubles.", 300e6, "RUB"),
        ("Kiev a émis 20 milliards de hryvnias d'obligations.", 20e9, "UAH"),
        ("Le fonds détient 4 milliards de francs suisses.", 4e9, "CHF"),
        ("Le prêt s'élève à 5 milliards de dollars américains.", 5e9, "USD"),
    ],
)
def test_currencies_and_abbreviations(sentence: str, value: float, unit: str) -> None:
    a = only(sentence)
    assert (a.value, a.unit) == (value, unit)


def test_french_billion_is_ten_to_the_twelve() -> None:
    assert only("La dette mondiale dépasse 300 billions de dollars.").value == 300e12


def test_one_billion_euros_is_a_figure() -> None:
    a = only("Bruxelles débloque un milliard d'euros.")
    assert (a.text, a.value, a.unit) == ("un milliard d'euros", 1e9, "EUR")


def test_money_measures_from_complement_or_head_noun() -> None:
    after = only("Rome a promis 400 millions d'euros d'aide militaire à Kiev.")
    assert after.measures == "aide militaire"
    before = only("Madrid prépare une aide de 250 millions d'euros.")
    assert before.measures == "aide"
    neither = only("Le déficit atteint 12 milliards d'euros.")
    assert neither.measures is None


def test_money_per_year_and_per_month() -> None:
    assert only("Le pays dépense 80 milliards d'euros par an.").period == "P1Y"
    assert only("Chaque soldat touche 2 000 euros par mois.").period == "P1M"
    assert only("Un budget annuel de 60 milliards d'euros est prévu.").period == "P1Y"
    assert only("Un fonds de 9 milliards d'euros sur la période 2024-2027.").period == "P4Y"


def test_periods_stated_after_the_recipient() -> None:
    a = only("Ils ont promis 40 milliards d'euros d'aide militaire à Kiev pour l'année qui vient.")
    assert a.period == "P1Y"
    assert only("La vente a rapporté 2 milliards d'euros en un an.").period == "P1Y"


def test_deadline_is_not_a_period() -> None:
    assert only("Il faudra 6 milliards d'euros d'ici 2030.").period is None


def test_elided_currency_is_taken_from_the_figure_before() -> None:
    found = find_amounts("Oslo a versé 1,2 milliard d'euros en 2022 puis 1,8 milliard en 2023.")
    assert [(a.text, a.unit) for a in found] == [
        ("1,2 milliard d'euros", "EUR"),
        ("1,8 milliard", "EUR"),
    ]


def test_books_are_not_pounds_without_a_scale() -> None:
    a = only("La bibliothèque a reçu 500 livres anciens.")
    assert a.unit == "livre"


# --------------------------------------------------------------------------- counts


def test_count_of_people_with_scale() -> None:
    a = only("Les combats ont jeté sur les routes 1,2 million de personnes.")
    assert (a.value, a.unit, a.measures) == (1.2e6, "personne", "personnes")


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f", "\u2009"])
def test_thousands_separators(space: str) -> None:
    a = only(f"L'état-major a déployé 40{space}000 soldats à la frontière.")
    assert (a.value, a.unit) == (40_000, "soldat")


def test_invariable_noun_unit() -> None:
    a = only("Les 31 pays membres ont signé le texte.")
    assert (a.text, a.value, a.unit) == ("31 pays", 31, "pays")


def test_more_than_with_model_name_after() -> None:
    a = only("Ils attendent plus de 30 avions F-16 avant l'été.")
    assert (a.text, a.value, a.unit, a.approx) == ("plus de 30 avions", 30, "avion", "more_than")


@pytest.mark.parametrize(
    ("sentence", "approx"),
    [
        ("La conférence a réuni près de 50 pays.", "about"),
        ("On compte environ 700 observateurs.", "about"),
        ("Quelque 120 journalistes étaient présents.", "about"),
        ("Au moins 12 civils ont été blessés.", "more_than"),
        ("Moins de 5 % des électeurs ont voté.", "less_than"),
        ("L'usine produira jusqu'à 300 obus par jour.", "up_to"),
    ],
)
def test_approximation_markers(sentence: str, approx: str) -> None:
    assert only(sentence).approx == approx


def test_approximate_nouns() -> None:
    a = only("Une trentaine de pays ont répondu présent.")
    assert (a.value, a.unit, a.approx) == (30, "pays", "about")
    b = only("Il faudrait une dizaine de milliers de soldats.")
    assert (b.value, b.unit, b.approx) == (10_000, "soldat", "about")


def test_number_words() -> None:
    a = only("Trente-huit morts ont été recensés dans la nuit.")
    assert (a.value, a.unit) == (38, "mort")
    assert only("On a dénombré vingt et un blessés.").value == 21
    assert only("Le régiment aligne quatre-vingts chars.").value == 80


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("deux", 2),
        ("dix-sept", 17),
        ("vingt et un", 21),
        ("soixante-dix", 70),
        ("soixante et onze", 71),
        ("quatre-vingts", 80),
        ("quatre-vingt-dix-neuf", 99),
        ("deux cents", 200),
        ("trois cent douze", 312),
        ("deux mille vingt-quatre", 2024),
        ("deux cent mille", 200_000),
    ],
)
def test_words_to_number(words: str, value: int) -> None:
    from filrouge.analyze.figures import _resources

    parts = [p for w in words.split() for p in w.split("-")]
    assert words_to_number(parts, _resources().number_words) == value


def test_words_that_are_not_one_number() -> None:
    from filrouge.analyze.figures import _resources

    assert words_to_number(["deux", "trois"], _resources().number_words) is None


def test_singular_lemmas() -> None:
    found = find_amounts("Ils ont perdu 12 chevaux, 40 drapeaux et 3 généraux.")
    assert [a.unit for a in found] == ["cheval", "drapeau", "général"]
    assert [a.unit for a in find_amounts("Parmi eux, 3 Français et 2 Suédois.")] == [
        "français",
        "suédois",
    ]


def test_counts_that_leave_their_noun_out() -> None:
    partitive = find_amounts("Seuls 9 des 27 États membres ont voté le texte.")
    assert [(a.text, a.unit) for a in partitive] == [("9", "état"), ("27 États", "état")]
    anaphora = find_amounts("Le club compte 40 membres dont 12 paient, contre trois en 2020.")
    assert [(a.text, a.value, a.unit) for a in anaphora] == [
        ("40 membres", 40, "membre"),
        ("12", 12, "membre"),
        ("trois", 3, "membre"),
    ]


def test_range_gives_one_amount_with_lower_bound() -> None:
    a = only("Entre 20 000 et 30 000 soldats seraient mobilisés.")
    assert (a.text, a.value, a.unit, a.approx) == (
        "Entre 20 000 et 30 000 soldats",
        20_000,
        "soldat",
        None,
    )


def test_range_lower_bound_takes_the_upper_scale() -> None:
    a = only("La facture irait de 20 à 30 milliards d'euros.")
    assert (a.value, a.unit) == (20e9, "EUR")


# --------------------------------------------------------------------------- percentages


def test_percent_of_gdp() -> None:
    a = only("La Pologne consacre 4 % du PIB à ses armées.")
    assert (a.value, a.unit, a.measures) == (4, "percent", "PIB")
    b = only("Ils promettent 2% de leur PIB.")
    assert (b.text, b.value, b.measures) == ("2%", 2, "PIB")


def test_percent_variants() -> None:
    assert only("La croissance a atteint 3,5 % au printemps.").value == 3.5
    a = only("Le chômage recule de cinq pour cent.")
    assert (a.text, a.value, a.unit) == ("cinq pour cent", 5, "percent")


def test_period_before_the_figure() -> None:
    assert only("Ils verseront chaque année au moins 2 milliards d'euros.").period == "P1Y"


def test_a_percentage_has_no_period() -> None:
    """A share of GDP is a ratio: "chaque année" does not make it a rate (docs/gold.md)."""
    assert only("Ils verseront chaque année au moins 1 % du PIB.").period is None
    assert only("Les dépenses progressent de 2 % par an.").text == "2 %"


def test_a_period_right_after_the_unit_is_in_the_span() -> None:
    a = only("Le fonds recevra jusqu'à 5 milliards d'euros par an.")
    assert (a.text, a.approx, a.period) == ("jusqu'à 5 milliards d'euros par an", "up_to", "P1Y")
    b = only("La rente a rapporté 1,1 milliard d'euros en un an.")
    assert (b.text, b.period) == ("1,1 milliard d'euros en un an", "P1Y")


def test_a_total_takes_no_period_from_its_neighbour() -> None:
    found = find_amounts("Un fonds de 5 milliards d'euros par an sur quatre ans, soit "
                         "20 milliards d'euros au total.")
    assert [(a.value, a.period) for a in found] == [(5e9, "P1Y"), (20e9, None)]


def test_cette_annee_is_a_date_not_a_period() -> None:
    assert only("Berlin prévoit d'y consacrer sept milliards d'euros cette année.").period is None


def test_an_adjective_is_not_a_counted_noun() -> None:
    assert find_amounts("Berlin va livrer 12 obusiers Panzerhaubitze 2000 additionnels.") == [
        find_amounts("Berlin va livrer 12 obusiers.")[0]]


# --------------------------------------------------------------------------- not amounts


@pytest.mark.parametrize(
    "sentence",
    [
        "L'armée dispose de deux fois plus de drones.",
        "Le traité a été signé en 2024.",
        "La crise de 2023 a tout changé.",
        "Le sommet s'ouvre le 11 juillet.",
        "La séance reprendra à 14h30.",
        "Le vote aura lieu à 14 heures.",
        "Le ministre, âgé de 45 ans, a démissionné.",
        "Le 1er régiment et la 2e division ont défilé.",
        "On fêtait le 75e anniversaire de l'Alliance.",
        "La deuxième réunion a échoué.",
        "Tous invoquent l'article 5 du traité.",
        "Voir la page 12 du rapport.",
        "Un diplomate a parlé sous couvert d'anonymat.",
        "Les deux pays ont signé.",
        "Les Vingt-Sept se réunissent demain.",
        "Les pilotes s'entraînent sur F-16 et le G7 se réunit.",
        "Le texte est daté du 11/07/2023.",
        "Les 23 consacrent l'essentiel de leur budget à l'armée.",
    ],
)
def test_not_amounts(sentence: str) -> None:
    assert texts(sentence) == []


def test_amounts_are_sorted_non_overlapping_and_exact() -> None:
    text = (
        "En 2024, l'Alliance comptait 32 pays, dont 23 au-dessus de 2 % du PIB ; "
        "l'aide atteint 40 milliards d'euros par an et près de 50 000 soldats."
    )
    found = find_amounts(text)
    assert [a.text for a in found] == [
        "32 pays",
        "23",
        "2 %",
        "40 milliards d'euros par an",
        "près de 50 000 soldats",
    ]
    for a in found:
        assert text[a.start : a.end] == a.text
    assert all(x.end <= y.start for x, y in itertools.pairwise(found))


# --------------------------------------------------------------------------- scoring


def amount(text: str, sub: str, value: float, unit: str, period: str | None = None) -> Amount:
    start = text.index(sub)
    end = start + len(sub)
    return Amount(start=start, end=end, text=sub, value=value, unit=unit, period=period)


def test_score_article_overlap_and_value() -> None:
    text = "Paris promet 3 milliards d'euros et 200 soldats. Rome enverra 12 chars."
    gold = [
        {"text": "3 milliards d'euros", "value": 3e9, "unit": "EUR", "period": None},
        {"text": "200 soldats", "value": 200, "unit": "soldat", "period": None},
        {"text": "12 chars", "value": 12, "unit": "char", "period": None},
    ]
    predicted = [
        amount(text, "3 milliards", 3e9, "EUR"),  # overlaps, right value
        amount(text, "200 soldats", 200, "homme"),  # overlaps, wrong unit
        amount(text, "Rome", 1, "ville"),  # spurious
    ]
    counts = score_article(text, gold, predicted)
    assert counts == Counts(tp=2, fp=1, fn=1, value_tp=1)
    scores = summarise(counts)
    assert scores["precision"] == pytest.approx(2 / 3)
    assert scores["recall"] == pytest.approx(2 / 3)
    assert scores["value_f1"] == pytest.approx(1 / 3)


def test_repeated_gold_texts_take_successive_occurrences() -> None:
    text = "Il a promis 5 %. Elle a promis 5 %."
    gold = [{"text": "5 %", "value": 5, "unit": "percent"}] * 2
    assert score_article(text, gold, find_amounts(text)) == Counts(tp=2, value_tp=2)


def test_unlocated_gold_counts_as_miss() -> None:
    counts = score_article("Rien ici.", [{"text": "12 chars", "value": 12, "unit": "char"}], [])
    assert counts == Counts(fn=1, unlocated=1)


def test_counts_sum() -> None:
    total = sum([Counts(tp=1, fp=2), Counts(fn=3, value_tp=1)], Counts())
    assert total == Counts(tp=1, fp=2, fn=3, value_tp=1)
    assert sum([Counts(tp=1), Counts(tp=2)]) == Counts(tp=3)


def test_score_amounts_without_text_pairs_by_text() -> None:
    gold = [{"text": "40 milliards d'euros", "value": 4e10, "unit": "EUR", "period": "P1Y"}]
    text = "L'aide atteint 40 milliards d'euros par an."
    scores = score_amounts(gold, find_amounts(text))
    assert scores["f1"] == 1.0
    assert scores["value_f1"] == 1.0
    assert score_amounts(gold, find_amounts(text), text)["value_f1"] == 1.0


def test_an_elliptic_count_after_une_de_takes_the_unit_of_the_count_before() -> None:
    found = find_amounts("L'Ukraine a reçu une liste de 640 noms ; Kiev en a transmis une de "
                         "1 200.")
    assert [(a.value, a.unit) for a in found] == [(640, "nom"), (1200, "nom")]


def test_sur_introduces_the_whole_a_part_is_counted_from() -> None:
    found = find_amounts("Vingt-six pays sur 35 ont promis des troupes.")
    assert [(a.value, a.unit) for a in found] == [(26, "pays"), (35, "pays")]


def test_a_definite_number_word_counts_unless_it_means_both() -> None:
    found = find_amounts("Les dirigeants des sept pays du G7 ont parlé aux deux présidents.")
    assert [(a.text, a.value, a.unit) for a in found] == [("sept pays", 7, "pays")]
    assert find_amounts("Les deux pays ont signé.") == []


def test_a_title_case_headline_and_a_comment_counter_give_no_figure() -> None:
    text = ("Trump Dit Que L'Ukraine Doit Payer Les 350 Milliards De Dollars\n\n"
            "L'aide atteint 350 milliards de dollars.\n\nRéagissez (14 commentaires)")
    assert [a.text for a in find_amounts(text)] == ["350 milliards de dollars"]


def test_environ_after_the_figure_and_adjectives_before_the_noun() -> None:
    found = find_amounts("S'ajoutent 250 millions d'euros environ de provisions.")
    assert [(a.text, a.approx) for a in found] == [("250 millions d'euros environ", "about")]
    assert find_amounts("Il est resté muet pendant quinze interminables minutes.") == []


def test_local_currencies_named_with_their_adjective() -> None:
    found = find_amounts("Un budget de 170 milliards de livres égyptiennes.")
    assert [(a.value, a.unit) for a in found] == [(170e9, "EGP")]
