"""Regressions found by running filrouge as a newcomer on real collections it had not seen
(see the QA notes in the session report). Texts here are written for the tests."""

from __future__ import annotations

import datetime as dt

from filrouge.analyze.pubdate import infer_from_text

# -- publication dates inferred from the text alone -------------------------------------------


def test_a_recalled_year_alone_dates_no_article() -> None:
    # An article recalling history is not written in the year it recalls.
    assert infer_from_text("La Chine a pris le contrôle du Tibet en 1950, rappelle le "
                           "gouvernement en exil.") is None


def test_a_weekday_is_not_fitted_to_a_year_far_after_the_one_recalled() -> None:
    # 8 August fell on a Friday in 1941, five years after the recalled 1936: no reason to
    # place the article there.
    found = infer_from_text("Les Jeux de Berlin, en 1936, avaient servi la propagande. La "
                            "cérémonie d'ouverture aura lieu vendredi 8 août.")
    assert found is None or found.earliest.year >= 2000


def test_a_day_without_year_is_not_placed_in_a_recalled_year() -> None:
    found = infer_from_text("Le mur de Berlin est tombé en 1989. Le président recevra son "
                            "homologue le 6 décembre.")
    assert found is None or not (found.earliest <= dt.date(1989, 12, 6) <= found.latest)


def test_a_day_with_its_year_still_bounds_the_writing() -> None:
    found = infer_from_text("Le traité a été signé le 3 juin 2012 à Bruxelles.")
    assert found is not None and found.earliest == dt.date(2012, 6, 3)
