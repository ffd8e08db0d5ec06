"""Reads for the site's own pages. The home page gathers a little of every part of the
network, each through that part's own selectors."""

from __future__ import annotations

from dataclasses import dataclass

HOME_MEETINGS = 3
HOME_STORIES = 3


@dataclass(frozen=True)
class HomePage:
    counts: dict
    chain: dict
    meetings: list
    stories: list


def home_page(*, user) -> HomePage:
    """The next meetings this visitor may see, the newest stories (each with its first
    image, if it has one), the network's size and the chain's figures."""
    from olievlek.events.selectors import CalendarFilters, event_calendar
    from olievlek.knowledge.selectors import stories_published
    from olievlek.network.selectors import network_counts
    from olievlek.payitforward.spread_map import chain_summary

    stories = list(stories_published().prefetch_related("images")[:HOME_STORIES])
    for story in stories:
        story.first_image = next(iter(story.images.all()), None)
    return HomePage(
        counts=network_counts(),
        chain=chain_summary(),
        meetings=list(event_calendar(user=user, filters=CalendarFilters())[:HOME_MEETINGS]),
        stories=stories,
    )
