"""Tests of the duplicate finder: normalised names, domains, the three signals and the
order of the candidates; properties with hypothesis."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from olievlek.engines.duplicates import (
    Party,
    domain_of,
    find_duplicates,
    name_similarity,
    normalise_name,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Bakkerij De Korenaar B.V.", "bakkerij de korenaar"),
        ("bakkerij de korenaar bv", "bakkerij de korenaar"),
        ("Stichting Zorg & Welzijn", "zorg en welzijn"),
        ("De Vries Bouw N.V.", "vries bouw"),
        ("Coöperatie Rabo U.A.", "rabo"),
        ("V.O.F. Jansen", "jansen"),
        ("Het Werkhuis", "werkhuis"),
    ],
)
def test_names_are_normalised_without_legal_forms_and_articles(name, expected):
    assert normalise_name(name) == expected


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("info@bakkerij.nl", "bakkerij.nl"),
        ("https://www.bakkerij.nl/over-ons", "bakkerij.nl"),
        ("www.Bakkerij.NL", "bakkerij.nl"),
        ("hr@mail.bakkerij.nl", "bakkerij.nl"),
        ("jan@example.co.uk", "example.co.uk"),
        ("piet@gmail.com", ""),
        ("an@outlook.com", ""),
        ("kees@hotmail.com", ""),
        ("els@ziggo.nl", ""),
        ("bert@kpnmail.nl", ""),
        ("", ""),
        ("geen adres", ""),
    ],
)
def test_domains_of_addresses_and_websites_ignore_common_mail_providers(address, expected):
    assert domain_of(address) == expected


def _subject(**kwargs) -> Party:
    return Party(key="new", **{"name": "Bakkerij De Korenaar B.V.", **kwargs})


def test_the_same_kvk_number_is_a_duplicate():
    (candidate,) = find_duplicates(
        _subject(kvk="12345678"), [Party(key=1, name="Iets Anders", kvk="12345678")]
    )
    assert [(r.kind, r.detail) for r in candidate.reasons] == [("kvk", "12345678")]


def test_a_similar_name_is_a_duplicate_with_its_score():
    (candidate,) = find_duplicates(_subject(), [Party(key=1, name="Bakkerij de Koorenaar")])
    (reason,) = candidate.reasons
    assert reason.kind == "name" and 0.85 <= reason.score < 1


def test_the_same_name_with_another_legal_form_scores_one():
    assert name_similarity("Bakkerij De Korenaar B.V.", "bakkerij de korenaar") == 1.0


def test_reordered_words_are_still_similar():
    assert name_similarity("Zorggroep Noord Welzijn", "Welzijn Zorggroep Noord") >= 0.85


def test_a_different_name_is_not_a_duplicate():
    assert find_duplicates(_subject(), [Party(key=1, name="Bouwbedrijf Van Dam")]) == []


def test_the_same_email_or_website_domain_is_a_duplicate():
    subject = _subject(name="Korenaar", addresses=("jan@korenaar.nl",))
    (candidate,) = find_duplicates(
        subject, [Party(key=1, name="Totaal anders", addresses=("https://www.korenaar.nl",))]
    )
    assert [(r.kind, r.detail) for r in candidate.reasons] == [("domain", "korenaar.nl")]


def test_a_shared_common_mail_provider_is_not_a_duplicate():
    subject = _subject(name="Korenaar", addresses=("jan@gmail.com",))
    assert (
        find_duplicates(subject, [Party(key=1, name="Anders", addresses=("els@gmail.com",))]) == []
    )


def test_the_subject_itself_is_skipped():
    assert find_duplicates(_subject(), [Party(key="new", name="Bakkerij De Korenaar")]) == []


def test_candidates_come_strongest_first():
    subject = _subject(kvk="12345678", addresses=("a@korenaar.nl",))
    others = [
        Party(key="name", name="Bakkerij de Korenaar"),
        Party(key="all", name="Bakkerij De Korenaar", kvk="12345678", addresses=("b@korenaar.nl",)),
        Party(key="kvk", name="X", kvk="12345678"),
    ]
    assert [c.key for c in find_duplicates(subject, others)] == ["all", "kvk", "name"]


names = st.text(alphabet="abcdefghij klmnop.&", min_size=1, max_size=30)


@given(names, names)
def test_similarity_is_symmetric_and_between_zero_and_one(a, b):
    score = name_similarity(a, b)
    assert 0.0 <= score <= 1.0
    assert score == name_similarity(b, a)


@given(names)
def test_a_name_is_always_a_duplicate_of_itself_when_it_has_words(name):
    if normalise_name(name):
        assert name_similarity(name, name) == 1.0
        assert find_duplicates(Party(key=1, name=name), [Party(key=2, name=name)])


@given(names)
def test_normalising_is_idempotent(name):
    assert normalise_name(normalise_name(name)) == normalise_name(name)
