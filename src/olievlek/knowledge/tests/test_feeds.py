"""Security review, finding 16: a feed's description is HTML (RSS <description>, Atom
<summary type="html">), so a story's plain-text lead is escaped as HTML inside the XML. A
reader that renders the description then shows what the employer typed, and never runs
markup from it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from .factories import StoryFactory

pytestmark = pytest.mark.django_db

LEAD = 'Zorg & "werk" <script>alert(1)</script> bij Jansen\'s'
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def story(org_a):
    return StoryFactory(organisation=org_a, published=True, title="Gezond & wel", lead=LEAD)


def test_the_rss_description_is_the_lead_escaped_as_html(client, story):
    root = ET.fromstring(client.get("/verhalen/feed/rss").content)  # noqa: S314 (our own feed)
    (item,) = root.iter("item")
    description = item.find("description").text
    assert description == (
        "Zorg &amp; &quot;werk&quot; &lt;script&gt;alert(1)&lt;/script&gt; bij Jansen&#x27;s"
    )
    assert item.find("title").text == "Gezond & wel"  # a title is plain text


def test_the_atom_summary_is_the_lead_escaped_as_html(client, story):
    root = ET.fromstring(client.get("/verhalen/feed/atom").content)  # noqa: S314 (our own feed)
    (entry,) = root.iter(f"{ATOM}entry")
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert "<script>" not in summary.text
    assert summary.text.startswith("Zorg &amp; &quot;werk&quot; &lt;script&gt;")
