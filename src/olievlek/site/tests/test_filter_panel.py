"""The lists with filters (directory, meetings, stories) share one filter panel
(components/filter_panel.html): a named search form that updates the results in place
and a way back to the unfiltered list, in Dutch."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url_name", "label", "button"),
    [
        ("network:directory", "Filter the network", "Show results"),
        ("events:calendar", "Filter the meetings", "Show meetings"),
        ("knowledge:story_list", "Filter the stories", "Show stories"),
    ],
)
def test_each_list_has_the_filter_panel(client, url_name, label, button):
    url = reverse(url_name)
    html = client.get(url).content.decode()
    with translation.override("nl"):
        label_nl, button_nl = translation.gettext(label), translation.gettext(button)
    assert label_nl != label  # the Dutch page shows the Dutch name
    form = re.search(r'<form class="ov-filters"[^>]*>', html).group(0)
    assert 'role="search"' in form and f'aria-label="{label_nl}"' in form
    assert f'action="{url}"' in form and f'hx-get="{url}"' in form
    assert f">{button_nl}</button>" in html
    assert f'<a class="utrecht-link" href="{url}">Alle filters wissen</a>' in html
    assert 'id="results"' in html
