"""The template loader keeps one copy of a template per language with its fixed texts
translated (site/template_loader.py): what it renders must equal what Django's own cached
loader renders, in every language, whatever the tags around the texts."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.template import Context, Engine
from django.template.base import TextNode
from django.templatetags.i18n import BlockTranslateNode, TranslateNode
from django.urls import reverse
from django.utils import translation

from olievlek.site.template_loader import Loader

TEMPLATES = {
    "base.html": (
        "{% load i18n %}<p>{% translate 'Search' %}</p>"
        "{% block main %}{% endblock %}<footer>{% translate 'Log out' %}</footer>"
    ),
    "page.html": (
        "{% extends 'base.html' %}{% load i18n %}{% block main %}"
        "{% if show %}<a>{% translate 'Search' %}</a>{% else %}{% translate 'Menu' %}{% endif %}"
        "{% for item in items %}<li>{% translate 'Log out' %} {{ item }}</li>"
        "{% empty %}{% translate 'Search' %}{% endfor %}"
        "{% with name='Olievlek' %}{% translate name %}{% endwith %}"
        "{% translate 'Log out' as kept %}[{{ kept }}]"
        "{% translate 'Search'|upper %}"
        "{% translate 'May' context 'abbrev. month' %}"
        "{% translate '100% sure & <safe>' %}"
        "{% blocktranslate %}Search{% endblocktranslate %}"
        "{% blocktranslate with who=name %}Hello {{ who }}{% endblocktranslate %}"
        "{% blocktranslate count n=items|length %}one{% plural %}many{% endblocktranslate %}"
        "{% language 'en' %}{% translate 'Log out' %}{% endlanguage %}"
        "{% autoescape off %}{% translate 'Search' %}{% endautoescape %}"
        "{% include 'part.html' %}"
        "{% endblock %}"
    ),
    "part.html": "{% load i18n %}<i>{% translate 'Menu' %}</i>",
}
CONTEXTS = [
    {"show": True, "items": ["a", "b"], "name": "Olievlek"},
    {"show": False, "items": [], "name": "<b>x</b>"},
]


def engine(loader: str) -> Engine:
    return Engine(
        loaders=[(loader, [("django.template.loaders.locmem.Loader", TEMPLATES)])],
        libraries={"i18n": "django.templatetags.i18n"},
    )


@pytest.mark.parametrize("language", ["nl", "en"])
def test_it_renders_what_djangos_cached_loader_renders(language):
    ours, django = (
        engine("olievlek.site.template_loader.Loader"),
        engine("django.template.loaders.cached.Loader"),
    )
    with translation.override(language):
        for values in CONTEXTS:
            expected = django.get_template("page.html").render(Context(values))
            assert ours.get_template("page.html").render(Context(values)) == expected


def test_each_language_has_its_own_translated_copy():
    ours = engine("olievlek.site.template_loader.Loader")
    with translation.override("nl"):
        dutch = ours.get_template("base.html").render(Context())
    with translation.override("en"):
        english = ours.get_template("base.html").render(Context())
    with translation.override("nl"):
        again = ours.get_template("base.html").render(Context())
    assert "Zoeken" in dutch and "Uitloggen" in dutch
    assert "Search" in english and "Log out" in english
    assert again == dutch


def test_fixed_texts_become_text_and_the_rest_stays_a_tag():
    ours = engine("olievlek.site.template_loader.Loader")
    with translation.override("nl"):
        template = ours.get_template("page.html")
    kept = template.nodelist.get_nodes_by_type(TranslateNode)
    kept_blocks = template.nodelist.get_nodes_by_type(BlockTranslateNode)
    # translate name; 'as kept'; with a filter; inside {% language %}
    assert len(kept) == 4
    assert {str(n.filter_expression.var) for n in kept} == {"name", "'Log out'", "'Search'"}
    # with a variable, and with a plural
    assert len(kept_blocks) == 2
    texts = "".join(n.s for n in template.nodelist.get_nodes_by_type(TextNode))
    assert "Zoeken" in texts and "Uitloggen" in texts and "mei" in texts.lower()


@pytest.mark.django_db
def test_one_process_serves_each_visitor_the_language_chosen(client):
    pages: dict[str, list[str]] = {"en": [], "nl": []}
    for language in ("en", "nl", "en", "nl"):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        pages[language].append(client.get(reverse("account_login")).content.decode())
    for html in pages["en"]:
        assert "Skip to main content" in html and "Direct naar de inhoud" not in html
    for html in pages["nl"]:
        assert "Direct naar de inhoud" in html and "Skip to main content" not in html


def test_the_site_uses_it():
    from django.template import engines

    loaders = engines["django"].engine.template_loaders
    assert [type(loader) for loader in loaders] == [Loader]
