"""Search over stories, organisations and meetings (`/zoeken/`).

Other apps call the index functions when their content changes, so that the index stays
current without signals:

- `search_index_organisation(organisation=...)` after an organisation is approved or its
  public profile or themes change (it removes organisations that are not approved);
- `search_index_event(event=...)` after a meeting is published or changed, and
  `search_remove(kind="event", object_id=...)` when it is withdrawn or deleted;
- `search_index_tagged(obj=...)` after the programme lines of a story, meeting or offer
  changed, and `search_index_line(line=...)` after a line was renamed or switched on or
  off (`search_reindex_objects(...)` with the ids it tagged, when it was deleted).

`olievlek search_reindex` rebuilds everything.
"""

from .index import (
    search_index_event,
    search_index_line,
    search_index_organisation,
    search_index_story,
    search_index_tagged,
    search_reindex,
    search_reindex_objects,
    search_remove,
)
from .query import SearchHit, SearchResults, search

__all__ = [
    "SearchHit",
    "SearchResults",
    "search",
    "search_index_event",
    "search_index_line",
    "search_index_organisation",
    "search_index_story",
    "search_index_tagged",
    "search_reindex",
    "search_reindex_objects",
    "search_remove",
]
