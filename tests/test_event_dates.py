"""Days of events told in a past narrative (filrouge.analyze.time, filrouge.analyze.dating):
docs/gold.md, "## Events", Dates and conventions 3 and 5."""

from __future__ import annotations

import datetime as dt

from filrouge.analyze.dating import date_span, date_statements
from filrouge.analyze.time import find_times
from filrouge.model import Event, Span

from .conftest import sentences_of

PUBLISHED = "2025-04-27"  # a Sunday


def value_of(text: str, words: str, published: str = PUBLISHED) -> str:
    """The TIMEX3 value of the expression ``words`` (its last occurrence)."""
    times = find_times(text, dt.date.fromisoformat(published))
    return next(t.value for t in reversed(times) if t.text == words)


def event_day(text: str, cue: str, published: str = PUBLISHED) -> str | None:
    times = find_times(text, dt.date.fromisoformat(published))
    at = text.index(cue)
    day, _ = date_span(text, times, sentences_of(text), (at, at + len(cue)), published,
                       focus=(at, at + len(cue)), periods=True)
    return day


# --------------------------------------------------------------------------- "le lendemain"


def test_le_lendemain_opening_a_paragraph_goes_on_from_the_day_told_before() -> None:
    # "Le lendemain" can only count from a day the text told: a new paragraph does not send
    # it back to the publication day (which would put a past meeting in the future)
    text = ("Mardi, le ministre a rencontré son homologue à Rome.\n\n"
            "Le lendemain, l'émissaire américain avait rencontré Vladimir Poutine au Kremlin.")
    assert value_of(text, "Le lendemain") == "2025-04-23"
    assert event_day(text, "rencontré Vladimir") == "2025-04-23"


def test_le_meme_jour_opening_a_paragraph_is_the_day_told_before() -> None:
    text = ("Mercredi, à Bruxelles, les ministres ont débattu de l'aide.\n\n"
            "Le même jour, le secrétaire d'État a appelé Kiev à négocier.")
    assert value_of(text, "Le même jour") == "2025-04-23"
    assert event_day(text, "appelé") == "2025-04-23"


def test_a_paragraph_of_its_own_still_goes_back_to_the_news_of_the_day() -> None:
    # only a paragraph back: further away, "le lendemain" counts from the article's day again
    text = ("Mardi, le ministre a rencontré son homologue.\n\nUn premier paragraphe.\n\n"
            "Un autre paragraphe.\n\nLe lendemain, rien ne s'est passé.")
    assert value_of(text, "Le lendemain") == "2025-04-28"


def test_the_day_after_a_night_of_two_days_is_the_day_after_the_second() -> None:
    # docs/gold.md, convention 5: the night "du 23 au 24" is the 24th, so its lendemain the 25th
    text = ("Une frappe a visé Kiev dans la nuit du 23 au 24 avril, faisant douze morts.\n\n"
            "Le lendemain, l'émissaire américain avait rencontré Vladimir Poutine au Kremlin.")
    assert value_of(text, "Le lendemain") == "2025-04-25"
    assert event_day(text, "rencontré") == "2025-04-25"


def test_the_eve_of_a_named_event_moves_no_story() -> None:
    # "à la veille de la visite" is a guess from the article's day: the story stays at the
    # 16th, and "Le lendemain" is the 17th
    text = ("Le 16 octobre, à la veille de la visite de Volodymyr Zelensky à Washington, "
            "Donald Trump et Vladimir Poutine se parlent.\n\n"
            "Le lendemain, le président ukrainien est reçu à la Maison Blanche.")
    assert value_of(text, "Le lendemain", "2025-10-23") == "2025-10-17"


def test_le_meme_jour_after_le_lendemain_is_that_next_day() -> None:
    text = ("À Madrid, le 27 mai, Pedro Sánchez a signé un accord. Le lendemain, à Bruxelles, "
            "le Premier ministre belge s'est engagé à livrer des F-16. Le même jour, le "
            "président ukrainien était reçu à Lisbonne.")
    assert value_of(text, "Le même jour", "2024-06-14") == "2024-05-28"


def test_a_look_back_with_la_veille_does_not_move_the_story() -> None:
    times = find_times("Le 3 mai 2021, il a signé. La veille, il avait hésité. Le lendemain, "
                       "rien.", dt.date(2023, 7, 12))
    assert [t.value for t in times] == ["2021-05-03", "2021-05-02", "2021-05-04"]


# --------------------------------------------------------------------------- "à la veille de"


def test_a_day_written_out_wins_over_the_eve_of_an_event() -> None:
    # "à la veille de la visite" is counted from the visit's day, which the tagger can only
    # guess from the article's: the day the sentence writes out dates the call
    text = ("Le 16 octobre, à la veille de la visite de Volodymyr Zelensky à Washington, "
            "Donald Trump et Vladimir Poutine se sont parlé pendant deux heures.")
    assert event_day(text, "parlé", "2025-10-23") == "2025-10-16"


def test_the_eve_of_an_event_sets_no_narrative_day() -> None:
    text = ("Les dirigeants se sont réunis jeudi à Paris. La veille du sommet, M. Macron avait "
            "promis une aide.\n\nKeir Starmer a accusé la Russie de « jouer la montre ».")
    assert event_day(text, "accusé", "2025-03-27") == "2025-03-27"


# --------------------------------------------------------------------------- interviews

INTERVIEW = (
    "Le président tchèque a lancé l'initiative en février. Un diplomate la décrypte.\n\n"
    "Comment cette initiative est-elle née ?\n\n"
    "{answer}\n\n"
    "Qui a payé ?\n\n"
    "Une quinzaine de pays.\n\n"
    "Comment Moscou a-t-il réagi ?\n\n"
    "Avec colère.")


def dated_event(text: str, sentence: str, cue: str, published: str = PUBLISHED) -> str | None:
    start = text.index(sentence)
    at = text.index(cue, start)
    event = Event.model_validate({
        **Span.of(text, start, start + len(sentence)).model_dump(),
        "type": "REQUEST", "trigger": Span.of(text, at, at + len(cue)),
        "actors": ["petr-pavel"], "targets": []})
    times = find_times(text, dt.date.fromisoformat(published))
    _, (dated,) = date_statements(text, times, sentences_of(text), [], [event], published)
    return dated.date


def test_an_interview_recalls_a_past_act_without_its_day() -> None:
    # docs/gold.md: "An undated past act in a portrait or interview is null"
    answer = "Il a appelé les alliés à financer l'opération."
    text = INTERVIEW.format(answer=answer)
    assert dated_event(text, answer, "appelé") is None


def test_a_news_story_keeps_the_article_s_day_for_an_undated_act() -> None:
    answer = "Il a appelé les alliés à financer l'opération."
    text = "Le président tchèque a lancé l'initiative en février.\n\n" + answer
    assert dated_event(text, answer, "appelé") == PUBLISHED


def test_an_interview_keeps_the_day_of_a_dated_act_and_of_a_plan() -> None:
    dated = "Il a appelé jeudi les alliés à financer l'opération."
    assert dated_event(INTERVIEW.format(answer=dated), dated, "appelé") == "2025-04-24"
    plan = "Il pourrait appeler les alliés à financer l'opération."
    assert dated_event(INTERVIEW.format(answer=plan), plan, "appeler") == PUBLISHED


# --------------------------------------------------------------------------- live pages


def test_an_entry_of_a_live_page_without_a_dash_is_told_on_the_page_s_day() -> None:
    # "07h40 Nuit de frappes sur Kharkiv." heads an entry as "16h45 — " does
    text = ("08h10 Les ministres se sont réunis mardi à Prague.\n\n"
            "07h40 Nuit de frappes sur Kharkiv. Le maire de la ville a exhorté les Occidentaux "
            "à « fermer le ciel ».")
    assert event_day(text, "exhorté", "2024-05-31") == "2024-05-31"
    told = ("Les ministres se sont réunis mardi à Prague.\n\n"
            "Le maire de la ville a exhorté les Occidentaux à « fermer le ciel ».")
    assert event_day(told, "exhorté", "2024-05-31") == "2024-05-28"


# --------------------------------------------------------------------------- repeated acts


def test_an_act_said_many_times_has_no_single_day() -> None:
    # "a répété plusieurs fois que…", as "à plusieurs reprises": no single day (convention)
    text = ("Le président a répété plusieurs fois que les États-Unis ont donné à l'Ukraine "
            "350 milliards de dollars.")
    assert event_day(text, "donné") is None
    assert event_day(text.replace(" plusieurs fois", ""), "donné") == PUBLISHED


# --------------------------------------------------------------------------- tense of a weekday


def test_a_title_s_full_stop_ends_no_sentence() -> None:
    # "M. Maduro" does not cut the sentence: "ont félicité … lundi" is the past Monday
    text = "La Chine et l'Iran ont félicité M. Maduro dès lundi. Il viendra mardi."
    assert [t.value for t in find_times(text, dt.date(2024, 8, 2))] == [
        "2024-07-29", "2024-08-06"]


def test_a_day_after_a_past_participle_is_the_day_it_was_done() -> None:
    text = ("Le décret signé mardi par Vladimir Poutine élargit les cas dans lesquels Moscou "
            "pourrait recourir à l'arme atomique.")
    assert value_of(text, "mardi", "2024-11-20") == "2024-11-19"
    # a noun ("sa tournée lundi"), a plan ("prévu mardi") or a compound future keep ahead
    assert value_of("Il doit poursuivre sa tournée lundi en Grèce.", "lundi",
                    "2024-11-20") == "2024-11-25"
    assert value_of("Le sommet prévu mardi aura lieu à Bruxelles.", "mardi",
                    "2024-11-20") == "2024-11-26"
    assert value_of("Un accord sera signé lundi.", "lundi", "2024-11-20") == "2024-11-25"


# ------------------------------------------------------------------ "trois jours plus tard"


def test_a_few_days_later_counts_from_the_day_told_before() -> None:
    text = ("La tournée a commencé le 2 juillet à Kiev.\n\n"
            "Trois jours plus tard, surprise : Viktor Orban atterrissait à Moscou.")
    assert event_day(text, "atterrissait", "2024-07-12") == "2024-07-05"
    earlier = ("Le chancelier a annoncé mardi la livraison de chars. Quelques heures plus tôt, "
               "le président avait rencontré son homologue.")
    assert event_day(earlier, "rencontré", "2023-01-26") == "2023-01-24"


def test_a_later_span_needs_a_past_day_to_count_from() -> None:
    # a plan's day ("en janvier prochain") or a vague span ("quelques jours") is no anchor
    text = ("Le 1er janvier 2026, la présidence changera de mains. Quelques jours plus tard, "
            "le ministre a rencontré son homologue.")
    assert event_day(text, "rencontré", "2025-08-20") == "2025-08-20"


def test_a_recap_goes_on_with_the_day_its_paragraph_told() -> None:
    # an older day counts for what follows in its own paragraph, not beyond it
    text = ("La tournée a commencé le 2 juillet à Kiev.\n\n"
            "Trois jours plus tard, Viktor Orban atterrissait à Moscou. Vladimir Poutine l'a "
            "accueilli au Kremlin pendant plus de deux heures.\n\n"
            "Le président chinois a appelé à un dialogue direct.")
    assert event_day(text, "accueilli", "2024-07-12") == "2024-07-05"
    assert event_day(text, "appelé", "2024-07-12") == "2024-07-12"


def test_le_jeudi_after_a_compound_past_is_that_thursday() -> None:
    # "ont effectué le jeudi une nouvelle étape" tells one act, not a habit
    text = "La Russie et l'Ukraine ont effectué le jeudi une nouvelle étape de l'échange."
    assert value_of(text, "le jeudi", "2025-06-12") == "2025-06-12"
    assert value_of("Le conseil se réunit le jeudi.", "le jeudi", "2025-06-12") == "XXXX-WXX-4"
