from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """*Bijeenkomsten*: meetings, masterclasses, sessions and visits."""

    name = "olievlek.events"
    verbose_name = _("Meetings")
    nav_items = [(_("Meetings"), "events:calendar")]
