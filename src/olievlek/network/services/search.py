"""Keeping the site search (the knowledge app's index) current when organisations change.

Called after the change commits; the search app decides what it shows (only approved
organisations), so a rejection takes an organisation out of the index as well.
"""

from __future__ import annotations


def reindex_organisation(organisation) -> None:
    from olievlek.knowledge.search import search_index_organisation

    search_index_organisation(organisation=organisation)


def reindex_everything() -> None:
    """After an import of thousands of organisations one bulk rebuild is far cheaper than
    indexing them one by one."""
    from olievlek.knowledge.search import search_reindex

    search_reindex()
