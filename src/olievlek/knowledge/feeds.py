"""Atom and RSS feeds of published stories (Django's syndication framework)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from .selectors import stories_published


class StoriesRssFeed(Feed):
    title = _("Olievlek: stories of employers")
    description = _(
        "Employers tell how they keep their people working well, healthy and motivated."
    )

    def link(self):
        return reverse("knowledge:story_list")

    def items(self):
        return stories_published()[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # RSS <description> and Atom <summary type="html"> hold HTML; the lead is plain
        # text, so it is escaped as HTML here (and as XML by the feed writer).
        return escape(item.lead)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.organisation.name

    def item_categories(self, item):
        return item.theme_labels


class StoriesAtomFeed(StoriesRssFeed):
    feed_type = Atom1Feed
    subtitle = StoriesRssFeed.description
