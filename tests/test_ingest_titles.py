"""Titles, lists of dated items, outlets and lines a site repeats, in plain text.

Every page below is made up for these tests; none comes from the shared corpora.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from filrouge.ingest.clean import Cleaned, clean_text
from filrouge.ingest.prepare import SiteLines, outlet_of_url, prepare, read_articles
from filrouge.ingest.raw import RawDocument
from filrouge.model import Article

LEAD = (
    "Le conseil départemental a voté jeudi une enveloppe de douze millions d'euros pour "
    "rénover les collèges les plus anciens du territoire, après un an de concertation avec "
    "les parents et les enseignants."
)
BODY = [
    LEAD,
    "Les travaux commenceront à l'automne par les bâtiments classés prioritaires, où les "
    "fenêtres et le chauffage datent pour la plupart des années soixante-dix, selon le rapport.",
    "L'opposition a salué l'effort tout en réclamant un calendrier précis, collège par collège, "
    "et une enveloppe distincte pour l'accessibilité des personnes handicapées.",
]


def page_of(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def reasons(cleaned: Cleaned) -> dict[str, str]:
    return {r.text: r.reason for r in cleaned.removed}


# --- titles --------------------------------------------------------------------------------


def test_headline_swept_into_a_list_of_links_is_the_one_right_above_the_body() -> None:
    most_read = [
        "Les vendanges commencent plus tôt cette année",
        "« Nous devons repenser la ville » : entretien avec une urbaniste",
        "Le prix des loyers continue de grimper",
        "« Nous devons repenser la ville » : entretien avec une urbaniste",
        "Cinq idées de randonnées pour l'automne",
    ]
    raw = page_of(
        *most_read,
        "Abonnez-vous pour lire la suite",
        "Collèges : un plan de rénovation voté",
        LEAD,
        "Par Jeanne Roy Publié le 12 mars 2021 à 10h05",
        *BODY[1:],
    )
    cleaned = clean_text(raw)
    assert cleaned.title == "Collèges : un plan de rénovation voté"
    assert all(reasons(cleaned).get(line) == "related-links" for line in most_read)


def test_headlines_each_followed_by_their_own_date_are_a_list_not_the_title() -> None:
    raw = page_of(
        "Suivez-nous sur :",
        "Collèges : un plan de rénovation voté",
        "Vidéos et audio",
        "Le chantier du collège Jean-Moulin en images",
        "le 11 mars 2021 à 18:30",
        "Les parents d'élèves réagissent au plan",
        "le 11 mars 2021 à 12:45",
        *BODY,
    )
    cleaned = clean_text(raw)
    assert cleaned.title == "Collèges : un plan de rénovation voté"
    r = reasons(cleaned)
    assert r["Le chantier du collège Jean-Moulin en images"] == "related-links"
    assert r["Les parents d'élèves réagissent au plan"] == "related-links"
    # The items' dates agree, so they still date the page, with less confidence than its own.
    assert cleaned.published.value == "2021-03-11"
    assert cleaned.published.confidence == 0.6


def test_a_headline_followed_by_its_own_stamp_is_still_the_title() -> None:
    raw = page_of("Collèges : un plan de rénovation voté", "le 11 mars 2021 à 18:30", *BODY)
    cleaned = clean_text(raw)
    assert cleaned.title == "Collèges : un plan de rénovation voté"
    assert cleaned.published.value == "2021-03-11"
    assert cleaned.published.confidence == 0.75


def test_stamps_credits_and_fragments_are_not_titles() -> None:
    for debris in ("Site du Collectif / 2021 03 11/", "Jeanne ROY pour",
                   "Le Courrier / avec AFP – Reuters –"):
        assert clean_text(page_of(debris, *BODY)).title is None, debris


def test_a_one_word_kicker_does_not_make_a_headline_two_sentences() -> None:
    raw = page_of("Tulle. Le collège Victor-Hugo sera le premier rénové", *BODY)
    assert clean_text(raw).title == "Tulle. Le collège Victor-Hugo sera le premier rénové"
    standfirst = page_of("Le plan est voté. Les travaux commencent à l'automne", *BODY)
    assert clean_text(standfirst).title is None


def test_a_hard_wrapped_headline_cut_after_a_preposition_is_joined() -> None:
    paragraphs = [" ".join(BODY[:2]), BODY[2] + " " + LEAD]
    wrapped = [line for p in paragraphs for line in [*textwrap.wrap(p, width=40), ""]]
    raw = page_of("Après des années d'attente pour les", "« vieux collèges », enfin un plan",
                  "", *wrapped)
    cleaned = clean_text(raw)
    assert cleaned.title == "Après des années d'attente pour les « vieux collèges », enfin un plan"


def test_share_buttons_glued_by_small_words_are_not_titles() -> None:
    for buttons in ("Partager  Tweeter  Envoyer par courriel",
                    "Partagez cet article : Facebook, X, Email",
                    "Partager sur les réseaux sociaux",
                    "Réagir (14)  |  Partager"):
        raw = page_of("Collèges : un plan de rénovation voté",
                      "Publié le 12/03/2021 à 16h05", buttons, *BODY)
        cleaned = clean_text(raw)
        assert cleaned.title == "Collèges : un plan de rénovation voté", buttons
        assert reasons(cleaned)[buttons] == "share-buttons"
    assert clean_text(page_of("Partager la ville avec les cyclistes", *BODY)).title == (
        "Partager la ville avec les cyclistes")


def test_a_call_to_the_reader_is_not_a_headline() -> None:
    raw = page_of("DIRECT", "Collèges : le vote du plan de rénovation en direct",
                  "Publié le 12/03/2021 à 11h15", "Suivez les dernières informations en continu",
                  *BODY)
    assert clean_text(raw).title == "Collèges : le vote du plan de rénovation en direct"


def test_a_role_byline_is_not_the_title_and_the_printed_twice_headline_is() -> None:
    headline = "Collèges : le département vote un plan de douze millions"
    raw = page_of("LE COURRIER DU SOIR", "Accueil  Région  Politique  Économie  Sports",
                  headline, headline, "De notre envoyée spéciale à Tulle, Jeanne Roy",
                  "Publié le vendredi 12 mars 2021 à 19h02", "", *BODY)
    cleaned = clean_text(raw)
    assert cleaned.title == headline
    assert "De notre envoyée spéciale" not in cleaned.text


def test_the_sites_own_name_on_top_is_a_masthead_not_the_title() -> None:
    raw = page_of("Le Courrier Direct", "Accueil | Région | Politique | Sports",
                  "Collèges : Le Département Vote Un Plan De Douze Millions",
                  "12.03.2021 09:15", "Partager | Email | Imprimer", "", *BODY,
                  "Plus de Le Courrier Direct", "© Le Courrier Direct 2021")
    cleaned = clean_text(raw)
    assert cleaned.outlet == "Le Courrier Direct"
    assert cleaned.title == "Collèges : Le Département Vote Un Plan De Douze Millions"


def test_site_lines_are_never_titles_and_leave_the_head() -> None:
    slogan = "Le Courrier des Vallées, l'info qui vous ressemble"
    raw = page_of(slogan, *BODY)
    assert clean_text(raw).title == slogan  # alone, nothing tells it from a headline
    cleaned = clean_text(raw, site_lines=[slogan.upper()])
    assert cleaned.title is None
    assert reasons(cleaned)[slogan] == "navigation"


# --- lines a site repeats over a run ---------------------------------------------------------


UNRELATED = [
    "La piscine municipale restera fermée tout l'hiver : une fuite dans le bassin principal "
    "oblige la mairie à engager des travaux qu'elle n'avait pas prévus au budget de l'année.",
    "Un violent orage a privé d'électricité près de trois mille foyers dimanche soir dans les "
    "villages de la haute vallée, où les équipes de dépannage ont travaillé toute la nuit.",
    "Le festival de musique baroque fête ses vingt ans avec une programmation qui fait la part "
    "belle aux jeunes ensembles venus d'Italie, d'Espagne et des Pays-Bas pour trois semaines.",
    "Les producteurs de noix s'inquiètent d'une récolte en baisse de moitié après le gel tardif "
    "du printemps, et demandent à l'État de reconnaître l'état de calamité agricole.",
]


def _other_body(n: int) -> list[str]:
    return [UNRELATED[n % len(UNRELATED)],
            "La suite de l'article détaille les réactions des habitants et des élus."]


def test_site_lines_need_three_unrelated_articles() -> None:
    slogan = "Le Courrier des Vallées, l'info qui vous ressemble"
    site = SiteLines()
    for n in range(2):
        site.observe(page_of(slogan, *_other_body(n)))
    assert site.lines == frozenset()
    site.observe(page_of(slogan, *_other_body(2)))
    assert "le courrier des vallées, l'info qui vous ressemble" in site.lines


def test_a_wire_headline_run_by_several_outlets_is_not_a_site_line() -> None:
    headline = "Collèges : un plan de rénovation voté"
    site = SiteLines()
    for outlet in ("Le Courrier", "La Gazette", "L'Écho", "Le Journal"):
        site.observe(page_of(headline, *BODY, f"© {outlet}"))
    assert site.lines == frozenset()


def test_read_articles_keeps_the_slogan_out_of_every_title(tmp_path: Path) -> None:
    slogan = "Le Courrier des Vallées, l'info qui vous ressemble"
    for n in range(4):
        headline = [f"Chantier numéro {n + 1} : le point sur les travaux"] if n % 2 else []
        (tmp_path / f"page{n}.txt").write_text(page_of(*headline, slogan, *_other_body(n)),
                                               encoding="utf-8")
    articles = [a for a in read_articles([tmp_path]) if isinstance(a, Article)]
    assert [a.title for a in articles] == [
        None, "Chantier numéro 2 : le point sur les travaux",
        None, "Chantier numéro 4 : le point sur les travaux"]
    assert all(slogan not in a.text for a in articles)


# --- outlets ---------------------------------------------------------------------------------


def test_outlet_from_a_copyright_line() -> None:
    for line, outlet in [
        ("© Copyright 2006-2021 LeCourrier.com. Tous droits réservés.", "LeCourrier.com"),
        ("Copyright © La Gazette du Nord 1998-2021 Groupe Presse sa - GPN", "La Gazette du Nord"),
        ("© L'Écho des Vallées -", "L'Écho des Vallées"),
        ("Copyright : Le Réseau des Idées, 2021.", "Le Réseau des Idées"),
        ("Le Journal des Vallées © 2021 – Tous droits réservés", "Le Journal des Vallées"),
    ]:
        assert clean_text(page_of("Collèges : un plan voté", *BODY, line)).outlet == outlet, line


def test_outlet_from_a_cookie_notice_an_account_prompt_or_an_about_link() -> None:
    cookie = ("La Gazette du Nord utilise des cookies pour vous offrir une expérience de "
              "qualité et mesurer l'audience.")
    assert clean_text(page_of(*BODY, cookie)).outlet == "La Gazette du Nord"
    account = page_of(*BODY, "Partager", "Facebook", "Twitter",
                      "Avec un compte LaGazette.fr :", "Mot de passe oublié ?")
    assert clean_text(account).outlet == "LaGazette.fr"
    about = page_of(*BODY, "Partager", "Facebook", "Twitter", "Nous contacter", "Plan du site",
                    "À propos de la RVN", "Mentions légales")
    assert clean_text(about).outlet == "RVN"


def test_no_outlet_from_the_body_a_photo_credit_or_a_wire_mark() -> None:
    mentioned = page_of("Collèges : un plan voté",
                        "TULLE (AFP) - " + LEAD,
                        "Selon le site lecourrier.fr, qui a révélé l'affaire, le vote était "
                        "acquis depuis plusieurs semaines au sein de la majorité départementale.",
                        "Les élèves devant le collège. © Marc Lenoir / AFP",
                        "© Jeanne Roy",
                        BODY[1],
                        "Ce site utilise des cookies pour mesurer l'audience.")
    assert clean_text(mentioned).outlet is None


def test_outlet_order_metadata_then_page_then_address() -> None:
    text = page_of(*BODY, "© La Gazette du Nord")
    given = RawDocument(source="a.json", text=text, format="json", outlet="Le Courrier",
                        url="https://www.lecourrier.fr/a/1")
    page = RawDocument(source="b.txt", text=text, format="text",
                       url="https://www.lecourrier.fr/a/1")
    address = RawDocument(source="c.json", text=page_of(*BODY), format="json",
                          url="https://www.lecourrier.fr/a/1")
    bare = RawDocument(source="folder/d.txt", text=page_of(*BODY), format="text")
    outlets = []
    for raw in (given, page, address, bare):
        article = prepare(raw)
        assert isinstance(article, Article)
        outlets.append(article.outlet)
    assert outlets == ["Le Courrier", "La Gazette du Nord", "lecourrier.fr", None]


def test_outlet_of_url() -> None:
    assert outlet_of_url("https://www.lecourrier.fr/region/article-1.html") == "lecourrier.fr"
    assert outlet_of_url("http://news.example.org") == "news.example.org"
    assert outlet_of_url("ftp://files.example.org/a") is None
    assert outlet_of_url("folder/d.txt") is None
    assert outlet_of_url(None) is None
