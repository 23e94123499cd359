"""Story labels read like a newspaper's topic line: a few keyphrases in the words the articles
use ("tramway de Grenoble", "Conseil d'État"), never stems ("tramway grenobl"), never a stop
word at an edge ("de la ligne"), never the same name twice ("OTAN" and "Otan")."""

from __future__ import annotations

from filrouge.model import Article, Entity, Published, content_id
from filrouge.stories.labels import build_story, keyphrases
from filrouge.stories.text import stopwords

TRAM = [
    ("Le tramway de Grenoble attend l'avis du Conseil d'État",
     "Le projet de tramway de Grenoble reste suspendu à l'avis du Conseil d'État. Les riverains "
     "de la ligne E contestent le tracé retenu par la métropole. Le chantier du tramway devait "
     "commencer au printemps."),
    ("Tramway de Grenoble : le Conseil d'État valide le tracé",
     "Le Conseil d'État a validé jeudi le tracé du tramway de Grenoble. La métropole promet "
     "des travaux rapides sur la ligne E. Les riverains se disent déçus."),
    ("Ligne E : les travaux du tramway de Grenoble commencent",
     "Les premiers travaux du tramway de Grenoble ont commencé lundi sur la ligne E. La "
     "métropole a officiellement lancé le chantier après la décision du Conseil d'État."),
]


def articles(texts: list[tuple[str, str]], day: str = "2024-03-01") -> list[Article]:
    return [Article(id=content_id(text), source=f"tram-{n}.txt", title=title, text=text,
                    outlet=f"journal-{n}", published=Published(value=day, origin="input"))
            for n, (title, text) in enumerate(texts)]


def test_labels_are_noun_phrases_in_the_articles_own_words() -> None:
    found = keyphrases(articles(TRAM))
    assert 2 <= len(found) <= 4
    assert "tramway de Grenoble" in found
    assert "Conseil d'État" in found
    corpus = " ".join(f"{t} {b}" for t, b in TRAM)
    assert all(phrase in corpus for phrase in found), found  # surface forms, not stems


def test_no_label_starts_or_ends_with_a_stop_word_or_a_verb() -> None:
    stop = stopwords()
    for phrase in keyphrases(articles(TRAM)):
        words = phrase.lower().replace("'", " ").split()
        assert words[0] not in stop and words[-1] not in stop, phrase
    assert not {"validé", "commencé", "officiellement", "commencent"} & set(
        " ".join(keyphrases(articles(TRAM))).split())


def test_one_name_is_one_label_shown_in_its_usual_form() -> None:
    texts = [
        ("L'Otan réunit ses ministres à Bruxelles",
         "Les ministres de l'Otan se retrouvent à Bruxelles. L'Otan doit parler de munitions."),
        ("Bruxelles : l'OTAN promet des munitions",
         "Réunis à Bruxelles, les ministres de l'Otan ont promis des munitions."),
        ("Munitions : l'Otan tient parole à Bruxelles",
         "À Bruxelles, l'Otan a confirmé la livraison de munitions."),
    ]
    found = keyphrases(articles(texts))
    assert [p.lower() for p in found].count("otan") == 1
    assert "Otan" in found  # the most frequent spelling, not "OTAN"


def test_a_name_keeps_its_article_and_is_never_cut() -> None:
    texts = [
        ("Sommet à La Haye", "Les dirigeants arrivent à La Haye pour un sommet sur le climat. "
         "Le président Jean-Baptiste Lemoine Duval ouvrira les débats."),
        ("À La Haye, un sommet sans accord", "Le sommet de La Haye se termine sans accord. "
         "Jean-Baptiste Lemoine Duval regrette un échec."),
    ]
    found = keyphrases(articles(texts))
    assert "La Haye" in found
    assert not any(p in {"Lemoine", "Jean-Baptiste Lemoine", "Lemoine Duval"} for p in found)


def test_a_title_case_headline_is_shown_in_sentence_case() -> None:
    texts = [("Les Riverains Contestent Le Tracé Du Futur Tramway",
              "Le tracé du futur tramway inquiète les riverains du quartier Berriat.")]
    found = keyphrases(articles(texts))
    assert "tramway" in found
    capitalised = {w for p in found for w in p.split() if w[0].isupper()}
    assert capitalised <= {"Berriat"}, found  # a name keeps its capital, "Tramway" does not


def test_the_story_title_joins_its_keyphrases() -> None:
    story = build_story("s-tram", articles(TRAM))
    assert story.title == " · ".join(story.keyphrases)
    assert story.keyphrases and story.start == "2024-03-01"


def test_two_spellings_of_one_actor_give_one_label() -> None:
    texts = [("Kiev attend les blindés", "Les blindés promis arrivent à Kiev et à Kyiv."),
             ("Kyiv reçoit les blindés", "Les blindés promis sont à Kyiv."),
             ("Blindés à Kyiv", "Le gouvernement de Kiev remercie pour les blindés.")]
    found = articles(texts)
    for article in found:
        for name in ("Kiev", "Kyiv"):
            for at in [i for i in range(len(article.text)) if article.text.startswith(name, i)]:
                article.entities.append(Entity(start=at, end=at + 4, text=name, label="LOC",
                                               actor="UKR", actor_name="Ukraine"))
    labels = keyphrases(found)
    assert ("Kiev" in labels) != ("Kyiv" in labels), labels


def test_a_lone_word_gives_way_to_the_phrase_most_articles_use() -> None:
    texts = [("Les Jeux olympiques s'ouvrent", "Les Jeux olympiques commencent à Lyon."),
             ("Jeux olympiques : la flamme arrive", "La flamme des Jeux olympiques est à Lyon."),
             ("Les Jeux vus de Lyon", "À Lyon, les Jeux olympiques remplissent les hôtels.")]
    assert "Jeux olympiques" in keyphrases(articles(texts))


def test_the_file_articles_were_read_from_is_no_outlet() -> None:
    found = articles(TRAM)
    found = [a.model_copy(update={"outlet": None, "source": f"veille/export.jsonl#r{n}"})
             for n, a in enumerate(found)]
    assert build_story("s-tram", found).outlets == []
    found[0] = found[0].model_copy(update={"outlet": "La Gazette"})
    assert build_story("s-tram", found).outlets == ["La Gazette"]


def test_a_persons_name_does_not_run_on_into_the_verb_after_it() -> None:
    texts = [("Jeanne Martin signe le budget", "Jeanne Martin signe le budget du tramway."),
             ("Jeanne Martin signe encore", "La maire Jeanne Martin signe le budget annexe.")]
    found = articles(texts)
    for article in found:
        at = article.text.index("Jeanne Martin")
        article.entities.append(Entity(start=at, end=at + 13, text="Jeanne Martin", label="PER"))
    found[0].entities.append(Entity(start=0, end=6, text="Jeanne", label="PER"))
    labels = keyphrases(found)
    assert "Jeanne Martin" in labels and "Jeanne Martin signe" not in labels
