from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    """*Kennis en campagne*: stories, the manifesto, search and campaign material."""

    name = "olievlek.knowledge"
    verbose_name = _("Knowledge and campaign")
    nav_items = [
        (_("Stories"), "knowledge:story_list"),
        (_("Manifesto"), "knowledge:manifesto"),
        (_("Campaign"), "knowledge:campaign"),
        (_("Search"), "knowledge:search"),
    ]
    member_items = [
        (_("My stories"), "knowledge:my_stories"),
        (_("Campaign material"), "knowledge:my_campaign"),
    ]
    backoffice_items = [
        (_("Stories"), "knowledge:backoffice_stories"),
        (_("Manifesto"), "knowledge:backoffice_manifesto"),
        (_("Campaign library"), "knowledge:backoffice_campaign"),
        (_("Campaign requests"), "knowledge:backoffice_requests"),
    ]

    def inbox_items(self):
        """Rows for the project team's work inbox (``olievlek.site.inbox``)."""
        from .inbox import inbox_items

        return inbox_items()
